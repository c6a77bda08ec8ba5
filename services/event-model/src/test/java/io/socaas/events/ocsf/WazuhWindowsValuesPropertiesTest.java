package io.socaas.events.ocsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Values of Windows events as Wazuh escapes them come back as the host had them, whatever they
 * hold (backslashes in a row, quotes, a trailing backslash), and values sent as they were are left
 * alone. QuickTheories over generated values.
 */
class WazuhWindowsValuesPropertiesTest {

    private static final int EXAMPLES = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Text rich in backslashes and quotes (paths, UNC names, quoted command lines). */
    private static Gen<String> values() {
        return strings()
                .betweenCodePoints(0x20, 0x7e)
                .ofLengthBetween(0, 20)
                .map(v -> v.replace('a', '\\').replace('b', '"').replace('c', '\\'));
    }

    private static String escapedAsWazuhDoes(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static ObjectNode event(List<String> values) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode win = event.putObject("win");
        win.putObject("system").put("channel", "Security").put("message", "C:\\Windows\\a.exe");
        ObjectNode data = win.putObject("eventdata");
        for (int i = 0; i < values.size(); i++) {
            data.put("field" + i, values.get(i));
        }
        return event;
    }

    @Test
    void escapedValuesComeBackAsTheHostHadThem() {
        qt().withExamples(EXAMPLES)
                .forAll(lists().of(values()).ofSizeBetween(1, 5))
                .assuming(values -> values.stream().anyMatch(v -> v.contains("\\") || v.contains("\"")))
                .checkAssert(values -> {
                    ObjectNode event = event(values.stream()
                            .map(WazuhWindowsValuesPropertiesTest::escapedAsWazuhDoes)
                            .toList());
                    WazuhWindowsValues.unescape(event);
                    assertThat(event).isEqualTo(event(values));
                });
    }

    @Test
    void valuesWithASingleBackslashAreLeftAsTheyAre() {
        qt().withExamples(EXAMPLES)
                .forAll(lists().of(values()).ofSizeBetween(1, 5), values())
                .checkAssert((values, other) -> {
                    List<String> sent = new java.util.ArrayList<>(values);
                    // a path as the host writes it: a backslash before a letter
                    sent.add(other + "C:\\Windows");
                    ObjectNode event = event(sent);
                    WazuhWindowsValues.unescape(event);
                    assertThat(event).isEqualTo(event(sent));
                });
    }
}

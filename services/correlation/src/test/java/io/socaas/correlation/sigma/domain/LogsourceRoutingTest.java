package io.socaas.correlation.sigma.domain;

import static io.socaas.correlation.sigma.domain.SigmaTestData.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.sigma.yaml.LogsourceMappingReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Classification of events into Sigma logsources by the shipped mapping data. */
class LogsourceRoutingTest {

    private static final LogsourceMapping MAPPING = LogsourceMappingReader.shipped();

    private static List<Logsource> classify(String json) {
        return MAPPING.classify(event(json)).stream()
                .map(LogsourceMapping.Classified::logsource)
                .toList();
    }

    @Test
    void sysmonEventsGetTheirServiceAndCategory() {
        String sysmon = "{\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"EventID\":%s}";
        assertThat(classify(sysmon.formatted(1)))
                .containsExactly(
                        new Logsource("windows", null, "sysmon"),
                        new Logsource("windows", "process_creation", "sysmon"));
        assertThat(classify(sysmon.formatted(3))).contains(new Logsource("windows", "network_connection", "sysmon"));
        assertThat(classify(sysmon.formatted(22))).contains(new Logsource("windows", "dns_query", "sysmon"));
        assertThat(classify(sysmon.formatted(11))).contains(new Logsource("windows", "file_event", "sysmon"));
        assertThat(classify(sysmon.formatted(13)))
                .contains(
                        new Logsource("windows", "registry_set", "sysmon"),
                        new Logsource("windows", "registry_event", "sysmon"));
    }

    @Test
    void registryCategoriesOfEvent12DependOnTheEventType() {
        assertThat(
                        classify(
                                "{\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"EventID\":12,\"EventType\":\"DeleteValue\"}"))
                .contains(new Logsource("windows", "registry_delete", "sysmon"))
                .doesNotContain(new Logsource("windows", "registry_add", "sysmon"));
    }

    @Test
    void windowsChannelsAreServices() {
        assertThat(classify("{\"Channel\":\"Security\",\"EventID\":4624}"))
                .containsExactly(new Logsource("windows", null, "security"));
        assertThat(classify("{\"Channel\":\"System\",\"EventID\":7045}"))
                .containsExactly(new Logsource("windows", null, "system"));
        assertThat(classify("{\"Channel\":\"Security\",\"EventID\":4688}"))
                .contains(new Logsource("windows", "process_creation", "security"));
        assertThat(classify("{\"Channel\":\"Microsoft-Windows-PowerShell/Operational\",\"EventID\":4104}"))
                .contains(new Logsource("windows", "ps_script", "powershell"));
    }

    @Test
    void shipperShapesAreClassifiedLikeFlatEvents() {
        Logsource dns = new Logsource("windows", "dns_query", "sysmon");
        assertThat(classify("""
                        {"Event":{"System":{"EventID":22,"Channel":"Microsoft-Windows-Sysmon/Operational"}}}
                        """)).contains(dns);
        assertThat(classify("""
                        {"winlog":{"event_id":22,"channel":"Microsoft-Windows-Sysmon/Operational"}}
                        """)).contains(dns);
        assertThat(classify("""
                        {"data":{"win":{"system":{"eventID":"22","channel":"Microsoft-Windows-Sysmon/Operational"}}}}
                        """)).contains(dns);
    }

    @Test
    void eventsOfUnknownSourcesHaveNoLogsource() {
        assertThat(classify("{\"EventID\":1,\"Image\":\"C:\\\\x.exe\"}")).isEmpty();
        assertThat(classify("{\"message\":\"sshd[1]: Accepted password\"}")).isEmpty();
    }

    @Test
    void aRuleLogsourceCoversTheEventLogsourcesItStates() {
        Logsource event = new Logsource("windows", "process_creation", "security");
        assertThat(new Logsource("windows", "process_creation", null).covers(event))
                .isTrue();
        assertThat(new Logsource("windows", null, "security").covers(event)).isTrue();
        assertThat(new Logsource(null, "process_creation", null).covers(event)).isTrue();
        assertThat(new Logsource("windows", "dns_query", null).covers(event)).isFalse();
        assertThat(new Logsource("linux", "process_creation", null).covers(event))
                .isFalse();
    }
}

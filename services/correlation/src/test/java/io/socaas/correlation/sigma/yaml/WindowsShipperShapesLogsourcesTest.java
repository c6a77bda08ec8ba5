package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.fired;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.detection.domain.EventAdmission;
import io.socaas.correlation.sigma.domain.Logsource;
import io.socaas.correlation.sigma.domain.SigmaEvent;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A failed logon to a disabled account (Security 4625, sub-status 0xC0000072), as ingestion
 * normalizes it (event-model's {@link OcsfNormalizer}, then {@link EventAdmission}), reaches the
 * Windows Security logsource and SigmaHQ's {@code win_security_susp_failed_logon_reasons} in the
 * shapes of further shippers and stores: the OpenTelemetry Collector's Windows event log body,
 * Winlogbeat 6, Winlogbeat's fields as Graylog flattens them (Beats input and GELF output) and Log
 * Analytics' WindowsEvent rows; a wrong password (0xC000006A) fires nothing. A Sysmon connection in a
 * Log Analytics Event row (its data in the agent's XML text) reaches the network connection rules.
 * Without the corpus ({@code SOCAAS_CORPUS}) the tests are skipped.
 */
class WindowsShipperShapesLogsourcesTest {

    private static final Logsource SECURITY = new Logsource("windows", null, "security");
    private static final String RULE = "rules/windows/builtin/security/win_security_susp_failed_logon_reasons.yml";

    private static List<String> shapes(String subStatus) {
        return List.of(
                        // the body of the OpenTelemetry Collector's receiver (pkg/stanza/operator/input/windows/xml.go)
                        """
                {"event_id":{"qualifiers":0,"id":4625},"provider":{"name":"Microsoft-Windows-Security-Auditing"},
                 "system_time":"2026-03-01T09:58:00.000Z","computer":"WS01.corp.local","channel":"Security",
                 "message":"An account failed to log on.",
                 "event_data":{"TargetUserName":"svc_sql","LogonType":"3","IpAddress":"10.1.2.3",
                  "Status":"0xc000006e","SubStatus":"%s"}}""",
                        // Winlogbeat 6's top-level names
                        """
                {"@timestamp":"2026-03-01T09:58:00.000Z","computer_name":"WS01.corp.local","event_id":4625,
                 "log_name":"Security","source_name":"Microsoft-Windows-Security-Auditing",
                 "event_data":{"TargetUserName":"svc_sql","LogonType":"3","IpAddress":"10.1.2.3",
                  "Status":"0xc000006e","SubStatus":"%s"}}""",
                        // Graylog's Beats input
                        """
                {"timestamp":"2026-03-01 09:58:00.000","source":"WS01","winlogbeat_winlog_event_id":"4625",
                 "winlogbeat_winlog_channel":"Security","winlogbeat_winlog_computer_name":"WS01.corp.local",
                 "winlogbeat_winlog_event_data_TargetUserName":"svc_sql","winlogbeat_winlog_event_data_LogonType":"3",
                 "winlogbeat_winlog_event_data_Status":"0xc000006e","winlogbeat_winlog_event_data_SubStatus":"%s"}""",
                        // Graylog's GELF output
                        """
                {"version":"1.1","host":"WS01","short_message":"An account failed to log on.","timestamp":1772359080.0,
                 "_winlogbeat_winlog_event_id":"4625","_winlogbeat_winlog_channel":"Security",
                 "_winlogbeat_winlog_event_data_TargetUserName":"svc_sql","_winlogbeat_winlog_event_data_Status":"0xc000006e",
                 "_winlogbeat_winlog_event_data_SubStatus":"%s"}""",
                        // Log Analytics' WindowsEvent table (Azure Monitor agent)
                        """
                {"TimeGenerated":"2026-03-01T09:58:00.000Z","Channel":"Security","Computer":"WS01.corp.local",
                 "EventID":4625,"Provider":"Microsoft-Windows-Security-Auditing","Type":"WindowsEvent",
                 "EventData":{"TargetUserName":"svc_sql","LogonType":"3","Status":"0xc000006e","SubStatus":"%s"}}""")
                .stream()
                .map(shape -> shape.formatted(subStatus))
                .toList();
    }

    private static final Logsource NETWORK_CONNECTION = new Logsource("windows", "network_connection", "sysmon");
    private static final String CALLBACK_PORT =
            "rules/windows/network_connection/net_connection_win_susp_malware_callback_port.yml";

    /**
     * A Log Analytics Event row of a Sysmon network connection: the EventData text as a Microsoft
     * Sentinel query showed it in a public lab write-up (PowerShell's reverse shell to port 4444).
     */
    private static String eventRow(String destinationIp) {
        return """
                {"TimeGenerated":"2026-03-01T09:34:02.887Z","Source":"Microsoft-Windows-Sysmon",
                 "EventLog":"Microsoft-Windows-Sysmon/Operational","Computer":"Win11_SoC","EventID":3,
                 "RenderedDescription":"Network connection detected:","Type":"Event",
                 "EventData":"<DataItem Type=\\"System.XmlData\\" time=\\"2026-03-01T09:34:02.8870742Z\\" sourceHealthServiceId=\\"1cc3bd45-c9c2-4588-8db8-f6295de382d4\\"><EventData xmlns=\\"http://schemas.microsoft.com/win/2004/08/events/event\\"><Data Name=\\"RuleName\\">-</Data><Data Name=\\"UtcTime\\">2026-03-01 09:34:01.113</Data><Data Name=\\"ProcessGuid\\">{22d8bf06-7f61-6a31-b302-000000001500}</Data><Data Name=\\"ProcessId\\">9948</Data><Data Name=\\"Image\\">C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe</Data><Data Name=\\"User\\">Win11_SoC\\\\6543s</Data><Data Name=\\"Protocol\\">tcp</Data><Data Name=\\"Initiated\\">true</Data><Data Name=\\"SourceIsIpv6\\">false</Data><Data Name=\\"SourceIp\\">192.168.56.131</Data><Data Name=\\"SourceHostname\\">Win11_SoC</Data><Data Name=\\"SourcePort\\">64134</Data><Data Name=\\"SourcePortName\\">-</Data><Data Name=\\"DestinationIsIpv6\\">false</Data><Data Name=\\"DestinationIp\\">%s</Data><Data Name=\\"DestinationHostname\\">-</Data><Data Name=\\"DestinationPort\\">4444</Data><Data Name=\\"DestinationPortName\\">-</Data></EventData></DataItem>"}""".formatted(destinationIp);
    }

    @Test
    void aSysmonConnectionInALogAnalyticsEventRowReachesSigmaWithItsData() {
        assumeCorpus();
        String rule = id(CALLBACK_PORT);
        // to an address on the internet: the callback port rule fires
        Map<String, Object> outbound = ingestedJson(eventRow("203.0.113.50"));
        assertThat(logsources(outbound)).contains(NETWORK_CONNECTION);
        assertThat(fired(outbound)).contains(rule);
        // as the lab recorded it, to a private address: the rule leaves it out
        Map<String, Object> lab = ingestedJson(eventRow("192.168.56.130"));
        assertThat(logsources(lab)).contains(NETWORK_CONNECTION);
        assertThat(fired(lab)).doesNotContain(rule);
    }

    @Test
    void aLogonToADisabledAccountFiresInEveryShapeAndAWrongPasswordDoesNot() {
        assumeCorpus();
        String rule = id(RULE);
        for (String shape : shapes("0xc0000072")) {
            Map<String, Object> event = ingestedJson(shape);
            assertThat(logsources(event)).as(shape).contains(SECURITY);
            assertThat(fired(event)).as(shape).contains(rule);
        }
        for (String shape : shapes("0xc000006a")) {
            Map<String, Object> event = ingestedJson(shape);
            assertThat(logsources(event)).as(shape).contains(SECURITY);
            assertThat(fired(event)).as(shape).doesNotContain(rule);
        }
    }

    @Test
    void anElasticDocumentHoldingTheEventOnlyAsXmlReachesTheSecurityRulesWithItsData() {
        // the example of Elastic's decode_xml_wineventlog processor reference
        // (elastic.co/docs/reference/fleet/decode_xml_wineventlog-processor), a 4672 in event.original only
        Map<String, Object> event = ingestedJson("""
                {"event":{"original":"<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/><EventID>4672</EventID><TimeCreated SystemTime='2021-03-23T09:56:13.137310000Z'/><EventRecordID>11303</EventRecordID><Channel>Security</Channel><Computer>vagrant</Computer><Security/></System><EventData><Data Name='SubjectUserSid'>S-1-5-18</Data><Data Name='SubjectUserName'>SYSTEM</Data><Data Name='SubjectDomainName'>NT AUTHORITY</Data><Data Name='SubjectLogonId'>0x3e7</Data></EventData></Event>"}}""");
        assertThat(logsources(event)).contains(SECURITY);
        SigmaEvent sigma = SigmaEvent.of(event);
        assertThat(sigma.field("EventID").value()).isEqualTo("4672");
        assertThat(sigma.field("Provider_Name").value()).isEqualTo("Microsoft-Windows-Security-Auditing");
        assertThat(sigma.field("SubjectUserName").value()).isEqualTo("SYSTEM");

        // an original that is some other XML is no Windows Security event
        Map<String, Object> other = ingestedJson("""
                {"event":{"original":"<Events><System><EventID>4672</EventID><Channel>Security</Channel></System></Events>"}}""");
        assertThat(logsources(other)).doesNotContain(SECURITY);
    }
}

package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.fired;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.detection.domain.EventAdmission;
import io.socaas.correlation.sigma.domain.Logsource;
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
 * Analytics' WindowsEvent rows; a wrong password (0xC000006A) fires nothing. Without the corpus
 * ({@code SOCAAS_CORPUS}) the tests are skipped.
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
}

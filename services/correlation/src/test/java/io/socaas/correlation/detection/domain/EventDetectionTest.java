package io.socaas.correlation.detection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.rules.domain.RuleCatalog;
import io.socaas.correlation.rules.domain.RulePack;
import io.socaas.correlation.rules.domain.TenantProfile;
import io.socaas.correlation.sigma.domain.SigmaLevel;
import io.socaas.correlation.sigma.yaml.LogsourceMappingReader;
import io.socaas.correlation.sigma.yaml.SigmaYamlReader;
import io.socaas.events.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventDetectionTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final DetectionRule WHOAMI = new DetectionRule(
            SigmaYamlReader.read("""
                    title: Security Privileges Enumeration Via Whoami.EXE
                    id: 97a80ec7-0e2f-4d05-9ef4-65760e634f6b
                    author: Florian Roth (Nextron Systems)
                    level: high
                    tags: [attack.discovery, attack.t1033]
                    logsource: {category: process_creation, product: windows}
                    detection:
                      selection_img:
                        - Image|endswith: '\\whoami.exe'
                        - OriginalFileName: 'whoami.exe'
                      selection_cli:
                        CommandLine|contains: [' /priv', ' -priv']
                      condition: all of selection_*
                    """),
            new RulePack(
                    "windows-core",
                    "DRL-1.1",
                    "https://github.com/SigmaHQ/sigma/blob/master/rules/windows/process_creation/"),
            "proc_creation_win_whoami_priv_discovery.yml");

    /** A DNS rule that only tests the image: it must not see process creations of that image. */
    private static final DetectionRule DNS_BY_WHOAMI =
            new DetectionRule(SigmaYamlReader.read("""
                    title: DNS query by whoami
                    id: 5a2f0b7e-1111-4c3e-9a55-0d1f1e2a3b4c
                    author: Tester
                    level: medium
                    logsource: {category: dns_query, product: windows}
                    detection:
                      selection:
                        Image|endswith: '\\whoami.exe'
                      condition: selection
                    """), RulePack.unnamed("windows-core"), "dns_query_whoami.yml");

    private final EventDetection service = new EventDetection(
            () -> RuleCatalog.assemble(
                    List.of(new TenantProfile(ACME, true, List.of("windows-core"))),
                    Map.of("windows-core", List.of(WHOAMI, DNS_BY_WHOAMI)),
                    List.of()),
            LogsourceMappingReader.shipped(),
            Clock.fixed(Instant.parse("2026-11-23T10:00:00.123456Z"), ZoneOffset.UTC));

    private static Map<String, Object> event(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(json, Map.class);
            return map;
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void raisesAnAlertDescribingTheRuleAndTheEvent() {
        List<Alert> alerts = service.detect(ACME, "01INGEST", event("""
                {"tenant":"acme","ingest_id":"01INGEST","EventID":1,"Computer":"WS-01",
                 "Channel":"Microsoft-Windows-Sysmon/Operational",
                 "Image":"C:\\\\Windows\\\\System32\\\\whoami.exe","CommandLine":"whoami /priv",
                 "time":1763892000000}
                """));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.alertId())
                    .isEqualTo(Alert.singleEventId(ACME, WHOAMI.sigma().id(), "01INGEST"));
            assertThat(alert.tenant()).isEqualTo(ACME);
            assertThat(alert.rule()).isEqualTo(WHOAMI);
            assertThat(alert.rule().referenceUrl())
                    .isEqualTo(
                            "https://github.com/SigmaHQ/sigma/blob/master/rules/windows/process_creation/proc_creation_win_whoami_priv_discovery.yml");
            assertThat(alert.level()).contains(SigmaLevel.HIGH);
            assertThat(alert.eventIngestIds()).containsExactly("01INGEST");
            assertThat(alert.eventTime()).isEqualTo("2025-11-23T10:00:00.000Z");
            assertThat(alert.detectedTime()).isEqualTo("2026-11-23T10:00:00.123Z");
            assertThat(alert.summary()).contains("WS-01").contains("whoami.exe").contains("whoami /priv");
            assertThat(alert.dedupKey()).isEqualTo("97a80ec7-0e2f-4d05-9ef4-65760e634f6b:ws-01");
        });
    }

    @Test
    void takesTheEventTimeFromEvtxDumps() {
        List<Alert> alerts = service.detect(ACME, "01X", event("""
                {"tenant":"acme","ingest_id":"01X","received_time":"2026-01-01T00:00:00.000Z",
                 "Event":{"System":{"Computer":"dc-1","EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational","TimeCreated":{"#attributes":{"SystemTime":"2026-07-17T14:18:34.072213Z"}}},
                          "EventData":{"Image":"C:\\\\x\\\\whoami.exe","CommandLine":"whoami -priv"}}}
                """));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.eventTime()).isEqualTo("2026-07-17T14:18:34.072Z");
            assertThat(alert.dedupKey()).endsWith(":dc-1");
        });
    }

    @Test
    void fallsBackToTheReceivedTime() {
        List<Alert> alerts = service.detect(ACME, "01Y", event("""
                {"tenant":"acme","ingest_id":"01Y","received_time":"2026-01-01T00:00:00.000Z",
                 "EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational","Image":"C:\\\\x\\\\whoami.exe","CommandLine":"whoami /priv"}
                """));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.eventTime()).isEqualTo("2026-01-01T00:00:00.000Z");
            assertThat(alert.dedupKey()).isEqualTo("97a80ec7-0e2f-4d05-9ef4-65760e634f6b");
        });
    }

    @Test
    void raisesNothingForABenignEvent() {
        assertThat(service.detect(ACME, "01Z", event("""
                        {"tenant":"acme","ingest_id":"01Z","EventID":1,
                         "Channel":"Microsoft-Windows-Sysmon/Operational","Image":"C:\\\\x\\\\whoami.exe","CommandLine":"whoami"}
                        """))).isEmpty();
    }

    @Test
    void raisesNothingForATenantWithoutRules() {
        assertThat(service.detect(TenantId.of("globex"), "01G", event("""
                        {"tenant":"globex","ingest_id":"01G","Image":"C:\\\\x\\\\whoami.exe","CommandLine":"whoami /priv"}
                        """))).isEmpty();
    }

    @Test
    void aRedeliveredEventRaisesTheSameAlertId() {
        String json = """
                {"tenant":"acme","ingest_id":"01R","EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational",
                 "Computer":"ws-02","Image":"C:\\\\x\\\\whoami.exe","CommandLine":"whoami /priv"}
                """;
        String first = service.detect(ACME, "01R", event(json)).getFirst().alertId();
        String again = service.detect(ACME, "01R", event(json)).getFirst().alertId();

        assertThat(again).isEqualTo(first);
        assertThat(Alert.singleEventId(ACME, WHOAMI.sigma().id(), "01S")).isNotEqualTo(first);
        assertThat(Alert.singleEventId(TenantId.of("globex"), WHOAMI.sigma().id(), "01R"))
                .isNotEqualTo(first);
        assertThat(service.detect(ACME, "01R", event(json)).getFirst().recordKey())
                .isEqualTo("acme:97a80ec7-0e2f-4d05-9ef4-65760e634f6b:ws-02");
    }

    @Test
    void aRuleSeesOnlyEventsOfItsLogsource() {
        // a process creation of whoami: the process_creation rule fires, the dns_query rule does not
        assertThat(service.detect(ACME, "01P", event("""
                        {"tenant":"acme","ingest_id":"01P","EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational",
                         "Image":"C:\\\\x\\\\whoami.exe","CommandLine":"whoami /priv"}
                        """)))
                .extracting(a -> a.rule().sigma().id())
                .containsExactly(WHOAMI.sigma().id());
        // a DNS query by whoami: only the dns_query rule fires
        assertThat(service.detect(ACME, "01D", event("""
                        {"tenant":"acme","ingest_id":"01D","EventID":22,"Channel":"Microsoft-Windows-Sysmon/Operational",
                         "Image":"C:\\\\x\\\\whoami.exe","QueryName":"example.org","CommandLine":"whoami /priv"}
                        """)))
                .extracting(a -> a.rule().sigma().id())
                .containsExactly(DNS_BY_WHOAMI.sigma().id());
        // an event no logsource claims is seen by no rule
        assertThat(service.detect(ACME, "01U", event("""
                        {"tenant":"acme","ingest_id":"01U","EventID":1,
                         "Image":"C:\\\\x\\\\whoami.exe","CommandLine":"whoami /priv"}
                        """))).isEmpty();
    }

    @Test
    void securityProcessCreationsAreReadThroughTheFieldMappingOfTheirLogsource() {
        List<Alert> alerts = service.detect(ACME, "01S", event("""
                {"tenant":"acme","ingest_id":"01S",
                 "Event":{"System":{"EventID":4688,"Channel":"Security","Computer":"dc-2"},
                          "EventData":{"NewProcessName":"C:\\\\Windows\\\\System32\\\\whoami.exe",
                                       "CommandLine":"whoami /priv"}}}
                """));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.rule().sigma().id()).isEqualTo(WHOAMI.sigma().id());
            assertThat(alert.summary()).contains("whoami.exe");
        });
    }

    @Test
    void aRuleThatFailsOnAnEventIsReportedAndTheOtherRulesStillRun() {
        // an event whose "Image" cannot be read: the rules that test it fail on it
        Map<String, Object> broken = new java.util.HashMap<>(event("""
                {"tenant":"acme","ingest_id":"01F","EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational",
                 "OriginalFileName":"whoami.exe","CommandLine":"whoami /priv"}
                """)) {
            @Override
            public boolean containsKey(Object key) {
                if ("Image".equals(key)) {
                    throw new IllegalStateException("unreadable field");
                }
                return super.containsKey(key);
            }
        };

        EventDetection.Detection detection = service.evaluate(ACME, "01F", broken);

        assertThat(detection.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.rule()).isEqualTo(WHOAMI);
            assertThat(failure.ingestId()).isEqualTo("01F");
            assertThat(failure.reason()).contains("unreadable field");
        });
        assertThat(detection.alerts()).isEmpty();
    }

    @Test
    void aTrialNamesTheSelectionsThatMadeTheRuleMatch() {
        var rule = SigmaYamlReader.read("""
                title: Whoami with filter
                id: 5a2f0b7e-2222-4c3e-9a55-0d1f1e2a3b4c
                logsource: {category: process_creation, product: windows}
                detection:
                  selection_img:
                    Image|endswith: '\\whoami.exe'
                  selection_cli:
                    CommandLine|contains: '/priv'
                  filter_admin:
                    User: admin
                  condition: 1 of selection_* and not filter_admin
                """);
        String sysmon = """
                {"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational",
                 "Image":"C:\\\\x\\\\whoami.exe","CommandLine":"%s","User":"%s"}
                """;

        List<EventDetection.Trial> trials = service.trial(
                rule,
                List.of(
                        event(sysmon.formatted("whoami /priv", "alice")),
                        event(sysmon.formatted("whoami", "alice")),
                        event(sysmon.formatted("whoami /priv", "admin")),
                        event("""
                                {"EventID":22,"Channel":"Microsoft-Windows-Sysmon/Operational",
                                 "Image":"C:\\\\x\\\\whoami.exe"}
                                """)));

        assertThat(trials.get(0).matched()).isTrue();
        assertThat(trials.get(0).selections()).containsExactly("selection_img", "selection_cli");
        assertThat(trials.get(1).selections()).containsExactly("selection_img");
        assertThat(trials.get(2).matched()).isFalse();
        assertThat(trials.get(2).selections()).isEmpty();
        assertThat(trials.get(2).logsourceMatched()).isTrue();
        // a DNS query is not a process creation: the rule never sees it
        assertThat(trials.get(3).logsourceMatched()).isFalse();
        assertThat(trials.get(3).matched()).isFalse();
    }

    @Test
    void aTrialReadsEventsThroughTheFieldMappingOfTheirLogsource() {
        List<EventDetection.Trial> trials = service.trial(WHOAMI.sigma(), List.of(event("""
                {"Event":{"System":{"EventID":4688,"Channel":"Security"},
                          "EventData":{"NewProcessName":"C:\\\\Windows\\\\System32\\\\whoami.exe",
                                       "CommandLine":"whoami /priv"}}}
                """)));

        assertThat(trials).singleElement().satisfies(t -> {
            assertThat(t.matched()).isTrue();
            assertThat(t.selections()).containsExactly("selection_img", "selection_cli");
        });
    }
}

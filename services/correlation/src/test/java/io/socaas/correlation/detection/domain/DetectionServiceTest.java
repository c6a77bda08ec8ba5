package io.socaas.correlation.detection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.rules.domain.RuleCatalog;
import io.socaas.correlation.rules.domain.RulePack;
import io.socaas.correlation.rules.domain.TenantProfile;
import io.socaas.correlation.sigma.domain.SigmaLevel;
import io.socaas.correlation.sigma.yaml.SigmaYamlReader;
import io.socaas.events.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DetectionServiceTest {

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

    private final AtomicInteger ids = new AtomicInteger();
    private final DetectionService service = new DetectionService(
            () -> RuleCatalog.assemble(
                    List.of(new TenantProfile(ACME, true, List.of("windows-core"))),
                    Map.of("windows-core", List.of(WHOAMI)),
                    List.of()),
            Clock.fixed(Instant.parse("2026-11-23T10:00:00.123456Z"), ZoneOffset.UTC),
            () -> "alert-" + ids.incrementAndGet());

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
                 "Image":"C:\\\\Windows\\\\System32\\\\whoami.exe","CommandLine":"whoami /priv",
                 "time":1763892000000}
                """));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.alertId()).isEqualTo("alert-1");
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
                 "Event":{"System":{"Computer":"dc-1","TimeCreated":{"#attributes":{"SystemTime":"2026-07-17T14:18:34.072213Z"}}},
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
                 "Image":"C:\\\\x\\\\whoami.exe","CommandLine":"whoami /priv"}
                """));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.eventTime()).isEqualTo("2026-01-01T00:00:00.000Z");
            assertThat(alert.dedupKey()).isEqualTo("97a80ec7-0e2f-4d05-9ef4-65760e634f6b");
        });
    }

    @Test
    void raisesNothingForABenignEvent() {
        assertThat(service.detect(ACME, "01Z", event("""
                        {"tenant":"acme","ingest_id":"01Z","Image":"C:\\\\x\\\\whoami.exe","CommandLine":"whoami"}
                        """))).isEmpty();
    }

    @Test
    void raisesNothingForATenantWithoutRules() {
        assertThat(service.detect(TenantId.of("globex"), "01G", event("""
                        {"tenant":"globex","ingest_id":"01G","Image":"C:\\\\x\\\\whoami.exe","CommandLine":"whoami /priv"}
                        """))).isEmpty();
    }
}

package io.socaas.correlation.rules.tenantconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.correlation.rules.domain.RuleCatalog;
import io.socaas.correlation.rules.domain.TenantProfile;
import io.socaas.correlation.sigma.domain.SigmaEvent;
import io.socaas.correlation.sigma.yaml.LogsourceMappingReader;
import io.socaas.events.TenantId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule pack the demo tenants ship with, read from the repository's {@code tenant-config/},
 * detects the README's sample event however the Windows event reaches us: flat (Sysmon fields at
 * the top), as an evtx dump, through Winlogbeat or through Wazuh.
 */
class ShippedRulePackTest {

    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final String WHOAMI_PRIV = "Security Privileges Enumeration Via Whoami.EXE";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RuleCatalog catalog;
    private static Map<String, Object> sample;

    @BeforeAll
    static void readConfigAndSample() throws IOException {
        // the demo tenants run windows-core (tenant-config/tenants/*.yaml, published by tenant-billing)
        catalog = RulePackReader.read(REPO.resolve("tenant-config"))
                .catalogFor(List.of(new TenantProfile(TenantId.of("acme"), true, List.of("windows-core"))));
        List<Map<String, Object>> batch =
                JSON.readValue(REPO.resolve("docs/samples/whoami-priv.json").toFile(), new TypeReference<>() {});
        sample = batch.getFirst();
    }

    @Test
    void everyShippedRuleLoads() {
        assertThat(catalog.failures()).isEmpty();
        assertThat(catalog.rulesFor(TenantId.of("acme")).rules()).isNotEmpty();
    }

    @Test
    void theSampleEventFiresTheWhoamiRuleInEveryShape() {
        Map<String, Object> eventData = new java.util.LinkedHashMap<>(sample);
        eventData.remove("EventID");
        eventData.remove("Channel");
        eventData.remove("Computer");
        Map<String, Object> evtx = Map.of(
                "Event",
                Map.of(
                        "System",
                        Map.of("EventID", 1, "Channel", sample.get("Channel"), "Computer", sample.get("Computer")),
                        "EventData",
                        eventData));
        Map<String, Object> winlogbeat = Map.of(
                "@timestamp",
                "2026-11-23T09:14:07.532Z",
                "winlog",
                Map.of("event_id", 1, "channel", sample.get("Channel"), "event_data", eventData));
        Map<String, Object> wazuhEventData = new java.util.LinkedHashMap<>();
        eventData.forEach((k, v) -> wazuhEventData.put(Character.toLowerCase(k.charAt(0)) + k.substring(1), v));
        Map<String, Object> wazuh = Map.of(
                "data",
                Map.of(
                        "win",
                        Map.of(
                                "system",
                                Map.of("eventID", "1", "channel", sample.get("Channel")),
                                "eventdata",
                                wazuhEventData)));

        for (Map<String, Object> shape : List.of(sample, evtx, winlogbeat, wazuh)) {
            assertThat(firedFor("acme", shape)).as("rules fired for %s", shape).contains(WHOAMI_PRIV);
            // as ingestion publishes it: an OCSF record with the source's fields under unmapped
            assertThat(firedFor("acme", normalized(shape)))
                    .as("rules fired for %s normalized", shape)
                    .contains(WHOAMI_PRIV);
        }
    }

    /** The event as ingestion puts it on soc.events.v1, as detection admits it. */
    private static Map<String, Object> normalized(Map<String, Object> source) {
        try {
            io.socaas.events.StampedEvent record = io.socaas.events.ocsf.OcsfNormalizer.withShippedMappings()
                    .normalize(
                            io.socaas.events.JsonEvent.parse(JSON.writeValueAsString(source)),
                            new io.socaas.events.ocsf.OcsfNormalizer.Context(
                                    TenantId.of("acme"),
                                    io.socaas.events.IngestIds.next(),
                                    java.time.Instant.now(),
                                    "test source"));
            Map<String, Object> payload = JSON.readValue(record.event().toJsonBytes(), new TypeReference<>() {});
            assertThat(payload).containsKeys("class_uid", "unmapped", "metadata");
            var admitted = io.socaas.correlation.detection.domain.EventAdmission.admit("acme", payload);
            assertThat(admitted).isInstanceOf(io.socaas.correlation.detection.domain.EventAdmission.Accepted.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> event = (Map<String, Object>)
                    ((io.socaas.correlation.detection.domain.EventAdmission.Accepted) admitted).event();
            return event;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aSecurityAuditProcessCreationOfWhoamiPrivFiresTheRuleToo() {
        Map<String, Object> eventData = Map.of(
                "NewProcessName", "C:\\Windows\\System32\\whoami.exe",
                "ParentProcessName", "C:\\Windows\\System32\\cmd.exe",
                "CommandLine", "whoami /priv",
                "SubjectUserName", "j.doe");
        Map<String, Object> evtx = Map.of(
                "Event", Map.of("System", Map.of("EventID", 4688, "Channel", "Security"), "EventData", eventData));

        assertThat(firedFor("acme", evtx)).contains(WHOAMI_PRIV);
    }

    @Test
    void aPlainWhoamiIsNotAPrivilegeEnumeration() {
        Map<String, Object> plain = new java.util.LinkedHashMap<>(sample);
        plain.put("CommandLine", "whoami");
        assertThat(firedFor("acme", plain)).doesNotContain(WHOAMI_PRIV);
    }

    /** The rules that fire, routed by the event's logsources as detection does. */
    private static List<String> firedFor(String tenant, Map<String, Object> event) {
        SigmaEvent sigmaEvent = SigmaEvent.of(event);
        return catalog
                .rulesFor(TenantId.of(tenant))
                .candidates(LogsourceMappingReader.shipped().classify(sigmaEvent))
                .stream()
                .filter(c -> c.rule().sigma().matches(sigmaEvent.withFieldMapping(c.fields())))
                .map(c -> c.rule().sigma().title())
                .toList();
    }
}

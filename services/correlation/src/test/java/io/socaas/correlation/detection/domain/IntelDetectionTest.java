package io.socaas.correlation.detection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.intel.domain.Indicator;
import io.socaas.correlation.intel.domain.IndicatorType;
import io.socaas.correlation.intel.domain.IntelIndex;
import io.socaas.correlation.intel.domain.IntelSnapshot;
import io.socaas.correlation.sigma.domain.SigmaLevel;
import io.socaas.events.JsonEvent;
import io.socaas.events.TenantId;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Threat intelligence alerts of normalized events: what they carry, their ids, whose lists apply. */
class IntelDetectionTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    private static Indicator c2(String feed) {
        return Indicator.of(
                IndicatorType.IP,
                "203.0.113.0/24",
                feed,
                90,
                Optional.of(Instant.parse("2026-10-02T09:00:00Z")),
                Optional.of(Instant.parse("2026-11-20T10:15:00Z")),
                Optional.empty(),
                "indicator--1",
                "Emotet C2");
    }

    private static Map<String, Object> networkEvent(String dstIp) {
        return Map.of(
                "class_uid",
                4001,
                "time",
                1796119200000L,
                "tenant",
                "acme",
                "ingest_id",
                "01JDXYZ",
                "device",
                Map.of("hostname", "ws-01"),
                "src_endpoint",
                Map.of("ip", "10.0.0.5"),
                "dst_endpoint",
                Map.of("ip", dstIp));
    }

    @Test
    void anIndicatorHitIsAnAlertCarryingTheIndicatorFeedConfidenceAndSeenTimes() {
        IntelDetection detection =
                new IntelDetection(() -> new IntelSnapshot(IntelIndex.of(List.of(c2("cert"))), Map.of()), CLOCK);

        List<IntelAlert> alerts = detection.detect(ACME, "01JDXYZ", networkEvent("203.0.113.66"));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.ruleId()).isEqualTo("intel:cert");
            assertThat(alert.indicator().value()).isEqualTo("203.0.113.0/24");
            assertThat(alert.indicator().confidence()).isEqualTo(90);
            assertThat(alert.indicator().firstSeen()).contains(Instant.parse("2026-10-02T09:00:00Z"));
            assertThat(alert.matched().field()).isEqualTo("dst_endpoint.ip");
            assertThat(alert.matched().value()).isEqualTo("203.0.113.66");
            assertThat(alert.level()).isEqualTo(SigmaLevel.HIGH);
            assertThat(alert.eventTime()).isEqualTo("2026-12-01T10:00:00.000Z");
            assertThat(alert.summary()).contains("203.0.113.66", "dst_endpoint.ip", "ws-01", "Emotet C2");
            assertThat(alert.recordKey()).isEqualTo("acme:intel:cert:ip:203.0.113.0/24");
        });
    }

    @Test
    void theSameEventAndIndicatorAlwaysGiveTheSameAlertIdAndAnotherEventAnother() {
        IntelDetection detection = new IntelDetection(
                () -> new IntelSnapshot(IntelIndex.of(List.of(c2("cert"), c2("other-feed"))), Map.of()), CLOCK);

        List<IntelAlert> first = detection.detect(ACME, "01JDXYZ", networkEvent("203.0.113.66"));
        List<IntelAlert> redelivered = detection.detect(ACME, "01JDXYZ", networkEvent("203.0.113.66"));
        List<IntelAlert> other = detection.detect(ACME, "01JDOTHER", networkEvent("203.0.113.66"));

        assertThat(first).extracting(IntelAlert::alertId).hasSize(2).doesNotHaveDuplicates();
        assertThat(redelivered)
                .extracting(IntelAlert::alertId)
                .isEqualTo(first.stream().map(IntelAlert::alertId).toList());
        assertThat(other)
                .extracting(IntelAlert::alertId)
                .doesNotContainAnyElementsOf(
                        first.stream().map(IntelAlert::alertId).toList());
    }

    @Test
    void aTenantsOwnListNeverFiresOnAnotherTenantsEvent() {
        IntelDetection detection = new IntelDetection(
                () -> new IntelSnapshot(IntelIndex.EMPTY, Map.of(ACME, IntelIndex.of(List.of(c2("tenant/watch"))))),
                CLOCK);

        assertThat(detection.detect(ACME, "01JDXYZ", networkEvent("203.0.113.66")))
                .hasSize(1);
        assertThat(detection.detect(GLOBEX, "01JDXYZ", networkEvent("203.0.113.66")))
                .isEmpty();
    }

    @Test
    void aReloadIsSeenByTheNextEvent() {
        AtomicReference<IntelSnapshot> current = new AtomicReference<>(IntelSnapshot.EMPTY);
        IntelDetection detection = new IntelDetection(current::get, CLOCK);

        assertThat(detection.detect(ACME, "01JDXYZ", networkEvent("203.0.113.66")))
                .isEmpty();
        current.set(new IntelSnapshot(IntelIndex.of(List.of(c2("cert"))), Map.of()));
        assertThat(detection.detect(ACME, "01JDXYZ", networkEvent("203.0.113.66")))
                .hasSize(1);
    }

    @Test
    void levelsFollowConfidence() {
        assertThat(IntelAlert.levelOf(100)).isEqualTo(SigmaLevel.HIGH);
        assertThat(IntelAlert.levelOf(85)).isEqualTo(SigmaLevel.HIGH);
        assertThat(IntelAlert.levelOf(50)).isEqualTo(SigmaLevel.MEDIUM);
        assertThat(IntelAlert.levelOf(20)).isEqualTo(SigmaLevel.LOW);
        assertThat(IntelAlert.levelOf(0)).isEqualTo(SigmaLevel.INFORMATIONAL);
    }

    @Test
    void aHashOfASysmonProcessCreationMatchesOnceIngestionHasNormalizedIt() throws Exception {
        Indicator beacon = Indicator.of(
                IndicatorType.FILE_HASH,
                "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
                "cert",
                85,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "",
                "Cobalt Strike beacon");
        IntelDetection detection =
                new IntelDetection(() -> new IntelSnapshot(IntelIndex.of(List.of(beacon)), Map.of()), CLOCK);
        String sysmon = """
                {"Channel":"Microsoft-Windows-Sysmon/Operational","EventID":1,"Computer":"ws-01",
                 "Image":"C:\\\\Users\\\\bob\\\\update.exe","CommandLine":"update.exe",
                 "Hashes":"MD5=0CC175B9C0F1B6A831C399E269772661,SHA256=E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855,IMPHASH=F34D5F2D4577ED6D9CEEC516C1F5A744"}
                """;
        var stamped = OcsfNormalizer.withShippedMappings()
                .normalize(
                        JsonEvent.parse(sysmon),
                        new OcsfNormalizer.Context(ACME, "01JDHASH", Instant.parse("2026-12-01T09:59:00Z"), "dc01"));
        @SuppressWarnings("unchecked")
        Map<String, Object> record = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(stamped.event().toJsonBytes(), Map.class);

        assertThat(detection.detect(ACME, "01JDHASH", record)).singleElement().satisfies(alert -> {
            assertThat(alert.matched().field()).isEqualTo("process.file.hashes");
            assertThat(alert.indicator().description()).isEqualTo("Cobalt Strike beacon");
        });
    }
}

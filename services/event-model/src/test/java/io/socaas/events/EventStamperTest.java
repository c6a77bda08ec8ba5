package io.socaas.events;

import static io.socaas.events.EventTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventStamperTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final Instant NOW = Instant.parse("2026-03-01T09:15:02.123456789Z");

    private final AtomicInteger sequence = new AtomicInteger();
    private final EventStamper stamper = new EventStamper(
            Clock.fixed(NOW, ZoneOffset.UTC), () -> "01JNM0000000000000000000" + sequence.incrementAndGet() % 10 + "0");

    @Test
    void addsTenantIngestIdAndReceivedTimeAndKeepsEverythingElse() {
        JsonEvent event = anEvent().withObject("src_endpoint", "ip", "10.0.0.7").build();

        StampedEvent stamped = stamper.stamp(event, ACME);

        ObjectNode json = stamped.event().toObjectNode();
        assertThat(json.get("tenant").textValue()).isEqualTo("acme");
        assertThat(json.get("ingest_id").textValue()).isEqualTo(stamped.ingestId());
        assertThat(json.get("received_time").textValue()).isEqualTo("2026-03-01T09:15:02.123Z");
        ObjectNode original = event.toObjectNode();
        original.fieldNames()
                .forEachRemaining(name -> assertThat(json.get(name)).isEqualTo(original.get(name)));
        assertThat(json.has("unmapped")).isFalse();
        assertThat(stamped.recordKey()).isEqualTo("acme:" + stamped.ingestId());
        assertThat(stamped.receivedTimeText()).isEqualTo("2026-03-01T09:15:02.123Z");
    }

    @Test
    void keepsADisagreeingPayloadTenantAsClaimedTenant() {
        JsonEvent event = anEvent().with("tenant", "globex").build();

        ObjectNode json = stamper.stamp(event, ACME).event().toObjectNode();

        assertThat(json.get("tenant").textValue()).isEqualTo("acme");
        assertThat(json.at("/unmapped/claimed_tenant").textValue()).isEqualTo("globex");
    }

    @Test
    void addsClaimedTenantBesideExistingUnmappedFields() {
        JsonEvent event = anEvent()
                .with("tenant", "globex")
                .withObject("unmapped", "vendor_field", "kept")
                .build();

        ObjectNode json = stamper.stamp(event, ACME).event().toObjectNode();

        assertThat(json.at("/unmapped/vendor_field").textValue()).isEqualTo("kept");
        assertThat(json.at("/unmapped/claimed_tenant").textValue()).isEqualTo("globex");
    }

    @Test
    void keepsANonStringPayloadTenantAsClaimedTenant() {
        JsonEvent event =
                anEvent().with("tenant", 42).with("unmapped", "scalar").build();

        ObjectNode json = stamper.stamp(event, ACME).event().toObjectNode();

        assertThat(json.at("/unmapped/claimed_tenant").intValue()).isEqualTo(42);
        assertThat(json.at("/unmapped/value").textValue()).isEqualTo("scalar");
    }

    @Test
    void recordsNoClaimWhenThePayloadNamesTheSameTenant() {
        JsonEvent event = anEvent().with("tenant", "acme").build();

        ObjectNode json = stamper.stamp(event, ACME).event().toObjectNode();

        assertThat(json.get("tenant").textValue()).isEqualTo("acme");
        assertThat(json.has("unmapped")).isFalse();
    }

    @Test
    void leavesTheInputEventUntouched() {
        JsonEvent event = anEvent().with("tenant", "globex").build();
        String before = event.toJson();

        stamper.stamp(event, ACME);

        assertThat(event.toJson()).isEqualTo(before);
    }

    @Test
    void stampsABatchWithOneReceivedTimeAndDistinctIds() {
        EventStamper real = new EventStamper(Clock.fixed(NOW, ZoneOffset.UTC), IngestIds::next);

        List<StampedEvent> stamped = real.stampAll(
                List.of(anEvent().build(), anEvent().build(), anEvent().build()), ACME);

        assertThat(stamped)
                .extracting(StampedEvent::ingestId)
                .doesNotHaveDuplicates()
                .allMatch(IngestIds::isValid);
        assertThat(stamped).extracting(StampedEvent::receivedTimeText).containsOnly("2026-03-01T09:15:02.123Z");
    }

    @Test
    void writesThreeFractionDigitsEvenOnAWholeSecond() {
        assertThat(EventTimes.format(Instant.parse("2026-03-01T09:15:02Z"))).isEqualTo("2026-03-01T09:15:02.000Z");
    }

    @Test
    void writesEveryInstantAsTheRfc3339FormatterDoes() {
        java.time.format.DateTimeFormatter reference = java.time.format.DateTimeFormatter.ofPattern(
                        "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(20261204);
        long max = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 20_000; i++) {
            Instant instant =
                    Instant.ofEpochMilli(Math.floorMod(random.nextLong(), max)).plusNanos(random.nextInt(1_000_000));
            assertThat(EventTimes.format(instant))
                    .as("%s", instant)
                    .isEqualTo(reference.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        }
        // leap days, the epoch, the last instant of a year
        for (String s : List.of("2024-02-29T23:59:59.999999Z", "1970-01-01T00:00:00Z", "2025-12-31T23:59:59.9995Z")) {
            Instant instant = Instant.parse(s);
            assertThat(EventTimes.format(instant))
                    .isEqualTo(reference.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        }
    }

    @Test
    void stampedEventJsonParsesBackToTheSameEvent() {
        StampedEvent stamped = stamper.stamp(anEvent().with("tenant", "globex").build(), ACME);

        assertThat(JsonEvent.parse(stamped.event().toJsonBytes())).isEqualTo(stamped.event());
    }
}

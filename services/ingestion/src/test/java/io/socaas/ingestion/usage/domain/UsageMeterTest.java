package io.socaas.ingestion.usage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.events.TenantId;
import io.socaas.testclock.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageMeterTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final Instant MINUTE = Instant.parse("2026-03-29T00:59:00Z");

    private final MovableClock clock = new MovableClock(MINUTE.plusSeconds(5));
    private final UsageMeter meter = new UsageMeter("host-1", clock, Duration.ofSeconds(2));
    private final RecordingPublisher bus = new RecordingPublisher();

    @Test
    void publishesOneRecordPerTenantAndMinuteOnceTheMinuteIsOver() {
        meter.recordAccepted(ACME, 3, 300);
        meter.recordAccepted(ACME, 2, 120);
        meter.recordAccepted(GLOBEX, 1, 50);
        meter.recordRefusedByQuota(ACME, 7);

        clock.set(MINUTE.plusSeconds(59));
        assertThat(meter.flushEndedMinutes(bus))
                .as("the minute is still running")
                .isEqualTo(nothing());
        clock.set(MINUTE.plusSeconds(61));
        assertThat(meter.flushEndedMinutes(bus)).as("within the grace period").isEqualTo(nothing());

        clock.set(MINUTE.plusSeconds(62));
        assertThat(meter.flushEndedMinutes(bus)).isEqualTo(new UsageMeter.Flushed(2, 0));
        assertThat(bus.acknowledged)
                .containsExactly(
                        new MinuteUsage("host-1", ACME, MINUTE, new UsageCounts(5, 420, 7)),
                        new MinuteUsage("host-1", GLOBEX, MINUTE, new UsageCounts(1, 50, 0)));
        assertThat(bus.acknowledged.getFirst().usageId()).isEqualTo("host-1:acme:" + MINUTE.toEpochMilli());

        assertThat(meter.flushEndedMinutes(bus)).as("published once only").isEqualTo(nothing());
        assertThat(meter.pending()).isEmpty();
    }

    @Test
    void keepsMinutesApart() {
        meter.recordAccepted(ACME, 1, 10);
        clock.set(MINUTE.plusSeconds(60));
        meter.recordAccepted(ACME, 2, 20);
        clock.set(MINUTE.plusSeconds(125));

        meter.flushEndedMinutes(bus);

        assertThat(bus.acknowledged)
                .containsExactly(
                        new MinuteUsage("host-1", ACME, MINUTE, new UsageCounts(1, 10, 0)),
                        new MinuteUsage("host-1", ACME, MINUTE.plusSeconds(60), new UsageCounts(2, 20, 0)));
    }

    @Test
    void countsTheBusDidNotAcknowledgeAreSentAgainWithTheSameIdAtTheNextFlush() {
        meter.recordAccepted(ACME, 4, 400);
        meter.recordAccepted(GLOBEX, 1, 10);
        clock.set(MINUTE.plusSeconds(65));
        bus.refuse(ACME);

        assertThat(meter.flushEndedMinutes(bus)).isEqualTo(new UsageMeter.Flushed(1, 1));
        assertThat(meter.pending()).containsOnlyKeys(ACME);

        bus.refuseNothing();
        assertThat(meter.flushEndedMinutes(bus)).isEqualTo(new UsageMeter.Flushed(1, 0));
        assertThat(bus.acknowledged)
                .extracting(MinuteUsage::usageId, MinuteUsage::counts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "host-1:globex:" + MINUTE.toEpochMilli(), new UsageCounts(1, 10, 0)),
                        org.assertj.core.groups.Tuple.tuple(
                                "host-1:acme:" + MINUTE.toEpochMilli(), new UsageCounts(4, 400, 0)));
    }

    @Test
    void aBusThatThrowsLosesNothing() {
        meter.recordAccepted(ACME, 4, 400);
        clock.set(MINUTE.plusSeconds(65));

        assertThat(meter.flushEndedMinutes(usage -> {
                    throw new IllegalStateException("broker down");
                }))
                .isEqualTo(new UsageMeter.Flushed(0, 1));

        assertThat(meter.pending()).containsEntry(ACME, new UsageCounts(4, 400, 0));
    }

    @Test
    void shutdownPublishesTheRunningMinuteToo() {
        meter.recordAccepted(ACME, 1, 10);

        assertThat(meter.flushAll(bus)).isEqualTo(new UsageMeter.Flushed(1, 0));

        assertThat(bus.acknowledged)
                .containsExactly(new MinuteUsage("host-1", ACME, MINUTE, new UsageCounts(1, 10, 0)));
    }

    @Test
    void anInstanceIdCannotHoldTheSeparatorOfUsageIds() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new UsageMeter("host:1", clock, Duration.ZERO));
    }

    private static UsageMeter.Flushed nothing() {
        return new UsageMeter.Flushed(0, 0);
    }

    private static final class RecordingPublisher implements UsagePublisher {
        final List<MinuteUsage> acknowledged = new ArrayList<>();
        private TenantId refused;

        void refuse(TenantId tenant) {
            refused = tenant;
        }

        void refuseNothing() {
            refused = null;
        }

        @Override
        public List<MinuteUsage> publish(List<MinuteUsage> usage) {
            List<MinuteUsage> failed = new ArrayList<>();
            for (MinuteUsage record : usage) {
                if (record.tenant().equals(refused)) {
                    failed.add(record);
                } else {
                    acknowledged.add(record);
                }
            }
            return failed;
        }
    }
}

package io.socaas.ingestion.indexing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EventTimeBoundsTest {

    private final EventTimeBounds bounds = new EventTimeBounds(Duration.ofDays(30), Duration.ofHours(1));
    private final Instant received = Instant.parse("2026-12-02T00:30:00Z");

    @Test
    void theEventsOwnTimeChoosesTheDayWhenItIsWithinTheBounds() {
        long yesterdayEvening = Instant.parse("2026-12-01T23:50:00Z").toEpochMilli();
        assertThat(bounds.dayOf(yesterdayEvening, received)).isEqualTo(LocalDate.of(2026, 12, 1));
        long monthAgo = received.minus(Duration.ofDays(30)).toEpochMilli();
        assertThat(bounds.dayOf(monthAgo, received)).isEqualTo(LocalDate.of(2026, 11, 2));
    }

    @Test
    void aTimeTooFarInThePastOrFutureFallsBackToTheDayOfReception() {
        assertThat(bounds.dayOf(0L, received)).isEqualTo(LocalDate.of(2026, 12, 2));
        long tooOld = received.minus(Duration.ofDays(31)).toEpochMilli();
        assertThat(bounds.dayOf(tooOld, received)).isEqualTo(LocalDate.of(2026, 12, 2));
        long tomorrow = received.plus(Duration.ofDays(1)).toEpochMilli();
        assertThat(bounds.dayOf(tomorrow, received)).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(bounds.dayOf(Long.MAX_VALUE / 1000, received)).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void noTimeMeansTheDayOfReception() {
        assertThat(bounds.dayOf(null, received)).isEqualTo(LocalDate.of(2026, 12, 2));
    }
}

package io.socaas.testclock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MovableClockTest {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void movesOnlyWhenTold() {
        MovableClock clock = new MovableClock(START);
        assertThat(clock.instant()).isEqualTo(START);
        clock.advance(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        clock.set(START);
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void aViewInAnotherZoneFollowsTheClock() {
        MovableClock clock = new MovableClock(START);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        var inBerlin = clock.withZone(berlin);
        clock.advance(Duration.ofHours(1));
        assertThat(inBerlin.getZone()).isEqualTo(berlin);
        assertThat(inBerlin.instant()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(inBerlin.withZone(ZoneOffset.UTC).instant()).isEqualTo(clock.instant());
    }
}

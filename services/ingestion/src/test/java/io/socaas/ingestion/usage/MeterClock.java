package io.socaas.ingestion.usage;

import io.socaas.testclock.MovableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;

/**
 * The usage meter's clock in the service's tests: it stands still until a test ends the minute
 * ({@link #endTheMinute}), so usage is published as soon as the test has sent its events instead of
 * when the wall clock's minute is over. Only the meter reads it; intake, quotas and the rest keep the
 * system's clock.
 */
@Singleton
public class MeterClock {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    MovableClock meterClock() {
        return new MovableClock(Instant.now());
    }

    /** Moves the meter's clock past the end of its current minute (and the %test grace). */
    public static void endTheMinute(MovableClock clock) {
        clock.advance(Duration.ofSeconds(61));
    }
}

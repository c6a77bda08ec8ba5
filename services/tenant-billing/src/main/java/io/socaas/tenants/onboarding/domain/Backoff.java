package io.socaas.tenants.onboarding.domain;

import java.time.Duration;

/** Exponential backoff between attempts of a step: initial, 2x, 4x ... capped at max. */
public record Backoff(Duration initial, Duration max, int maxAttempts) {

    public Backoff {
        if (initial.isNegative() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max and at least one attempt");
        }
    }

    /** Delay before the next attempt after {@code failedAttempts} failures (1 = after the first). */
    public Duration delayAfter(int failedAttempts) {
        Duration delay = initial;
        for (int i = 1; i < failedAttempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Whether a step that failed {@code failedAttempts} times gets another attempt. */
    public boolean allowsAnotherAttempt(int failedAttempts) {
        return failedAttempts < maxAttempts;
    }
}

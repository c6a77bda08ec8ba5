package io.socaas.cases.notify.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after {@code base}, then twice as long each time, capped
 * at {@code max}; after {@code maxAttempts} attempts it is dead.
 */
public record RetryPolicy(Duration base, Duration max, int maxAttempts) {

    public RetryPolicy {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("a retry policy needs 0 < base <= max and at least one attempt");
        }
    }

    /** When to try again after the {@code attempts}-th failed attempt; empty: give up. */
    public Optional<Instant> nextAttempt(int attempts, Instant now) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        long factor = 1L << Math.min(attempts - 1, 30);
        Duration wait = base.multipliedBy(factor);
        return Optional.of(now.plus(wait.compareTo(max) > 0 ? max : wait));
    }
}

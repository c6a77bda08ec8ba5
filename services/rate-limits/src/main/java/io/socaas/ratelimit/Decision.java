package io.socaas.ratelimit;

import java.time.Duration;

/**
 * The answer for one request: whether it may go on, the requests left in its bucket, and when a
 * refused caller may try again.
 */
public record Decision(boolean allowed, long remaining, Duration retryAfter) {

    static Decision allowed(long remaining) {
        return new Decision(true, remaining, Duration.ZERO);
    }

    static Decision refused(long nanosToWait) {
        return new Decision(false, 0, Duration.ofNanos(Math.max(nanosToWait, 0)));
    }

    /** Whole seconds for {@code Retry-After}, rounded up and at least 1. */
    public long retryAfterSeconds() {
        return wholeSeconds(retryAfter);
    }

    /** A wait in whole seconds, rounded up and at least 1 (what {@code Retry-After} carries). */
    public static long wholeSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(seconds, 1);
    }
}

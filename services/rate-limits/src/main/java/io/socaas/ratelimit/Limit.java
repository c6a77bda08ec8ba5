package io.socaas.ratelimit;

import java.time.Duration;

/**
 * One token bucket's shape: {@code requests} per {@code period}, refilled gradually, of which up to
 * {@code burst} may come at once.
 */
public record Limit(long requests, Duration period, long burst) {

    public Limit {
        if (requests <= 0 || burst <= 0) {
            throw new IllegalArgumentException("requests and burst must be positive: " + requests + ", " + burst);
        }
        if (period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
    }

    /** A limit whose burst is its whole budget per period. */
    public static Limit of(long requests, Duration period) {
        return new Limit(requests, period, requests);
    }

    /** How long an emptied bucket takes to be full again: after that idle time it is as good as new. */
    public Duration timeToFill() {
        try {
            return Duration.ofNanos(Math.ceilDiv(Math.multiplyExact(burst, period.toNanos()), requests));
        } catch (ArithmeticException tooLong) {
            return period.multipliedBy(Math.ceilDiv(burst, requests));
        }
    }

    /** For messages: {@code 100 requests per 1m (burst 20)}. */
    public String describe() {
        String text = requests + " requests per " + human(period);
        return burst == requests ? text : text + " (burst " + burst + ")";
    }

    private static String human(Duration d) {
        if (d.toMillis() % 3_600_000 == 0) {
            return d.toHours() + "h";
        }
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + "m";
        }
        if (d.toMillis() % 1_000 == 0) {
            return d.toSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }
}

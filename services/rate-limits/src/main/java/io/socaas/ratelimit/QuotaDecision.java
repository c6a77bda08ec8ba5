package io.socaas.ratelimit;

import java.time.Duration;

/**
 * The answer to taking some units from a key's {@link Quota}.
 *
 * @param outcome granted, or which part refused
 * @param limit the refusing part's size: the burst ({@link Outcome#RATE}, {@link
 *     Outcome#LARGER_THAN_BURST}) or the daily budget ({@link Outcome#DAY}, {@link
 *     Outcome#LARGER_THAN_DAY}); 0 when granted
 * @param remaining units left in the refusing part now (for a refusal), or in the rate bucket
 * @param retryAfter when the same request could be granted: when the bucket holds enough again, or
 *     the next midnight of the quota's zone; zero when granted or when it never could
 */
public record QuotaDecision(Outcome outcome, long limit, long remaining, Duration retryAfter) {

    /** What became of a request. */
    public enum Outcome {
        /** Taken. */
        GRANTED,
        /** The rate bucket holds too few units now; it will hold enough after {@code retryAfter}. */
        RATE,
        /** Today's budget is spent (or too little of it is left); it is renewed at midnight. */
        DAY,
        /** More units at once than the bucket can ever hold: never granted, split them. */
        LARGER_THAN_BURST,
        /** More units at once than a whole day's budget: never granted. */
        LARGER_THAN_DAY
    }

    static final QuotaDecision GRANTED = new QuotaDecision(Outcome.GRANTED, 0, 0, Duration.ZERO);

    public boolean granted() {
        return outcome == Outcome.GRANTED;
    }

    /** Whether waiting can help: false for a request larger than the burst or the day. */
    public boolean retryable() {
        return outcome == Outcome.RATE || outcome == Outcome.DAY;
    }

    /** Whole seconds for {@code Retry-After}, rounded up and at least 1. */
    public long retryAfterSeconds() {
        return Decision.wholeSeconds(retryAfter);
    }
}

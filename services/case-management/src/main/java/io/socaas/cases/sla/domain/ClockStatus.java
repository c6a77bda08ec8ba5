package io.socaas.cases.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One SLA clock of a case, as of the moment of evaluation (or as of its stop, once stopped).
 *
 * @param kind which clock
 * @param budget the covered time allowed
 * @param consumed covered time counted so far (up to the stop once stopped), pauses excluded
 * @param deadline the instant the budget is used up: the earliest instant at which {@code
 *     consumed} reaches {@code budget}, assuming no further pause; in the past once breached; empty
 *     while the clock is paused with no end and the budget is not yet used up
 * @param stoppedAt when the clock stopped for good, empty while it runs
 * @param state whether the clock counts now
 */
public record ClockStatus(
        SlaClockKind kind,
        Duration budget,
        Duration consumed,
        Optional<Instant> deadline,
        Optional<Instant> stoppedAt,
        ClockState state) {

    /** Covered time left: {@code budget - consumed}; negative by how far the budget is overrun. */
    public Duration remaining() {
        return budget.minus(consumed);
    }

    /** Share of the budget consumed, in percent (may exceed 100). */
    public double percentConsumed() {
        return 100.0 * seconds(consumed) / seconds(budget);
    }

    /**
     * The budget is used up: all of it was consumed before the clock stopped. A clock stopped
     * exactly at its deadline counts as breached: the deadline is the instant no time is left.
     */
    public boolean breached() {
        return consumed.compareTo(budget) >= 0;
    }

    private static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }
}

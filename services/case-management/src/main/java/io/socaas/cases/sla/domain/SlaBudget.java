package io.socaas.cases.sla.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * Time budgets for cases of one severity, counted in covered time (see {@link CoverageCalendar}):
 * the case must be acknowledged within {@code acknowledge} and resolved within {@code resolve}.
 *
 * <p>Both must be positive and at most {@link #MAX} (ten years); anything longer is a data error,
 * and the bound keeps every deadline far inside the range of {@link java.time.Instant}. The
 * acknowledge budget is not required to be shorter than the resolve budget: the clocks are
 * independent.
 */
public record SlaBudget(Duration acknowledge, Duration resolve) {

    /** Longest budget accepted. */
    public static final Duration MAX = Duration.ofDays(3650);

    public SlaBudget {
        check(acknowledge, "acknowledge");
        check(resolve, "resolve");
    }

    /** Budgets given in whole seconds, as plans publish them. */
    public static SlaBudget ofSeconds(long acknowledgeSeconds, long resolveSeconds) {
        return new SlaBudget(Duration.ofSeconds(acknowledgeSeconds), Duration.ofSeconds(resolveSeconds));
    }

    /** The budget of one clock. */
    public Duration of(SlaClockKind clock) {
        return switch (clock) {
            case ACKNOWLEDGE -> acknowledge;
            case RESOLVE -> resolve;
        };
    }

    private static void check(Duration budget, String name) {
        Objects.requireNonNull(budget, name);
        if (budget.isNegative() || budget.isZero() || budget.compareTo(MAX) > 0) {
            throw new InvalidSlaPolicyException(
                    name + " budget must be positive and at most " + MAX.toDays() + " days, got " + budget);
        }
    }
}

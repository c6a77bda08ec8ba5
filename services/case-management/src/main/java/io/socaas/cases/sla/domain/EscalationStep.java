package io.socaas.cases.sla.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * One rung of a plan's escalation ladder: when {@code atPercent} of the {@code clock}'s budget is
 * used up, do {@code action} (e.g. {@code notify-assignee} at 50 % of the acknowledge budget,
 * {@code notify-customer-and-record-breach} at 100 % of the resolve budget). Percentages above 100
 * are allowed (a step after the breach). The action is an opaque name for whoever runs the step.
 */
public record EscalationStep(int atPercent, SlaClockKind clock, String action) {

    public EscalationStep {
        if (atPercent < 1) {
            throw new InvalidSlaPolicyException("escalation step percentage must be at least 1, got " + atPercent);
        }
        Objects.requireNonNull(clock, "clock");
        if (action == null || action.isBlank()) {
            throw new InvalidSlaPolicyException("escalation step needs an action");
        }
    }

    /**
     * Covered time after which the step is due: {@code budget * atPercent / 100}, exact to the
     * nanosecond (truncated below that).
     */
    public Duration threshold(Duration budget) {
        return budget.multipliedBy(atPercent).dividedBy(100);
    }
}

package io.socaas.cases.sla.domain;

import io.socaas.cases.casefile.domain.Severity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A case's SLA as of {@code evaluatedAt}: both clocks and every escalation step.
 *
 * @param evaluatedAt the "now" of the evaluation
 * @param severity the severity whose budgets were used
 * @param acknowledge the time-to-acknowledge clock
 * @param resolve the time-to-resolve clock
 * @param ladder every step of the policy's ladder, in ladder order
 */
public record SlaStatus(
        Instant evaluatedAt,
        Severity severity,
        ClockStatus acknowledge,
        ClockStatus resolve,
        List<StepSchedule> ladder) {

    public SlaStatus {
        ladder = List.copyOf(ladder);
    }

    /** The status of one clock. */
    public ClockStatus clock(SlaClockKind kind) {
        return kind == SlaClockKind.ACKNOWLEDGE ? acknowledge : resolve;
    }

    /** Whether either budget is used up. */
    public boolean breached() {
        return acknowledge.breached() || resolve.breached();
    }

    /** The steps whose threshold has been reached, in ladder order. */
    public List<StepSchedule> dueSteps() {
        return ladder.stream().filter(s -> s.state() == StepState.DUE).toList();
    }

    /** When the next step not yet due becomes due; empty when none is scheduled. */
    public Optional<Instant> nextStepDueAt() {
        return ladder.stream()
                .filter(s -> s.state() == StepState.SCHEDULED)
                .map(s -> s.dueAt().orElseThrow())
                .min(Comparator.naturalOrder());
    }

    /**
     * The deadline the case is working against, for ordering a queue earliest first: the
     * acknowledge deadline until the case is acknowledged, then the resolve deadline; empty once
     * resolved or while paused with no end.
     */
    public Optional<Instant> nextDeadline() {
        if (acknowledge.state() != ClockState.STOPPED) {
            return acknowledge.deadline();
        }
        if (resolve.state() != ClockState.STOPPED) {
            return resolve.deadline();
        }
        return Optional.empty();
    }
}

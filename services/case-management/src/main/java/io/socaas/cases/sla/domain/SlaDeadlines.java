package io.socaas.cases.sla.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes a case's SLA clocks and escalation schedule from its policy, its timeline and the
 * current time. A pure function: the same inputs give the same answer; "now" comes from the
 * injected {@link Clock} or is passed in ({@link #evaluateAt}).
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>Both clocks start at the case's opening and count covered time of the policy's calendar
 *       (a case opened at night starts counting at the next opening), minus its pauses.
 *   <li>The acknowledge clock stops at the acknowledgement, or at the resolution if that comes
 *       first; the resolve clock stops at the resolution.
 *   <li>Everything is seen as of "now": an acknowledgement, resolution or pause start later than
 *       now has not happened yet; a pause whose end is later than now is still going on. So a case
 *       can be evaluated as it stood at any past moment.
 *   <li>A clock's deadline is the earliest instant its consumed time reaches its budget, assuming
 *       no further pause; while it is in a pause with no end, and the budget is not used up, the
 *       deadline is unknown (empty) and so are the due times of its steps still to come.
 *   <li>A step of the ladder is due when its clock has consumed {@code budget * at% / 100}; a clock
 *       that stopped earlier cancels it.
 *   <li>A severity change recomputes from the opening with the new budgets (see {@link SlaCase}).
 * </ul>
 */
public final class SlaDeadlines {

    private final Clock clock;

    /** Evaluates as of {@code clock.instant()}. */
    public SlaDeadlines(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The case's SLA as of now (the injected clock). */
    public SlaStatus evaluate(SlaPolicy policy, SlaCase sla) {
        return evaluateAt(policy, sla, clock.instant());
    }

    /** The case's SLA as of {@code now}. */
    public static SlaStatus evaluateAt(SlaPolicy policy, SlaCase sla, Instant now) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(now, "now");
        SlaBudget budget = policy.budget(sla.severity());
        Instant ackStop = happened(earliest(sla.acknowledgedAt(), sla.resolvedAt()), now);
        Instant resolveStop = happened(sla.resolvedAt(), now);
        Run acknowledge = new Run(policy.coverage(), sla, ackStop, now);
        Run resolve = new Run(policy.coverage(), sla, resolveStop, now);

        List<StepSchedule> ladder = new ArrayList<>();
        List<EscalationStep> steps = policy.ladder();
        for (int i = 0; i < steps.size(); i++) {
            EscalationStep step = steps.get(i);
            Run run = step.clock() == SlaClockKind.ACKNOWLEDGE ? acknowledge : resolve;
            Duration threshold = step.threshold(budget.of(step.clock()));
            Optional<Instant> dueAt = run.reaches(threshold);
            StepState state;
            if (dueAt.isPresent() && !dueAt.get().isAfter(run.asOf)) {
                state = StepState.DUE;
            } else if (run.stop != null) {
                state = StepState.CANCELLED;
                dueAt = Optional.empty();
            } else {
                state = dueAt.isPresent() ? StepState.SCHEDULED : StepState.PAUSED;
            }
            ladder.add(new StepSchedule(i, step, threshold, state, dueAt));
        }
        return new SlaStatus(
                now,
                sla.severity(),
                acknowledge.status(SlaClockKind.ACKNOWLEDGE, budget.acknowledge()),
                resolve.status(SlaClockKind.RESOLVE, budget.resolve()),
                ladder);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    /** {@code instant} if it is not later than {@code now}, else {@code null} (not happened yet). */
    private static Instant happened(Instant instant, Instant now) {
        return instant == null || instant.isAfter(now) ? null : instant;
    }

    /**
     * One clock's running time: the calendar's covered time from the opening, minus the pauses as
     * they stood at {@code asOf} (the stop, or now).
     */
    private static final class Run {

        private final CoverageCalendar calendar;
        private final Instant opened;
        private final Instant stop;
        private final Instant asOf;
        /** Disjoint, sorted, within [opened, asOf]; only the last may be open ({@code end == null}). */
        private final List<Pause> pauses;

        Run(CoverageCalendar calendar, SlaCase sla, Instant stop, Instant now) {
            this.calendar = calendar;
            this.opened = sla.openedAt();
            this.stop = stop;
            this.asOf = stop != null ? stop : now;
            this.pauses = merged(sla.pauses(), opened, asOf);
        }

        /** Covered time counted from the opening up to {@code asOf}. */
        Duration consumed() {
            Duration total = calendar.covered(opened, asOf);
            for (Pause pause : pauses) {
                Instant end = pause.end() == null ? asOf : pause.end();
                total = total.minus(calendar.covered(pause.start(), end));
            }
            return total;
        }

        /**
         * The earliest instant at which {@code amount} has been counted, assuming no pause other
         * than the known ones; empty when an open pause comes first.
         */
        Optional<Instant> reaches(Duration amount) {
            Instant cursor = opened;
            Duration remaining = amount;
            for (Pause pause : pauses) {
                Instant candidate = calendar.plusCovered(cursor, remaining);
                if (!candidate.isAfter(pause.start())) {
                    return Optional.of(candidate);
                }
                remaining = remaining.minus(calendar.covered(cursor, pause.start()));
                if (pause.end() == null) {
                    return Optional.empty();
                }
                cursor = pause.end();
            }
            return Optional.of(calendar.plusCovered(cursor, remaining));
        }

        ClockStatus status(SlaClockKind kind, Duration budget) {
            ClockState state;
            if (stop != null) {
                state = ClockState.STOPPED;
            } else if (!pauses.isEmpty() && pauses.get(pauses.size() - 1).end() == null) {
                state = ClockState.PAUSED;
            } else if (!calendar.isCovered(asOf)) {
                state = ClockState.OUT_OF_HOURS;
            } else {
                state = ClockState.RUNNING;
            }
            return new ClockStatus(kind, budget, consumed(), reaches(budget), Optional.ofNullable(stop), state);
        }

        /**
         * Pauses that had started by {@code asOf}, clipped to start no earlier than the opening,
         * merged where they overlap or touch; a pause still going on at {@code asOf} is open.
         */
        private static List<Pause> merged(List<Pause> pauses, Instant opened, Instant asOf) {
            List<Pause> relevant = pauses.stream()
                    .filter(p -> !p.start().isAfter(asOf))
                    .filter(p -> p.end() == null || p.end().isAfter(opened))
                    .map(p -> new Pause(
                            p.start().isBefore(opened) ? opened : p.start(),
                            p.end() == null || p.end().isAfter(asOf) ? null : p.end()))
                    .sorted(Comparator.comparing(Pause::start))
                    .toList();
            List<Pause> merged = new ArrayList<>();
            for (Pause pause : relevant) {
                Pause last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && (last.end() == null || !pause.start().isAfter(last.end()))) {
                    Instant end = last.end() == null || pause.end() == null
                            ? null
                            : (pause.end().isAfter(last.end()) ? pause.end() : last.end());
                    merged.set(merged.size() - 1, new Pause(last.start(), end));
                } else {
                    merged.add(pause);
                }
            }
            return merged;
        }
    }
}

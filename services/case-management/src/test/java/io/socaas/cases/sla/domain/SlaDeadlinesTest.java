package io.socaas.cases.sla.domain;

import static io.socaas.cases.casefile.domain.Severity.CRITICAL;
import static io.socaas.cases.casefile.domain.Severity.HIGH;
import static io.socaas.cases.sla.domain.SlaTestData.BERLIN;
import static io.socaas.cases.sla.domain.SlaTestData.aPolicy;
import static io.socaas.cases.sla.domain.SlaTestData.berlinOfficeHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * SLA clocks and escalation schedules. The short test plan (see {@link SlaTestData}) gives
 * critical cases 60 s to acknowledge and 300 s to resolve, high cases 120 s and 600 s, on 24x7
 * coverage; its ladder: 0 = 50 % ack notify-assignee, 1 = 100 % ack reassign-next-tier, 2 = 100 %
 * ack page-on-call-lead, 3 = 100 % resolve notify-customer-and-record-breach, 4 = 200 % resolve
 * notify-soc-manager.
 */
class SlaDeadlinesTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private final SlaPolicy testPlan = aPolicy().build();

    private static Instant t(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static SlaStatus evaluate(SlaPolicy policy, SlaCase sla, Instant now) {
        return SlaDeadlines.evaluateAt(policy, sla, now);
    }

    @Nested
    class TwentyFourSeven {

        @Test
        void deadlinesAreTheBudgetsAfterTheOpening() {
            // critical, 20 s in: ack deadline T0+60, resolve deadline T0+300, 40 s left (33.3 %)
            SlaStatus status = evaluate(testPlan, SlaCase.opened(CRITICAL, T0), t(20));
            assertThat(status.acknowledge().deadline()).contains(t(60));
            assertThat(status.resolve().deadline()).contains(t(300));
            assertThat(status.acknowledge().consumed()).isEqualTo(Duration.ofSeconds(20));
            assertThat(status.acknowledge().remaining()).isEqualTo(Duration.ofSeconds(40));
            assertThat(status.acknowledge().percentConsumed()).isCloseTo(33.333, within(0.001));
            assertThat(status.acknowledge().state()).isEqualTo(ClockState.RUNNING);
            assertThat(status.breached()).isFalse();
            assertThat(status.nextDeadline()).contains(t(60));
        }

        @Test
        void eachLadderStepIsDueAtItsShareOfItsBudget() {
            // 45 s in: step 0 (50 % of 60 s = 30 s) is due since T0+30; steps 1 and 2 at T0+60,
            // step 3 at T0+300, step 4 (200 % of 300 s) at T0+600
            SlaStatus status = evaluate(testPlan, SlaCase.opened(CRITICAL, T0), t(45));
            assertThat(status.ladder())
                    .extracting(StepSchedule::index, StepSchedule::state, StepSchedule::dueAt)
                    .containsExactly(
                            tuple(0, StepState.DUE, Optional.of(t(30))),
                            tuple(1, StepState.SCHEDULED, Optional.of(t(60))),
                            tuple(2, StepState.SCHEDULED, Optional.of(t(60))),
                            tuple(3, StepState.SCHEDULED, Optional.of(t(300))),
                            tuple(4, StepState.SCHEDULED, Optional.of(t(600))));
            assertThat(status.ladder().get(0).threshold()).isEqualTo(Duration.ofSeconds(30));
            assertThat(status.ladder().get(4).threshold()).isEqualTo(Duration.ofSeconds(600));
            assertThat(status.dueSteps()).extracting(s -> s.step().action()).containsExactly("notify-assignee");
            assertThat(status.nextStepDueAt()).contains(t(60));
        }

        @Test
        void escalatesToTheNextTierWhenTheAcknowledgeBudgetIsSpent() {
            // at exactly T0+60 the budget is used up: breached, steps 1 and 2 due
            SlaStatus atDeadline = evaluate(testPlan, SlaCase.opened(CRITICAL, T0), t(60));
            assertThat(atDeadline.acknowledge().breached()).isTrue();
            assertThat(atDeadline.dueSteps())
                    .extracting(s -> s.step().action())
                    .containsExactly("notify-assignee", "reassign-next-tier", "page-on-call-lead");
            assertThat(atDeadline.nextStepDueAt()).contains(t(300));

            // one second before, not yet
            SlaStatus before = evaluate(testPlan, SlaCase.opened(CRITICAL, T0), t(59));
            assertThat(before.acknowledge().breached()).isFalse();
            assertThat(before.dueSteps()).hasSize(1);

            // 61 s in: 1 s over (-1 s left, 101.7 %)
            SlaStatus after = evaluate(testPlan, SlaCase.opened(CRITICAL, T0), t(61));
            assertThat(after.acknowledge().remaining()).isEqualTo(Duration.ofSeconds(-1));
            assertThat(after.acknowledge().percentConsumed()).isCloseTo(101.667, within(0.001));
        }

        @Test
        void theResolveBudgetBreachAndTheStepAfterIt() {
            // 650 s in: resolve budget 300 s spent at T0+300 (step 3), 200 % at T0+600 (step 4)
            SlaStatus status = evaluate(testPlan, SlaCase.opened(CRITICAL, T0), t(650));
            assertThat(status.resolve().breached()).isTrue();
            assertThat(status.resolve().deadline()).contains(t(300));
            assertThat(status.ladder().get(3).state()).isEqualTo(StepState.DUE);
            assertThat(status.ladder().get(4).dueAt()).contains(t(600));
            assertThat(status.ladder().get(4).state()).isEqualTo(StepState.DUE);
            assertThat(status.nextStepDueAt()).isEmpty();
        }

        @Test
        void anAcknowledgementStopsItsClockAndCancelsItsLaterSteps() {
            // acknowledged at T0+40 (after step 0 at T0+30), evaluated at T0+100
            SlaStatus status = evaluate(testPlan, SlaCase.opened(CRITICAL, T0).acknowledged(t(40)), t(100));
            assertThat(status.acknowledge().state()).isEqualTo(ClockState.STOPPED);
            assertThat(status.acknowledge().stoppedAt()).contains(t(40));
            assertThat(status.acknowledge().consumed()).isEqualTo(Duration.ofSeconds(40));
            assertThat(status.acknowledge().breached()).isFalse();
            assertThat(status.ladder())
                    .extracting(StepSchedule::state)
                    .containsExactly(
                            StepState.DUE,
                            StepState.CANCELLED,
                            StepState.CANCELLED,
                            StepState.SCHEDULED,
                            StepState.SCHEDULED);
            assertThat(status.resolve().consumed()).isEqualTo(Duration.ofSeconds(100));
            assertThat(status.nextDeadline()).contains(t(300));
        }

        @Test
        void anAcknowledgementExactlyAtTheDeadlineIsLate() {
            SlaStatus status = evaluate(testPlan, SlaCase.opened(CRITICAL, T0).acknowledged(t(60)), t(100));
            assertThat(status.acknowledge().breached()).isTrue();
            assertThat(status.ladder().get(1).state()).isEqualTo(StepState.DUE);
        }

        @Test
        void aResolutionStopsBothClocks() {
            // resolved at T0+45 without an acknowledgement: both clocks stop at 45 s
            SlaStatus status = evaluate(testPlan, SlaCase.opened(CRITICAL, T0).resolved(t(45)), t(1000));
            assertThat(status.acknowledge().stoppedAt()).contains(t(45));
            assertThat(status.resolve().stoppedAt()).contains(t(45));
            assertThat(status.breached()).isFalse();
            assertThat(status.ladder())
                    .extracting(StepSchedule::state)
                    .containsExactly(
                            StepState.DUE,
                            StepState.CANCELLED,
                            StepState.CANCELLED,
                            StepState.CANCELLED,
                            StepState.CANCELLED);
            assertThat(status.nextDeadline()).isEmpty();
        }

        @Test
        void eventsAfterNowHaveNotHappenedYet() {
            SlaCase later =
                    SlaCase.opened(CRITICAL, T0).acknowledged(t(100)).withPauses(List.of(Pause.between(t(50), t(80))));
            SlaStatus status = evaluate(testPlan, later, t(45));
            assertThat(status.acknowledge().state()).isEqualTo(ClockState.RUNNING);
            assertThat(status.acknowledge().deadline()).contains(t(60));
        }

        @Test
        void theInjectedClockIsNow() {
            SlaDeadlines deadlines = new SlaDeadlines(Clock.fixed(t(45), ZoneOffset.UTC));
            SlaCase sla = SlaCase.opened(CRITICAL, T0);
            assertThat(deadlines.evaluate(testPlan, sla)).isEqualTo(evaluate(testPlan, sla, t(45)));
        }
    }

    @Nested
    class Pauses {

        @Test
        void aClosedPauseMovesTheDeadlinesByItsLength() {
            // paused T0+10..T0+70 (60 s): ack 60 s = 10 s before + 50 s after = T0+120,
            // resolve 300 s = T0+360; at T0+80, 20 s consumed
            SlaCase sla = SlaCase.opened(CRITICAL, T0).withPauses(List.of(Pause.between(t(10), t(70))));
            SlaStatus status = evaluate(testPlan, sla, t(80));
            assertThat(status.acknowledge().deadline()).contains(t(120));
            assertThat(status.resolve().deadline()).contains(t(360));
            assertThat(status.acknowledge().consumed()).isEqualTo(Duration.ofSeconds(20));
            // step 0 (30 s) is due at 10 s before + 20 s after = T0+90
            assertThat(status.ladder().get(0).dueAt()).contains(t(90));
        }

        @Test
        void anOpenPauseFreezesTheClocksAndLeavesTheDeadlinesOpen() {
            // waiting on the customer since T0+10, evaluated at T0+500: 10 s consumed, nothing due
            SlaCase sla = SlaCase.opened(CRITICAL, T0).withPauses(List.of(Pause.since(t(10))));
            SlaStatus status = evaluate(testPlan, sla, t(500));
            assertThat(status.acknowledge().state()).isEqualTo(ClockState.PAUSED);
            assertThat(status.acknowledge().consumed()).isEqualTo(Duration.ofSeconds(10));
            assertThat(status.acknowledge().deadline()).isEmpty();
            assertThat(status.resolve().deadline()).isEmpty();
            assertThat(status.breached()).isFalse();
            assertThat(status.ladder()).extracting(StepSchedule::state).containsOnly(StepState.PAUSED);
            assertThat(status.nextStepDueAt()).isEmpty();
        }

        @Test
        void aPauseAfterTheBudgetWasSpentDoesNotUndoTheBreach() {
            // paused since T0+90: ack budget (60 s) spent at T0+60; resolve at 90 s of 300 s
            SlaCase sla = SlaCase.opened(CRITICAL, T0).withPauses(List.of(Pause.since(t(90))));
            SlaStatus status = evaluate(testPlan, sla, t(200));
            assertThat(status.acknowledge().breached()).isTrue();
            assertThat(status.acknowledge().deadline()).contains(t(60));
            assertThat(status.resolve().consumed()).isEqualTo(Duration.ofSeconds(90));
            assertThat(status.ladder().get(1).state()).isEqualTo(StepState.DUE);
            assertThat(status.ladder().get(3).state()).isEqualTo(StepState.PAUSED);
        }

        @Test
        void overlappingPausesAndOnesBeforeTheOpeningCountOnce() {
            // [T0-10, T0+10) + [T0+5, T0+20) + [T0+20, T0+30) = paused T0..T0+30: ack at T0+90
            SlaCase sla = SlaCase.opened(CRITICAL, T0)
                    .withPauses(List.of(
                            Pause.between(t(20), t(30)), Pause.between(t(-10), t(10)), Pause.between(t(5), t(20))));
            SlaStatus status = evaluate(testPlan, sla, t(40));
            assertThat(status.acknowledge().deadline()).contains(t(90));
            assertThat(status.acknowledge().consumed()).isEqualTo(Duration.ofSeconds(10));
        }

        @Test
        void aPauseEndingAfterNowIsStillGoingOn() {
            SlaCase sla = SlaCase.opened(CRITICAL, T0).withPauses(List.of(Pause.between(t(10), t(70))));
            SlaStatus status = evaluate(testPlan, sla, t(40));
            assertThat(status.acknowledge().state()).isEqualTo(ClockState.PAUSED);
            assertThat(status.acknowledge().deadline()).isEmpty();
        }
    }

    @Nested
    class SeverityChange {

        @Test
        void raisingTheSeverityRecomputesTheBudgetsFromTheOpening() {
            // 90 s in as high: ack budget 120 s, deadline T0+120
            SlaCase high = SlaCase.opened(HIGH, T0);
            assertThat(evaluate(testPlan, high, t(90)).acknowledge().deadline()).contains(t(120));
            assertThat(evaluate(testPlan, high, t(90)).breached()).isFalse();
            // raised to critical: ack budget 60 s from T0, so spent since T0+60
            SlaStatus critical = evaluate(testPlan, high.withSeverity(CRITICAL), t(90));
            assertThat(critical.severity()).isEqualTo(CRITICAL);
            assertThat(critical.acknowledge().deadline()).contains(t(60));
            assertThat(critical.acknowledge().breached()).isTrue();
            assertThat(critical.dueSteps()).hasSize(3);
        }
    }

    @Nested
    class BusinessHours {

        /** Essentials-like budgets on Berlin office hours: high = 4 h to acknowledge, 24 h to resolve. */
        private final SlaPolicy essentials = aPolicy()
                .withCoverage(berlinOfficeHours())
                .withBudget(HIGH, Duration.ofHours(4), Duration.ofHours(24))
                .build();

        private Instant berlin(String local) {
            return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
        }

        @Test
        void aCaseOpenedOnFridayEveningStartsOnMondayAfterTheSpringForward() {
            // opened Fri 2026-03-27 19:30 CET, after hours: clocks start Mon 03-30 08:00 CEST.
            // ack 4 h: Mon 12:00 CEST = 10:00Z; step 0 (2 h): Mon 10:00 CEST = 08:00Z;
            // resolve 24 h: Mon 10 h + Tue 10 h + Wed 4 h = Wed 04-01 12:00 CEST = 10:00Z
            SlaCase sla = SlaCase.opened(HIGH, berlin("2026-03-27T19:30"));
            SlaStatus saturday = evaluate(essentials, sla, Instant.parse("2026-03-28T12:00:00Z"));
            assertThat(saturday.acknowledge().state()).isEqualTo(ClockState.OUT_OF_HOURS);
            assertThat(saturday.acknowledge().consumed()).isZero();
            assertThat(saturday.acknowledge().deadline()).contains(Instant.parse("2026-03-30T10:00:00Z"));
            assertThat(saturday.resolve().deadline()).contains(Instant.parse("2026-04-01T10:00:00Z"));
            assertThat(saturday.nextStepDueAt()).contains(Instant.parse("2026-03-30T08:00:00Z"));
        }

        @Test
        void waitingOnTheCustomerAndTheWeekendBothStopTheResolveClock() {
            // opened Mon 2026-03-02 09:00 CET, acknowledged 09:30, waiting on the customer
            // Mon 12:00 to Wed 12:00. Resolve 24 h: Mon 09-12 (3 h), Wed 12-18 (6 h), Thu (10 h),
            // Fri 08-13 (5 h) = Fri 2026-03-06 13:00 CET = 12:00Z
            SlaCase sla = SlaCase.opened(HIGH, berlin("2026-03-02T09:00"))
                    .acknowledged(berlin("2026-03-02T09:30"))
                    .withPauses(List.of(Pause.between(berlin("2026-03-02T12:00"), berlin("2026-03-04T12:00"))));
            SlaStatus thursday = evaluate(essentials, sla, berlin("2026-03-05T10:00"));
            assertThat(thursday.resolve().deadline()).contains(Instant.parse("2026-03-06T12:00:00Z"));
            // consumed by Thu 10:00: 3 h + 6 h + 2 h = 11 h
            assertThat(thursday.resolve().consumed()).isEqualTo(Duration.ofHours(11));
            assertThat(thursday.acknowledge().consumed()).isEqualTo(Duration.ofMinutes(30));
            assertThat(thursday.resolve().state()).isEqualTo(ClockState.RUNNING);
        }
    }
}

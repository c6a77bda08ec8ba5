package io.socaas.cases.sla.domain;

import static io.socaas.cases.sla.domain.SlaTestData.aPolicy;
import static io.socaas.cases.sla.domain.SlaTestData.berlinOfficeHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.socaas.cases.casefile.domain.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Laws of the SLA clocks under arbitrary closed pauses, on office hours with a holiday: the clock
 * has consumed exactly its budget at its deadline, and breaches and due steps agree with it.
 */
class SlaDeadlinesPropertiesTest {

    private static final Instant OPENED = Instant.parse("2026-03-20T16:20:00Z");
    private static final SlaPolicy POLICY = aPolicy()
            .withCoverage(berlinOfficeHours(LocalDate.parse("2026-04-03")))
            .withBudget(Severity.MEDIUM, Duration.ofHours(8), Duration.ofHours(72))
            .build();

    /** Closed pauses within four weeks after the opening, some before it, overlapping at will. */
    private static Gen<List<Pause>> pauses() {
        Gen<Pause> pause = longs().between(-86_400, 28 * 86_400L)
                .zip(
                        longs().between(0, 3 * 86_400L),
                        (start, length) ->
                                Pause.between(OPENED.plusSeconds(start), OPENED.plusSeconds(start + length)));
        return lists().of(pause).ofSizeBetween(0, 6);
    }

    @Test
    void atItsDeadlineAClockHasConsumedExactlyItsBudget() {
        qt().forAll(pauses(), integers().between(0, 1)).checkAssert((pauses, clock) -> {
            SlaClockKind kind = SlaClockKind.values()[clock];
            SlaCase sla = SlaCase.opened(Severity.MEDIUM, OPENED).withPauses(pauses);
            Instant deadline = SlaDeadlines.evaluateAt(POLICY, sla, OPENED.plus(Duration.ofDays(60)))
                    .clock(kind)
                    .deadline()
                    .orElseThrow();

            ClockStatus atDeadline =
                    SlaDeadlines.evaluateAt(POLICY, sla, deadline).clock(kind);
            assertThat(atDeadline.consumed()).isEqualTo(atDeadline.budget());
            assertThat(atDeadline.breached()).isTrue();
            ClockStatus justBefore =
                    SlaDeadlines.evaluateAt(POLICY, sla, deadline.minusNanos(1)).clock(kind);
            assertThat(justBefore.breached()).isFalse();
        });
    }

    @Test
    void aStepIsDueExactlyWhenItsClockHasConsumedItsThreshold() {
        qt().forAll(pauses(), longs().between(0, 40 * 86_400L)).checkAssert((pauses, offset) -> {
            Instant now = OPENED.plusSeconds(offset);
            SlaStatus status = SlaDeadlines.evaluateAt(
                    POLICY, SlaCase.opened(Severity.MEDIUM, OPENED).withPauses(pauses), now);
            for (StepSchedule step : status.ladder()) {
                ClockStatus clock = status.clock(step.step().clock());
                boolean reached = clock.consumed().compareTo(step.threshold()) >= 0;
                assertThat(step.state() == StepState.DUE).isEqualTo(reached);
                step.dueAt().ifPresent(due -> assertThat(!due.isAfter(now)).isEqualTo(reached));
            }
        });
    }
}

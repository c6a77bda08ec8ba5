package io.socaas.cases.sla.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.cases.sla.domain.CoverageCalendar;
import io.socaas.cases.sla.domain.EscalationStep;
import io.socaas.cases.sla.domain.InvalidSlaPolicyException;
import io.socaas.cases.sla.domain.SlaBudget;
import io.socaas.cases.sla.domain.SlaClockKind;
import io.socaas.cases.sla.domain.SlaPolicy;
import io.socaas.cases.sla.domain.WeeklyWindow;
import io.socaas.proto.tenant.v1.BusinessHours;
import io.socaas.proto.tenant.v1.Coverage;
import io.socaas.proto.tenant.v1.EscalationStep.Builder;
import io.socaas.proto.tenant.v1.Plan;
import io.socaas.proto.tenant.v1.Severity;
import io.socaas.proto.tenant.v1.SlaClock;
import io.socaas.proto.tenant.v1.TenantConfig;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Reading the SLA policy from the published tenant facts, as tenant-billing writes them. */
class SlaPoliciesTest {

    /** The Essentials plan as published: Mon-Fri 08:00-18:00, budgets in seconds, three steps. */
    private static Plan.Builder essentials() {
        Plan.Builder plan = Plan.newBuilder()
                .setId("essentials")
                .setName("Essentials")
                .addSla(budget(Severity.SEVERITY_CRITICAL, 3_600, 28_800))
                .addSla(budget(Severity.SEVERITY_HIGH, 14_400, 86_400))
                .addSla(budget(Severity.SEVERITY_MEDIUM, 28_800, 259_200))
                .addSla(budget(Severity.SEVERITY_LOW, 86_400, 864_000))
                .addSla(budget(Severity.SEVERITY_INFORMATIONAL, 259_200, 2_592_000))
                .addEscalation(step(50, SlaClock.SLA_CLOCK_ACKNOWLEDGE, "notify-assignee"))
                .addEscalation(step(100, SlaClock.SLA_CLOCK_ACKNOWLEDGE, "reassign-next-tier"))
                .addEscalation(step(100, SlaClock.SLA_CLOCK_RESOLVE, "notify-customer-and-record-breach"));
        Coverage.Builder coverage = Coverage.newBuilder().setKind(Coverage.Kind.KIND_BUSINESS_HOURS);
        for (int day = 1; day <= 5; day++) {
            coverage.addBusinessHours(hours(day, "08:00", "18:00"));
        }
        coverage.addHolidays("2026-12-25");
        return plan.setCoverage(coverage);
    }

    private static io.socaas.proto.tenant.v1.SlaBudget budget(Severity severity, long ack, long resolve) {
        return io.socaas.proto.tenant.v1.SlaBudget.newBuilder()
                .setSeverity(severity)
                .setAcknowledgeSeconds(ack)
                .setResolveSeconds(resolve)
                .build();
    }

    private static Builder step(int percent, SlaClock clock, String action) {
        return io.socaas.proto.tenant.v1.EscalationStep.newBuilder()
                .setAtPercent(percent)
                .setOf(clock)
                .setAction(action);
    }

    private static BusinessHours hours(int day, String start, String end) {
        return BusinessHours.newBuilder()
                .setDayOfWeek(day)
                .setStart(start)
                .setEnd(end)
                .build();
    }

    private static TenantConfig tenant(Plan.Builder plan) {
        return TenantConfig.newBuilder()
                .setTenantId("acme")
                .setTimeZone("Europe/Berlin")
                .setPlan(plan)
                .build();
    }

    @Test
    void readsBudgetsCoverageAndLadderOfThePlan() {
        SlaPolicy policy = SlaPolicies.from(tenant(essentials()));

        assertThat(policy.budget(io.socaas.cases.casefile.domain.Severity.HIGH))
                .isEqualTo(new SlaBudget(Duration.ofHours(4), Duration.ofHours(24)));
        assertThat(policy.budget(io.socaas.cases.casefile.domain.Severity.INFORMATIONAL)
                        .resolve())
                .isEqualTo(Duration.ofDays(30));
        assertThat(policy.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(policy.coverage().isAllDay()).isFalse();
        assertThat(policy.coverage().coveredPerWeek()).isEqualTo(Duration.ofHours(50));
        assertThat(policy.coverage().holidays()).containsExactly(LocalDate.parse("2026-12-25"));
        assertThat(policy.coverage().windows())
                .first()
                .isEqualTo(new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), Duration.ofHours(10)));
        assertThat(policy.ladder())
                .containsExactly(
                        new EscalationStep(50, SlaClockKind.ACKNOWLEDGE, "notify-assignee"),
                        new EscalationStep(100, SlaClockKind.ACKNOWLEDGE, "reassign-next-tier"),
                        new EscalationStep(100, SlaClockKind.RESOLVE, "notify-customer-and-record-breach"));
    }

    @Test
    void aTwentyFourSevenPlanIgnoresHolidaysAndNeedsNoZone() {
        Plan.Builder plan = essentials()
                .setCoverage(
                        Coverage.newBuilder().setKind(Coverage.Kind.KIND_24X7).addHolidays("2026-12-25"));
        SlaPolicy policy =
                SlaPolicies.from(tenant(plan).toBuilder().setTimeZone("").build());

        assertThat(policy.coverage()).isEqualTo(CoverageCalendar.allDay(ZoneOffset.UTC));
        assertThat(policy.coverage().isCovered(Instant.parse("2026-12-25T12:00:00Z")))
                .isTrue();
    }

    @Test
    void anEndOfTwentyFourHundredIsMidnightAndAnEarlierEndIsTheNextDay() {
        Coverage.Builder coverage = Coverage.newBuilder()
                .setKind(Coverage.Kind.KIND_BUSINESS_HOURS)
                .addBusinessHours(hours(6, "00:00", "24:00"))
                .addBusinessHours(hours(5, "22:00", "06:00"))
                .addBusinessHours(hours(1, "08:00", "12:00"))
                .addBusinessHours(hours(1, "13:00", "17:30"));
        SlaPolicy policy = SlaPolicies.from(tenant(essentials().setCoverage(coverage)));

        assertThat(policy.coverage().windows())
                .containsExactly(
                        WeeklyWindow.wholeDay(DayOfWeek.SATURDAY),
                        new WeeklyWindow(DayOfWeek.FRIDAY, LocalTime.of(22, 0), Duration.ofHours(8)),
                        new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), Duration.ofHours(4)),
                        new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(13, 0), Duration.ofMinutes(270)));
        // Sat 24 h, Fri 22:00 to Sat 06:00 overlaps Saturday: 2 h on Friday; Monday 8.5 h
        assertThat(policy.coverage().coveredPerWeek()).isEqualTo(Duration.ofMinutes((24 + 2) * 60 + 510));
    }

    @Test
    void aMissingBudgetIsRefusedNamingTheSeverity() {
        Plan.Builder plan = essentials().removeSla(4).removeSla(1);

        assertThatThrownBy(() -> SlaPolicies.from(tenant(plan)))
                .isInstanceOf(InvalidSlaPolicyException.class)
                .hasMessageContaining("tenant 'acme'")
                .hasMessageContaining("plan 'essentials'")
                .hasMessageContaining("no SLA budget for severity informational, high");
    }

    @Test
    void budgetsForNoSeverityTwiceOrOfZeroSecondsAreRefusedTogether() {
        Plan.Builder plan = essentials()
                .addSla(budget(Severity.SEVERITY_UNSPECIFIED, 60, 60))
                .addSla(budget(Severity.SEVERITY_HIGH, 60, 60))
                .setSla(0, budget(Severity.SEVERITY_CRITICAL, 0, 600));

        assertThatThrownBy(() -> SlaPolicies.from(tenant(plan)))
                .isInstanceOfSatisfying(
                        InvalidSlaPolicyException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "severity critical: acknowledge budget must be positive and at most 3650 days, got PT0S",
                                        "an SLA budget names no known severity (0)",
                                        "two SLA budgets for severity high"));
    }

    @Test
    void malformedCalendarsAreRefusedWithEveryProblem() {
        Coverage.Builder coverage = Coverage.newBuilder()
                .setKind(Coverage.Kind.KIND_BUSINESS_HOURS)
                .addBusinessHours(hours(0, "08:00", "18:00"))
                .addBusinessHours(hours(1, "8 am", "18:00"))
                .addBusinessHours(hours(2, "08:00", "25:00"))
                .addBusinessHours(hours(3, "09:00", "09:00"))
                .addHolidays("25.12.2026");
        TenantConfig config = tenant(essentials().setCoverage(coverage)).toBuilder()
                .setTimeZone("Mars/Olympus")
                .build();

        assertThatThrownBy(() -> SlaPolicies.from(config))
                .isInstanceOfSatisfying(
                        InvalidSlaPolicyException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "time zone 'Mars/Olympus' is not an IANA time zone",
                                        "business hours 0 08:00-18:00: day of week must be 1 (Monday) to 7 (Sunday)",
                                        "business hours 1 8 am-18:00: start is not a time (HH:mm)",
                                        "business hours 2 08:00-25:00: end is not a time (HH:mm or 24:00)",
                                        "business hours 3 09:00-09:00: a business-hours window from 09:00 to 09:00"
                                                + " on WEDNESDAY is ambiguous",
                                        "holiday '25.12.2026' is not an ISO date (YYYY-MM-DD)"));
    }

    @Test
    void businessHoursNeedATimeZoneAndACoverageKindIsRequired() {
        TenantConfig noZone = tenant(essentials()).toBuilder().setTimeZone("").build();
        assertThatThrownBy(() -> SlaPolicies.from(noZone))
                .isInstanceOf(InvalidSlaPolicyException.class)
                .hasMessageContaining("business-hours coverage needs the tenant's time zone");

        assertThatThrownBy(() -> SlaPolicies.from(tenant(essentials().clearCoverage())))
                .isInstanceOf(InvalidSlaPolicyException.class)
                .hasMessageContaining("coverage kind is not set");

        Plan.Builder noHours =
                essentials().setCoverage(Coverage.newBuilder().setKind(Coverage.Kind.KIND_BUSINESS_HOURS));
        assertThatThrownBy(() -> SlaPolicies.from(tenant(noHours)))
                .isInstanceOf(InvalidSlaPolicyException.class)
                .hasMessageContaining("lists no business hours");
    }

    @Test
    void incompleteEscalationStepsAreRefused() {
        Plan.Builder plan = essentials()
                .addEscalation(step(100, SlaClock.SLA_CLOCK_UNSPECIFIED, "page-on-call-lead"))
                .addEscalation(step(0, SlaClock.SLA_CLOCK_RESOLVE, "notify-customer"))
                .addEscalation(step(150, SlaClock.SLA_CLOCK_RESOLVE, " "));

        assertThatThrownBy(() -> SlaPolicies.from(tenant(plan)))
                .isInstanceOfSatisfying(
                        InvalidSlaPolicyException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "escalation step 4: the clock (acknowledge or resolve) is not set",
                                        "escalation step 5: escalation step percentage must be at least 1, got 0",
                                        "escalation step 6: escalation step needs an action"));
    }

    @Test
    void aTenantWithoutAPlanHasNoPolicy() {
        assertThatThrownBy(() -> SlaPolicies.from(
                        TenantConfig.newBuilder().setTenantId("acme").build()))
                .isInstanceOf(InvalidSlaPolicyException.class)
                .hasMessage("SLA policy of tenant 'acme': the tenant has no plan");
    }
}

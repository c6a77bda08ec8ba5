package io.socaas.cases.sla.domain;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;

import io.socaas.cases.casefile.domain.Severity;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Calendars and policies for SLA tests: office hours, short test plans with budgets in seconds. */
final class SlaTestData {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private SlaTestData() {}

    /** Monday to Friday, {@code from} to {@code to}, in {@code zone}, except {@code holidays}. */
    static CoverageCalendar weekdays(ZoneId zone, String from, String to, LocalDate... holidays) {
        List<WeeklyWindow> windows = new ArrayList<>();
        for (DayOfWeek day : EnumSet.range(MONDAY, FRIDAY)) {
            windows.add(WeeklyWindow.between(day, LocalTime.parse(from), LocalTime.parse(to)));
        }
        return CoverageCalendar.businessHours(zone, windows, List.of(holidays));
    }

    /** Monday to Friday 08:00 to 18:00 in Berlin: the Essentials plan's hours. */
    static CoverageCalendar berlinOfficeHours(LocalDate... holidays) {
        return weekdays(BERLIN, "08:00", "18:00", holidays);
    }

    /** Every day, midnight to midnight, as business hours (not the 24x7 shortcut). */
    static CoverageCalendar everyWholeDay(ZoneId zone) {
        List<WeeklyWindow> windows = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            windows.add(WeeklyWindow.wholeDay(day));
        }
        return CoverageCalendar.businessHours(zone, windows, List.of());
    }

    static PolicyBuilder aPolicy() {
        return new PolicyBuilder();
    }

    /**
     * A short test plan: budgets in seconds (critical 60 s / 300 s, high 120 s / 600 s, the rest
     * longer), 24x7 in UTC, and the Standard plan's ladder plus a step at 200 % of resolve.
     */
    static final class PolicyBuilder {
        private final Map<Severity, SlaBudget> budgets = new EnumMap<>(Severity.class);
        private CoverageCalendar coverage = CoverageCalendar.allDay(ZoneId.of("UTC"));
        private List<EscalationStep> ladder = List.of(
                new EscalationStep(50, SlaClockKind.ACKNOWLEDGE, "notify-assignee"),
                new EscalationStep(100, SlaClockKind.ACKNOWLEDGE, "reassign-next-tier"),
                new EscalationStep(100, SlaClockKind.ACKNOWLEDGE, "page-on-call-lead"),
                new EscalationStep(100, SlaClockKind.RESOLVE, "notify-customer-and-record-breach"),
                new EscalationStep(200, SlaClockKind.RESOLVE, "notify-soc-manager"));

        private PolicyBuilder() {
            budgets.put(Severity.CRITICAL, SlaBudget.ofSeconds(60, 300));
            budgets.put(Severity.HIGH, SlaBudget.ofSeconds(120, 600));
            budgets.put(Severity.MEDIUM, SlaBudget.ofSeconds(600, 3_600));
            budgets.put(Severity.LOW, SlaBudget.ofSeconds(3_600, 86_400));
            budgets.put(Severity.INFORMATIONAL, SlaBudget.ofSeconds(86_400, 604_800));
        }

        PolicyBuilder withBudget(Severity severity, Duration acknowledge, Duration resolve) {
            budgets.put(severity, new SlaBudget(acknowledge, resolve));
            return this;
        }

        PolicyBuilder withCoverage(CoverageCalendar calendar) {
            this.coverage = calendar;
            return this;
        }

        PolicyBuilder withLadder(EscalationStep... steps) {
            this.ladder = List.of(steps);
            return this;
        }

        SlaPolicy build() {
            return new SlaPolicy(budgets, coverage, ladder);
        }
    }
}

package io.socaas.cases.sla.facts;

import io.socaas.cases.casefile.domain.Severity;
import io.socaas.cases.sla.domain.CoverageCalendar;
import io.socaas.cases.sla.domain.EscalationStep;
import io.socaas.cases.sla.domain.InvalidSlaPolicyException;
import io.socaas.cases.sla.domain.SlaBudget;
import io.socaas.cases.sla.domain.SlaClockKind;
import io.socaas.cases.sla.domain.SlaPolicy;
import io.socaas.cases.sla.domain.WeeklyWindow;
import io.socaas.proto.tenant.v1.BusinessHours;
import io.socaas.proto.tenant.v1.Coverage;
import io.socaas.proto.tenant.v1.Plan;
import io.socaas.proto.tenant.v1.SlaClock;
import io.socaas.proto.tenant.v1.TenantConfig;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a tenant's {@link SlaPolicy} from its published {@link TenantConfig} (the tenant facts of
 * {@code soc.tenants.v1}).
 *
 * <h2>How the plan is read</h2>
 *
 * <ul>
 *   <li>Budgets: one {@code SlaBudget} per severity, in seconds of covered time, each positive. A
 *       severity without a budget, a budget for an unspecified or unknown severity, or two budgets
 *       for one severity make the policy invalid: there is no default budget, since any default
 *       would silently promise the customer something the plan does not say.
 *   <li>Coverage {@code KIND_24X7}: covered around the clock; the coverage's holidays are ignored
 *       (24x7 means every day). An unspecified kind is invalid.
 *   <li>Coverage {@code KIND_BUSINESS_HOURS}: each {@code BusinessHours} entry is one window;
 *       several entries may name the same day (a lunch break is two windows) and overlapping
 *       windows count once. {@code start} and {@code end} are {@code HH:mm} (seconds allowed);
 *       {@code end} may be {@code 24:00} (midnight at the end of the day); an end before the start
 *       runs past midnight into the next day ({@code 22:00}–{@code 06:00}); an end equal to the
 *       start is ambiguous and invalid. Holidays are ISO dates in the tenant's time zone.
 *   <li>Time zone: an IANA id, required for business hours; a 24x7 plan without one uses UTC
 *       (the zone does not change its arithmetic).
 *   <li>Escalation: steps in plan order, each with a percentage of at least 1, a clock
 *       (acknowledge or resolve) and an action name.
 * </ul>
 *
 * Every problem is collected and reported together in one {@link InvalidSlaPolicyException}.
 */
public final class SlaPolicies {

    private static final Duration DAY = Duration.ofDays(1);

    private SlaPolicies() {}

    /**
     * The SLA policy of the tenant's plan.
     *
     * @throws InvalidSlaPolicyException listing every problem when the plan is incomplete or malformed
     */
    public static SlaPolicy from(TenantConfig config) {
        String subject = "SLA policy of tenant '" + config.getTenantId() + "'";
        List<String> problems = new ArrayList<>();
        if (!config.hasPlan()) {
            throw new InvalidSlaPolicyException(subject, List.of("the tenant has no plan"));
        }
        Plan plan = config.getPlan();
        subject += " (plan '" + plan.getId() + "')";
        Map<Severity, SlaBudget> budgets = budgets(plan, problems);
        CoverageCalendar coverage = coverage(config, plan, problems);
        List<EscalationStep> ladder = ladder(plan, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSlaPolicyException(subject, problems);
        }
        return new SlaPolicy(budgets, coverage, ladder);
    }

    private static Map<Severity, SlaBudget> budgets(Plan plan, List<String> problems) {
        Map<Severity, SlaBudget> budgets = new EnumMap<>(Severity.class);
        Set<Severity> named = EnumSet.noneOf(Severity.class);
        for (io.socaas.proto.tenant.v1.SlaBudget budget : plan.getSlaList()) {
            Severity severity = severity(budget.getSeverity());
            if (severity == null) {
                problems.add("an SLA budget names no known severity (" + budget.getSeverityValue() + ")");
                continue;
            }
            if (!named.add(severity)) {
                problems.add("two SLA budgets for severity " + severity.wireName());
                continue;
            }
            try {
                budgets.put(severity, SlaBudget.ofSeconds(budget.getAcknowledgeSeconds(), budget.getResolveSeconds()));
            } catch (IllegalArgumentException e) {
                problems.add("severity " + severity.wireName() + ": " + describe(e));
            }
        }
        List<String> missing = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            if (!named.contains(severity)) {
                missing.add(severity.wireName());
            }
        }
        if (!missing.isEmpty()) {
            problems.add("no SLA budget for severity " + String.join(", ", missing));
        }
        return budgets;
    }

    private static Severity severity(io.socaas.proto.tenant.v1.Severity severity) {
        return switch (severity) {
            case SEVERITY_INFORMATIONAL -> Severity.INFORMATIONAL;
            case SEVERITY_LOW -> Severity.LOW;
            case SEVERITY_MEDIUM -> Severity.MEDIUM;
            case SEVERITY_HIGH -> Severity.HIGH;
            case SEVERITY_CRITICAL -> Severity.CRITICAL;
            case SEVERITY_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    private static CoverageCalendar coverage(TenantConfig config, Plan plan, List<String> problems) {
        Coverage coverage = plan.getCoverage();
        switch (coverage.getKind()) {
            case KIND_24X7 -> {
                ZoneId zone = config.getTimeZone().isBlank() ? ZoneOffset.UTC : zone(config, problems);
                return zone == null ? null : CoverageCalendar.allDay(zone);
            }
            case KIND_BUSINESS_HOURS -> {
                ZoneId zone = zone(config, problems);
                List<WeeklyWindow> windows = new ArrayList<>();
                for (BusinessHours hours : coverage.getBusinessHoursList()) {
                    WeeklyWindow window = window(hours, problems);
                    if (window != null) {
                        windows.add(window);
                    }
                }
                if (coverage.getBusinessHoursCount() == 0) {
                    problems.add("business-hours coverage lists no business hours");
                }
                List<LocalDate> holidays = new ArrayList<>();
                for (String holiday : coverage.getHolidaysList()) {
                    try {
                        holidays.add(LocalDate.parse(holiday));
                    } catch (DateTimeParseException e) {
                        problems.add("holiday '" + holiday + "' is not an ISO date (YYYY-MM-DD)");
                    }
                }
                return zone == null || windows.isEmpty()
                        ? null
                        : CoverageCalendar.businessHours(zone, windows, holidays);
            }
            default -> {
                problems.add("coverage kind is not set (24x7 or business hours)");
                return null;
            }
        }
    }

    private static ZoneId zone(TenantConfig config, List<String> problems) {
        String id = config.getTimeZone();
        if (id.isBlank()) {
            problems.add("business-hours coverage needs the tenant's time zone");
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            problems.add("time zone '" + id + "' is not an IANA time zone");
            return null;
        }
    }

    private static WeeklyWindow window(BusinessHours hours, List<String> problems) {
        String what = "business hours " + hours.getDayOfWeek() + " " + hours.getStart() + "-" + hours.getEnd();
        if (hours.getDayOfWeek() < 1 || hours.getDayOfWeek() > 7) {
            problems.add(what + ": day of week must be 1 (Monday) to 7 (Sunday)");
            return null;
        }
        DayOfWeek day = DayOfWeek.of(hours.getDayOfWeek());
        LocalTime start;
        try {
            start = LocalTime.parse(hours.getStart());
        } catch (DateTimeParseException e) {
            problems.add(what + ": start is not a time (HH:mm)");
            return null;
        }
        try {
            if ("24:00".equals(hours.getEnd())) {
                return new WeeklyWindow(day, start, DAY.minusNanos(start.toNanoOfDay()));
            }
            LocalTime end;
            try {
                end = LocalTime.parse(hours.getEnd());
            } catch (DateTimeParseException e) {
                problems.add(what + ": end is not a time (HH:mm or 24:00)");
                return null;
            }
            return WeeklyWindow.between(day, start, end);
        } catch (InvalidSlaPolicyException e) {
            problems.add(what + ": " + describe(e));
            return null;
        }
    }

    private static List<EscalationStep> ladder(Plan plan, List<String> problems) {
        List<EscalationStep> ladder = new ArrayList<>();
        for (int i = 0; i < plan.getEscalationCount(); i++) {
            io.socaas.proto.tenant.v1.EscalationStep step = plan.getEscalation(i);
            SlaClockKind clock = step.getOf() == SlaClock.SLA_CLOCK_ACKNOWLEDGE
                    ? SlaClockKind.ACKNOWLEDGE
                    : step.getOf() == SlaClock.SLA_CLOCK_RESOLVE ? SlaClockKind.RESOLVE : null;
            if (clock == null) {
                problems.add("escalation step " + (i + 1) + ": the clock (acknowledge or resolve) is not set");
                continue;
            }
            try {
                ladder.add(new EscalationStep(step.getAtPercent(), clock, step.getAction()));
            } catch (InvalidSlaPolicyException e) {
                problems.add("escalation step " + (i + 1) + ": " + describe(e));
            }
        }
        return ladder;
    }

    private static String describe(IllegalArgumentException e) {
        return e instanceof InvalidSlaPolicyException invalid ? String.join("; ", invalid.problems()) : e.getMessage();
    }
}

package io.socaas.tenants.tenantconfig.domain;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates {@code plans.yaml} into {@link Plan}s. Pure. Every problem of the file is reported at
 * once, each naming its plan and line; a bad {@code plans.yaml} makes every tenant unusable, so it
 * is thrown as a {@link TenantConfigException}.
 */
public final class PlanParser {

    private static final Pattern PLAN_ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([smhd])");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})\\s*%?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z-]{0,63}");
    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "mon", DayOfWeek.MONDAY,
            "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY,
            "thu", DayOfWeek.THURSDAY,
            "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);

    private PlanParser() {}

    /** {@code plans.yaml}: a {@code plans} list of complete plans with unique ids. */
    public static PlanCatalog parse(ConfigDocument document) {
        if (!(document.content() instanceof Map<?, ?> root) || !(root.get("plans") instanceof List<?> entries)) {
            throw new TenantConfigException(document.file(), "expected a top-level 'plans' list");
        }
        Problems problems = new Problems();
        Set<String> ids = new HashSet<>();
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Object id = entries.get(i) instanceof Map<?, ?> plan ? plan.get("id") : null;
            if (!(id instanceof String planId) || !PLAN_ID.matcher(planId).matches()) {
                problems.add("plans[" + i + "] needs an 'id' of lower-case letters, digits or '-'");
                continue;
            }
            String where = "plan '" + planId + "'"
                    + document.lineOf("id:" + planId)
                            .map(l -> " (line " + l + ")")
                            .orElse("") + ": ";
            if (!ids.add(planId)) {
                problems.add(where + "id is declared twice");
                continue;
            }
            Plan plan = parsePlan(planId, (Map<?, ?>) entries.get(i), where, problems);
            if (plan != null) {
                plans.add(plan);
            }
        }
        if (ids.isEmpty() && problems.isEmpty()) {
            problems.add("declares no plans");
        }
        problems.throwIfAny(document.file());
        return PlanCatalog.of(plans);
    }

    private static Plan parsePlan(String id, Map<?, ?> fields, String where, Problems problems) {
        Problems mine = new Problems();
        String name = fields.get("name") instanceof String n && !n.isBlank() ? n.strip() : id;
        Map<Plan.Severity, Plan.SlaBudget> sla = parseSla(fields.get("sla"), where, mine);
        List<LocalDate> holidays = parseHolidays(fields.get("holidays"), where, mine);
        Plan.Coverage coverage = parseCoverage(fields, holidays, where, mine);
        List<Plan.EscalationStep> escalation = parseEscalation(fields.get("escalation"), where, mine);
        Plan.IngestQuota quota = null;
        if (fields.get("quotas") instanceof Map<?, ?> q) {
            Long eps = mine.requiredLong(q, "events_per_second", 1, where + "quotas.");
            Long burst = q.containsKey("burst_events")
                    ? mine.requiredLong(q, "burst_events", 0, where + "quotas.")
                    : Long.valueOf(0);
            Long perDay = mine.requiredLong(q, "events_per_day", 1, where + "quotas.");
            if (eps != null && burst != null && perDay != null) {
                quota = new Plan.IngestQuota(eps, burst, perDay);
            }
        } else {
            mine.add(where + "missing 'quotas' (events_per_second, burst_events, events_per_day)");
        }
        Long retention = mine.requiredLong(fields, "retention_days", 1, where);
        Plan.BillingTerms billing = parseBilling(fields.get("billing"), where, mine);
        if (!mine.isEmpty()) {
            mine.forEachTo(problems);
            return null;
        }
        return new Plan(id, name, sla, coverage, escalation, quota, retention.intValue(), billing);
    }

    private static Map<Plan.Severity, Plan.SlaBudget> parseSla(Object value, String where, Problems problems) {
        Map<Plan.Severity, Plan.SlaBudget> sla = new EnumMap<>(Plan.Severity.class);
        if (!(value instanceof Map<?, ?> budgets)) {
            problems.add(where + "missing 'sla' with a budget per severity");
            return sla;
        }
        for (Plan.Severity severity : Plan.Severity.values()) {
            String key = severity.name().toLowerCase(Locale.ROOT);
            if (!(budgets.get(key) instanceof Map<?, ?> budget)) {
                problems.add(where + "sla." + key + " is missing (acknowledge and resolve)");
                continue;
            }
            Duration ack = duration(budget.get("acknowledge"), where + "sla." + key + ".acknowledge", problems);
            Duration resolve = duration(budget.get("resolve"), where + "sla." + key + ".resolve", problems);
            if (ack != null && resolve != null) {
                if (ack.compareTo(resolve) > 0) {
                    problems.add(where + "sla." + key + ": acknowledge is longer than resolve");
                }
                sla.put(severity, new Plan.SlaBudget(ack, resolve));
            }
        }
        for (Object key : budgets.keySet()) {
            if (!(key instanceof String k) || !isSeverity(k)) {
                problems.add(where + "sla." + key + " is not a severity (critical, high, medium, low, informational)");
            }
        }
        return sla;
    }

    private static boolean isSeverity(String key) {
        for (Plan.Severity severity : Plan.Severity.values()) {
            if (severity.name().toLowerCase(Locale.ROOT).equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static Plan.Coverage parseCoverage(
            Map<?, ?> fields, List<LocalDate> holidays, String where, Problems problems) {
        Object kind = fields.get("coverage");
        if ("24x7".equals(kind)) {
            return Plan.Coverage.twentyFourSeven(holidays);
        }
        if (!"business-hours".equals(kind)) {
            problems.add(where + "coverage must be '24x7' or 'business-hours', not '" + kind + "'");
            return null;
        }
        if (!(fields.get("business_hours") instanceof Map<?, ?> hours)) {
            problems.add(where + "business-hours coverage needs 'business_hours' (days, from, to)");
            return null;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (hours.get("days") instanceof List<?> list && !list.isEmpty()) {
            for (Object day : list) {
                DayOfWeek parsed = day instanceof String d ? DAYS.get(d.toLowerCase(Locale.ROOT)) : null;
                if (parsed == null) {
                    problems.add(where + "business_hours.days: '" + day
                            + "' is not one of mon, tue, wed, thu, fri, sat, sun");
                } else {
                    days.add(parsed);
                }
            }
        } else {
            problems.add(where + "business_hours.days must list weekdays (mon ... sun)");
        }
        LocalTime from = time(hours.get("from"), where + "business_hours.from", problems);
        LocalTime to = time(hours.get("to"), where + "business_hours.to", problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(where + "business_hours.from must be before business_hours.to");
        }
        return new Plan.Coverage(false, days, from, to, holidays);
    }

    static List<LocalDate> parseHolidays(Object value, String where, Problems problems) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problems.add(where + "holidays must be a list of dates (YYYY-MM-DD)");
            return List.of();
        }
        List<LocalDate> dates = new ArrayList<>();
        for (Object entry : list) {
            try {
                dates.add(LocalDate.parse(String.valueOf(entry)));
            } catch (DateTimeException e) {
                problems.add(where + "holidays: '" + entry + "' is not a date (YYYY-MM-DD)");
            }
        }
        return dates;
    }

    private static List<Plan.EscalationStep> parseEscalation(Object value, String where, Problems problems) {
        List<Plan.EscalationStep> steps = new ArrayList<>();
        if (!(value instanceof List<?> list)) {
            problems.add(where + "missing 'escalation' list");
            return steps;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = where + "escalation[" + i + "]: ";
            if (!(list.get(i) instanceof Map<?, ?> step)) {
                problems.add(at + "expected { at, of, action }");
                continue;
            }
            Matcher percent = PERCENT.matcher(String.valueOf(step.get("at")).strip());
            Integer atPercent = percent.matches() ? Integer.valueOf(percent.group(1)) : null;
            if (atPercent == null || atPercent < 1 || atPercent > 200) {
                problems.add(at + "'at' must be a percentage between 1% and 200%, not '" + step.get("at") + "'");
            }
            Plan.Clock of = switch (String.valueOf(step.get("of"))) {
                case "acknowledge" -> Plan.Clock.ACKNOWLEDGE;
                case "resolve" -> Plan.Clock.RESOLVE;
                default -> {
                    problems.add(at + "'of' must be 'acknowledge' or 'resolve', not '" + step.get("of") + "'");
                    yield null;
                }
            };
            Object action = step.get("action");
            if (!(action instanceof String a) || !ACTION.matcher(a).matches()) {
                problems.add(at + "'action' must be a lower-case action name such as notify-assignee");
            }
            if (atPercent != null && of != null && action instanceof String a) {
                steps.add(new Plan.EscalationStep(atPercent, of, a));
            }
        }
        return steps;
    }

    private static Plan.BillingTerms parseBilling(Object value, String where, Problems problems) {
        if (!(value instanceof Map<?, ?> billing)) {
            problems.add(where + "missing 'billing' (currency, monthly_fee, included_gb, overage_per_gb,"
                    + " service_credit_percent_per_breach, max_credit_percent)");
            return null;
        }
        String at = where + "billing.";
        Object currency = billing.get("currency");
        if (!(currency instanceof String c) || !CURRENCY.matcher(c).matches()) {
            problems.add(at + "currency must be an ISO 4217 code such as EUR, not '" + currency + "'");
        }
        Long fee = problems.requiredLong(billing, "monthly_fee", 0, at);
        Long included = problems.requiredLong(billing, "included_gb", 0, at);
        Long overage = problems.requiredLong(billing, "overage_per_gb", 0, at);
        Long credit = problems.requiredLong(billing, "service_credit_percent_per_breach", 0, at);
        Long cap = problems.requiredLong(billing, "max_credit_percent", 0, at);
        if (cap != null && cap > 100) {
            problems.add(at + "max_credit_percent cannot exceed 100");
        }
        if (credit != null && credit > 100) {
            problems.add(at + "service_credit_percent_per_breach cannot exceed 100");
        }
        if (!(currency instanceof String c)
                || fee == null
                || included == null
                || overage == null
                || credit == null
                || cap == null) {
            return null;
        }
        return new Plan.BillingTerms(c, fee, included, overage, credit.intValue(), cap.intValue());
    }

    /** ISO-8601 ({@code PT15M}) or {@code <n>s/m/h/d}. */
    static Duration duration(Object value, String where, Problems problems) {
        if (value instanceof String text) {
            String t = text.strip();
            Matcher m = SHORT_DURATION.matcher(t);
            try {
                Duration d = m.matches()
                        ? switch (m.group(2)) {
                            case "s" -> Duration.ofSeconds(Long.parseLong(m.group(1)));
                            case "m" -> Duration.ofMinutes(Long.parseLong(m.group(1)));
                            case "h" -> Duration.ofHours(Long.parseLong(m.group(1)));
                            default -> Duration.ofDays(Long.parseLong(m.group(1)));
                        }
                        : Duration.parse(t);
                if (!d.isNegative() && !d.isZero()) {
                    return d;
                }
            } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
                // reported below
            }
        }
        problems.add(where + " must be a positive duration such as 15m, 4h, 2d or PT1H, not '" + value + "'");
        return null;
    }

    private static LocalTime time(Object value, String where, Problems problems) {
        try {
            return LocalTime.parse(String.valueOf(value));
        } catch (DateTimeException e) {
            problems.add(where + " must be a time HH:mm, not '" + value + "'");
            return null;
        }
    }
}

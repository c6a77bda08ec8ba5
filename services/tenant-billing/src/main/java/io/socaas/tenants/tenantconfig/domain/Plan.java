package io.socaas.tenants.tenantconfig.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A service plan of {@code plans.yaml}, validated: what every service needs of it (SLA budgets,
 * coverage, escalation, quotas, retention) and what billing charges.
 */
public record Plan(
        String id,
        String name,
        Map<Severity, SlaBudget> sla,
        Coverage coverage,
        List<EscalationStep> escalation,
        IngestQuota quota,
        int retentionDays,
        BillingTerms billing) {

    public Plan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        sla = Map.copyOf(sla);
        Objects.requireNonNull(coverage, "coverage");
        escalation = List.copyOf(escalation);
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(billing, "billing");
    }

    /** Case severities, as Sigma levels. */
    public enum Severity {
        INFORMATIONAL,
        LOW,
        MEDIUM,
        HIGH,
        CRITICAL
    }

    /** Time to acknowledge and to resolve, in covered time. */
    public record SlaBudget(Duration acknowledge, Duration resolve) {}

    /**
     * When SLA clocks run.
     *
     * @param allDay 24x7 (days, from and to are then unused)
     * @param holidays dates without coverage, in the tenant's time zone
     */
    public record Coverage(
            boolean allDay, Set<DayOfWeek> days, LocalTime from, LocalTime to, List<LocalDate> holidays) {

        public Coverage {
            days = Set.copyOf(days);
            holidays = List.copyOf(holidays);
        }

        public static Coverage twentyFourSeven(List<LocalDate> holidays) {
            return new Coverage(true, Set.of(DayOfWeek.values()), LocalTime.MIN, LocalTime.MAX, holidays);
        }
    }

    /** Which budget a step measures. */
    public enum Clock {
        ACKNOWLEDGE,
        RESOLVE
    }

    /** One rung of the escalation ladder: at {@code atPercent} of the {@code of} budget, do {@code action}. */
    public record EscalationStep(int atPercent, Clock of, String action) {}

    /** Ingestion limits: sustained events/s, a burst on top, and events per day. */
    public record IngestQuota(long eventsPerSecond, long burstEvents, long eventsPerDay) {}

    /**
     * What the plan costs. Money in minor units of {@code currency}.
     *
     * @param includedGb GB (10^9 bytes) of raw data included per month
     * @param overagePerGb price per GB above it, billed per started 0.01 GB
     */
    public record BillingTerms(
            String currency,
            long monthlyFee,
            long includedGb,
            long overagePerGb,
            int serviceCreditPercentPerBreach,
            int maxCreditPercent) {}
}

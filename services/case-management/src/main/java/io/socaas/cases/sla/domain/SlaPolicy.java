package io.socaas.cases.sla.domain;

import io.socaas.cases.casefile.domain.Severity;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tenant's SLA terms, independent of how they are published: a budget for every case severity,
 * the coverage calendar the budgets are counted on (with the tenant's time zone) and the escalation
 * ladder in plan order.
 *
 * <p>Every severity has a budget: a plan without one for some severity is refused when the policy
 * is built (when the tenant's facts arrive), not when a case of that severity opens at night.
 *
 * @param budgets a budget per severity; all severities required
 * @param coverage when the clocks run
 * @param ladder escalation steps in plan order; a step's position identifies it within this policy
 */
public record SlaPolicy(Map<Severity, SlaBudget> budgets, CoverageCalendar coverage, List<EscalationStep> ladder) {

    public SlaPolicy {
        Objects.requireNonNull(budgets, "budgets");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(ladder, "ladder");
        List<String> missing = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            if (budgets.get(severity) == null) {
                missing.add(severity.wireName());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidSlaPolicyException("no SLA budget for severity " + String.join(", ", missing));
        }
        budgets = Collections.unmodifiableMap(new EnumMap<>(budgets));
        ladder = List.copyOf(ladder);
    }

    /** The budgets for cases of {@code severity}. */
    public SlaBudget budget(Severity severity) {
        return budgets.get(Objects.requireNonNull(severity, "severity"));
    }

    /** The tenant's time zone (the zone of the coverage calendar). */
    public ZoneId zone() {
        return coverage.zone();
    }
}

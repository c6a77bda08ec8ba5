package io.socaas.correlation.rules.domain;

import io.socaas.events.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What correlation needs of a tenant's published configuration.
 *
 * @param active rules run only for active tenants
 * @param disabledRules ids of rules the tenant turned off
 * @param placeholders values of Sigma {@code expand} placeholders, by name without percent signs
 * @param tuning the tenant's severity overrides and exceptions, by rule id (rules without any are
 *     not listed)
 */
public record TenantProfile(
        TenantId id,
        boolean active,
        List<String> rulePacks,
        Set<String> disabledRules,
        Map<String, List<String>> placeholders,
        Map<String, RuleTuning> tuning) {

    public TenantProfile {
        Objects.requireNonNull(id, "id");
        rulePacks = List.copyOf(rulePacks);
        disabledRules = Set.copyOf(disabledRules);
        placeholders = Map.copyOf(placeholders);
        tuning = Map.copyOf(tuning);
    }

    public TenantProfile(
            TenantId id,
            boolean active,
            List<String> rulePacks,
            Set<String> disabledRules,
            Map<String, List<String>> placeholders) {
        this(id, active, rulePacks, disabledRules, placeholders, Map.of());
    }

    public TenantProfile(TenantId id, boolean active, List<String> rulePacks, Set<String> disabledRules) {
        this(id, active, rulePacks, disabledRules, Map.of());
    }

    public TenantProfile(TenantId id, boolean active, List<String> rulePacks) {
        this(id, active, rulePacks, Set.of(), Map.of());
    }

    /** The tenant's tuning of a rule; {@link RuleTuning#NONE} when it has none. */
    public RuleTuning tuningOf(String ruleId) {
        return tuning.getOrDefault(ruleId, RuleTuning.NONE);
    }

    public boolean isActive() {
        return active;
    }
}

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
 */
public record TenantProfile(
        TenantId id,
        boolean active,
        List<String> rulePacks,
        Set<String> disabledRules,
        Map<String, List<String>> placeholders) {

    public TenantProfile {
        Objects.requireNonNull(id, "id");
        rulePacks = List.copyOf(rulePacks);
        disabledRules = Set.copyOf(disabledRules);
        placeholders = Map.copyOf(placeholders);
    }

    public TenantProfile(TenantId id, boolean active, List<String> rulePacks, Set<String> disabledRules) {
        this(id, active, rulePacks, disabledRules, Map.of());
    }

    public TenantProfile(TenantId id, boolean active, List<String> rulePacks) {
        this(id, active, rulePacks, Set.of(), Map.of());
    }

    public boolean isActive() {
        return active;
    }
}

package io.socaas.correlation.rules.domain;

import io.socaas.correlation.sigma.domain.SigmaFilter;
import io.socaas.events.TenantId;
import java.util.List;
import java.util.Map;

/**
 * The rule packs and filters as loaded from the tenant-config folder.
 *
 * @param packs pack id to its successfully loaded rules
 * @param failures rule and filter files that could not be loaded
 * @param globalFilters Sigma filters applied for every tenant
 * @param tenantFilters Sigma filters of single tenants
 */
public record RulePacks(
        Map<String, List<DetectionRule>> packs,
        List<RuleLoadFailure> failures,
        List<SigmaFilter> globalFilters,
        Map<TenantId, List<SigmaFilter>> tenantFilters) {

    public RulePacks {
        packs = Map.copyOf(packs);
        failures = List.copyOf(failures);
        globalFilters = List.copyOf(globalFilters);
        tenantFilters = Map.copyOf(tenantFilters);
    }

    public RulePacks(Map<String, List<DetectionRule>> packs, List<RuleLoadFailure> failures) {
        this(packs, failures, List.of(), Map.of());
    }

    /** Every tenant's rules: the rules of its packs, for the tenants that are active. */
    public RuleCatalog catalogFor(List<TenantProfile> tenants) {
        return RuleCatalog.assemble(tenants, packs, failures, globalFilters, tenantFilters);
    }
}

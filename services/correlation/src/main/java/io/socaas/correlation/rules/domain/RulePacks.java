package io.socaas.correlation.rules.domain;

import java.util.List;
import java.util.Map;

/**
 * The rule packs as loaded from the tenant-config folder.
 *
 * @param packs pack id to its successfully loaded rules
 * @param failures rule files that could not be loaded
 */
public record RulePacks(Map<String, List<DetectionRule>> packs, List<RuleLoadFailure> failures) {

    public RulePacks {
        packs = Map.copyOf(packs);
        failures = List.copyOf(failures);
    }

    /** Every tenant's rules: the rules of its packs, for the tenants that are active. */
    public RuleCatalog catalogFor(List<TenantProfile> tenants) {
        return RuleCatalog.assemble(tenants, packs, failures);
    }
}

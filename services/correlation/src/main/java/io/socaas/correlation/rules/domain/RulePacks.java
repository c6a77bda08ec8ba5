package io.socaas.correlation.rules.domain;

import io.socaas.correlation.sigma.domain.SigmaFilter;
import io.socaas.events.TenantId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule packs and filters as loaded from the tenant-config folder. Each pack is compiled (grouped
 * by logsource and indexed, {@link CompiledRules}) once, the first time a tenant enables it, and the
 * compiled pack is shared by every catalog built from here on and every tenant in it.
 */
public final class RulePacks {

    private final Map<String, List<DetectionRule>> packs;
    private final List<RuleLoadFailure> failures;
    private final List<SigmaFilter> globalFilters;
    private final Map<TenantId, List<SigmaFilter>> tenantFilters;
    private final Map<String, List<DeployedCorrelation>> correlations;
    private final Map<String, CompiledRules> compiled = new ConcurrentHashMap<>();

    /**
     * @param packs pack id to its successfully loaded rules
     * @param failures rule and filter files that could not be loaded
     * @param globalFilters Sigma filters applied for every tenant
     * @param tenantFilters Sigma filters of single tenants
     */
    public RulePacks(
            Map<String, List<DetectionRule>> packs,
            List<RuleLoadFailure> failures,
            List<SigmaFilter> globalFilters,
            Map<TenantId, List<SigmaFilter>> tenantFilters) {
        this(packs, failures, globalFilters, tenantFilters, Map.of());
    }

    /**
     * @param correlations pack id to its correlation rules, references resolved
     *     ({@link CorrelationPacks})
     */
    public RulePacks(
            Map<String, List<DetectionRule>> packs,
            List<RuleLoadFailure> failures,
            List<SigmaFilter> globalFilters,
            Map<TenantId, List<SigmaFilter>> tenantFilters,
            Map<String, List<DeployedCorrelation>> correlations) {
        this.packs = Map.copyOf(packs);
        this.failures = List.copyOf(failures);
        this.globalFilters = List.copyOf(globalFilters);
        this.tenantFilters = Map.copyOf(tenantFilters);
        this.correlations = Map.copyOf(correlations);
    }

    /** Pack id to its correlation rules (packs without any are not listed). */
    public Map<String, List<DeployedCorrelation>> correlations() {
        return correlations;
    }

    public RulePacks(Map<String, List<DetectionRule>> packs, List<RuleLoadFailure> failures) {
        this(packs, failures, List.of(), Map.of());
    }

    public Map<String, List<DetectionRule>> packs() {
        return packs;
    }

    public List<RuleLoadFailure> failures() {
        return failures;
    }

    public List<SigmaFilter> globalFilters() {
        return globalFilters;
    }

    public Map<TenantId, List<SigmaFilter>> tenantFilters() {
        return tenantFilters;
    }

    /** The pack compiled, once; null for a pack that does not exist. */
    public CompiledRules compiled(String pack) {
        List<DetectionRule> rules = packs.get(pack);
        return rules == null ? null : compiled.computeIfAbsent(pack, p -> CompiledRules.compile(rules));
    }

    /** Every tenant's rules: the rules of its packs, for the tenants that are active. */
    public RuleCatalog catalogFor(List<TenantProfile> tenants) {
        Map<String, CompiledRules> enabled = new HashMap<>();
        for (TenantProfile tenant : tenants) {
            if (tenant.isActive()) {
                for (String pack : tenant.rulePacks()) {
                    CompiledRules rules = compiled(pack);
                    if (rules != null) {
                        enabled.put(pack, rules);
                    }
                }
            }
        }
        return RuleCatalog.assembleCompiled(tenants, enabled, failures, globalFilters, tenantFilters, correlations);
    }
}

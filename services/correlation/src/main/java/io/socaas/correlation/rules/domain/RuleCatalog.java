package io.socaas.correlation.rules.domain;

import io.socaas.correlation.sigma.domain.SigmaFilter;
import io.socaas.correlation.sigma.domain.SigmaRule;
import io.socaas.events.TenantId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every tenant's enabled rules, fixed at load time, plus what could not be loaded.
 *
 * <p>A tenant's rules are the rules of its packs, less the rules it turned off, with its severity
 * overrides and exceptions ({@link RuleTuning}); tenants that are not active, or not known, have
 * none.
 */
public final class RuleCatalog {

    private final Map<TenantId, TenantRuleSet> byTenant;
    private final Map<TenantId, TenantCorrelations> correlations;
    private final List<RuleLoadFailure> failures;

    private RuleCatalog(
            Map<TenantId, TenantRuleSet> byTenant,
            Map<TenantId, TenantCorrelations> correlations,
            List<RuleLoadFailure> failures) {
        this.byTenant = Map.copyOf(byTenant);
        this.correlations = Map.copyOf(correlations);
        this.failures = List.copyOf(failures);
    }

    /**
     * Builds the catalog from the tenants and the rules loaded per pack.
     *
     * @param packs pack id to its successfully loaded rules
     * @param loadFailures rule files that failed to load
     */
    public static RuleCatalog assemble(
            List<TenantProfile> tenants, Map<String, List<DetectionRule>> packs, List<RuleLoadFailure> loadFailures) {
        return assemble(tenants, packs, loadFailures, List.of(), Map.of());
    }

    /**
     * Builds the catalog; each tenant's rules are bound to its placeholder values (a rule with a
     * placeholder the tenant gives no value for is not run, and reported), and the global filters
     * and the tenant's own filters are applied to the rules they name.
     */
    public static RuleCatalog assemble(
            List<TenantProfile> tenants,
            Map<String, List<DetectionRule>> packs,
            List<RuleLoadFailure> loadFailures,
            List<SigmaFilter> globalFilters,
            Map<TenantId, List<SigmaFilter>> tenantFilters) {
        return new RulePacks(packs, loadFailures, globalFilters, tenantFilters).catalogFor(tenants);
    }

    /**
     * Builds the catalog over packs compiled beforehand: each pack's compiled rules are shared by
     * every tenant that enables it; a tenant's changes (rules turned off, bound to its
     * placeholders, filtered) are applied on top.
     */
    public static RuleCatalog assembleCompiled(
            List<TenantProfile> tenants,
            Map<String, CompiledRules> packs,
            List<RuleLoadFailure> loadFailures,
            List<SigmaFilter> globalFilters,
            Map<TenantId, List<SigmaFilter>> tenantFilters) {
        return assembleCompiled(tenants, packs, loadFailures, globalFilters, tenantFilters, Map.of());
    }

    /**
     * Builds the catalog over packs compiled beforehand, with the correlation rules of the packs
     * ({@code correlations}, pack id to its rules): a tenant runs those of its packs it did not turn
     * off whose referred rules it runs (a correlation rule referring to one it turned off is reported
     * and not run).
     */
    public static RuleCatalog assembleCompiled(
            List<TenantProfile> tenants,
            Map<String, CompiledRules> packs,
            List<RuleLoadFailure> loadFailures,
            List<SigmaFilter> globalFilters,
            Map<TenantId, List<SigmaFilter>> tenantFilters,
            Map<String, List<DeployedCorrelation>> correlations) {
        List<RuleLoadFailure> failures = new ArrayList<>(loadFailures);
        Map<TenantId, TenantRuleSet> byTenant = new LinkedHashMap<>();
        Map<TenantId, TenantCorrelations> correlationsByTenant = new LinkedHashMap<>();
        for (TenantProfile tenant : tenants) {
            List<TenantRuleSet.Selection> selections = new ArrayList<>();
            if (tenant.isActive()) {
                List<SigmaFilter> filters = new ArrayList<>(globalFilters);
                filters.addAll(tenantFilters.getOrDefault(tenant.id(), List.of()));
                Set<String> ruleIds = new HashSet<>();
                for (String pack : tenant.rulePacks()) {
                    CompiledRules compiled = packs.get(pack);
                    if (compiled == null) {
                        failures.add(new RuleLoadFailure(
                                "tenant " + tenant.id(), "rule pack '" + pack + "' does not exist"));
                    } else {
                        selections.add(select(tenant, compiled, filters, failures));
                        compiled.rules().forEach(r -> ruleIds.add(r.sigma().id()));
                    }
                    correlations.getOrDefault(pack, List.of()).forEach(c -> ruleIds.add(c.id()));
                }
                reportOverridesOfUnknownRules(tenant, ruleIds, failures);
            }
            TenantRuleSet ruleSet = TenantRuleSet.of(tenant.id(), selections);
            byTenant.put(tenant.id(), ruleSet);
            if (tenant.isActive()) {
                correlationsByTenant.put(tenant.id(), activeCorrelations(tenant, ruleSet, correlations, failures));
            }
        }
        return new RuleCatalog(byTenant, correlationsByTenant, failures);
    }

    private static TenantCorrelations activeCorrelations(
            TenantProfile tenant,
            TenantRuleSet ruleSet,
            Map<String, List<DeployedCorrelation>> correlations,
            List<RuleLoadFailure> failures) {
        List<DeployedCorrelation> candidates = new ArrayList<>();
        for (String pack : tenant.rulePacks()) {
            for (DeployedCorrelation c : correlations.getOrDefault(pack, List.of())) {
                if (!tenant.disabledRules().contains(c.id())) {
                    candidates.add(c.withSeverity(tenant.tuningOf(c.id()).severity()));
                }
            }
        }
        if (candidates.isEmpty()) {
            return TenantCorrelations.none(tenant.id());
        }
        Set<String> running = new HashSet<>();
        ruleSet.rules().forEach(r -> running.add(r.sigma().id()));
        List<DeployedCorrelation> active = new ArrayList<>();
        boolean added = true;
        while (added) {
            added = false;
            for (var it = candidates.iterator(); it.hasNext(); ) {
                DeployedCorrelation c = it.next();
                if (running.containsAll(c.rule().rules())) {
                    active.add(c);
                    running.add(c.id());
                    it.remove();
                    added = true;
                }
            }
        }
        for (DeployedCorrelation c : candidates) {
            List<String> missing =
                    c.rule().rules().stream().filter(r -> !running.contains(r)).toList();
            failures.add(new RuleLoadFailure(
                    "tenant " + tenant.id() + " rule " + c.id(),
                    "correlation rule not run: the tenant does not run the rule(s) it refers to " + missing));
        }
        return new TenantCorrelations(tenant.id(), active);
    }

    /** An override (off, severity, exceptions) of a rule none of the tenant's packs has does nothing: say so. */
    private static void reportOverridesOfUnknownRules(
            TenantProfile tenant, Set<String> ruleIds, List<RuleLoadFailure> failures) {
        SortedSet<String> overridden = new TreeSet<>(tenant.disabledRules());
        overridden.addAll(tenant.tuning().keySet());
        for (String rule : overridden) {
            if (!ruleIds.contains(rule)) {
                failures.add(new RuleLoadFailure(
                        "tenant " + tenant.id() + " rule " + rule,
                        "override has no effect: none of the tenant's rule packs has this rule"));
            }
        }
    }

    private static TenantRuleSet.Selection select(
            TenantProfile tenant, CompiledRules pack, List<SigmaFilter> filters, List<RuleLoadFailure> failures) {
        BitSet disabled = new BitSet();
        Map<Integer, DetectionRule> replaced = new HashMap<>();
        List<DetectionRule> packRules = pack.rules();
        for (int i = 0; i < packRules.size(); i++) {
            DetectionRule rule = packRules.get(i);
            if (tenant.disabledRules().contains(rule.sigma().id())) {
                disabled.set(i);
                continue;
            }
            SigmaRule sigma = rule.sigma().withPlaceholders(tenant.placeholders());
            if (!sigma.runnable()) {
                failures.add(new RuleLoadFailure(
                        "tenant " + tenant.id() + " rule " + rule.sigma().id(),
                        "not run: placeholder(s) " + sigma.unresolvedPlaceholders()
                                + " have no value in the tenant's configuration"));
                disabled.set(i);
                continue;
            }
            List<SigmaFilter> applied =
                    filters.stream().filter(f -> f.appliesTo(sigma)).toList();
            DetectionRule effective = rule.withSigma(sigma.withFilters(applied))
                    .withTuning(tenant.tuningOf(rule.sigma().id()));
            if (effective != rule) {
                replaced.put(i, effective);
            }
        }
        return new TenantRuleSet.Selection(pack, disabled, replaced);
    }

    /** The tenant's rules; an empty set for a tenant the configuration does not know. */
    public TenantRuleSet rulesFor(TenantId tenant) {
        return byTenant.getOrDefault(tenant, TenantRuleSet.empty(tenant));
    }

    /** The tenant's correlation rules; none for a tenant the configuration does not know. */
    public TenantCorrelations correlationsFor(TenantId tenant) {
        return correlations.getOrDefault(tenant, TenantCorrelations.none(tenant));
    }

    /** The tenant's rules; empty for a tenant the configuration does not know (or no longer knows). */
    public Optional<TenantRuleSet> find(TenantId tenant) {
        return Optional.ofNullable(byTenant.get(tenant));
    }

    public Map<TenantId, TenantRuleSet> tenants() {
        return byTenant;
    }

    public List<RuleLoadFailure> failures() {
        return failures;
    }
}

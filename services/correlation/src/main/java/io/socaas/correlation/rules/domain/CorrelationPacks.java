package io.socaas.correlation.rules.domain;

import io.socaas.correlation.sigma.domain.CorrelationRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the correlation rules of one pack: their references ({@code name} or {@code id} of a
 * rule or correlation rule of the same pack) to ids, their aliases to rule ids, and which rules
 * keep raising alerts of their own ({@code generate}).
 */
public final class CorrelationPacks {

    /** A pack's rules (with {@link DetectionRule#alerts()} set) and its resolved correlation rules. */
    public record Resolved(List<DetectionRule> rules, List<DeployedCorrelation> correlations) {}

    private CorrelationPacks() {}

    /**
     * @param failures receives one entry per correlation rule that cannot be resolved (it is
     *     dropped) or that is part of a cycle
     */
    public static Resolved resolve(
            String packId,
            List<DetectionRule> rules,
            List<DeployedCorrelation> correlations,
            List<RuleLoadFailure> failures) {
        if (correlations.isEmpty()) {
            return new Resolved(rules, List.of());
        }
        Map<String, String> idByRef = new HashMap<>();
        for (DetectionRule rule : rules) {
            idByRef.put(rule.sigma().id(), rule.sigma().id());
            if (!rule.sigma().name().isEmpty()) {
                idByRef.put(rule.sigma().name(), rule.sigma().id());
            }
        }
        for (DeployedCorrelation c : correlations) {
            idByRef.put(c.id(), c.id());
            if (!c.rule().name().isEmpty()) {
                idByRef.put(c.rule().name(), c.id());
            }
        }
        Map<String, DeployedCorrelation> resolved = new LinkedHashMap<>();
        for (DeployedCorrelation c : correlations) {
            CorrelationRule rule = c.rule();
            List<String> ids = new ArrayList<>();
            String missing = null;
            for (String ref : rule.rules()) {
                String id = idByRef.get(ref);
                if (id == null) {
                    missing = ref;
                    break;
                }
                ids.add(id);
            }
            String location = "rules/" + packId + "/" + c.fileName() + " correlation " + c.id();
            if (missing != null) {
                failures.add(new RuleLoadFailure(
                        location,
                        "INVALID: refers to rule '" + missing + "', which pack " + packId + " does not have"));
                continue;
            }
            if (ids.contains(c.id())) {
                failures.add(new RuleLoadFailure(location, "INVALID: refers to itself"));
                continue;
            }
            Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
            String badAlias = null;
            for (var alias : rule.aliases().entrySet()) {
                Map<String, String> byId = new LinkedHashMap<>();
                for (var perRule : alias.getValue().entrySet()) {
                    String id = idByRef.get(perRule.getKey());
                    if (id == null || !ids.contains(id)) {
                        badAlias = alias.getKey() + "." + perRule.getKey();
                        break;
                    }
                    byId.put(id, perRule.getValue());
                }
                aliases.put(alias.getKey(), byId);
            }
            if (badAlias != null) {
                failures.add(new RuleLoadFailure(
                        location, "INVALID: alias 'correlation.aliases." + badAlias + "' names no referred rule"));
                continue;
            }
            resolved.put(
                    c.id(), new DeployedCorrelation(rule.withResolvedReferences(ids, aliases), c.pack(), c.fileName()));
        }
        Set<String> correlationIds = new HashSet<>();
        correlations.forEach(c -> correlationIds.add(c.id()));
        dropChainsOfDropped(packId, correlationIds, resolved, failures);
        // a rule referred to only by correlation rules without generate: true raises no alert of its own
        Set<String> generating = new HashSet<>();
        Set<String> referred = new HashSet<>();
        for (DeployedCorrelation c : resolved.values()) {
            referred.addAll(c.rule().rules());
            if (c.rule().generate()) {
                generating.addAll(c.rule().rules());
            }
        }
        List<DetectionRule> flagged = rules.stream()
                .map(r -> r.withAlerts(!referred.contains(r.sigma().id())
                        || generating.contains(r.sigma().id())))
                .toList();
        List<DeployedCorrelation> result = resolved.values().stream()
                .map(c -> c.withAlerting(!referred.contains(c.id()) || generating.contains(c.id())))
                .toList();
        return new Resolved(flagged, result);
    }

    /** A correlation rule referring to a dropped correlation rule is dropped too. */
    private static void dropChainsOfDropped(
            String packId,
            Set<String> correlationIds,
            Map<String, DeployedCorrelation> resolved,
            List<RuleLoadFailure> failures) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var it = resolved.values().iterator(); it.hasNext(); ) {
                DeployedCorrelation c = it.next();
                for (String ref : c.rule().rules()) {
                    if (correlationIds.contains(ref) && !resolved.containsKey(ref)) {
                        failures.add(new RuleLoadFailure(
                                "rules/" + packId + "/" + c.fileName() + " correlation " + c.id(),
                                "INVALID: refers to correlation rule " + ref + ", which could not be loaded"));
                        it.remove();
                        changed = true;
                        break;
                    }
                }
            }
        }
    }
}

package io.socaas.correlation.rules.domain;

import io.socaas.correlation.sigma.domain.Logsource;
import io.socaas.correlation.sigma.domain.RuleIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of rules (a rule pack) compiled once: grouped by the logsource each rule asks for, and
 * inside a group indexed by the literals the rules need ({@link RuleIndex}). Immutable; one
 * instance serves every tenant that enables the pack, each applying its own overrides on top
 * ({@link TenantRuleSet}).
 */
public final class CompiledRules {

    /** The rules of one logsource: their positions in the list, and their index. */
    record Group(Logsource logsource, int[] positions, RuleIndex index) {}

    private final List<DetectionRule> rules;
    private final Map<Logsource, Group> groups;

    private CompiledRules(List<DetectionRule> rules, Map<Logsource, Group> groups) {
        this.rules = rules;
        this.groups = groups;
    }

    /** Groups and indexes the rules. */
    public static CompiledRules compile(List<DetectionRule> rules) {
        List<DetectionRule> all = List.copyOf(rules);
        Map<Logsource, List<Integer>> byLogsource = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            byLogsource
                    .computeIfAbsent(all.get(i).sigma().source(), k -> new ArrayList<>())
                    .add(i);
        }
        Map<Logsource, Group> groups = new LinkedHashMap<>();
        byLogsource.forEach((logsource, positions) -> groups.put(
                logsource,
                new Group(
                        logsource,
                        positions.stream().mapToInt(Integer::intValue).toArray(),
                        RuleIndex.of(positions.stream()
                                .map(p -> all.get(p).sigma().detection())
                                .toList()))));
        return new CompiledRules(all, Map.copyOf(groups));
    }

    public List<DetectionRule> rules() {
        return rules;
    }

    public int size() {
        return rules.size();
    }

    Group group(Logsource logsource) {
        return groups.get(logsource);
    }

    /** Number of rules that no literal index can narrow (evaluated on every event of their logsource). */
    public int unconstrained() {
        return groups.values().stream().mapToInt(g -> g.index().unconstrained()).sum();
    }
}

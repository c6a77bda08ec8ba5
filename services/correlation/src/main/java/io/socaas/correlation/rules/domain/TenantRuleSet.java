package io.socaas.correlation.rules.domain;

import io.socaas.correlation.sigma.domain.Logsource;
import io.socaas.correlation.sigma.domain.LogsourceMapping;
import io.socaas.events.TenantId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable set of rules enabled for one tenant, indexed by the logsource each rule asks for,
 * so that an event is evaluated only by the rules of its logsources.
 */
public final class TenantRuleSet {

    /** A rule to evaluate on an event, with the field mapping of the logsource it was routed by. */
    public record Candidate(DetectionRule rule, Map<String, String> fields) {}

    private final TenantId tenant;
    private final List<DetectionRule> rules;
    private final Map<Logsource, int[]> byLogsource;

    public TenantRuleSet(TenantId tenant, List<DetectionRule> rules) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.rules = List.copyOf(rules);
        Map<Logsource, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < this.rules.size(); i++) {
            index.computeIfAbsent(this.rules.get(i).sigma().source(), k -> new ArrayList<>())
                    .add(i);
        }
        Map<Logsource, int[]> frozen = new HashMap<>();
        index.forEach(
                (k, v) -> frozen.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        this.byLogsource = Map.copyOf(frozen);
    }

    public static TenantRuleSet empty(TenantId tenant) {
        return new TenantRuleSet(tenant, List.of());
    }

    public TenantId tenant() {
        return tenant;
    }

    public List<DetectionRule> rules() {
        return rules;
    }

    public int size() {
        return rules.size();
    }

    /**
     * The rules whose logsource covers one of the event's logsources, in rule order, each with
     * the field mapping of that logsource (a category's mapping before its source's).
     */
    public List<Candidate> candidates(List<LogsourceMapping.Classified> eventSources) {
        if (rules.isEmpty()) {
            return List.of();
        }
        BitSet selected = new BitSet(rules.size());
        Map<Integer, Map<String, String>> fields = new HashMap<>();
        select(Logsource.ANY, Map.of(), selected, fields);
        for (LogsourceMapping.Classified source : eventSources) {
            Logsource ls = source.logsource();
            for (int mask = 0; mask < 8; mask++) {
                Logsource key = new Logsource(
                        (mask & 1) == 0 ? ls.product() : null,
                        (mask & 2) == 0 ? ls.category() : null,
                        (mask & 4) == 0 ? ls.service() : null);
                select(key, source.fields(), selected, fields);
            }
        }
        List<Candidate> result = new ArrayList<>(selected.cardinality());
        for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
            result.add(new Candidate(rules.get(i), fields.getOrDefault(i, Map.of())));
        }
        return result;
    }

    private void select(
            Logsource key, Map<String, String> mapping, BitSet selected, Map<Integer, Map<String, String>> fields) {
        int[] indexes = byLogsource.get(key);
        if (indexes == null) {
            return;
        }
        for (int i : indexes) {
            if (!selected.get(i)) {
                selected.set(i);
                if (!mapping.isEmpty()) {
                    fields.put(i, mapping);
                }
            } else if (!mapping.isEmpty() && !fields.containsKey(i)) {
                fields.put(i, mapping);
            }
        }
    }
}

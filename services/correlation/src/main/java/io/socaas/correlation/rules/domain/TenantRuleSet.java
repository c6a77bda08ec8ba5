package io.socaas.correlation.rules.domain;

import io.socaas.correlation.sigma.domain.Logsource;
import io.socaas.correlation.sigma.domain.LogsourceMapping;
import io.socaas.correlation.sigma.domain.SigmaEvent;
import io.socaas.events.TenantId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable set of rules enabled for one tenant: the compiled rule packs it enables (shared
 * with every other tenant enabling them) with the tenant's own changes on top (rules turned off,
 * rules bound to its placeholders or with its filters applied). An event is evaluated only by the
 * rules of its logsources that the packs' literal indexes cannot rule out.
 */
public final class TenantRuleSet {

    /** A rule to evaluate on an event, with the field mapping of the logsource it was routed by. */
    public record Candidate(DetectionRule rule, Map<String, String> fields) {}

    /**
     * A compiled pack as one tenant runs it.
     *
     * @param disabled positions (in the pack) of the rules the tenant does not run
     * @param replaced position to the tenant's form of that rule (bound to its placeholders, with
     *     its filters applied): same logsource, and matching only where the pack's rule matches or
     *     where its placeholders put values the pack's rule leaves unconstrained
     */
    public record Selection(CompiledRules pack, BitSet disabled, Map<Integer, DetectionRule> replaced) {
        public Selection {
            Objects.requireNonNull(pack, "pack");
            disabled = (BitSet) disabled.clone();
            replaced = Map.copyOf(replaced);
        }

        /** Every rule of the pack, as it is. */
        public static Selection all(CompiledRules pack) {
            return new Selection(pack, new BitSet(), Map.of());
        }

        /** The rules the tenant runs, by position in the pack; null where it runs none. */
        DetectionRule[] effective() {
            DetectionRule[] result = new DetectionRule[pack.size()];
            for (int i = 0; i < result.length; i++) {
                if (!disabled.get(i)) {
                    result[i] = replaced.getOrDefault(i, pack.rules().get(i));
                }
            }
            return result;
        }
    }

    private record Enabled(CompiledRules pack, DetectionRule[] rules) {}

    private final TenantId tenant;
    private final List<Enabled> enabled;
    private final List<DetectionRule> rules;
    private final Map<Logsource, int[]> byLogsource;

    private TenantRuleSet(TenantId tenant, Enabled... enabled) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.enabled = List.of(enabled);
        List<DetectionRule> all = new ArrayList<>();
        for (Enabled e : this.enabled) {
            for (DetectionRule rule : e.rules()) {
                if (rule != null) {
                    all.add(rule);
                }
            }
        }
        this.rules = List.copyOf(all);
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

    /** A set of its own: the rules compiled for this tenant alone. */
    public TenantRuleSet(TenantId tenant, List<DetectionRule> rules) {
        this(tenant, toEnabled(Selection.all(CompiledRules.compile(rules))));
    }

    /** The tenant's selections of compiled packs, in order. */
    public static TenantRuleSet of(TenantId tenant, List<Selection> selections) {
        return new TenantRuleSet(
                tenant, selections.stream().map(TenantRuleSet::toEnabled).toArray(Enabled[]::new));
    }

    private static Enabled toEnabled(Selection selection) {
        return new Enabled(selection.pack(), selection.effective());
    }

    public static TenantRuleSet empty(TenantId tenant) {
        return new TenantRuleSet(tenant);
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

    /** The compiled packs the tenant runs, in order: the very instances other tenants share. */
    public List<CompiledRules> compiledPacks() {
        return enabled.stream().map(Enabled::pack).toList();
    }

    /**
     * The rules of the event's logsources that may match it, in rule order, each with the field
     * mapping of its logsource: the rules of {@link #candidates(List)} less those whose pack's
     * literal index shows they cannot match (so evaluating these gives the same matches).
     */
    public List<Candidate> candidates(SigmaEvent event, List<LogsourceMapping.Classified> eventSources) {
        if (rules.isEmpty()) {
            return List.of();
        }
        Map<Logsource, Map<String, String>> routes = routes(eventSources);
        List<Candidate> result = new ArrayList<>();
        BitSet local = new BitSet();
        for (Enabled e : enabled) {
            BitSet hits = new BitSet(e.rules().length);
            Map<Integer, Map<String, String>> fields = new HashMap<>();
            routes.forEach((logsource, mapping) -> {
                CompiledRules.Group group = e.pack().group(logsource);
                if (group == null) {
                    return;
                }
                local.clear();
                try {
                    group.index().candidates(event.withFieldMapping(mapping), local);
                } catch (RuntimeException unreadable) {
                    // an event field the index cannot read: every rule of the group is evaluated,
                    // so that the rules reading that field fail (and are reported) one by one
                    local.set(0, group.positions().length);
                }
                for (int i = local.nextSetBit(0); i >= 0; i = local.nextSetBit(i + 1)) {
                    int position = group.positions()[i];
                    if (e.rules()[position] != null) {
                        hits.set(position);
                        fields.put(position, mapping);
                    }
                }
            });
            for (int p = hits.nextSetBit(0); p >= 0; p = hits.nextSetBit(p + 1)) {
                result.add(new Candidate(e.rules()[p], fields.get(p)));
            }
        }
        return result;
    }

    /**
     * Every logsource a rule may ask for to see the event (each part of each of the event's
     * logsources stated or left open), with the field mapping rules of it read the event through:
     * the first non-empty mapping of a source that produces it.
     */
    private static Map<Logsource, Map<String, String>> routes(List<LogsourceMapping.Classified> eventSources) {
        Map<Logsource, Map<String, String>> routes = new LinkedHashMap<>();
        routes.put(Logsource.ANY, Map.of());
        for (LogsourceMapping.Classified source : eventSources) {
            for (Logsource key : source.routes()) {
                Map<String, String> current = routes.get(key);
                if (current == null || (current.isEmpty() && !source.fields().isEmpty())) {
                    routes.put(key, source.fields());
                }
            }
        }
        return routes;
    }

    /**
     * Every rule whose logsource covers one of the event's logsources, in rule order, each with
     * the field mapping of that logsource (a category's mapping before its source's), without the
     * literal index: the reference the indexed {@link #candidates(SigmaEvent, List)} must agree
     * with.
     */
    public List<Candidate> candidates(List<LogsourceMapping.Classified> eventSources) {
        if (rules.isEmpty()) {
            return List.of();
        }
        BitSet selected = new BitSet(rules.size());
        Map<Integer, Map<String, String>> fields = new HashMap<>();
        routes(eventSources).forEach((logsource, mapping) -> {
            for (int i : byLogsource.getOrDefault(logsource, new int[0])) {
                selected.set(i);
                fields.put(i, mapping);
            }
        });
        List<Candidate> result = new ArrayList<>(selected.cardinality());
        for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
            result.add(new Candidate(rules.get(i), fields.getOrDefault(i, Map.of())));
        }
        return result;
    }
}

package io.socaas.correlation.rules.domain;

import io.socaas.events.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The correlation rules one tenant runs: those of its enabled packs that it did not turn off and
 * whose referred rules it all runs. Immutable.
 */
public final class TenantCorrelations {

    private final TenantId tenant;
    private final Map<String, DeployedCorrelation> byId;
    private final Map<String, List<DeployedCorrelation>> byReferredRule;

    public TenantCorrelations(TenantId tenant, List<DeployedCorrelation> active) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        Map<String, DeployedCorrelation> ids = new LinkedHashMap<>();
        Map<String, List<DeployedCorrelation>> referred = new LinkedHashMap<>();
        for (DeployedCorrelation c : active) {
            ids.put(c.id(), c);
            for (String rule : new LinkedHashSet<>(c.rule().rules())) {
                referred.computeIfAbsent(rule, r -> new ArrayList<>()).add(c);
            }
        }
        this.byId = Map.copyOf(ids);
        Map<String, List<DeployedCorrelation>> frozen = new LinkedHashMap<>();
        referred.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.byReferredRule = Map.copyOf(frozen);
    }

    public static TenantCorrelations none(TenantId tenant) {
        return new TenantCorrelations(tenant, List.of());
    }

    public TenantId tenant() {
        return tenant;
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public List<DeployedCorrelation> all() {
        return List.copyOf(byId.values());
    }

    public Optional<DeployedCorrelation> find(String correlationId) {
        return Optional.ofNullable(byId.get(correlationId));
    }

    /** The correlation rules that refer to a rule (a single-event rule or a correlation rule). */
    public List<DeployedCorrelation> referring(String ruleId) {
        return byReferredRule.getOrDefault(ruleId, List.of());
    }

    /**
     * The fields of a match of the rule that its correlation rules read: the fields their
     * {@code group-by} names stand for in the rule's events (aliases applied), and the field their
     * condition aggregates.
     */
    public Set<String> fieldsOf(String ruleId) {
        Set<String> fields = new LinkedHashSet<>();
        for (DeployedCorrelation c : referring(ruleId)) {
            for (String group : c.rule().groupBy()) {
                fields.add(c.rule().fieldFor(group, ruleId));
            }
            c.rule().condition().field().ifPresent(f -> fields.add(c.rule().fieldFor(f, ruleId)));
        }
        return fields;
    }
}

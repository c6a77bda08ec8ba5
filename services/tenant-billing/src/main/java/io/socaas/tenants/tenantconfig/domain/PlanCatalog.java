package io.socaas.tenants.tenantconfig.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The plans declared in {@code plans.yaml}, by id. */
public record PlanCatalog(Map<String, Plan> plans) {

    public PlanCatalog {
        plans = Map.copyOf(plans);
    }

    public static PlanCatalog of(List<Plan> plans) {
        Map<String, Plan> byId = new LinkedHashMap<>();
        plans.forEach(plan -> byId.put(plan.id(), plan));
        return new PlanCatalog(byId);
    }

    public boolean contains(String planId) {
        return plans.containsKey(planId);
    }

    public Optional<Plan> find(String planId) {
        return Optional.ofNullable(plans.get(planId));
    }

    /** Sorted, comma-separated, for error messages. */
    public String describe() {
        return String.join(", ", new TreeSet<>(plans.keySet()));
    }
}

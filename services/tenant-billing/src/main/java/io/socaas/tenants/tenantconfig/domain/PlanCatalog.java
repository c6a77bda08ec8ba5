package io.socaas.tenants.tenantconfig.domain;

import java.util.Set;
import java.util.TreeSet;

/** The plan ids declared in {@code plans.yaml}. */
public record PlanCatalog(Set<String> planIds) {

    public PlanCatalog {
        planIds = Set.copyOf(planIds);
    }

    public boolean contains(String planId) {
        return planIds.contains(planId);
    }

    /** Sorted, comma-separated, for error messages. */
    public String describe() {
        return String.join(", ", new TreeSet<>(planIds));
    }
}

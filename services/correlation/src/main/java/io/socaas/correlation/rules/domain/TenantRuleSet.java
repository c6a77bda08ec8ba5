package io.socaas.correlation.rules.domain;

import io.socaas.events.TenantId;
import java.util.List;
import java.util.Objects;

/** The immutable set of rules enabled for one tenant. */
public record TenantRuleSet(TenantId tenant, List<DetectionRule> rules) {

    public TenantRuleSet {
        Objects.requireNonNull(tenant, "tenant");
        rules = List.copyOf(rules);
    }

    public static TenantRuleSet empty(TenantId tenant) {
        return new TenantRuleSet(tenant, List.of());
    }

    public int size() {
        return rules.size();
    }
}

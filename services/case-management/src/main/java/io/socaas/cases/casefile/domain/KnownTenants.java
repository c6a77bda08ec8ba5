package io.socaas.cases.casefile.domain;

import io.socaas.events.TenantId;

/** Port: which tenants exist, as the published tenant facts tell. */
@FunctionalInterface
public interface KnownTenants {

    /** False only when the tenant is known not to exist; true while that cannot be told yet. */
    boolean mayExist(TenantId tenant);

    static KnownTenants any() {
        return tenant -> true;
    }
}

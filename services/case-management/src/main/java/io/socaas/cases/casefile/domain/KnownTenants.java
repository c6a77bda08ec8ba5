package io.socaas.cases.casefile.domain;

import io.socaas.events.TenantId;

/** Port: which tenants exist, and which are suspended, as the published tenant facts tell. */
public interface KnownTenants {

    /** False only when the tenant is known not to exist; true while that cannot be told yet. */
    boolean mayExist(TenantId tenant);

    /**
     * True when the tenant's service is suspended: its customers see their cases read-only, while
     * the MSSP's analysts go on working them.
     */
    boolean isSuspended(TenantId tenant);

    static KnownTenants any() {
        return new KnownTenants() {
            @Override
            public boolean mayExist(TenantId tenant) {
                return true;
            }

            @Override
            public boolean isSuspended(TenantId tenant) {
                return false;
            }
        };
    }
}

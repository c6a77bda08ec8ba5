package io.socaas.cases.casefile.domain;

import io.socaas.events.TenantId;
import java.util.Objects;

/**
 * Which tenants' cases a query may see. Every read names its scope explicitly: one tenant (the
 * normal case) or, for MSSP staff only, all tenants.
 */
public sealed interface TenantScope {

    static TenantScope of(TenantId tenant) {
        return new OneTenant(tenant);
    }

    static TenantScope allTenants() {
        return AllTenants.INSTANCE;
    }

    /** Whether a case of {@code tenant} is visible in this scope. */
    boolean includes(TenantId tenant);

    /** Exactly one tenant. */
    record OneTenant(TenantId tenant) implements TenantScope {
        public OneTenant {
            Objects.requireNonNull(tenant, "tenant");
        }

        @Override
        public boolean includes(TenantId other) {
            return tenant.equals(other);
        }
    }

    /** Every tenant: MSSP staff without a tenant filter. */
    enum AllTenants implements TenantScope {
        INSTANCE;

        @Override
        public boolean includes(TenantId tenant) {
            return true;
        }
    }
}

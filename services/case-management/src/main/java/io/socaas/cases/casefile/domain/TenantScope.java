package io.socaas.cases.casefile.domain;

import io.socaas.events.TenantId;
import java.util.Objects;
import java.util.Set;

/**
 * Which tenants' cases a query may see. Every read names its scope explicitly: one tenant (the
 * normal case), the tenants an analyst is entitled to, or, for SOC managers and MSSP admins (and
 * analysts entitled to all), all tenants.
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

    /** The tenants an analyst is entitled to (never empty). */
    record SomeTenants(Set<TenantId> tenants) implements TenantScope {
        public SomeTenants {
            tenants = Set.copyOf(tenants);
            if (tenants.isEmpty()) {
                throw new IllegalArgumentException("a scope of some tenants names at least one");
            }
        }

        @Override
        public boolean includes(TenantId other) {
            return tenants.contains(other);
        }

        /** The tenant ids as strings, for queries. */
        public java.util.List<String> values() {
            return tenants.stream().map(TenantId::value).sorted().toList();
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

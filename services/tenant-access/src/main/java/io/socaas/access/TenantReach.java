package io.socaas.access;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tenants a caller may see: every tenant, or a set of tenant ids (empty: none). Also the shape
 * of an analyst's published entitlement.
 *
 * @param allTenants every tenant, present and future; {@code tenants} is then empty
 * @param tenants the tenant ids, when not every tenant
 */
public record TenantReach(boolean allTenants, Set<String> tenants) {

    private static final TenantReach ALL = new TenantReach(true, Set.of());
    private static final TenantReach NONE = new TenantReach(false, Set.of());

    public TenantReach {
        tenants = allTenants ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(tenants));
    }

    /** Every tenant. */
    public static TenantReach all() {
        return ALL;
    }

    /** No tenant. */
    public static TenantReach none() {
        return NONE;
    }

    /** Exactly these tenants. */
    public static TenantReach only(Collection<String> tenants) {
        return new TenantReach(false, Set.copyOf(tenants));
    }

    /** Whether the caller may see {@code tenant}. */
    public boolean includes(String tenant) {
        return allTenants || tenants.contains(tenant);
    }
}

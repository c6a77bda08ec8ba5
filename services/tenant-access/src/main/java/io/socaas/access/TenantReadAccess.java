package io.socaas.access;

import java.util.Collection;
import java.util.Set;

/**
 * Who may read one tenant's own records (usage, invoices...): MSSP staff with one of the given
 * roles read any tenant; a customer (customer-admin, customer-viewer) reads only the tenant of its
 * organization. A pure decision, no framework.
 */
public final class TenantReadAccess {

    /** Realm roles of the customer's own users. */
    public static final Set<String> CUSTOMER_ROLES = Set.of("customer-admin", "customer-viewer");

    private final Set<String> staffRoles;

    /** @param staffRoles realm roles that may read every tenant */
    public TenantReadAccess(Collection<String> staffRoles) {
        this.staffRoles = Set.copyOf(staffRoles);
    }

    /** The realm roles that may read every tenant. */
    public Set<String> staffRoles() {
        return staffRoles;
    }

    /**
     * @param roles the caller's realm roles
     * @param organizations the caller's organization aliases ({@link OrganizationClaim#aliases})
     * @param tenant the tenant asked for (its id is its organization alias)
     */
    public boolean mayRead(Collection<String> roles, Collection<String> organizations, String tenant) {
        if (roles.stream().anyMatch(staffRoles::contains)) {
            return true;
        }
        return roles.stream().anyMatch(CUSTOMER_ROLES::contains) && organizations.contains(tenant);
    }
}

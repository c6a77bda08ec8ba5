package io.socaas.access;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Which tenants a caller may see: the one decision every service makes the same way. A pure
 * decision, no framework.
 *
 * <ul>
 *   <li>MSSP staff with one of the given every-tenant roles (e.g. soc-manager, mssp-admin) see every
 *       tenant.
 *   <li>An {@value #ANALYST} sees the tenants of its published entitlement ({@link
 *       AnalystEntitlements}, kept by case-management): every tenant for "all", none without one.
 *   <li>A customer (customer-admin, customer-viewer) sees only the tenant of its organization.
 *   <li>Anyone else sees no tenant.
 * </ul>
 */
public final class TenantReadAccess {

    /** Realm roles of the customer's own users. */
    public static final Set<String> CUSTOMER_ROLES = Set.of("customer-admin", "customer-viewer");

    /** Realm role of the MSSP's analysts, whose reach their entitlement decides. */
    public static final String ANALYST = "analyst";

    /** Realm roles of the MSSP staff who see every tenant whatever an entitlement says. */
    public static final Set<String> EVERY_TENANT_ROLES = Set.of("soc-manager", "mssp-admin");

    private final Set<String> staffRoles;

    /**
     * @param staffRoles realm roles that may see every tenant; {@value #ANALYST} among them is
     *     ignored (an analyst's entitlement decides)
     */
    public TenantReadAccess(Collection<String> staffRoles) {
        this.staffRoles = staffRoles.stream()
                .filter(role -> !ANALYST.equals(role))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The realm roles that may see every tenant. */
    public Set<String> staffRoles() {
        return staffRoles;
    }

    /**
     * The tenants the caller may see.
     *
     * @param roles the caller's realm roles
     * @param organizations the caller's organization aliases ({@link OrganizationClaim#aliases})
     * @param username the caller's user name ({@code preferred_username}), null when it has none
     * @param entitlements the analysts' published entitlements
     */
    public TenantReach reach(
            Collection<String> roles,
            Collection<String> organizations,
            String username,
            AnalystEntitlements entitlements) {
        if (roles.stream().anyMatch(staffRoles::contains)) {
            return TenantReach.all();
        }
        if (roles.contains(ANALYST)) {
            Optional<TenantReach> entitled =
                    username == null || username.isBlank() ? Optional.empty() : entitlements.of(username);
            return entitled.orElse(TenantReach.none());
        }
        if (roles.stream().anyMatch(CUSTOMER_ROLES::contains)) {
            return TenantReach.only(organizations);
        }
        return TenantReach.none();
    }

    /** Whether the caller may see {@code tenant} (its id is its organization alias). */
    public boolean mayRead(
            Collection<String> roles,
            Collection<String> organizations,
            String username,
            AnalystEntitlements entitlements,
            String tenant) {
        return reach(roles, organizations, username, entitlements).includes(tenant);
    }

    /**
     * For callers whose staff roles do not include analysts: an analyst is denied every tenant.
     *
     * @param roles the caller's realm roles
     * @param organizations the caller's organization aliases ({@link OrganizationClaim#aliases})
     * @param tenant the tenant asked for (its id is its organization alias)
     */
    public boolean mayRead(Collection<String> roles, Collection<String> organizations, String tenant) {
        return mayRead(roles, organizations, null, AnalystEntitlements.NONE, tenant);
    }
}

package io.socaas.reporting.portal.domain;

import io.socaas.events.TenantId;
import java.util.Optional;
import java.util.Set;

/**
 * Which tenant a viewer may see in the portal. A pure decision, no framework:
 *
 * <ul>
 *   <li>MSSP staff (analyst, soc-manager, mssp-admin) choose a known tenant of their reach (SOC
 *       managers and MSSP admins every tenant, an analyst those of its published entitlement);
 *       without a choice they are asked to choose.
 *   <li>A customer (customer-admin, customer-viewer) is pinned to the one organization of its
 *       token. Naming another tenant is refused; so is a token with no or several organizations.
 *   <li>Anyone else is refused.
 * </ul>
 *
 * <p>Staff roles win over customer roles: the MSSP grants them deliberately.
 */
public sealed interface TenantScope {

    /** The viewer sees exactly this tenant. */
    record Granted(TenantId tenant, boolean chosen) implements TenantScope {}

    /** The viewer may choose a tenant but has not chosen one yet. */
    record ChooseTenant() implements TenantScope {}

    /** The viewer may not see what it asked for. */
    record Refused(Reason reason, String detail) implements TenantScope {}

    /** Why a request was refused. */
    enum Reason {
        /** The token carries no portal role. */
        NO_PORTAL_ROLE,
        /** A customer token names no organization (or more than one). */
        NO_ORGANIZATION,
        /** A customer asked for a tenant that is not its own. */
        OTHER_TENANT,
        /**
         * An analyst asked for a tenant outside its entitlement (the one case-management publishes,
         * or case-management refused the viewer's own token for that tenant).
         */
        NOT_ENTITLED,
        /** Staff asked for a tenant the platform does not know. */
        UNKNOWN_TENANT
    }

    /**
     * Decides the tenant scope.
     *
     * @param viewer who asks
     * @param requestedTenant the tenant named by the request (e.g. {@code ?tenant=}), if any
     * @param knownTenants tenants the platform knows (tenant-config)
     */
    static TenantScope decide(Viewer viewer, Optional<String> requestedTenant, Set<TenantId> knownTenants) {
        Optional<String> requested = requestedTenant.map(String::trim).filter(value -> !value.isEmpty());
        if (viewer.isMsspStaff()) {
            if (requested.isEmpty()) {
                return new ChooseTenant();
            }
            String value = requested.get();
            if (!viewer.reach().includes(value)) {
                // before the tenant is looked up: an analyst learns nothing of other tenants
                return new Refused(Reason.NOT_ENTITLED, "not entitled to tenant '" + value + "'");
            }
            if (!TenantId.isValid(value) || !knownTenants.contains(TenantId.of(value))) {
                return new Refused(Reason.UNKNOWN_TENANT, "unknown tenant '" + value + "'");
            }
            return new Granted(TenantId.of(value), true);
        }
        if (viewer.isCustomer()) {
            Set<String> organizations = viewer.organizations();
            if (organizations.size() != 1) {
                return new Refused(
                        Reason.NO_ORGANIZATION,
                        organizations.isEmpty()
                                ? "the token names no organization"
                                : "the token names several organizations");
            }
            String organization = organizations.iterator().next();
            if (!TenantId.isValid(organization)) {
                return new Refused(Reason.NO_ORGANIZATION, "the token's organization is not a tenant id");
            }
            TenantId own = TenantId.of(organization);
            if (requested.isPresent() && !requested.get().equals(own.value())) {
                return new Refused(Reason.OTHER_TENANT, "customers see only their own organization");
            }
            return new Granted(own, false);
        }
        return new Refused(Reason.NO_PORTAL_ROLE, "the token carries no portal role");
    }
}

package io.socaas.tenants.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.socaas.access.OrganizationClaim;
import io.socaas.access.TenantReach;
import io.socaas.access.TenantReadAccess;
import io.socaas.entitlements.CallerTenants;
import io.socaas.events.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may read a tenant, its usage and invoices ({@link TenantReadAccess}, the platform's one
 * decision): MSSP staff ({@value #MSSP_ADMIN}, {@value #SOC_MANAGER}, {@value #SALES}) any tenant,
 * an analyst the tenants of its entitlement (published by case-management; none without one), a
 * customer (customer-admin, customer-viewer) only the tenant of its organization. Checked before the
 * tenant is looked up, so a caller learns nothing about other tenants, not even whether they exist.
 */
@ApplicationScoped
public class TenantReaders {

    public static final String MSSP_ADMIN = "mssp-admin";
    public static final String SOC_MANAGER = "soc-manager";
    public static final String SALES = "sales";
    public static final String CUSTOMER_ADMIN = "customer-admin";
    public static final String CUSTOMER_VIEWER = "customer-viewer";

    private static final TenantReadAccess ACCESS = new TenantReadAccess(Set.of(MSSP_ADMIN, SOC_MANAGER, SALES));

    private final SecurityIdentity identity;
    private final CallerTenants callers;

    TenantReaders(SecurityIdentity identity, CallerTenants callers) {
        this.identity = identity;
        this.callers = callers;
    }

    /** The tenants the request's caller may read. */
    public TenantReach reach() {
        return callers.reach(identity, ACCESS);
    }

    /** @throws TenantAccessDeniedException when the caller may not read {@code tenant} */
    public void requireRead(TenantId tenant) {
        requireRead(identity, tenant);
    }

    /**
     * Who may read a tenant's audit trail: mssp-admin any tenant, a customer-admin only its
     * organization's (a customer-viewer none).
     *
     * @throws TenantAccessDeniedException otherwise
     */
    public void requireAuditRead(TenantId tenant) {
        if (identity.hasRole(MSSP_ADMIN)) {
            return;
        }
        List<String> organizations = identity.getPrincipal() instanceof JsonWebToken jwt
                ? OrganizationClaim.aliases(jwt.getClaim(OrganizationClaim.NAME))
                : List.of();
        if (!identity.hasRole(CUSTOMER_ADMIN) || !organizations.contains(tenant.value())) {
            throw new TenantAccessDeniedException(tenant);
        }
    }

    /**
     * For callers that resolved the identity themselves (gRPC, where it is resolved lazily).
     *
     * @throws TenantAccessDeniedException when {@code identity} may not read {@code tenant}
     */
    public void requireRead(SecurityIdentity caller, TenantId tenant) {
        if (!callers.mayRead(caller, ACCESS, tenant.value())) {
            throw new TenantAccessDeniedException(tenant);
        }
    }
}

package io.socaas.cases.casefile.domain;

import io.socaas.events.TenantId;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which tenants' cases a caller may read. MSSP staff (analyst, soc-manager, mssp-admin)
 * read every tenant, optionally narrowed to one; customer users read only their own organization's
 * cases, and only when they belong to exactly one organization.
 */
public final class CaseAccessPolicy {

    public static final Set<String> MSSP_ROLES = Set.of("analyst", "soc-manager", "mssp-admin");
    public static final Set<String> CUSTOMER_ROLES = Set.of("customer-admin", "customer-viewer");

    private CaseAccessPolicy() {}

    /**
     * The scope of a caller's read.
     *
     * @param requestedTenant the tenant filter the caller asked for, if any
     * @throws CaseAccessDeniedException when the caller may not read cases at all, or asks for a
     *     tenant other than its own organization
     * @throws InvalidCaseQueryException when the requested tenant is not a valid tenant id
     */
    public static TenantScope scopeFor(Caller caller, Optional<String> requestedTenant) {
        Optional<TenantId> requested =
                requestedTenant.filter(t -> !t.isBlank()).map(CaseAccessPolicy::tenantFromRequest);
        if (caller.roles().stream().anyMatch(MSSP_ROLES::contains)) {
            return requested.map(TenantScope::of).orElseGet(TenantScope::allTenants);
        }
        if (caller.roles().stream().noneMatch(CUSTOMER_ROLES::contains)) {
            throw new CaseAccessDeniedException("the caller has no role that may read cases");
        }
        if (caller.organizations().size() != 1) {
            throw new CaseAccessDeniedException("a customer user must belong to exactly one organization, found "
                    + caller.organizations().size());
        }
        String organization = caller.organizations().getFirst();
        if (!TenantId.isValid(organization)) {
            throw new CaseAccessDeniedException("the caller's organization is not a tenant");
        }
        TenantId own = TenantId.of(organization);
        if (requested.isPresent() && !requested.get().equals(own)) {
            throw new CaseAccessDeniedException("a customer user reads only its own organization's cases");
        }
        return TenantScope.of(own);
    }

    /**
     * The tenant a tenant-scoped call names (gRPC {@code tenant_id}); it is required.
     *
     * @throws InvalidCaseQueryException when it is empty or not a valid tenant id
     */
    public static TenantScope requiredTenant(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new InvalidCaseQueryException("tenant_id is required");
        }
        return TenantScope.of(tenantFromRequest(tenantId));
    }

    private static TenantId tenantFromRequest(String tenant) {
        if (!TenantId.isValid(tenant)) {
            throw new InvalidCaseQueryException("'" + tenant + "' is not a valid tenant id");
        }
        return TenantId.of(tenant);
    }
}

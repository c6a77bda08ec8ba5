package io.socaas.cases.casefile.domain;

import io.socaas.access.TenantReadAccess;
import io.socaas.events.TenantId;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which tenants' cases a caller may read. SOC managers and MSSP admins read every tenant,
 * optionally narrowed to one; an analyst reads the tenants its profile entitles it to (an analyst
 * without a profile reads nothing); customer users read only their own organization's cases, and
 * only when they belong to exactly one organization.
 */
public final class CaseAccessPolicy {

    public static final Set<String> MSSP_ROLES = Set.of("analyst", "soc-manager", "mssp-admin");
    /**
     * MSSP staff who see every tenant whatever their profile says: the same roles as the other
     * services' decision ({@link TenantReadAccess}).
     */
    public static final Set<String> ALL_TENANT_ROLES = TenantReadAccess.EVERY_TENANT_ROLES;

    public static final Set<String> CUSTOMER_ROLES = TenantReadAccess.CUSTOMER_ROLES;

    private CaseAccessPolicy() {}

    /** What an analyst's profile entitles it to: all tenants, or some. */
    public record Entitlement(boolean allTenants, Set<TenantId> tenants) {
        public Entitlement {
            tenants = Set.copyOf(tenants);
        }

        public static Entitlement all() {
            return new Entitlement(true, Set.of());
        }

        public static Entitlement only(Set<TenantId> tenants) {
            return new Entitlement(false, tenants);
        }
    }

    /** Whether the caller is an analyst whose reach its profile decides. */
    public static boolean needsEntitlement(Caller caller) {
        return caller.roles().contains("analyst") && caller.roles().stream().noneMatch(ALL_TENANT_ROLES::contains);
    }

    /**
     * The scope of a caller's read.
     *
     * @param requestedTenant the tenant filter the caller asked for, if any
     * @param entitlement the analyst's profile entitlement, when the caller is an analyst that has
     *     one
     * @throws CaseAccessDeniedException when the caller may not read cases at all, or asks for a
     *     tenant other than its own organization or outside its entitlement
     * @throws InvalidCaseQueryException when the requested tenant is not a valid tenant id
     */
    public static TenantScope scopeFor(
            Caller caller, Optional<String> requestedTenant, Optional<Entitlement> entitlement) {
        Optional<TenantId> requested =
                requestedTenant.filter(t -> !t.isBlank()).map(CaseAccessPolicy::tenantFromRequest);
        if (caller.roles().stream().anyMatch(ALL_TENANT_ROLES::contains)) {
            return requested.map(TenantScope::of).orElseGet(TenantScope::allTenants);
        }
        if (caller.roles().contains("analyst")) {
            Entitlement entitled = entitlement.orElseThrow(() -> new CaseAccessDeniedException(
                    "analyst " + caller.username() + " has no analyst profile: a SOC manager creates it"
                            + " (PUT /api/v1/analysts/" + caller.username() + ")"));
            if (entitled.allTenants()) {
                return requested.map(TenantScope::of).orElseGet(TenantScope::allTenants);
            }
            if (requested.isPresent()) {
                if (!entitled.tenants().contains(requested.get())) {
                    throw new CaseAccessDeniedException(
                            "analyst " + caller.username() + " is not entitled to tenant " + requested.get());
                }
                return TenantScope.of(requested.get());
            }
            if (entitled.tenants().isEmpty()) {
                throw new CaseAccessDeniedException("analyst " + caller.username() + " is entitled to no tenant");
            }
            return entitled.tenants().size() == 1
                    ? TenantScope.of(entitled.tenants().iterator().next())
                    : new TenantScope.SomeTenants(entitled.tenants());
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

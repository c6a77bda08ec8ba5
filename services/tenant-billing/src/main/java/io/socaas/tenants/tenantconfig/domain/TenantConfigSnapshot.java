package io.socaas.tenants.tenantconfig.domain;

import io.socaas.tenants.tenant.domain.TenantSpec;
import java.util.List;

/**
 * The validated content of the tenant-config folder: the tenants to upsert and the files that were
 * skipped.
 */
public record TenantConfigSnapshot(PlanCatalog plans, List<TenantSpec> tenants, List<TenantConfigError> errors) {

    public TenantConfigSnapshot {
        tenants = List.copyOf(tenants);
        errors = List.copyOf(errors);
    }
}

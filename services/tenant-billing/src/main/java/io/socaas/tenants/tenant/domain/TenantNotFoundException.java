package io.socaas.tenants.tenant.domain;

import io.socaas.events.TenantId;

/** No tenant with the given id exists. */
public class TenantNotFoundException extends RuntimeException {

    private final String tenantId;

    public TenantNotFoundException(TenantId tenantId) {
        this(tenantId.value());
    }

    /** For ids that are not even well-formed: such a tenant cannot exist either. */
    public TenantNotFoundException(String tenantId) {
        super("tenant '" + tenantId + "' does not exist");
        this.tenantId = tenantId;
    }

    public String tenantId() {
        return tenantId;
    }
}

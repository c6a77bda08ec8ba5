package io.socaas.tenants.tenant.domain;

import io.socaas.events.TenantId;

/** A tenant file declares a tenant that the onboarding API manages: one source per tenant. */
public class TenantSourceConflictException extends RuntimeException {

    private final TenantId tenantId;

    public TenantSourceConflictException(TenantId tenantId) {
        super("tenant '" + tenantId + "' is managed through the onboarding API; a file cannot declare it too");
        this.tenantId = tenantId;
    }

    public TenantId tenantId() {
        return tenantId;
    }
}

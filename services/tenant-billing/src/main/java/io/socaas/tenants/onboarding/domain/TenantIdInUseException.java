package io.socaas.tenants.onboarding.domain;

/** The requested tenant id is taken, by a tenant of tenant-config/ or one created through the API. */
public class TenantIdInUseException extends RuntimeException {

    private final String tenantId;

    public TenantIdInUseException(String tenantId, String by) {
        super("tenant id '" + tenantId + "' is already in use (" + by + ")");
        this.tenantId = tenantId;
    }

    public String tenantId() {
        return tenantId;
    }
}

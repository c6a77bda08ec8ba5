package io.socaas.cases.casefile.domain;

import io.socaas.events.TenantId;

/** The request names a tenant the platform does not know. */
public class UnknownTenantException extends RuntimeException {

    private final TenantId tenant;

    public UnknownTenantException(TenantId tenant) {
        super("tenant '" + tenant + "' does not exist");
        this.tenant = tenant;
    }

    public TenantId tenant() {
        return tenant;
    }
}

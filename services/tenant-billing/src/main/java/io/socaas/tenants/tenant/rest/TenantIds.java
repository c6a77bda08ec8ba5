package io.socaas.tenants.tenant.rest;

import io.socaas.events.TenantId;
import io.socaas.tenants.tenant.domain.TenantNotFoundException;

/** Path parameter to {@link TenantId}: a malformed id names no tenant, so it is a 404. */
public final class TenantIds {

    private TenantIds() {}

    public static TenantId fromPath(String value) {
        if (!TenantId.isValid(value)) {
            throw new TenantNotFoundException(value);
        }
        return TenantId.of(value);
    }
}

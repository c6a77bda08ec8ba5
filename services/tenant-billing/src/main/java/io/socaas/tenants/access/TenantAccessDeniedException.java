package io.socaas.tenants.access;

import io.socaas.events.TenantId;

/** The caller may not read this tenant's records (a customer asking for another organization). */
public class TenantAccessDeniedException extends RuntimeException {

    public TenantAccessDeniedException(TenantId tenant) {
        super("you may read only your own organization's records, not those of tenant '" + tenant.value() + "'");
    }
}

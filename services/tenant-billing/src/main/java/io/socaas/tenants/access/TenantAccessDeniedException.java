package io.socaas.tenants.access;

import io.socaas.events.TenantId;

/** The caller may not read this tenant's records (a customer asking for another organization, an analyst for a tenant outside its entitlement). */
public class TenantAccessDeniedException extends RuntimeException {

    public TenantAccessDeniedException(TenantId tenant) {
        super("you may not read the records of tenant '" + tenant.value() + "'");
    }
}

package io.socaas.cases.casefile.domain;

import io.socaas.events.TenantId;

/** A customer of a suspended tenant tried to change a case: the tenant's view is read-only. */
public class TenantSuspendedException extends RuntimeException {

    private final transient TenantId tenant;

    public TenantSuspendedException(TenantId tenant) {
        super("tenant " + tenant.value() + " is suspended: its cases are read-only for its users until the service"
                + " is resumed");
        this.tenant = tenant;
    }

    public TenantId tenant() {
        return tenant;
    }
}

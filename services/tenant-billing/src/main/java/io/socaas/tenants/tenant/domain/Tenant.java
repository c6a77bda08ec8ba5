package io.socaas.tenants.tenant.domain;

import io.socaas.events.TenantId;
import java.time.Instant;
import java.util.Objects;

/** A customer of the MSSP as stored by this service. */
public record Tenant(TenantSpec spec, Instant createdAt, Instant updatedAt) {

    public Tenant {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public TenantId id() {
        return spec.id();
    }

    public TenantStatus status() {
        return spec.status();
    }

    /** Only an active tenant may send events. */
    public boolean acceptsIngestion() {
        return spec.status() == TenantStatus.ACTIVE;
    }
}

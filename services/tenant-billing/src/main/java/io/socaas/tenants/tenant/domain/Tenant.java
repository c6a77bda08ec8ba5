package io.socaas.tenants.tenant.domain;

import io.socaas.events.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer of the MSSP as stored by this service.
 *
 * @param source who owns the configuration: its file or the onboarding API
 * @param revision grows with every change of the tenant; published with its configuration
 * @param activatedAt first time the tenant became active, when it has
 * @param offboardedAt when the tenant was offboarded, when it was
 */
public record Tenant(
        TenantSpec spec,
        TenantSource source,
        long revision,
        Instant createdAt,
        Instant updatedAt,
        Instant activatedAt,
        Instant offboardedAt) {

    public Tenant {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public TenantId id() {
        return spec.id();
    }

    public TenantStatus status() {
        return spec.status();
    }

    public Optional<Instant> activated() {
        return Optional.ofNullable(activatedAt);
    }

    public Optional<Instant> offboarded() {
        return Optional.ofNullable(offboardedAt);
    }

    /** Only an active tenant may send events. */
    public boolean acceptsIngestion() {
        return spec.status() == TenantStatus.ACTIVE;
    }
}

package io.socaas.tenants.lifecycle.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Offboarding exports. */
@ApplicationScoped
public class TenantExportRepository implements PanacheRepositoryBase<TenantExportEntity, String> {

    public Uni<Optional<TenantExportEntity>> find(TenantId tenant) {
        return findById(tenant.value()).map(Optional::ofNullable);
    }
}

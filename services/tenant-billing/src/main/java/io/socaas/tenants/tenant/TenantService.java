package io.socaas.tenants.tenant;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.domain.TenantNotFoundException;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.tenant.persistence.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** The tenant aggregate: reading tenants and writing their desired state. */
@ApplicationScoped
public class TenantService {

    private final TenantRepository tenants;
    private final Clock clock;

    TenantService(TenantRepository tenants) {
        this.tenants = tenants;
        this.clock = Clock.systemUTC();
    }

    @WithSession
    public Uni<List<Tenant>> list() {
        return tenants.listTenants();
    }

    /** The tenant, or a failed Uni with {@link TenantNotFoundException}. */
    @WithSession
    public Uni<Tenant> get(TenantId id) {
        return tenants.find(id).map(found -> found.orElseThrow(() -> new TenantNotFoundException(id)));
    }

    /**
     * Writes the desired state of one tenant in its own transaction.
     *
     * @return whether anything changed
     */
    @WithTransaction
    public Uni<Boolean> apply(TenantSpec spec) {
        return tenants.upsert(spec, clock.instant());
    }
}

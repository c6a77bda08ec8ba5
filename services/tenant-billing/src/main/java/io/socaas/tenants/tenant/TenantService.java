package io.socaas.tenants.tenant;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.domain.TenantNotFoundException;
import io.socaas.tenants.tenant.domain.TenantSource;
import io.socaas.tenants.tenant.domain.TenantSourceConflictException;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.tenant.domain.TenantStatus;
import io.socaas.tenants.tenant.persistence.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
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
     * Writes the desired state of one file-managed tenant in its own transaction.
     *
     * @return whether anything changed
     */
    @WithTransaction
    public Uni<Boolean> apply(TenantSpec spec) {
        return tenants.upsert(spec, TenantSource.FILE, clock.instant());
    }

    /**
     * Writes the desired state of every file-managed tenant in ONE transaction: either all of them
     * are applied or none. A file that declares a tenant the API manages fails the whole set.
     *
     * @return the ids of the tenants inserted or changed
     */
    @WithTransaction
    public Uni<List<TenantId>> applyAll(List<TenantSpec> specs) {
        return tenants.listTenants().flatMap(existing -> {
            for (Tenant tenant : existing) {
                if (tenant.source() == TenantSource.API
                        && specs.stream().anyMatch(spec -> spec.id().equals(tenant.id()))) {
                    return Uni.createFrom().failure(new TenantSourceConflictException(tenant.id()));
                }
            }
            List<TenantId> changed = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (TenantSpec spec : specs) {
                chain = chain.chain(() -> tenants.upsert(spec, TenantSource.FILE, clock.instant())
                        .invoke(didChange -> {
                            if (didChange) {
                                changed.add(spec.id());
                            }
                        })
                        .replaceWithVoid());
            }
            return chain.map(ignored -> List.copyOf(changed));
        });
    }

    /** Sets the status as operational state (never undone by the file sync). */
    @WithTransaction
    public Uni<Tenant> setStatus(TenantId id, TenantStatus status) {
        return tenants.setStatus(id, status, clock.instant())
                .map(found -> found.orElseThrow(() -> new TenantNotFoundException(id)));
    }
}

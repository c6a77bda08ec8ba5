package io.socaas.tenants.tenant;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
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
    private final ScopedTransactions scoped;
    private final Clock clock;

    TenantService(TenantRepository tenants, ScopedTransactions scoped) {
        this.tenants = tenants;
        this.scoped = scoped;
        this.clock = Clock.systemUTC();
    }

    /** Every tenant, for MSSP staff and the platform's jobs (system scope, with {@code why}). */
    public Uni<List<Tenant>> list(String why) {
        return scoped.transaction(TenantScope.system(why), tenants::listTenants);
    }

    /** The tenant, or a failed Uni with {@link TenantNotFoundException}. */
    public Uni<Tenant> get(TenantId id) {
        return scoped.transaction(
                TenantScope.of(id.value()),
                () -> tenants.find(id).map(found -> found.orElseThrow(() -> new TenantNotFoundException(id))));
    }

    /**
     * Writes the desired state of one file-managed tenant in its own transaction.
     *
     * @return whether anything changed
     */
    public Uni<Boolean> apply(TenantSpec spec) {
        return scoped.transaction(
                TenantScope.of(spec.id().value()), () -> tenants.upsert(spec, TenantSource.FILE, clock.instant()));
    }

    /**
     * Writes the desired state of every file-managed tenant in ONE transaction: either all of them
     * are applied or none. A file that declares a tenant the API manages fails the whole set.
     *
     * @return the ids of the tenants inserted or changed
     */
    public Uni<List<TenantId>> applyAll(List<TenantSpec> specs) {
        return scoped.transaction(
                TenantScope.system("tenant-config sync of every file tenant"), () -> applyAllWithin(specs));
    }

    private Uni<List<TenantId>> applyAllWithin(List<TenantSpec> specs) {
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
    public Uni<Tenant> setStatus(TenantId id, TenantStatus status) {
        return scoped.transaction(
                TenantScope.of(id.value()),
                () -> tenants.setStatus(id, status, clock.instant())
                        .map(found -> found.orElseThrow(() -> new TenantNotFoundException(id))));
    }
}

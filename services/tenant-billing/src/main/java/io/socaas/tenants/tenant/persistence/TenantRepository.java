package io.socaas.tenants.tenant.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.tenant.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Tenants in PostgreSQL. Callers provide the session/transaction ({@code @WithSession} etc.). */
@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<TenantEntity, String> {

    public Uni<List<Tenant>> listTenants() {
        return listAll(Sort.by("id"))
                .map(rows -> rows.stream().map(TenantRepository::toDomain).toList());
    }

    public Uni<Optional<Tenant>> find(TenantId id) {
        return findById(id.value()).map(row -> Optional.ofNullable(row).map(TenantRepository::toDomain));
    }

    /**
     * Inserts the tenant, or updates it when any field differs; an unchanged tenant is left alone
     * (its {@code updated_at} stays), so running the sync again changes nothing.
     *
     * @return whether a row was inserted or changed
     */
    public Uni<Boolean> upsert(TenantSpec spec, Instant now) {
        Instant timestamp = now.truncatedTo(ChronoUnit.MICROS);
        return findById(spec.id().value()).flatMap(row -> {
            if (row == null) {
                TenantEntity created = new TenantEntity();
                created.id = spec.id().value();
                created.createdAt = timestamp;
                apply(spec, created, timestamp);
                return persist(created).replaceWith(Boolean.TRUE);
            }
            if (sameContent(spec, row)) {
                return Uni.createFrom().item(Boolean.FALSE);
            }
            apply(spec, row, timestamp);
            return Uni.createFrom().item(Boolean.TRUE);
        });
    }

    private static void apply(TenantSpec spec, TenantEntity row, Instant now) {
        row.displayName = spec.displayName();
        row.plan = spec.plan();
        row.timeZone = spec.timeZone().getId();
        row.status = spec.status().configValue();
        row.rulePacks = spec.rulePacks().toArray(String[]::new);
        row.updatedAt = now;
    }

    private static boolean sameContent(TenantSpec spec, TenantEntity row) {
        return spec.displayName().equals(row.displayName)
                && spec.plan().equals(row.plan)
                && spec.timeZone().getId().equals(row.timeZone)
                && spec.status().configValue().equals(row.status)
                && Arrays.equals(spec.rulePacks().toArray(String[]::new), row.rulePacks);
    }

    static Tenant toDomain(TenantEntity row) {
        TenantSpec spec = new TenantSpec(
                TenantId.of(row.id),
                row.displayName,
                row.plan,
                ZoneId.of(row.timeZone),
                TenantStatus.fromConfigValue(row.status)
                        .orElseThrow(() ->
                                new IllegalStateException("tenant " + row.id + " has unknown status " + row.status)),
                row.rulePacks == null ? List.of() : List.of(row.rulePacks));
        return new Tenant(spec, row.createdAt, row.updatedAt);
    }
}

package io.socaas.tenants.tenant.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.domain.TenantSettings;
import io.socaas.tenants.tenant.domain.TenantSource;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.tenant.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Tenants in PostgreSQL. Callers open the transaction in a tenant scope ({@code ScopedTransactions}). Every
 * write locks the tenant's row first ({@code select ... for update}), so that a file sync, a
 * lifecycle action and a revision bump of the same tenant never overwrite one another.
 */
@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<TenantEntity, String> {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final ObjectMapper json;
    private final SyslogSourceRepository syslogSources;

    TenantRepository(ObjectMapper json, SyslogSourceRepository syslogSources) {
        this.json = json;
        this.syslogSources = syslogSources;
    }

    /** Every tenant the scope sees, with the syslog sources of API tenants. */
    public Uni<List<Tenant>> listTenants() {
        return listAll(Sort.by("id"))
                .flatMap(rows -> syslogSources
                        .listByTenant()
                        .map(sources -> rows.stream()
                                .map(row -> withApiSources(
                                        toDomain(row), sources.getOrDefault(TenantId.of(row.id), List.of())))
                                .toList()));
    }

    /** The tenant, with its syslog sources when the API manages it. */
    public Uni<Optional<Tenant>> find(TenantId id) {
        return findById(id.value())
                .flatMap(row -> row == null
                        ? Uni.createFrom().item(Optional.<Tenant>empty())
                        : withApiSources(toDomain(row)).map(Optional::of));
    }

    /**
     * A tenant of the API gets its syslog sources from {@code syslog_sources}, a file tenant from its
     * file (kept in {@code settings}).
     */
    private Uni<Tenant> withApiSources(Tenant tenant) {
        if (tenant.source() != TenantSource.API) {
            return Uni.createFrom().item(tenant);
        }
        return syslogSources.listFor(tenant.id()).map(sources -> withApiSources(tenant, sources));
    }

    private static Tenant withApiSources(Tenant tenant, List<TenantSettings.SyslogSource> sources) {
        if (tenant.source() != TenantSource.API || sources.isEmpty()) {
            return tenant;
        }
        TenantSpec spec = tenant.spec();
        TenantSettings settings = spec.settings();
        List<TenantSettings.SyslogSource> all = new java.util.ArrayList<>(settings.syslogSources());
        all.addAll(sources);
        TenantSpec withSources = new TenantSpec(
                spec.id(),
                spec.displayName(),
                spec.plan(),
                spec.timeZone(),
                spec.status(),
                spec.rulePacks(),
                new TenantSettings(
                        settings.contacts(),
                        settings.ruleOverrides(),
                        settings.notificationEndpoints(),
                        settings.placeholders(),
                        settings.holidays(),
                        all));
        return new Tenant(
                withSources,
                tenant.source(),
                tenant.revision(),
                tenant.createdAt(),
                tenant.updatedAt(),
                tenant.activatedAt(),
                tenant.offboardedAt());
    }

    /**
     * Inserts the tenant, or updates it when any field differs; an unchanged tenant is left alone
     * (its {@code updated_at} and revision stay), so running the sync again changes nothing. A status
     * set through the API is operational state and is kept whatever the spec says; an offboarding or
     * offboarded tenant is left alone.
     *
     * @return whether a row was inserted or changed
     */
    public Uni<Boolean> upsert(TenantSpec spec, TenantSource source, Instant now) {
        Instant timestamp = now.truncatedTo(ChronoUnit.MICROS);
        return findById(spec.id().value(), LockModeType.PESSIMISTIC_WRITE).flatMap(row -> {
            if (row == null) {
                TenantEntity created = new TenantEntity();
                created.id = spec.id().value();
                created.createdAt = timestamp;
                created.source = source.value();
                created.statusSource = source.value();
                created.revision = 1;
                apply(spec, created, timestamp, true);
                return persist(created).replaceWith(Boolean.TRUE);
            }
            if (TenantStatus.OFFBOARDING.configValue().equals(row.status)
                    || TenantStatus.OFFBOARDED.configValue().equals(row.status)) {
                // offboarding is final: a file left behind does not bring the tenant back
                return Uni.createFrom().item(Boolean.FALSE);
            }
            boolean statusOwned = row.statusSource.equals(source.value()) || source == TenantSource.API;
            if (sameContent(spec, row, statusOwned)) {
                return Uni.createFrom().item(Boolean.FALSE);
            }
            apply(spec, row, timestamp, statusOwned);
            row.revision++;
            return Uni.createFrom().item(Boolean.TRUE);
        });
    }

    /**
     * Sets the status as operational state (it is then never overridden by the file sync) and bumps
     * the revision.
     *
     * @return the tenant after the change; empty when it does not exist
     */
    public Uni<Optional<Tenant>> setStatus(TenantId id, TenantStatus status, Instant now) {
        return findById(id.value(), LockModeType.PESSIMISTIC_WRITE).map(row -> {
            if (row == null) {
                return Optional.empty();
            }
            Instant timestamp = now.truncatedTo(ChronoUnit.MICROS);
            row.status = status.configValue();
            row.statusSource = TenantSource.API.value();
            if (status == TenantStatus.ACTIVE && row.activatedAt == null) {
                row.activatedAt = timestamp;
            }
            if (status == TenantStatus.OFFBOARDING && row.offboardedAt == null) {
                row.offboardedAt = timestamp;
            }
            row.updatedAt = timestamp;
            row.revision++;
            return Optional.of(toDomain(row));
        });
    }

    /**
     * {@link #setStatus} only when the tenant is {@code expected} now; otherwise leaves it as it is.
     *
     * @return the tenant afterwards; empty when it does not exist
     */
    public Uni<Optional<Tenant>> setStatusIf(TenantId id, TenantStatus expected, TenantStatus status, Instant now) {
        return findById(id.value(), LockModeType.PESSIMISTIC_WRITE).flatMap(row -> {
            if (row == null) {
                return Uni.createFrom().item(Optional.<Tenant>empty());
            }
            if (!expected.configValue().equals(row.status)) {
                return Uni.createFrom().item(Optional.of(toDomain(row)));
            }
            return setStatus(id, status, now);
        });
    }

    /**
     * The tenant with its revision bumped, row-locked until the transaction ends: its publication
     * happens under the lock, so records of one tenant reach the topic in revision order.
     *
     * @return empty when the tenant does not exist
     */
    public Uni<Optional<Tenant>> bumpRevisionLocked(TenantId id) {
        return findById(id.value(), LockModeType.PESSIMISTIC_WRITE).flatMap(row -> {
            if (row == null) {
                return Uni.createFrom().item(Optional.<Tenant>empty());
            }
            row.revision++;
            return withApiSources(toDomain(row)).map(Optional::of);
        });
    }

    private void apply(TenantSpec spec, TenantEntity row, Instant now, boolean withStatus) {
        row.displayName = spec.displayName();
        row.plan = spec.plan();
        row.timeZone = spec.timeZone().getId();
        if (withStatus) {
            row.status = spec.status().configValue();
            if (spec.status() == TenantStatus.ACTIVE && row.activatedAt == null) {
                row.activatedAt = now;
            }
        }
        row.rulePacks = spec.rulePacks().toArray(String[]::new);
        row.settings = json.convertValue(spec.settings(), JSON_OBJECT);
        row.updatedAt = now;
    }

    private boolean sameContent(TenantSpec spec, TenantEntity row, boolean withStatus) {
        return spec.displayName().equals(row.displayName)
                && spec.plan().equals(row.plan)
                && spec.timeZone().getId().equals(row.timeZone)
                && (!withStatus || spec.status().configValue().equals(row.status))
                && Arrays.equals(spec.rulePacks().toArray(String[]::new), row.rulePacks)
                && Objects.equals(json.convertValue(spec.settings(), JSON_OBJECT), row.settings);
    }

    Tenant toDomain(TenantEntity row) {
        TenantSettings settings = row.settings == null || row.settings.isEmpty()
                ? TenantSettings.none()
                : json.convertValue(row.settings, TenantSettings.class);
        TenantSpec spec = new TenantSpec(
                TenantId.of(row.id),
                row.displayName,
                row.plan,
                ZoneId.of(row.timeZone),
                TenantStatus.fromConfigValue(row.status)
                        .orElseThrow(() ->
                                new IllegalStateException("tenant " + row.id + " has unknown status " + row.status)),
                row.rulePacks == null ? List.of() : List.of(row.rulePacks),
                settings);
        return new Tenant(
                spec,
                TenantSource.of(row.source),
                row.revision,
                row.createdAt,
                row.updatedAt,
                row.activatedAt,
                row.offboardedAt);
    }

    /**
     * Deletes the tenant's ingest keys and the syslog sources the API gave it (offboarding: their
     * ports and certificates become free for other tenants); returns how many keys there were.
     */
    public Uni<Integer> deleteIngestKeys(TenantId id) {
        return getSession()
                .flatMap(session -> session.createNativeQuery("delete from syslog_sources where tenant_id = ?1")
                        .setParameter(1, id.value())
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery("delete from ingest_keys where tenant_id = ?1")
                                .setParameter(1, id.value())
                                .executeUpdate()));
    }
}

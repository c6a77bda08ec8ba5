package io.socaas.tenants.tenant.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.tenants.tenant.domain.TenantSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Syslog sources of the tenants managed through the API, in PostgreSQL. Callers open the
 * transaction in a tenant scope ({@code ScopedTransactions}); the row-level security policy shows a
 * scope only its tenants' rows.
 */
@ApplicationScoped
public class SyslogSourceRepository implements PanacheRepositoryBase<SyslogSourceEntity, SyslogSourceEntity.Key> {

    /** Key of the transaction-scoped advisory lock that serializes checking and taking claims. */
    private static final String BINDINGS = "bindings";

    private static final long CLAIMS_LOCK = 0x5359_534c_4f47L; // "SYSLOG"

    /** The tenant's sources, by name. */
    public Uni<List<TenantSettings.SyslogSource>> listFor(TenantId tenant) {
        return list("tenantId", Sort.by("name"), tenant.value())
                .map(rows -> rows.stream().map(SyslogSourceRepository::toDomain).toList());
    }

    /** Every source the scope sees, by tenant. */
    public Uni<Map<TenantId, List<TenantSettings.SyslogSource>>> listByTenant() {
        return listAll(Sort.by("tenantId").and("name")).map(rows -> {
            Map<TenantId, List<TenantSettings.SyslogSource>> byTenant = new LinkedHashMap<>();
            for (SyslogSourceEntity row : rows) {
                byTenant.computeIfAbsent(TenantId.of(row.tenantId), t -> new ArrayList<>())
                        .add(toDomain(row));
            }
            return byTenant;
        });
    }

    /**
     * Inserts or replaces the tenant's source of that name.
     *
     * @return true when it was inserted
     */
    public Uni<Boolean> put(TenantId tenant, TenantSettings.SyslogSource source, Instant now) {
        Instant timestamp = now.truncatedTo(ChronoUnit.MICROS);
        return findById(new SyslogSourceEntity.Key(tenant.value(), source.name()))
                .flatMap(row -> {
                    boolean created = row == null;
                    SyslogSourceEntity target = created ? new SyslogSourceEntity() : row;
                    if (created) {
                        target.tenantId = tenant.value();
                        target.name = source.name();
                        target.createdAt = timestamp;
                    }
                    target.port = source.port() > 0 ? source.port() : null;
                    target.clientCertificates = Map.of(
                            BINDINGS,
                            source.clientCertificates().stream()
                                    .map(c -> Map.of(
                                            "sha256_fingerprint", c.sha256Fingerprint(), "subject_dn", c.subjectDn()))
                                    .toList());
                    target.timeZone = source.timeZone().isEmpty() ? null : source.timeZone();
                    target.updatedAt = timestamp;
                    return (created ? persist(target) : Uni.createFrom().item(target))
                            .call(() -> flush())
                            .replaceWith(created);
                });
    }

    /** @return whether the tenant had a source of that name */
    public Uni<Boolean> remove(TenantId tenant, String name) {
        return delete("tenantId = ?1 and name = ?2", tenant.value(), name).map(count -> count > 0);
    }

    /**
     * Takes the platform-wide lock on syslog source claims until the transaction ends, so that two
     * changes never both see a port or certificate as free.
     */
    public Uni<Void> lockClaims() {
        return getSession()
                .flatMap(session -> session.createNativeQuery("select 1 from pg_advisory_xact_lock(?1)", Integer.class)
                        .setParameter(1, CLAIMS_LOCK)
                        .getSingleResult())
                .replaceWithVoid();
    }

    private static TenantSettings.SyslogSource toDomain(SyslogSourceEntity row) {
        List<TenantSettings.ClientCertificate> certificates =
                row.clientCertificates == null || row.clientCertificates.get(BINDINGS) == null
                        ? List.<TenantSettings.ClientCertificate>of()
                        : row.clientCertificates.get(BINDINGS).stream()
                                .map(c -> new TenantSettings.ClientCertificate(
                                        c.get("sha256_fingerprint"), c.get("subject_dn")))
                                .toList();
        return new TenantSettings.SyslogSource(row.name, row.port == null ? 0 : row.port, certificates, row.timeZone);
    }
}

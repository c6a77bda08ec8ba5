package io.socaas.tenants.lifecycle.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Offboarding exports, and what they read of the tenant's ingest keys. */
@ApplicationScoped
public class TenantExportRepository implements PanacheRepositoryBase<TenantExportEntity, String> {

    public Uni<Optional<TenantExportEntity>> find(TenantId tenant) {
        return findById(tenant.value()).map(Optional::ofNullable);
    }

    /** Metadata of every ingest key of the tenant (never the hash), oldest first. */
    public Uni<List<Map<String, Object>>> ingestKeyMetadata(TenantId tenant) {
        return getSession()
                .flatMap(s -> s.createNativeQuery(
                                "select key_id, source_name, cast(created_at as text), cast(revoked_at as text)"
                                        + " from ingest_keys where tenant_id = ?1 order by created_at",
                                Object[].class)
                        .setParameter(1, tenant.value())
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> {
                            Map<String, Object> key = new java.util.LinkedHashMap<>();
                            key.put("key_id", row[0]);
                            key.put("source_name", row[1]);
                            key.put("created_time", row[2]);
                            key.put("revoked_time", row[3]);
                            return key;
                        })
                        .toList());
    }
}

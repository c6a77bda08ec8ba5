package io.socaas.tenants.ingestkey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.tenants.ingestkey.domain.IngestKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** Ingest keys in PostgreSQL. Every lookup by key id is scoped to a tenant. */
@ApplicationScoped
public class IngestKeyRepository implements PanacheRepositoryBase<IngestKeyEntity, String> {

    public Uni<IngestKey> insert(IngestKey key) {
        IngestKeyEntity row = new IngestKeyEntity();
        row.keyId = key.keyId();
        row.tenantId = key.tenantId().value();
        row.sourceName = key.sourceName();
        row.secretSha256 = key.secretSha256();
        row.createdAt = key.createdAt();
        row.revokedAt = key.revokedAt();
        return persist(row).map(IngestKeyRepository::toDomain);
    }

    public Uni<Optional<IngestKey>> findBySecretSha256(String secretSha256) {
        return find("secretSha256", secretSha256)
                .firstResult()
                .map(row -> Optional.ofNullable(row).map(IngestKeyRepository::toDomain));
    }

    /**
     * Marks the tenant's key revoked (keeping the first revocation time when already revoked).
     *
     * @return false when the tenant has no such key
     */
    public Uni<Boolean> revoke(TenantId tenantId, String keyId, Instant now) {
        return find("keyId = ?1 and tenantId = ?2", keyId, tenantId.value())
                .firstResult()
                .map(row -> {
                    if (row == null) {
                        return false;
                    }
                    if (row.revokedAt == null) {
                        row.revokedAt = now;
                    }
                    return true;
                });
    }

    static IngestKey toDomain(IngestKeyEntity row) {
        return new IngestKey(
                row.keyId, TenantId.of(row.tenantId), row.sourceName, row.secretSha256, row.createdAt, row.revokedAt);
    }
}

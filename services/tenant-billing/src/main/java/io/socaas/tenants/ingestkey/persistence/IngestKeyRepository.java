package io.socaas.tenants.ingestkey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.tenants.ingestkey.domain.IngestKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
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
        row.timeZone = key.timeZone().isEmpty() ? null : key.timeZone();
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

    /** The tenant's keys, newest first. */
    public Uni<List<IngestKey>> listFor(TenantId tenantId) {
        return list("tenantId = ?1 order by createdAt desc, keyId desc", tenantId.value())
                .map(rows -> rows.stream().map(IngestKeyRepository::toDomain).toList());
    }

    /**
     * Marks the tenant's key as replaced by {@code replacement}, valid until {@code expiresAt}.
     *
     * @return the key as it was before; empty when the tenant has no such key
     */
    public Uni<Optional<IngestKey>> retire(TenantId tenantId, String keyId, String replacement, Instant expiresAt) {
        return find("keyId = ?1 and tenantId = ?2", keyId, tenantId.value())
                .firstResult()
                .map(row -> {
                    if (row == null) {
                        return Optional.<IngestKey>empty();
                    }
                    IngestKey before = toDomain(row);
                    row.replacedBy = replacement;
                    row.expiresAt =
                            row.expiresAt == null || expiresAt.isBefore(row.expiresAt) ? expiresAt : row.expiresAt;
                    return Optional.of(before);
                });
    }

    /** Sets the clock zone of the tenant's key (null: UTC); nothing when the tenant has no such key. */
    public Uni<Void> setTimeZone(TenantId tenantId, String keyId, String timeZone) {
        return find("keyId = ?1 and tenantId = ?2", keyId, tenantId.value())
                .firstResult()
                .invoke(row -> {
                    if (row != null) {
                        row.timeZone = timeZone;
                    }
                })
                .replaceWithVoid();
    }

    /** Records a use of the key, at most once a minute (ingestion caches resolutions anyway). */
    public Uni<Void> touch(String keyId, Instant now) {
        return update(
                        "lastUsedAt = ?1 where keyId = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
                        now,
                        keyId,
                        now.minusSeconds(60))
                .replaceWithVoid();
    }

    static IngestKey toDomain(IngestKeyEntity row) {
        return new IngestKey(
                row.keyId,
                TenantId.of(row.tenantId),
                row.sourceName,
                row.secretSha256,
                row.createdAt,
                row.revokedAt,
                row.expiresAt,
                row.replacedBy,
                row.lastUsedAt,
                row.timeZone);
    }
}

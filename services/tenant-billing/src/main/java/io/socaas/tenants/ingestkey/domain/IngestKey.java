package io.socaas.tenants.ingestkey.domain;

import io.socaas.events.TenantId;
import io.socaas.tenants.ingestkey.domain.IngestKeyRejectedException.Reason;
import io.socaas.tenants.tenant.domain.TenantStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An ingest credential of one log source of one tenant. Holds the hash, never the secret. */
public record IngestKey(
        String keyId, TenantId tenantId, String sourceName, String secretSha256, Instant createdAt, Instant revokedAt) {

    public IngestKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(secretSha256, "secretSha256");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /**
     * Admits this key for ingestion when it is not revoked and its tenant is active; otherwise
     * throws an {@link IngestKeyRejectedException} that does not tell the caller which.
     */
    public ResolvedIngestKey admit(TenantStatus tenantStatus) {
        if (isRevoked()) {
            throw new IngestKeyRejectedException(Reason.REVOKED);
        }
        if (tenantStatus != TenantStatus.ACTIVE) {
            throw new IngestKeyRejectedException(Reason.TENANT_NOT_ACTIVE);
        }
        return new ResolvedIngestKey(tenantId, keyId, sourceName);
    }

    public Optional<Instant> revokedTime() {
        return Optional.ofNullable(revokedAt);
    }
}

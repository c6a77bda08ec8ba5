package io.socaas.tenants.ingestkey.domain;

import io.socaas.events.TenantId;
import io.socaas.tenants.ingestkey.domain.IngestKeyRejectedException.Reason;
import io.socaas.tenants.tenant.domain.TenantStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An ingest credential of one log source of one tenant. Holds the hash, never the secret.
 *
 * @param expiresAt when a rotated key stops working (null: no expiry)
 * @param replacedBy the key that replaced this one by rotation (null: none)
 * @param lastUsedAt last successful resolution, to the minute (null: never used)
 * @param timeZone IANA zone of the source's clock, in which ingestion reads the times it writes
 *     without an offset; empty for UTC
 */
public record IngestKey(
        String keyId,
        TenantId tenantId,
        String sourceName,
        String secretSha256,
        Instant createdAt,
        Instant revokedAt,
        Instant expiresAt,
        String replacedBy,
        Instant lastUsedAt,
        String timeZone) {

    public IngestKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(secretSha256, "secretSha256");
        Objects.requireNonNull(createdAt, "createdAt");
        timeZone = timeZone == null ? "" : timeZone;
    }

    public IngestKey(
            String keyId,
            TenantId tenantId,
            String sourceName,
            String secretSha256,
            Instant createdAt,
            Instant revokedAt) {
        this(keyId, tenantId, sourceName, secretSha256, createdAt, revokedAt, null, null, null, "");
    }

    /** The same key with its source's clock in {@code zone} (null or empty: UTC). */
    public IngestKey withTimeZone(String zone) {
        return new IngestKey(
                keyId,
                tenantId,
                sourceName,
                secretSha256,
                createdAt,
                revokedAt,
                expiresAt,
                replacedBy,
                lastUsedAt,
                zone);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** A rotated key past its grace period. */
    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** {@code active}, {@code expiring} (rotated, still in its grace period), {@code expired} or {@code revoked}. */
    public String state(Instant now) {
        if (isRevoked()) {
            return "revoked";
        }
        if (expiresAt != null) {
            return isExpired(now) ? "expired" : "expiring";
        }
        return "active";
    }

    /** Admits the key as {@link #admit(TenantStatus, Instant)} does, ignoring any expiry. */
    public ResolvedIngestKey admit(TenantStatus tenantStatus) {
        return admit(tenantStatus, Instant.MIN);
    }

    /**
     * Admits this key for ingestion when it is not revoked or expired and its tenant is active;
     * otherwise throws an {@link IngestKeyRejectedException} that does not tell the caller which.
     */
    public ResolvedIngestKey admit(TenantStatus tenantStatus, Instant now) {
        if (isRevoked()) {
            throw new IngestKeyRejectedException(Reason.REVOKED);
        }
        if (isExpired(now)) {
            throw new IngestKeyRejectedException(Reason.EXPIRED);
        }
        if (tenantStatus != TenantStatus.ACTIVE) {
            throw new IngestKeyRejectedException(Reason.TENANT_NOT_ACTIVE);
        }
        return new ResolvedIngestKey(tenantId, keyId, sourceName, timeZone);
    }

    public Optional<Instant> revokedTime() {
        return Optional.ofNullable(revokedAt);
    }
}

package io.socaas.tenants.ingestkey.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code ingest_keys}: the hash of a key, never the key. */
@Entity
@Table(name = "ingest_keys")
public class IngestKeyEntity {

    @Id
    @Column(name = "key_id")
    public String keyId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(name = "source_name", nullable = false, updatable = false)
    public String sourceName;

    @Column(name = "secret_sha256", nullable = false, updatable = false, unique = true)
    public String secretSha256;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "replaced_by")
    public String replacedBy;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    /** IANA zone of the source's clock; null: UTC. */
    @Column(name = "time_zone")
    public String timeZone;
}

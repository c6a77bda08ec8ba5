package io.socaas.tenants.ingestkey.domain;

import io.socaas.events.TenantId;
import java.time.Instant;

/** Builds ingest keys for tests: {@code anIngestKey().revokedAt(now).build()}. */
public final class IngestKeyTestData {

    private String keyId = "ik_01arz3ndektsv4rrffq69g5fav";
    private TenantId tenantId = TenantId.of("acme");
    private String sourceName = "firewall-hq";
    private String secretSha256 = IngestKeySecrets.sha256("sk_test");
    private Instant createdAt = Instant.parse("2026-01-05T10:00:00Z");
    private Instant revokedAt;

    private IngestKeyTestData() {}

    public static IngestKeyTestData anIngestKey() {
        return new IngestKeyTestData();
    }

    public IngestKeyTestData forTenant(String tenant) {
        this.tenantId = TenantId.of(tenant);
        return this;
    }

    public IngestKeyTestData forSource(String source) {
        this.sourceName = source;
        return this;
    }

    public IngestKeyTestData revokedAt(Instant when) {
        this.revokedAt = when;
        return this;
    }

    public IngestKey build() {
        return new IngestKey(keyId, tenantId, sourceName, secretSha256, createdAt, revokedAt);
    }
}

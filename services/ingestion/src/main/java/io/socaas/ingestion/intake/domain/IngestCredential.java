package io.socaas.ingestion.intake.domain;

import io.socaas.events.TenantId;
import java.util.Objects;

/**
 * What an ingest key stands for: the tenant it belongs to, its public id (never the secret) and the
 * log source it was issued for (recorded on every event it brings in; null when not named).
 */
public record IngestCredential(TenantId tenant, String keyId, String sourceName) {

    public IngestCredential {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(keyId, "keyId");
    }
}

package io.socaas.tenants.ingestkey.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.socaas.tenants.ingestkey.domain.IssuedIngestKey;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A newly issued ingest key. {@code ingest_key} is shown here once and never again. */
@Schema(name = "IssuedIngestKey")
public record IssuedIngestKeyResponse(
        @JsonProperty("tenant_id") @Schema(examples = "acme")
        String tenantId,

        @JsonProperty("key_id") @Schema(examples = "ik_01jd5x3q6m8k2v7c9r4t0w1y2z")
        String keyId,

        @JsonProperty("source_name") @Schema(examples = "firewall-hq")
        String sourceName,

        @JsonProperty("time_zone")
        @Schema(examples = "Europe/Berlin", description = "IANA time zone of the source's clock; UTC when not set")
        String timeZone,

        @JsonProperty("ingest_key") @Schema(description = "The secret; store it now, it cannot be retrieved later")
        String ingestKey,

        @JsonProperty("created_time") Instant createdTime) {

    static IssuedIngestKeyResponse of(IssuedIngestKey issued) {
        var key = issued.key();
        return new IssuedIngestKeyResponse(
                key.tenantId().value(),
                key.keyId(),
                key.sourceName(),
                key.timeZone().isEmpty() ? "UTC" : key.timeZone(),
                issued.secret(),
                key.createdAt());
    }

    @Override
    public String toString() {
        return "IssuedIngestKeyResponse[tenantId=" + tenantId + ", keyId=" + keyId + ", ingestKey=<redacted>]";
    }
}

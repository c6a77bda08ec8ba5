package io.socaas.tenants.ingestkey.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.socaas.tenants.ingestkey.domain.IngestKey;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An ingest key's metadata: never its secret. */
@Schema(name = "IngestKey")
public record IngestKeyView(
        @JsonProperty("key_id") @Schema(examples = "ik_01jd5x3q6m8k2v7c9r4t0w1y2z")
        String keyId,

        @JsonProperty("source_name") @Schema(examples = "firewall-hq")
        String sourceName,

        @JsonProperty("time_zone")
        @Schema(examples = "Europe/Berlin", description = "IANA time zone of the source's clock; UTC when not set")
        String timeZone,

        @JsonProperty("state") @Schema(enumeration = {"active", "expiring", "expired", "revoked"})
        String state,

        @JsonProperty("created_time") Instant createdTime,

        @JsonProperty("last_used_time")
        @Schema(description = "Last successful use, to the minute; null when never used")
        Instant lastUsedTime,

        @JsonProperty("expires_time") @Schema(description = "When a rotated key stops working")
        Instant expiresTime,

        @JsonProperty("replaced_by") @Schema(description = "The key that replaced it by rotation")
        String replacedBy,

        @JsonProperty("revoked_time") Instant revokedTime) {

    public static IngestKeyView of(IngestKey key, Instant now) {
        return new IngestKeyView(
                key.keyId(),
                key.sourceName(),
                key.timeZone().isEmpty() ? "UTC" : key.timeZone(),
                key.state(now),
                key.createdAt(),
                key.lastUsedAt(),
                key.expiresAt(),
                key.replacedBy(),
                key.revokedAt());
    }
}

package io.socaas.tenants.ingestkey.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.socaas.tenants.ingestkey.domain.RotatedIngestKey;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rotation: the new key (its secret shown here once) and until when the old one works. */
@Schema(name = "RotatedIngestKey")
public record RotatedIngestKeyResponse(
        @JsonProperty("new_key") IssuedIngestKeyResponse newKey,
        @JsonProperty("old_key_id") String oldKeyId,

        @JsonProperty("old_key_expires_time")
        @Schema(description = "The old key keeps working until then, so the source can switch without loss")
        Instant oldKeyExpiresTime) {

    static RotatedIngestKeyResponse of(RotatedIngestKey rotated) {
        return new RotatedIngestKeyResponse(
                IssuedIngestKeyResponse.of(rotated.issued()), rotated.oldKeyId(), rotated.oldKeyExpiresAt());
    }
}

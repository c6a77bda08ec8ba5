package io.socaas.tenants.ingestkey.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.socaas.tenants.ingestkey.domain.SourceName;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/tenants/{tenantId}/ingest-keys}. */
@Schema(name = "IssueIngestKeyRequest")
public record IssueIngestKeyRequest(
        @JsonProperty("source_name")
        @NotBlank
        @Size(min = 1, max = SourceName.MAX_LENGTH)
        @Schema(description = "Name of the log source the key is for", examples = "firewall-hq", maxLength = 64)
        String sourceName,

        @JsonProperty("time_zone")
        @Schema(
                examples = "Europe/Berlin",
                description = "IANA time zone of the source's clock: times it writes without an offset are read in it;"
                        + " omit for UTC")
        String timeZone) {}

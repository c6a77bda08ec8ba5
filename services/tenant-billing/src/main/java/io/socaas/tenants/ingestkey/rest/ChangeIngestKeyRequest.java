package io.socaas.tenants.ingestkey.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PATCH /api/v1/tenants/{tenantId}/ingest-keys/{keyId}}: the members it names change,
 * the others stay. {@code time_zone} is the only member that can change (a key's source and
 * secret never do).
 */
@Schema(name = "ChangeIngestKeyRequest")
public final class ChangeIngestKeyRequest {

    private String timeZone;
    private boolean timeZoneGiven;

    @JsonProperty("time_zone")
    @Schema(
            examples = "Europe/Berlin",
            nullable = true,
            description = "IANA time zone of the source's clock: times it writes without an offset are read in it;"
                    + " null or empty for UTC")
    public String getTimeZone() {
        return timeZone;
    }

    @JsonProperty("time_zone")
    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
        this.timeZoneGiven = true;
    }

    /** Whether the body named {@code time_zone} (null included). */
    boolean timeZoneGiven() {
        return timeZoneGiven;
    }
}

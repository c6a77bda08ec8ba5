package io.socaas.ingestion.intake.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer to an accepted request. */
@Schema(name = "IntakeResponse", description = "Events accepted: every one of them is durably on the event bus")
public record IntakeResponse(
        @Schema(description = "Number of events accepted", examples = "2")
        int accepted,

        @JsonProperty("ingest_ids") @Schema(description = "Ingest id (ULID) of each event, in request order")
        List<String> ingestIds) {}

package io.socaas.ingestion.intake.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer to an accepted request. */
@Schema(
        name = "IntakeResponse",
        description = "Events accepted: every one of them is durably on the event bus (an event normalization"
                + " failed on is durably on the dead-letter topic instead)")
public record IntakeResponse(
        @Schema(description = "Number of events accepted", examples = "2")
        int accepted,

        @JsonProperty("ingest_ids") @Schema(description = "Ingest id (ULID) of each accepted event, in request order")
        List<String> ingestIds,

        @JsonProperty("dead_lettered")
        @Schema(
                description = "Positions in the request (from 0) of the events normalization failed on: they"
                        + " are kept on the dead-letter topic with the reason, not accepted; sending them again"
                        + " does not help. Usually empty.",
                examples = "[]")
        List<Integer> deadLettered) {}

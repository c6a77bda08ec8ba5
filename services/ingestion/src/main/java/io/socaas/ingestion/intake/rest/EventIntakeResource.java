package io.socaas.ingestion.intake.rest;

import io.smallrye.common.annotation.Blocking;
import io.socaas.events.EventBatchParser;
import io.socaas.ingestion.intake.domain.EventIntake;
import io.socaas.ingestion.intake.domain.IngestKey;
import io.socaas.ingestion.intake.domain.IntakeReceipt;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HTTP intake of security events from a tenant's log sources. */
@Path("/api/v1/events")
@Tag(name = "Events", description = "Event intake")
@SecurityScheme(
        securitySchemeName = EventIntakeResource.INGEST_KEY,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "Ingest key issued to a log source at onboarding")
public class EventIntakeResource {

    static final String INGEST_KEY = "ingestKey";
    /** The sender's name for a batch: its events get ids derived from it, the same on every retry. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public static final String NDJSON = "application/x-ndjson";
    static final String NDJSON_EXAMPLE_NAME = "ndjson";

    private static final String JSON_EXAMPLE = """
            [
              {"time": "2026-03-01T09:15:02Z", "EventID": 4625, "Channel": "Security",
               "TargetUserName": "administrator", "IpAddress": "203.0.113.7"},
              {"time": "2026-03-01T09:15:04Z", "EventID": 4624, "Channel": "Security",
               "TargetUserName": "alice", "LogonType": 10}
            ]""";
    static final String NDJSON_EXAMPLE = """
            {"time": "2026-03-01T09:15:02Z", "EventID": 4625, "TargetUserName": "administrator"}
            {"time": "2026-03-01T09:15:04Z", "EventID": 4624, "TargetUserName": "alice"}
            """;

    private final EventIntake intake;
    private final AcceptedBatches batches;

    EventIntakeResource(EventIntake intake, AcceptedBatches batches) {
        this.intake = intake;
        this.batches = batches;
    }

    @POST
    @Blocking // parsing a batch is CPU work and publishing waits for Kafka
    @Consumes({MediaType.APPLICATION_JSON, NDJSON, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = INGEST_KEY)
    @Operation(
            summary = "Send events",
            description = "Accepts a JSON array of objects or a single object (application/json), or one JSON"
                    + " object per line (application/x-ndjson, text/plain); an object whose only member is"
                    + " 'Records' or 'records', an array of objects (a CloudTrail log file, an Azure Monitor"
                    + " export), is read as those records. The tenant is decided by the ingest"
                    + " key; each event is normalized to OCSF with its own fields under 'unmapped'. Answers 202"
                    + " only after every event is durably on the event bus; otherwise nothing is accepted. An"
                    + " event normalization fails on is kept on the dead-letter topic instead (its position in"
                    + " 'dead_lettered'); the others are accepted."
                    + " With an Idempotency-Key header the ingest ids are derived from (ingest key, that key,"
                    + " position; a dead-lettered event's position is skipped): a retried batch gets the same"
                    + " ids and later stages drop the copies;"
                    + " without it a retry is a new batch (at least once). The tenant's plan quota (events per"
                    + " second with a burst, events per day) applies per batch: a batch that does not fit is"
                    + " refused whole with 429 and Retry-After.")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY),
                        examples = @ExampleObject(name = "array", value = JSON_EXAMPLE)),
                @Content(
                        mediaType = NDJSON,
                        schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                        examples = @ExampleObject(name = NDJSON_EXAMPLE_NAME, value = NDJSON_EXAMPLE))
            })
    @APIResponse(
            responseCode = "202",
            description = "Events accepted (all of them but those normalization failed on, which are dead-lettered)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IntakeResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body; detail and the extension member 'line' name the first bad line",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(
            responseCode = "401",
            description = "Missing or unknown ingest key",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(
            responseCode = "413",
            description = "Too many events or too large a body, or more events than the tenant's plan lets"
                    + " through at once (its burst: batch-exceeds-burst, member 'burst')",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(
            responseCode = "429",
            description = "The batch does not fit into the tenant's plan quota now: its events per second"
                    + " (token bucket with the plan's burst) or its events per day (tenant time zone) are used"
                    + " up. Nothing of the batch was accepted; send it again after Retry-After seconds"
                    + " (problem type quota-exceeded, member 'quota' = events_per_second or events_per_day)."
                    + " A batch larger than the plan's burst is never accepted: it is answered 413"
                    + " batch-exceeds-burst (member 'burst'), split it. An address that keeps sending"
                    + " unknown keys is held back with 429 as well (problem type rate-limited).",
            headers =
                    @Header(
                            name = HttpHeaders.RETRY_AFTER,
                            description = "seconds until the batch fits (the bucket refilled, or the tenant's"
                                    + " next midnight)",
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .INTEGER)),
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(
            responseCode = "415",
            description = "Unsupported content type",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(
            responseCode = "503",
            description = "Tenant directory or event bus unavailable; nothing accepted, retry later",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public Response ingest(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            byte[] body) {
        IntakeReceipt receipt = batches.accept(
                IngestKey.fromAuthorization(authorization),
                body == null ? 0 : body.length,
                credential -> intake.ingest(
                        credential, body, formatOf(contentType), java.util.Optional.ofNullable(idempotencyKey)));
        return Response.accepted(
                        new IntakeResponse(receipt.accepted(), receipt.ingestIds(), receipt.deadLetteredPositions()))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    /** application/json may hold several whitespace-separated objects; the others are NDJSON. */
    static EventBatchParser.Format formatOf(String contentType) {
        if (contentType != null) {
            MediaType type = MediaType.valueOf(contentType);
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return EventBatchParser.Format.JSON;
            }
        }
        return EventBatchParser.Format.NDJSON;
    }
}

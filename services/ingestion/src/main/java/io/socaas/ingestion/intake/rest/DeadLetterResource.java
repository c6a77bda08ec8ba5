package io.socaas.ingestion.intake.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.common.annotation.Blocking;
import io.socaas.ingestion.intake.domain.EventIntake;
import io.socaas.ingestion.intake.domain.IngestCredential;
import io.socaas.ingestion.intake.domain.IngestKey;
import io.socaas.ingestion.intake.domain.RecentDeadLetters;
import io.socaas.ingestion.intake.kafka.DeadLetterTail;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.MDC;

/**
 * What the tenant of an ingest key sent that was kept on the dead-letter topic instead of becoming
 * events (syslog messages that cannot be read, events normalization failed on, records the indexer
 * refused), newest first: so whoever sets up a source sees why its messages are missing without
 * asking the MSSP. Only the key's own tenant's.
 */
@Path("/api/v1/dead-letters")
@Tag(name = "Events", description = "Event intake")
public class DeadLetterResource {

    static final int MAX_LIMIT = 100;

    private final EventIntake intake;
    private final DeadLetterTail tail;

    DeadLetterResource(EventIntake intake, DeadLetterTail tail) {
        this.intake = intake;
        this.tail = tail;
    }

    /** One dead letter. */
    @Schema(name = "DeadLetter", description = "A message kept on the dead-letter topic instead of becoming an event")
    public record DeadLetterView(
            @Schema(description = "When it was kept", examples = "2026-03-01T09:15:02.120Z")
            Instant time,

            @Schema(
                    description = "Why it could not become an event",
                    examples = "syslog priority <999> is out of range (0-191)")
            String reason,

            @Schema(description = "Size of what was received, in bytes", examples = "87")
            int bytes,

            @Schema(
                    description = "Its start as text, at most " + RecentDeadLetters.PREVIEW_CHARS
                            + " characters (bytes that are not UTF-8 shown as U+FFFD)",
                    examples = "<999>Mar  1 09:15:02 fw01 kernel: DROP IN=eth0")
            String preview) {}

    /** The tenant's latest dead letters. */
    @Schema(name = "DeadLetters", description = "The latest dead letters of the ingest key's tenant, newest first")
    public record DeadLettersResponse(
            @Schema(description = "The tenant", examples = "acme")
            String tenant,

            @Schema(
                    description = "False while this instance is still reading the dead-letter topic after"
                            + " its start: older dead letters may be missing from the list")
            boolean complete,

            @JsonProperty("dead_letters") List<DeadLetterView> deadLetters) {}

    @GET
    @Blocking // the key's first resolution asks the tenant directory
    // 401 and 503 are documented as POST /api/v1/events answers them (IntakeOpenApiFilter)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = EventIntakeResource.INGEST_KEY)
    @Operation(
            summary = "Latest dead letters",
            description = "The latest messages of the ingest key's tenant that were kept on the dead-letter topic"
                    + " instead of becoming events, newest first, with the reason, the size and the start of what"
                    + " was received: the messages of the last 7 days, at most the latest 100, whichever source"
                    + " and listener they came through. Never another tenant's.")
    @APIResponse(
            responseCode = "200",
            description = "The dead letters (an empty list when there are none)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeadLettersResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "limit out of range",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @APIResponse(
            responseCode = "404",
            description = "The dead-letter view is turned off (socaas.ingestion.dead-letters.enabled=false)",
            content =
                    @Content(
                            mediaType = ProblemDetail.MEDIA_TYPE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    public DeadLettersResponse latest(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = "At most this many, 1 to " + MAX_LIMIT) @QueryParam("limit") @DefaultValue("20")
                    int limit) {
        IngestCredential credential = intake.authenticate(IngestKey.fromAuthorization(authorization));
        // removed by TenantMdcCleanup once the response (or its problem document) is written
        MDC.put(AcceptedBatches.MDC_TENANT, credential.tenant().value());
        if (!tail.enabled()) {
            throw new NotFoundException("the dead-letter view is turned off on this platform");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be 1 to " + MAX_LIMIT + ", it is " + limit);
        }
        List<DeadLetterView> latest = tail.recent().of(credential.tenant(), limit).stream()
                .map(e -> new DeadLetterView(e.time(), e.reason(), e.bytes(), e.preview()))
                .toList();
        return new DeadLettersResponse(credential.tenant().value(), tail.caughtUp(), latest);
    }
}

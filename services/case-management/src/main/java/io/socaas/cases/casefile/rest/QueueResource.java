package io.socaas.cases.casefile.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.socaas.cases.casefile.domain.CaseFileService;
import io.socaas.cases.casefile.domain.CaseStatus;
import io.socaas.cases.casefile.domain.QueueEntry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The analysts' queue: the cases still worked, ordered by the SLA deadline each runs against. */
@Path("/api/v1/queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({"analyst", "soc-manager"})
public class QueueResource {

    private final CaseFileService cases;
    private final SecurityIdentity identity;
    private final CallerScopes scopes;
    private final Clock clock = Clock.systemUTC();

    public QueueResource(CaseFileService cases, SecurityIdentity identity, CallerScopes scopes) {
        this.scopes = scopes;
        this.cases = cases;
        this.identity = identity;
    }

    /** One case of the queue with its SLA standing. */
    @Schema(name = "QueueEntry")
    public record QueueJson(
            @JsonProperty("case") CaseJson caseJson,

            @JsonProperty("sla_clock") @Schema(enumeration = {"acknowledge", "resolve"})
            String slaClock,

            @Schema(
                    description =
                            "RFC 3339 UTC; null while unknown (waiting on the customer, no plan, not yet computed)")
            String deadline,

            @JsonProperty("seconds_left")
            @Schema(description = "Negative once the deadline passed; null without deadline")
            Long secondsLeft,

            @Schema(description = "The deadline passed") boolean breached,

            @Schema(description = "The clock is paused: waiting on the customer")
            boolean paused) {

        static QueueJson of(QueueEntry entry, Instant now) {
            Instant deadline = entry.deadline();
            return new QueueJson(
                    CaseJson.from(entry.caseFile()),
                    entry.clock(),
                    deadline == null
                            ? null
                            : DateTimeFormatter.ISO_INSTANT.format(deadline.truncatedTo(ChronoUnit.MILLIS)),
                    deadline == null ? null : Duration.between(now, deadline).toSeconds(),
                    deadline != null && !deadline.isAfter(now),
                    entry.caseFile().status() == CaseStatus.WAITING_ON_CUSTOMER);
        }
    }

    @GET
    @Operation(
            summary = "The analysts' queue, earliest SLA deadline first",
            description = "Open, acknowledged, in-progress and waiting cases; the deadline is the acknowledge deadline"
                    + " until the case is acknowledged, then the resolve deadline.")
    @APIResponse(
            responseCode = "200",
            description = "The queue",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = QueueJson.class)))
    public Uni<List<QueueJson>> queue(
            @Parameter(description = "Only this tenant's cases") @RestQuery("tenant") String tenant,
            @Parameter(description = "Maximum number of cases (default 100, at most 500)") @RestQuery("limit")
                    String limit) {
        return scopes.of(identity, Optional.ofNullable(tenant))
                .chain(scope -> cases.queue(scope, CaseResource.limitOf(limit)))
                .map(entries -> {
                    Instant now = clock.instant();
                    return entries.stream().map(e -> QueueJson.of(e, now)).toList();
                });
    }
}

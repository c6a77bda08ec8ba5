package io.socaas.cases.notify.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.socaas.audittrail.AuditDetails;
import io.socaas.cases.casefile.domain.CaseAccessPolicy;
import io.socaas.cases.casefile.domain.InvalidCaseQueryException;
import io.socaas.cases.casefile.rest.CallerScopes;
import io.socaas.cases.casefile.rest.ProblemJson;
import io.socaas.cases.notify.persistence.NotificationEntity;
import io.socaas.cases.notify.persistence.NotificationEntity.Status;
import io.socaas.cases.notify.persistence.NotificationStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Notifications about cases (webhooks, e-mails, pages): what was delivered, what is still being
 * retried, and the dead ones an analyst replays once the receiver is fixed. Pages are acknowledged
 * by the analyst paged.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@SecurityRequirement(name = "keycloak")
public class NotificationResource {

    private static final String ID = "{id: [0-9a-fA-F-]{36}}";

    private final NotificationStore store;
    private final CallerScopes scopes;
    private final SecurityIdentity identity;
    private final Clock clock = Clock.systemUTC();

    public NotificationResource(NotificationStore store, CallerScopes scopes, SecurityIdentity identity) {
        this.store = store;
        this.scopes = scopes;
        this.identity = identity;
    }

    /** One notification. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Notification")
    public record NotificationJson(
            String id,
            String tenant,
            @JsonProperty("case_id") String caseId,
            @Schema(enumeration = {"webhook", "email"}) String channel,
            @Schema(enumeration = {"notice", "page"}) String kind,

            @Schema(description = "Webhook URL or e-mail address")
            String target,

            @Schema(description = "The analyst notified or paged")
            String analyst,

            @JsonProperty("endpoint_name") String endpointName,
            @JsonProperty("event_type") String eventType,
            String subject,

            @Schema(enumeration = {"pending", "delivered", "dead"})
            String status,

            int attempts,
            @JsonProperty("next_attempt_at") String nextAttemptAt,
            @JsonProperty("last_error") String lastError,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("delivered_at") String deliveredAt,
            @JsonProperty("acknowledged_at") String acknowledgedAt,
            @JsonProperty("acknowledged_by") String acknowledgedBy,

            @Schema(description = "Pages: 1 for the first page of an escalation, 2 for the analyst it went on to, ...")
            @JsonProperty("page_round")
            Integer pageRound,

            @Schema(description = "Pages: when the page goes on to the next analyst on the rota unless acknowledged")
            @JsonProperty("pass_on_at")
            String passOnAt) {

        static NotificationJson of(NotificationEntity n) {
            // the audit trail (replay, acknowledgement): the notification's tenant
            AuditDetails.current().tenant(n.tenantId).target("notification " + n.id);
            return new NotificationJson(
                    n.id.toString(),
                    n.tenantId,
                    n.caseId == null ? null : n.caseId.toString(),
                    lower(n.channel),
                    lower(n.kind),
                    n.target,
                    n.analyst,
                    n.endpointName,
                    n.eventType,
                    n.subject,
                    lower(n.status),
                    n.attempts,
                    time(n.nextAttemptAt),
                    n.lastError,
                    time(n.createdAt),
                    time(n.deliveredAt),
                    time(n.acknowledgedAt),
                    n.acknowledgedBy,
                    n.pageRound,
                    time(n.passOnAt));
        }

        private static String lower(Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }

        private static String time(Instant t) {
            return t == null ? null : t.toString();
        }
    }

    @GET
    @Path("notifications")
    @RolesAllowed({"analyst", "soc-manager"})
    @Operation(
            summary =
                    "Notifications of the tenants the caller works, newest first; status=dead is the dead-letter list")
    @APIResponse(
            responseCode = "200",
            description = "Notifications",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = NotificationJson.class)))
    public Uni<List<NotificationJson>> list(
            @Parameter(description = "pending, delivered or dead") @RestQuery("status") String status,
            @Parameter(description = "Only this tenant's") @RestQuery("tenant") String tenant,
            @Parameter(description = "At most this many (default 100, at most 500)") @RestQuery("limit") String limit) {
        Optional<Status> wanted = statusOf(status);
        return scopes.of(identity, Optional.ofNullable(tenant))
                .chain(scope -> store.list(scope, wanted, limitOf(limit)))
                .map(rows -> rows.stream().map(NotificationJson::of).toList());
    }

    @POST
    @Path("notifications/" + ID + ":replay")
    @RolesAllowed({"analyst", "soc-manager"})
    @Operation(summary = "Deliver a dead notification again, with fresh attempts")
    @APIResponse(
            responseCode = "200",
            description = "Due again",
            content = @Content(schema = @Schema(implementation = NotificationJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such notification among the caller's tenants",
            content =
                    @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(
            responseCode = "409",
            description = "The notification is not dead",
            content =
                    @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public Uni<NotificationJson> replay(@PathParam("id") String id) {
        return scopes.of(identity, Optional.empty())
                .chain(scope -> store.replay(scope, UUID.fromString(id), clock.instant()))
                .map(found ->
                        NotificationJson.of(found.orElseThrow(() -> new NotFoundException("no notification " + id))));
    }

    @GET
    @Path("pages")
    @RolesAllowed({"analyst", "soc-manager"})
    @Operation(summary = "Pages: an analyst's own; a SOC manager's view is every page")
    @APIResponse(
            responseCode = "200",
            description = "Pages, newest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = NotificationJson.class)))
    public Uni<List<NotificationJson>> pages(
            @Parameter(description = "At most this many (default 100, at most 500)") @RestQuery("limit") String limit) {
        return store.pages(pagedAnalyst(), limitOf(limit))
                .map(rows -> rows.stream().map(NotificationJson::of).toList());
    }

    @POST
    @Path("pages/" + ID + ":acknowledge")
    @RolesAllowed({"analyst", "soc-manager"})
    @Operation(summary = "Acknowledge a page (the analyst paged, or a SOC manager)")
    @APIResponse(
            responseCode = "200",
            description = "Acknowledged",
            content = @Content(schema = @Schema(implementation = NotificationJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such page for the caller",
            content =
                    @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    @APIResponse(
            responseCode = "409",
            description = "Acknowledged already",
            content =
                    @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public Uni<NotificationJson> acknowledge(@PathParam("id") String id) {
        return store.acknowledgePage(
                        UUID.fromString(id), pagedAnalyst(), CallerScopes.username(identity), clock.instant())
                .map(found -> NotificationJson.of(found.orElseThrow(() -> new NotFoundException("no page " + id))));
    }

    /** Whose pages the caller sees: its own, or everyone's for a SOC manager. */
    private Optional<String> pagedAnalyst() {
        boolean manager = identity.getRoles().stream().anyMatch(CaseAccessPolicy.ALL_TENANT_ROLES::contains);
        return manager ? Optional.empty() : Optional.of(CallerScopes.username(identity));
    }

    private static Optional<Status> statusOf(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Status.valueOf(status.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new InvalidCaseQueryException("status must be pending, delivered or dead, not '" + status + "'");
        }
    }

    private static int limitOf(String limit) {
        if (limit == null || limit.isBlank()) {
            return 100;
        }
        try {
            return Math.max(1, Math.min(500, Integer.parseInt(limit.strip())));
        } catch (NumberFormatException e) {
            throw new InvalidCaseQueryException("limit must be a whole number, got '" + limit + "'");
        }
    }
}

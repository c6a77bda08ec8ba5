package io.socaas.cases.casefile.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.socaas.audittrail.AuditDetails;
import io.socaas.cases.analysts.persistence.AnalystRepository;
import io.socaas.cases.casefile.domain.CaseChange;
import io.socaas.cases.casefile.domain.CaseCommand;
import io.socaas.cases.casefile.domain.CaseFile;
import io.socaas.cases.casefile.domain.CaseFileService;
import io.socaas.cases.casefile.domain.InvalidCaseCommandException;
import io.socaas.cases.casefile.domain.Severity;
import io.socaas.cases.casefile.domain.TenantScope;
import io.socaas.cases.casefile.domain.TimelineEntry;
import io.socaas.cases.casefile.domain.Verdict;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The analysts' commands on a case ({@code POST /api/v1/cases/{id}:<verb>}) and its timeline. Each
 * command answers the case with its new {@code ETag}; a caller that sends {@code If-Match} with the
 * ETag it saw gets {@code 412} when the case changed meanwhile. Two analysts claiming one case at
 * once: one wins, the other gets {@code 409}.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
@SecurityRequirement(name = "keycloak")
@APIResponse(
        responseCode = "404",
        description = "No such case in the caller's scope",
        content = @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
@APIResponse(
        responseCode = "200",
        description = "The case after the command, with its new ETag",
        content = @Content(schema = @Schema(implementation = CaseJson.class)))
@APIResponse(
        responseCode = "400",
        description = "A field of the body, or If-Match, is missing or bad (member field names it)",
        content = @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
@APIResponse(
        responseCode = "409",
        description = "The command does not fit the case's state, or another analyst holds the case",
        content = @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
@APIResponse(
        responseCode = "412",
        description = "The case changed since the ETag sent as If-Match (member current_version)",
        content = @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
public class CaseCommandResource {

    private static final String ID = "{id: [0-9a-fA-F-]{36}}";

    private final CaseFileService cases;
    private final SecurityIdentity identity;
    private final CallerScopes scopes;
    private final AnalystRepository analysts;

    public CaseCommandResource(
            CaseFileService cases, SecurityIdentity identity, CallerScopes scopes, AnalystRepository analysts) {
        this.scopes = scopes;
        this.analysts = analysts;
        this.cases = cases;
        this.identity = identity;
    }

    /** A reason or an answer given with a command. */
    @Schema(name = "CaseReason")
    public record ReasonBody(
            @Schema(description = "Why (shown in the timeline)", required = true)
            String reason) {}

    /** An assignment by a SOC manager. */
    @Schema(name = "CaseAssignment")
    public record AssignBody(
            @Schema(description = "User name of an analyst entitled to the case's tenant", required = true)
            String assignee,

            @Schema(description = "Why (shown in the timeline)")
            String reason) {}

    /** A merge. */
    @Schema(name = "CaseMerge")
    public record MergeBody(
            @Schema(description = "Id of the case of the same tenant that takes this case's alerts", required = true)
            String into,

            @Schema(description = "Why (shown in both timelines)")
            String reason) {}

    /** A resolution. */
    @Schema(name = "CaseResolution")
    public record ResolveBody(
            @Schema(
                    enumeration = {"true_positive", "false_positive", "benign"},
                    required = true)
            String verdict,

            @Schema(description = "What was found and done") String note) {}

    /** A severity change. */
    @Schema(name = "CaseSeverityChange")
    public record SeverityBody(
            @Schema(
                    enumeration = {"informational", "low", "medium", "high", "critical"},
                    required = true)
            String severity,

            @Schema(required = true) String reason) {}

    /** A comment. */
    @Schema(name = "CaseComment")
    public record CommentBody(
            @Schema(required = true) String text,

            @Schema(
                    enumeration = {"internal", "customer"},
                    description = "internal (default): MSSP staff only; customer: the tenant's users too")
            String visibility) {}

    /** One timeline entry. */
    @Schema(name = "CaseTimelineEntry")
    public record TimelineJson(
            @Schema(description = "RFC 3339 UTC") String at,
            String actor,

            @Schema(
                    description = "opened, alert-attached, claim, acknowledge, start, wait-on-customer,"
                            + " customer-answer, resolve, close, reopen, change-severity, comment")
            String action,

            String before,
            String after,
            String detail,
            @Schema(enumeration = {"internal", "customer"}) String visibility) {

        static TimelineJson of(TimelineEntry e) {
            return new TimelineJson(
                    DateTimeFormatter.ISO_INSTANT.format(e.at().truncatedTo(ChronoUnit.MILLIS)),
                    e.actor(),
                    e.action(),
                    e.before(),
                    e.after(),
                    e.detail(),
                    e.visibility().wireName());
        }
    }

    @POST
    @Path(ID + ":claim")
    @RolesAllowed({"analyst", "soc-manager"})
    @Operation(summary = "Claim a case: the caller becomes its assignee (an open case is acknowledged)")
    public Uni<RestResponse<CaseJson>> claim(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return run(id, ifMatch, new CaseCommand.Claim());
    }

    @POST
    @Path(ID + ":assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"soc-manager"})
    @Operation(
            summary = "Give a case to an analyst (SOC managers)",
            description = "The analyst needs a profile entitled to the case's tenant (400 naming assignee otherwise)."
                    + " The state does not change: the assignee acknowledges.")
    public Uni<RestResponse<CaseJson>> assign(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, AssignBody body) {
        return scopes.of(identity, Optional.empty())
                .chain(scope -> assign(
                        scope,
                        id,
                        expectedVersion(ifMatch),
                        body == null ? null : body.assignee(),
                        body == null ? null : body.reason(),
                        actor()))
                .map(CaseCommandResource::withEtag);
    }

    /**
     * Gives a case to an analyst whose profile is entitled to the case's tenant (the API's and the
     * console's assignment).
     *
     * @throws InvalidCaseCommandException (as the Uni's failure) when the analyst has no such profile
     */
    public Uni<CaseChange> assign(
            TenantScope scope, String id, OptionalLong expected, String assignee, String reason, String actor) {
        CaseCommand command = new CaseCommand.Assign(assignee, reason, false);
        return cases.get(scope, id)
                .chain(current -> analysts.find(assignee).map(profile -> {
                    if (profile.isEmpty() || !profile.get().entitledTo(current.tenantId())) {
                        throw new InvalidCaseCommandException(
                                "assignee",
                                assignee + " has no analyst profile entitled to tenant " + current.tenantId());
                    }
                    return current;
                }))
                .chain(() -> cases.execute(scope, id, expected, command, actor));
    }

    @POST
    @Path(ID + ":merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analyst", "soc-manager"})
    @Operation(
            summary = "Merge this case into another case of the same tenant",
            description = "This case ends as merged; its alerts move to the other case, whose severity becomes the"
                    + " higher of the two. A later alert with this case's dedup key goes to an open case again.")
    public Uni<RestResponse<CaseJson>> merge(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, MergeBody body) {
        return scopes.of(identity, Optional.empty())
                .chain(scope -> cases.merge(
                        scope,
                        id,
                        body == null ? null : body.into(),
                        expectedVersion(ifMatch),
                        body == null ? null : body.reason(),
                        actor()))
                .map(CaseCommandResource::withEtag);
    }

    @POST
    @Path(ID + ":acknowledge")
    @RolesAllowed({"analyst", "soc-manager"})
    @Operation(summary = "Acknowledge an open case")
    public Uni<RestResponse<CaseJson>> acknowledge(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return run(id, ifMatch, new CaseCommand.Acknowledge());
    }

    @POST
    @Path(ID + ":start")
    @RolesAllowed({"analyst", "soc-manager"})
    @Operation(summary = "Start (or go back to) the investigation")
    public Uni<RestResponse<CaseJson>> start(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return run(id, ifMatch, new CaseCommand.Start());
    }

    @POST
    @Path(ID + ":wait-on-customer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analyst", "soc-manager"})
    @Operation(summary = "Ask the customer something; the case waits and its SLA clocks pause")
    public Uni<RestResponse<CaseJson>> waitOnCustomer(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ReasonBody body) {
        return run(id, ifMatch, () -> new CaseCommand.WaitOnCustomer(body == null ? null : body.reason()));
    }

    @POST
    @Path(ID + ":resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analyst", "soc-manager"})
    @Operation(summary = "Resolve with a verdict")
    public Uni<RestResponse<CaseJson>> resolve(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ResolveBody body) {
        return run(
                id,
                ifMatch,
                () -> new CaseCommand.Resolve(
                        body == null ? null : enumOf(Verdict.class, "verdict", body.verdict()),
                        body == null ? null : body.note()));
    }

    @POST
    @Path(ID + ":close")
    @RolesAllowed({"analyst", "soc-manager"})
    @Operation(summary = "Close a resolved case: new alerts about the same thing open a new case")
    public Uni<RestResponse<CaseJson>> close(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return run(id, ifMatch, new CaseCommand.Close());
    }

    @POST
    @Path(ID + ":reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analyst", "soc-manager"})
    @Operation(summary = "Reopen a resolved or closed case")
    public Uni<RestResponse<CaseJson>> reopen(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ReasonBody body) {
        return run(id, ifMatch, () -> new CaseCommand.Reopen(body == null ? null : body.reason()));
    }

    @POST
    @Path(ID + ":change-severity")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analyst", "soc-manager"})
    @Operation(summary = "Change the severity, with a reason")
    public Uni<RestResponse<CaseJson>> changeSeverity(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, SeverityBody body) {
        return run(
                id,
                ifMatch,
                () -> new CaseCommand.ChangeSeverity(
                        body == null ? null : enumOf(Severity.class, "severity", body.severity()),
                        body == null ? null : body.reason()));
    }

    @POST
    @Path(ID + "/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analyst", "soc-manager"})
    @Operation(summary = "Comment on a case, internally or for the customer")
    public Uni<RestResponse<CaseJson>> comment(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, CommentBody body) {
        return run(
                id,
                ifMatch,
                () -> new CaseCommand.Comment(
                        body == null ? null : body.text(),
                        body == null || body.visibility() == null
                                ? CaseCommand.Visibility.INTERNAL
                                : enumOf(CaseCommand.Visibility.class, "visibility", body.visibility())));
    }

    private Uni<RestResponse<CaseJson>> run(String id, String ifMatch, CaseCommand command) {
        return run(id, ifMatch, () -> command);
    }

    private Uni<RestResponse<CaseJson>> run(
            String id, String ifMatch, java.util.function.Supplier<CaseCommand> command) {
        return scopes.of(identity, Optional.empty())
                .chain(scope -> cases.execute(scope, id, expectedVersion(ifMatch), command.get(), actor()))
                .map(CaseCommandResource::withEtag);
    }

    /** The case after a command with its {@code ETag} (the quoted version); the change goes to the audit trail. */
    static RestResponse<CaseJson> withEtag(CaseChange change) {
        return withEtag(change.after(), audited(change));
    }

    /** A case with its {@code ETag}: the quoted version. */
    static RestResponse<CaseJson> withEtag(CaseFile caseFile) {
        return withEtag(caseFile, CaseJson.from(caseFile));
    }

    private static RestResponse<CaseJson> withEtag(CaseFile caseFile, CaseJson json) {
        return RestResponse.ResponseBuilder.ok(json)
                .tag(new EntityTag(String.valueOf(caseFile.version())))
                .build();
    }

    /**
     * Puts a command's change in the audit trail's entry: the case's tenant, the case as target,
     * and the case before and after (the entry keeps the fields the command changed).
     *
     * @return the case after, as the API shows it
     */
    public static CaseJson audited(CaseChange change) {
        CaseFile caseFile = change.after();
        CaseJson after = CaseJson.from(caseFile);
        AuditDetails.current()
                .tenant(caseFile.tenantId().value())
                .target("case " + caseFile.id())
                .before(change.before() == null ? null : CaseJson.from(change.before()))
                .after(after);
        return after;
    }

    /** The version an {@code If-Match} names ({@code "7"} or {@code W/"7"}); empty without one or for {@code *}. */
    static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw new InvalidCaseCommandException(
                    "If-Match", "If-Match must be the ETag of the case (e.g. \"3\"), not " + ifMatch);
        }
    }

    private String actor() {
        return CallerFromToken.of(identity).username();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCaseCommandException(
                    field,
                    field + " must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", "))
                            + ", not '" + value + "'");
        }
    }
}

package io.socaas.cases.casefile.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.socaas.cases.casefile.domain.CaseAccessPolicy;
import io.socaas.cases.casefile.domain.CaseFileService;
import io.socaas.cases.casefile.domain.CaseStatus;
import io.socaas.cases.casefile.domain.InvalidCaseQueryException;
import io.socaas.cases.casefile.domain.TenantScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Cases, scoped to the caller: customer users see their organization's cases only; MSSP staff see
 * every tenant's, optionally narrowed with {@code ?tenant=}.
 */
@Path("/api/v1/cases")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
@SecurityRequirement(name = "keycloak")
@APIResponse(
        responseCode = "401",
        description = "No or invalid bearer token",
        content = @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
@APIResponse(
        responseCode = "403",
        description = "The caller may not read cases in that scope",
        content = @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
public class CaseResource {

    private static final String MDC_TENANT = "tenant";

    private final CaseFileService cases;
    private final SecurityIdentity identity;

    public CaseResource(CaseFileService cases, SecurityIdentity identity) {
        this.cases = cases;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List cases, most recent activity first")
    @APIResponse(
            responseCode = "200",
            description = "The cases",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = CaseJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "Unknown status, malformed tenant or negative limit",
            content =
                    @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public Uni<List<CaseJson>> list(
            @Parameter(description = "Only cases in these states (repeatable)", example = "open") @RestQuery("status")
                    List<String> status,
            @Parameter(description = "MSSP staff: only this tenant's cases; customers: their own tenant only")
                    @RestQuery("tenant")
                    String tenant,
            @Parameter(
                            description = "Maximum number of cases (default 100, at most 500)",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    @RestQuery("limit")
                    String limit) {
        return scoped(
                Optional.ofNullable(tenant),
                scope -> cases.list(scope, statuses(status), limitOf(limit))
                        .map(found -> found.stream().map(CaseJson::from).toList()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One case")
    @APIResponse(
            responseCode = "200",
            description = "The case",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such case in the caller's scope",
            content =
                    @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public Uni<org.jboss.resteasy.reactive.RestResponse<CaseJson>> get(@RestPath String id) {
        return scoped(Optional.empty(), scope -> cases.get(scope, id).map(CaseCommandResource::withEtag));
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(
            summary = "The case's timeline, oldest first",
            description = "Every change: who, when, what, before and after. Customers see the entries visible to"
                    + " them; MSSP staff see internal comments too.")
    @APIResponse(
            responseCode = "200",
            description = "The timeline",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = CaseCommandResource.TimelineJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such case in the caller's scope",
            content =
                    @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public Uni<List<CaseCommandResource.TimelineJson>> timeline(@RestPath String id) {
        boolean staff = identity.getRoles().stream().anyMatch(CaseAccessPolicy.MSSP_ROLES::contains);
        return scoped(Optional.empty(), scope -> cases.timeline(scope, id, staff))
                .map(entries -> entries.stream()
                        .map(CaseCommandResource.TimelineJson::of)
                        .toList());
    }

    /** The limit as a number; text that is not one is a bad query, not an unknown resource. */
    static Integer limitOf(String limit) {
        if (limit == null || limit.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(limit.trim());
        } catch (NumberFormatException e) {
            throw new InvalidCaseQueryException("limit must be a whole number, got '" + limit + "'");
        }
    }

    private <T> Uni<T> scoped(Optional<String> requestedTenant, Function<TenantScope, Uni<T>> work) {
        return Uni.createFrom()
                .<T>deferred(() -> {
                    TenantScope scope = CaseAccessPolicy.scopeFor(CallerFromToken.of(identity), requestedTenant);
                    if (scope instanceof TenantScope.OneTenant one) {
                        MDC.put(MDC_TENANT, one.tenant().value());
                    }
                    return work.apply(scope);
                })
                .eventually(() -> MDC.remove(MDC_TENANT));
    }

    private static Set<CaseStatus> statuses(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return Set.of();
        }
        Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
        for (String value : requested) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                statuses.add(CaseStatus.fromWireName(part)
                        .orElseThrow(() -> new InvalidCaseQueryException(
                                "unknown status '" + part.trim() + "': expected open, acknowledged or resolved")));
            }
        }
        return statuses;
    }
}

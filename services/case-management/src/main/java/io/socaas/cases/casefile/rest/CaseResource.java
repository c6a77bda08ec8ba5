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
public class CaseResource {

    private static final String MDC_TENANT = "tenant";

    private final CaseFileService cases;
    private final SecurityIdentity identity;
    private final CallerScopes scopes;

    public CaseResource(CaseFileService cases, SecurityIdentity identity, CallerScopes scopes) {
        this.scopes = scopes;
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

    /** An observable of a case. */
    @Schema(name = "CaseObservable")
    public record ObservableJson(
            @Schema(enumeration = {"ip", "user", "host", "domain", "url", "hash", "email", "file"})
            String type,

            String value,

            @Schema(description = "Event fields it was read from")
            List<String> fields,

            @Schema(description = "The alerts that brought it")
            List<String> alerts,

            @com.fasterxml.jackson.annotation.JsonProperty("first_seen")
            String firstSeen,

            @com.fasterxml.jackson.annotation.JsonProperty("last_seen")
            String lastSeen) {

        static ObservableJson of(io.socaas.cases.casefile.domain.CaseObservable o) {
            return new ObservableJson(
                    o.type(),
                    o.value(),
                    o.fields(),
                    o.alertIds(),
                    o.firstSeen() == null ? null : o.firstSeen().toString(),
                    o.lastSeen() == null ? null : o.lastSeen().toString());
        }
    }

    @GET
    @Path("/{id}/observables")
    @Operation(
            summary = "What the case's alerts name: IPs, users, hosts, domains, URLs, hashes",
            description = "Each with the alerts that brought it and the event fields it was read from.")
    @APIResponse(
            responseCode = "200",
            description = "The observables, by type and value",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ObservableJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such case in the caller's scope",
            content =
                    @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public Uni<List<ObservableJson>> observables(@RestPath String id) {
        return scoped(Optional.empty(), scope -> cases.observables(scope, id))
                .map(found -> found.stream().map(ObservableJson::of).toList());
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
        return scopes.of(identity, requestedTenant)
                .chain(scope -> {
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

package io.socaas.cases.analysts.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.socaas.audittrail.AuditDetails;
import io.socaas.cases.analysts.domain.AnalystProfile;
import io.socaas.cases.analysts.domain.InvalidAnalystProfileException;
import io.socaas.cases.analysts.json.AnalystJson;
import io.socaas.cases.analysts.persistence.AnalystRepository;
import io.socaas.cases.casefile.domain.CaseAccessDeniedException;
import io.socaas.cases.casefile.domain.CaseAccessPolicy;
import io.socaas.cases.casefile.domain.KnownTenants;
import io.socaas.cases.casefile.rest.CallerScopes;
import io.socaas.cases.casefile.rest.ProblemJson;
import io.socaas.events.TenantId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The analyst pool: SOC managers keep each analyst's entitled tenants, tier, skills, capacity and
 * rota; an analyst reads its own profile.
 */
@Path("/api/v1/analysts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analysts")
@SecurityRequirement(name = "keycloak")
public class AnalystResource {

    private final AnalystRepository analysts;
    private final KnownTenants tenants;
    private final SecurityIdentity identity;
    private final Clock clock = Clock.systemUTC();

    public AnalystResource(AnalystRepository analysts, KnownTenants tenants, SecurityIdentity identity) {
        this.analysts = analysts;
        this.tenants = tenants;
        this.identity = identity;
    }

    /** A profile with the unresolved cases the analyst holds now. */
    @Schema(name = "AnalystStanding")
    public record StandingJson(
            @JsonUnwrapped AnalystJson profile,

            @JsonProperty("open_cases") @Schema(description = "Unresolved cases the analyst holds now")
            int openCases) {}

    @GET
    @RolesAllowed({"soc-manager", "mssp-admin"})
    @Operation(summary = "Every analyst profile, with the cases each holds now")
    @APIResponse(
            responseCode = "200",
            description = "The pool",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = StandingJson.class)))
    public Uni<List<StandingJson>> list() {
        return analysts.all()
                .chain(all -> analysts.openCasesByAssignee()
                        .map(load -> all.stream()
                                .map(p -> new StandingJson(AnalystJson.of(p), load.getOrDefault(p.username(), 0)))
                                .toList()));
    }

    @GET
    @Path("{username}")
    @RolesAllowed({"analyst", "soc-manager", "mssp-admin"})
    @Operation(summary = "One analyst's profile (an analyst reads its own)")
    @APIResponse(
            responseCode = "200",
            description = "The profile",
            content = @Content(schema = @Schema(implementation = StandingJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No profile of that name",
            content =
                    @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public Uni<StandingJson> get(@PathParam("username") String username) {
        boolean manager = identity.getRoles().stream().anyMatch(CaseAccessPolicy.ALL_TENANT_ROLES::contains);
        if (!manager && !username.equals(CallerScopes.username(identity))) {
            return Uni.createFrom().failure(new CaseAccessDeniedException("an analyst reads only its own profile"));
        }
        return analysts.find(username)
                .map(found -> found.orElseThrow(() -> new NotFoundException("no analyst profile '" + username + "'")))
                .chain(p -> analysts.openCasesByAssignee()
                        .map(load -> new StandingJson(AnalystJson.of(p), load.getOrDefault(p.username(), 0))));
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"soc-manager", "mssp-admin"})
    @Operation(summary = "Create or replace an analyst's profile")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = AnalystJson.class)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = AnalystJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or wrong (the problem names it), or a tenant does not exist",
            content =
                    @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public Uni<RestResponse<AnalystJson>> put(@PathParam("username") String username, AnalystJson body) {
        return Uni.createFrom().deferred(() -> {
            if (body == null) {
                throw new InvalidAnalystProfileException("body", "a profile is required");
            }
            if (body.username() != null && !body.username().equals(username)) {
                throw new InvalidAnalystProfileException(
                        "username", "the body names " + body.username() + ", the path " + username);
            }
            AnalystProfile profile = body.toProfile(username);
            for (TenantId t : profile.tenants()) {
                if (!tenants.mayExist(t)) {
                    throw new InvalidAnalystProfileException("tenants", "tenant " + t + " does not exist");
                }
            }
            // the audit trail gets the profile before and after (a profile names no tenant of its own)
            return analysts.find(username)
                    .invoke(before -> AuditDetails.current()
                            .target("analyst " + username)
                            .before(before.map(AnalystJson::of).orElse(null))
                            .after(AnalystJson.of(profile)))
                    .chain(() -> analysts.put(profile, CallerScopes.username(identity), clock.instant()))
                    .map(created -> RestResponse.status(
                            created ? RestResponse.Status.CREATED : RestResponse.Status.OK, AnalystJson.of(profile)));
        });
    }

    @DELETE
    @Path("{username}")
    @RolesAllowed({"soc-manager", "mssp-admin"})
    @Operation(summary = "Remove an analyst's profile: it then sees no tenant and gets no case")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(
            responseCode = "404",
            description = "No profile of that name",
            content =
                    @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
    public Uni<RestResponse<Void>> delete(@PathParam("username") String username) {
        return analysts.find(username)
                .invoke(before -> AuditDetails.current()
                        .target("analyst " + username)
                        .before(before.map(AnalystJson::of).orElse(null)))
                .chain(() -> analysts.delete(username))
                .map(deleted -> {
                    if (!deleted) {
                        throw new NotFoundException("no analyst profile '" + username + "'");
                    }
                    return RestResponse.<Void>noContent();
                });
    }
}

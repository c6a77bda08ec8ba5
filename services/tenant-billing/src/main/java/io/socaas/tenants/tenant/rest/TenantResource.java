package io.socaas.tenants.tenant.rest;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.tenants.logging.TenantLogContext;
import io.socaas.tenants.problem.Problem;
import io.socaas.tenants.tenant.TenantService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants", description = "Customers of the MSSP")
@RolesAllowed({"mssp-admin", "soc-manager", "analyst"})
public class TenantResource {

    private final TenantService tenants;

    TenantResource(TenantService tenants) {
        this.tenants = tenants;
    }

    @GET
    @Operation(summary = "List all tenants", description = "MSSP staff only (mssp-admin, soc-manager, analyst).")
    @APIResponse(
            responseCode = "200",
            description = "All tenants, ordered by id",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            implementation = TenantView.class,
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .ARRAY)))
    @APIResponse(
            responseCode = "401",
            description = "No or invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not MSSP staff",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<TenantView>> list() {
        return tenants.list().map(all -> all.stream().map(TenantView::of).toList());
    }

    @GET
    @Path("/{tenantId}")
    @Operation(summary = "Get one tenant")
    @APIResponse(
            responseCode = "200",
            description = "The tenant",
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(
            responseCode = "401",
            description = "No or invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not MSSP staff",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TenantView> get(
            @Parameter(description = "Tenant id (slug)", example = "acme") @PathParam("tenantId") String tenantId) {
        TenantId id = TenantIds.fromPath(tenantId);
        return TenantLogContext.withTenant(id, () -> tenants.get(id).map(TenantView::of));
    }
}

package io.socaas.tenants.audit.rest;

import io.smallrye.mutiny.Uni;
import io.socaas.tenants.access.TenantReaders;
import io.socaas.tenants.audit.AuditLog;
import io.socaas.tenants.problem.Problem;
import io.socaas.tenants.tenant.rest.TenantIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One tenant's share of the audit trail: mssp-admin, or a customer admin of that tenant's own
 * organization. Its own class: a resource whose class path is /api/v1 would lose the match of
 * /api/v1/tenants/... to the tenant resources.
 */
@Path("/api/v1/tenants/{tenantId}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what, when, in every service")
public class TenantAuditResource {

    private final AuditLog audit;
    private final TenantReaders readers;

    TenantAuditResource(AuditLog audit, TenantReaders readers) {
        this.audit = audit;
        this.readers = readers;
    }

    @GET
    @RolesAllowed({TenantReaders.MSSP_ADMIN, TenantReaders.CUSTOMER_ADMIN})
    @Operation(
            summary = "Read one tenant's audit trail",
            description = "The tenant's entries of every service, oldest first, at most 1000. Role mssp-admin, or"
                    + " customer-admin of the tenant's own organization.")
    @APIResponse(
            responseCode = "200",
            description = "The entries",
            content = @Content(schema = @Schema(implementation = AuditEntryView.class, type = SchemaType.ARRAY)))
    @APIResponse(
            responseCode = "400",
            description = "Bad tenant id, from or to is not an RFC 3339 time, or from is not before to",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Neither mssp-admin nor a customer admin of this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<AuditEntryView>> findOfTenant(
            @Parameter(description = "Tenant id (slug)", example = "acme") @PathParam("tenantId") String tenantId,
            @Parameter(description = "Only this service's entries", example = "case-management") @QueryParam("service")
                    String service,
            @Parameter(description = "Only this actor's entries (user name)") @QueryParam("actor") String actor,
            @Parameter(description = "From (inclusive), RFC 3339; default 30 days before 'to'") @QueryParam("from")
                    String from,
            @Parameter(description = "To (exclusive), RFC 3339; default now") @QueryParam("to") String to) {
        var id = TenantIds.fromPath(tenantId);
        readers.requireAuditRead(id);
        return AuditResource.read(audit, id.value(), service, actor, from, to);
    }
}

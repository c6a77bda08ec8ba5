package io.socaas.tenants.ingestkey.rest;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.tenants.ingestkey.IngestKeyService;
import io.socaas.tenants.logging.TenantLogContext;
import io.socaas.tenants.problem.Problem;
import io.socaas.tenants.tenant.rest.TenantIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tenants/{tenantId}/ingest-keys")
@Tag(name = "Ingest keys", description = "Credentials of a tenant's log sources")
@RolesAllowed("mssp-admin")
public class IngestKeyResource {

    private final IngestKeyService keys;

    IngestKeyResource(IngestKeyService keys) {
        this.keys = keys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Issue an ingest key for one log source",
            description = "Returns the secret key once; only its SHA-256 is stored. Role mssp-admin.")
    @APIResponse(
            responseCode = "201",
            description = "Key issued",
            content = @Content(schema = @Schema(implementation = IssuedIngestKeyResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Missing or invalid source_name, or a malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "401",
            description = "No or invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Caller is not mssp-admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> issue(
            @Parameter(description = "Tenant id (slug)", example = "acme") @PathParam("tenantId") String tenantId,
            @Valid @NotNull IssueIngestKeyRequest request) {
        TenantId id = TenantIds.fromPath(tenantId);
        return TenantLogContext.withTenant(
                id,
                () -> keys.issue(id, request.sourceName())
                        .map(issued -> Response.status(Response.Status.CREATED)
                                .entity(IssuedIngestKeyResponse.of(issued))
                                .build()));
    }

    @DELETE
    @Path("/{keyId}")
    @Operation(
            summary = "Revoke an ingest key",
            description = "Idempotent. Role mssp-admin. Ingestion caches key resolutions for up to 60 s"
                    + " (socaas.ingestion.tenant-directory.cache-ttl): the key stops working within that time.")
    @APIResponse(responseCode = "204", description = "Key revoked (or already revoked)")
    @APIResponse(
            responseCode = "401",
            description = "No or invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Caller is not mssp-admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such tenant, or the tenant has no such key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> revoke(
            @Parameter(description = "Tenant id (slug)", example = "acme") @PathParam("tenantId") String tenantId,
            @Parameter(description = "Key id", example = "ik_01jd5x3q6m8k2v7c9r4t0w1y2z") @PathParam("keyId")
                    String keyId) {
        TenantId id = TenantIds.fromPath(tenantId);
        return TenantLogContext.withTenant(id, () -> keys.revoke(id, keyId));
    }
}

package io.socaas.tenants.lifecycle.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import io.socaas.audittrail.AuditDetails;
import io.socaas.events.TenantId;
import io.socaas.tenants.lifecycle.LifecycleService;
import io.socaas.tenants.lifecycle.domain.LifecycleAction;
import io.socaas.tenants.logging.TenantLogContext;
import io.socaas.tenants.problem.Problem;
import io.socaas.tenants.tenant.TenantService;
import io.socaas.tenants.tenant.rest.TenantIds;
import io.socaas.tenants.tenant.rest.TenantView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tenants")
@Tag(name = "Lifecycle", description = "Suspend, resume and offboard tenants")
@RolesAllowed("mssp-admin")
public class LifecycleResource {

    public static final String ZIP = "application/zip";

    private final LifecycleService lifecycle;

    private final TenantService tenants;

    LifecycleResource(LifecycleService lifecycle, TenantService tenants) {
        this.tenants = tenants;
        this.lifecycle = lifecycle;
    }

    @POST
    @Path("/{tenantId: [a-z0-9-]+}:suspend")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Suspend a tenant",
            description = "Ingestion refuses its keys, the portal is read-only, data is kept. Idempotent. A restart or"
                    + " the tenant-config sync never undoes it. Role mssp-admin.")
    @APIResponse(
            responseCode = "200",
            description = "The tenant, suspended",
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The tenant is not active (e.g. still provisioning)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TenantView> suspend(@Parameter(example = "initech") @PathParam("tenantId") String tenantId) {
        return change(tenantId, LifecycleAction.SUSPEND);
    }

    @POST
    @Path("/{tenantId: [a-z0-9-]+}:resume")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resume a suspended tenant", description = "Idempotent. Role mssp-admin.")
    @APIResponse(
            responseCode = "200",
            description = "The tenant, active",
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The tenant is not suspended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TenantView> resume(@Parameter(example = "initech") @PathParam("tenantId") String tenantId) {
        return change(tenantId, LifecycleAction.RESUME);
    }

    @POST
    @Path("/{tenantId: [a-z0-9-]+}:offboard")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Offboard a tenant",
            description = "Status offboarding, an export archive (tenant record, ingest key metadata, cases; download"
                    + " it at /export), then the purge of its indices, ingest keys, Keycloak organization and users,"
                    + " namespace and record, and a tombstone on soc.tenants.v1. If the export cannot be made nothing"
                    + " is purged; offboarding again resumes. Role mssp-admin.")
    @APIResponse(
            responseCode = "200",
            description = "Exported and purged",
            content = @Content(schema = @Schema(implementation = OffboardedView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The tenant is still provisioning, or a file of tenant-config/ declares it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "The export or the purge could not be completed (member 'stage'); the tenant stays"
                    + " offboarding",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OffboardedView> offboard(@Parameter(example = "initech") @PathParam("tenantId") String tenantId) {
        TenantId id = TenantIds.fromPath(tenantId);
        // the audit trail: the tenant before, and what offboarding left (its export and what it purged)
        AuditDetails details = AuditDetails.current().target("tenant " + id);
        return tenants.get(id)
                .invoke(before -> details.before(TenantView.of(before)))
                .chain(() -> lifecycle.offboardInBackground(id))
                .map(done -> new OffboardedView(
                        done.tenantId(),
                        "purged",
                        "/api/v1/tenants/" + done.tenantId() + "/export",
                        done.exportSha256(),
                        done.purged()))
                .invoke(view -> details.after(view));
    }

    @GET
    @Path("/{tenantId}/export")
    @Produces({ZIP, Problem.MEDIA_TYPE})
    @Operation(
            summary = "Download the offboarding export",
            description = "A zip with tenant.json, ingest-keys.json and cases.json; kept after the purge. Role"
                    + " mssp-admin.")
    @APIResponse(responseCode = "200", description = "The archive", content = @Content(mediaType = ZIP))
    @APIResponse(
            responseCode = "404",
            description = "The tenant has no export",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> export(@Parameter(example = "initech") @PathParam("tenantId") String tenantId) {
        TenantId id = TenantIds.fromPath(tenantId);
        return lifecycle
                .export(id)
                .map(export -> Response.ok(export.archive, ZIP)
                        .header("Content-Disposition", "attachment; filename=\"tenant-" + id + "-export.zip\"")
                        .header("Digest", "sha-256=" + export.sha256)
                        .build());
    }

    private Uni<TenantView> change(String tenantId, LifecycleAction action) {
        TenantId id = TenantIds.fromPath(tenantId);
        // the audit trail: the tenant before and after (its status, revision, time of change)
        AuditDetails details = AuditDetails.current().target("tenant " + id);
        return TenantLogContext.withTenant(
                id,
                () -> tenants.get(id)
                        .invoke(before -> details.before(TenantView.of(before)))
                        .chain(() -> lifecycle.change(id, action))
                        .map(TenantView::of)
                        .invoke(view -> details.after(view)));
    }

    /** What offboarding did. */
    @Schema(name = "Offboarded")
    public record OffboardedView(
            @JsonProperty("tenant_id") String tenantId,

            @JsonProperty("status") @Schema(enumeration = "purged")
            String status,

            @JsonProperty("export") @Schema(description = "Where to download the export")
            String export,

            @JsonProperty("export_sha256") String exportSha256,

            @JsonProperty("purged") @Schema(description = "What was purged, in order")
            List<String> purged) {}
}

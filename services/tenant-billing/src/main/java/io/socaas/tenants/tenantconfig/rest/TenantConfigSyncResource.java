package io.socaas.tenants.tenantconfig.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import io.socaas.tenants.problem.Problem;
import io.socaas.tenants.tenantconfig.TenantConfigSync;
import io.socaas.tenants.tenantconfig.domain.SyncReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Applies the tenant-config folder on demand ({@code ./soc tenants apply}). */
@Path("/api/v1/tenant-config/sync")
@Tag(name = "Tenant config", description = "The GitOps folder of plans and tenants")
@RolesAllowed("mssp-admin")
public class TenantConfigSyncResource {

    private final TenantConfigSync sync;

    TenantConfigSyncResource(TenantConfigSync sync) {
        this.sync = sync;
    }

    /** What a sync applied. */
    @Schema(name = "TenantConfigSync")
    public record SyncView(
            @JsonProperty("tenants") @Schema(description = "Tenants the folder declares")
            List<String> tenants,

            @JsonProperty("changed") @Schema(description = "Tenants inserted or changed, then published")
            List<String> changed,

            @JsonProperty("finished_time") Instant finishedTime) {}

    @POST
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(
            summary = "Apply the tenant-config folder now",
            description = "Validates plans.yaml and every tenants/*.yaml as a whole. When any file is invalid"
                    + " nothing is applied and the answer names each file, line and reason. Otherwise the tenants"
                    + " are written in one transaction and every changed tenant is published on soc.tenants.v1."
                    + " Statuses set through the API (suspended, ...) are kept. Role mssp-admin.")
    @APIResponse(
            responseCode = "200",
            description = "Applied",
            content = @Content(schema = @Schema(implementation = SyncView.class)))
    @APIResponse(
            responseCode = "422",
            description = "Refused: an invalid file; nothing applied (member errors: file and reason of each)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> apply(UriInfo uri) {
        return sync.sync().map(report -> report.succeeded() ? applied(report) : refused(report, uri));
    }

    private static Response applied(SyncReport report) {
        return Response.ok(new SyncView(report.loaded(), report.changed(), report.finishedAt()))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    private static Response refused(SyncReport report, UriInfo uri) {
        Problem problem = Problem.of(
                        "tenant-config-invalid", "Tenant config refused", 422, report.failure(), uri.getPath())
                .with(
                        "errors",
                        report.errors().stream()
                                .map(e -> Map.of("file", e.file(), "reason", e.reason()))
                                .toList());
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

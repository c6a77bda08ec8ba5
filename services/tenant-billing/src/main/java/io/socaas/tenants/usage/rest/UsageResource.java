package io.socaas.tenants.usage.rest;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.tenants.access.TenantReaders;
import io.socaas.tenants.logging.TenantLogContext;
import io.socaas.tenants.problem.Problem;
import io.socaas.tenants.tenant.rest.TenantIds;
import io.socaas.tenants.usage.UsageService;
import io.socaas.tenants.usage.domain.UsagePeriod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tenants/{tenantId}/usage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Usage", description = "Metered intake of a tenant, per day of its time zone")
@RolesAllowed({
    TenantReaders.MSSP_ADMIN,
    TenantReaders.SOC_MANAGER,
    TenantReaders.SALES,
    TenantReaders.CUSTOMER_ADMIN,
    TenantReaders.CUSTOMER_VIEWER
})
public class UsageResource {

    private final UsageService usage;
    private final TenantReaders readers;

    UsageResource(UsageService usage, TenantReaders readers) {
        this.usage = usage;
        this.readers = readers;
    }

    @GET
    @Operation(
            summary = "Daily usage of a tenant",
            description = "Events accepted, raw bytes and events refused by quota per day of the tenant's time"
                    + " zone, every day of the range (both ends included, at most 366 days), zero days too."
                    + " Roles mssp-admin, soc-manager, sales; customer-admin and customer-viewer for their own"
                    + " organization only.")
    @APIResponse(
            responseCode = "200",
            description = "One entry per day",
            content = @Content(schema = @Schema(implementation = UsageView.class)))
    @APIResponse(
            responseCode = "400",
            description = "'from' or 'to' missing, malformed or reversed, or the range too long; the member"
                    + " 'parameter' names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not allowed to read this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<UsageView> daily(
            @Parameter(description = "Tenant id (slug)", example = "acme") @PathParam("tenantId") String tenantId,
            @Parameter(
                            description = "First day, YYYY-MM-DD (tenant time zone)",
                            example = "2026-03-01",
                            required = true)
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Last day, YYYY-MM-DD, included", example = "2026-03-31", required = true)
                    @QueryParam("to")
                    String to) {
        TenantId id = TenantIds.fromPath(tenantId);
        readers.requireRead(id);
        UsagePeriod period = UsagePeriod.parse(from, to);
        return TenantLogContext.withTenant(id, () -> usage.daily(id, period).map(UsageView::of));
    }
}

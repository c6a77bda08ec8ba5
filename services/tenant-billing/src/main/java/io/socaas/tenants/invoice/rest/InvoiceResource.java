package io.socaas.tenants.invoice.rest;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.tenants.access.TenantReaders;
import io.socaas.tenants.invoice.InvoiceService;
import io.socaas.tenants.logging.TenantLogContext;
import io.socaas.tenants.problem.Problem;
import io.socaas.tenants.tenant.rest.TenantIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tenants/{tenantId}/invoices")
@Tag(name = "Invoices", description = "Monthly invoices: prorated fee, data overage, SLA service credits")
@RolesAllowed({
    TenantReaders.MSSP_ADMIN,
    TenantReaders.SOC_MANAGER,
    TenantReaders.SALES,
    TenantReaders.CUSTOMER_ADMIN,
    TenantReaders.CUSTOMER_VIEWER
})
public class InvoiceResource {

    private static final String ROLES = " Roles mssp-admin, soc-manager, sales; customer-admin and customer-viewer for"
            + " their own organization only.";

    private final InvoiceService invoices;
    private final TenantReaders readers;

    InvoiceResource(InvoiceService invoices, TenantReaders readers) {
        this.invoices = invoices;
        this.readers = readers;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "List a tenant's invoices",
            description = "One per month since the tenant was activated, newest first: issued (locked) for months"
                    + " that have ended, a draft for the running month." + ROLES)
    @APIResponse(
            responseCode = "200",
            description = "The invoices, newest month first",
            content = @Content(schema = @Schema(implementation = InvoiceView.class, type = SchemaType.ARRAY)))
    @APIResponse(
            responseCode = "403",
            description = "Not allowed to read this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<InvoiceView>> list(
            @Parameter(description = "Tenant id (slug)", example = "acme") @PathParam("tenantId") String tenantId) {
        TenantId id = TenantIds.fromPath(tenantId);
        readers.requireRead(id);
        return TenantLogContext.withTenant(
                id,
                () -> invoices.list(id)
                        .map(all -> all.stream().map(InvoiceView::of).toList()));
    }

    @GET
    @Path("/{period}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "One month's invoice",
            description = "JSON by default; send Accept: text/csv for the same invoice as CSV (one row per line and a"
                    + " total row, amounts in major units). A month that has ended is issued and locked; the running"
                    + " month is a draft." + ROLES)
    @APIResponse(
            responseCode = "200",
            description = "The invoice",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvoiceView.class)),
                @Content(
                        mediaType = InvoiceCsv.MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, description = "Header: " + InvoiceCsv.HEADER))
            })
    @APIResponse(
            responseCode = "400",
            description = "The period is not a month YYYY-MM (member 'parameter' = period)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not allowed to read this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such tenant, or no invoice for that month (not active then, or not begun)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InvoiceView> get(
            @Parameter(description = "Tenant id (slug)", example = "acme") @PathParam("tenantId") String tenantId,
            @Parameter(description = "Month, YYYY-MM", example = "2026-03") @PathParam("period") String period) {
        TenantId id = TenantIds.fromPath(tenantId);
        readers.requireRead(id);
        YearMonth month = InvoiceService.month("period", period);
        return TenantLogContext.withTenant(id, () -> invoices.get(id, month).map(InvoiceView::of));
    }

    /** The same invoice as CSV, chosen by {@code Accept: text/csv}. */
    @GET
    @Path("/{period}")
    @Produces(InvoiceCsv.MEDIA_TYPE)
    @Operation(hidden = true)
    public Uni<String> getCsv(@PathParam("tenantId") String tenantId, @PathParam("period") String period) {
        TenantId id = TenantIds.fromPath(tenantId);
        readers.requireRead(id);
        YearMonth month = InvoiceService.month("period", period);
        return TenantLogContext.withTenant(id, () -> invoices.get(id, month).map(InvoiceCsv::of));
    }
}

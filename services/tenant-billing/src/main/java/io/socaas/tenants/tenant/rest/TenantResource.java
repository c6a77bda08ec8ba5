package io.socaas.tenants.tenant.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.socaas.access.TenantReach;
import io.socaas.audittrail.AuditHttpFilter;
import io.socaas.audittrail.AuditRecord;
import io.socaas.audittrail.AuditTrail;
import io.socaas.events.TenantId;
import io.socaas.tenants.access.TenantReaders;
import io.socaas.tenants.logging.TenantLogContext;
import io.socaas.tenants.onboarding.OnboardingService;
import io.socaas.tenants.onboarding.TenantDetailsView;
import io.socaas.tenants.problem.Problem;
import io.socaas.tenants.security.Caller;
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
@RolesAllowed({"mssp-admin", "soc-manager", "analyst", "sales"})
public class TenantResource {

    private final TenantService tenants;
    private final OnboardingService onboarding;
    private final SecurityIdentity identity;
    private final TenantReaders readers;

    private final AuditTrail trail;

    TenantResource(
            TenantService tenants,
            OnboardingService onboarding,
            SecurityIdentity identity,
            TenantReaders readers,
            AuditTrail trail) {
        this.trail = trail;
        this.tenants = tenants;
        this.onboarding = onboarding;
        this.identity = identity;
        this.readers = readers;
    }

    @GET
    @Operation(
            summary = "List the tenants the caller may see",
            description = "MSSP staff only: mssp-admin, soc-manager and sales see every tenant, an analyst the"
                    + " tenants its entitlement names (none without one).")
    @APIResponse(
            responseCode = "200",
            description = "The caller's tenants, ordered by id",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            implementation = TenantView.class,
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .ARRAY)))
    @APIResponse(
            responseCode = "403",
            description = "Not MSSP staff",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<TenantView>> list() {
        TenantReach reach = readers.reach();
        return tenants.list("tenant list for MSSP staff, filtered by the caller's reach")
                .map(all -> all.stream()
                        .filter(tenant -> reach.includes(tenant.id().value()))
                        .map(TenantView::of)
                        .toList());
    }

    @GET
    @Path("/{tenantId}")
    @Operation(
            summary = "Get one tenant",
            description = "With its provisioning when it was onboarded through the API. The credentials the"
                    + " provisioning made (first admin's one-time password, first ingest key) are shown once: to the"
                    + " first read after they exist by the caller who asked for the onboarding or by an mssp-admin;"
                    + " that read is written to the audit log. An analyst reads only the tenants of its"
                    + " entitlement.")
    @APIResponse(
            responseCode = "200",
            description = "The tenant",
            content = @Content(schema = @Schema(implementation = TenantDetailsView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Not MSSP staff, or an analyst not entitled to the tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TenantDetailsView> get(
            @Parameter(description = "Tenant id (slug)", example = "acme") @PathParam("tenantId") String tenantId,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.container.ContainerRequestContext request) {
        TenantId id = TenantIds.fromPath(tenantId);
        readers.requireRead(id);
        String requestId = AuditHttpFilter.requestId(request);
        String traceId = AuditTrail.currentTraceId();
        return TenantLogContext.withTenant(
                id,
                () -> onboarding
                        .details(id, Caller.of(identity), identity.hasRole("mssp-admin"))
                        // taking the one-time credentials is a change (they are gone afterwards): audited
                        .call(view -> view.initialCredentials() == null
                                ? Uni.createFrom().voidItem()
                                : trail.recordOrLog(new AuditRecord(
                                        java.time.Instant.now(),
                                        trail.service(),
                                        AuditTrail.actorOf(identity),
                                        id.value(),
                                        "GET /api/v1/tenants/{tenantId} took the one-time credentials",
                                        "admin " + view.initialCredentials().adminUsername() + ", ingest key "
                                                + view.initialCredentials().ingestKeyId(),
                                        null,
                                        null,
                                        requestId,
                                        traceId,
                                        200,
                                        AuditRecord.SUCCEEDED))));
    }
}

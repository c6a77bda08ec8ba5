package io.socaas.tenants.syslogsource.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.socaas.audittrail.AuditDetails;
import io.socaas.events.TenantId;
import io.socaas.tenants.logging.TenantLogContext;
import io.socaas.tenants.problem.Problem;
import io.socaas.tenants.syslogsource.SyslogSourceService;
import io.socaas.tenants.syslogsource.domain.SyslogSourceNotFoundException;
import io.socaas.tenants.tenant.domain.SyslogSourceRules;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.domain.TenantSettings;
import io.socaas.tenants.tenant.domain.TenantSource;
import io.socaas.tenants.tenant.rest.TenantIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tenants/{tenantId}/syslog-sources")
@Tag(
        name = "Syslog sources",
        description = "A tenant's syslog sources bound by a listener port of their own or TLS client certificates")
@RolesAllowed({"mssp-admin", "sales"})
public class SyslogSourceResource {

    private static final Set<String> WRITERS = Set.of("mssp-admin");

    private final SyslogSourceService sources;
    private final SecurityIdentity identity;

    SyslogSourceResource(SyslogSourceService sources, SecurityIdentity identity) {
        this.sources = sources;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "List a tenant's syslog sources",
            description = "Its own ports and client certificate bindings, whether managed through this API or by"
                    + " the tenant's file (managed_by). Roles mssp-admin, sales.")
    @APIResponse(
            responseCode = "200",
            description = "The sources, by name",
            content = @Content(schema = @Schema(implementation = SyslogSourceView.class, type = SchemaType.ARRAY)))
    @APIResponse(
            responseCode = "403",
            description = "Caller is neither mssp-admin nor sales",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<SyslogSourceView>> list(
            @Parameter(description = "Tenant id (slug)", example = "acme") @PathParam("tenantId") String tenantId) {
        TenantId id = TenantIds.fromPath(tenantId);
        return TenantLogContext.withTenant(
                id,
                () -> sources.tenant(id)
                        .map(tenant -> tenant.spec().settings().syslogSources().stream()
                                .sorted(java.util.Comparator.comparing(TenantSettings.SyslogSource::name))
                                .map(source -> view(tenant, source))
                                .toList()));
    }

    @GET
    @Path("/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read one syslog source of a tenant", description = "Roles mssp-admin, sales.")
    @APIResponse(
            responseCode = "200",
            description = "The source",
            content = @Content(schema = @Schema(implementation = SyslogSourceView.class)))
    @APIResponse(
            responseCode = "403",
            description = "Caller is neither mssp-admin nor sales",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such tenant, or the tenant has no such source",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SyslogSourceView> get(
            @Parameter(description = "Tenant id (slug)", example = "acme") @PathParam("tenantId") String tenantId,
            @Parameter(description = "Source name", example = "hq-firewall") @PathParam("name") String name) {
        TenantId id = TenantIds.fromPath(tenantId);
        return TenantLogContext.withTenant(
                id,
                () -> sources.tenant(id)
                        .map(tenant -> tenant.spec().settings().syslogSources().stream()
                                .filter(source -> source.name().equals(name))
                                .findFirst()
                                .map(source -> view(tenant, source))
                                .orElseThrow(() -> new SyslogSourceNotFoundException(id, name))));
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("mssp-admin")
    @Operation(
            summary = "Add or replace a syslog source of an API tenant",
            description = "Gives the source a listener port of its own and/or binds TLS client certificates to the"
                    + " tenant. Published with the tenant's next revision on soc.tenants.v1: ingestion opens the"
                    + " port within seconds (and closes a port the source no longer has). A port or certificate"
                    + " another source holds is refused (409). A file tenant's sources are its file's (409)."
                    + " Role mssp-admin.")
    @APIResponse(
            responseCode = "201",
            description = "Source added",
            content = @Content(schema = @Schema(implementation = SyslogSourceView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Source replaced",
            content = @Content(schema = @Schema(implementation = SyslogSourceView.class)))
    @APIResponse(
            responseCode = "400",
            description = "A bad member (named in violations): port outside the tenant port range or reserved by"
                    + " the platform, fingerprint not 64 hex digits, subject no DN, time zone not an IANA zone, neither port nor certificates,"
                    + " or a malformed body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The port or a certificate is held by another source (claims names each and its"
                    + " holder), the tenant's sources are managed by its file, or the tenant is being offboarded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> put(
            @Parameter(description = "Tenant id (slug)", example = "acme") @PathParam("tenantId") String tenantId,
            @Parameter(description = "Source name (recorded as metadata.log_source)", example = "hq-firewall")
                    @PathParam("name")
                    String name,
            @NotNull SyslogSourceRequest request) {
        TenantId id = TenantIds.fromPath(tenantId);
        TenantSettings.SyslogSource source = SyslogSourceRules.source(
                name,
                request.port(),
                request.clientCertificates() == null
                        ? null
                        : request.clientCertificates().stream()
                                .map(c -> c == null
                                        ? null
                                        : new SyslogSourceRules.CertificateInput(c.sha256Fingerprint(), c.subjectDn()))
                                .toList(),
                request.timeZone());
        boolean disclose = WRITERS.stream().anyMatch(identity::hasRole);
        AuditDetails details = AuditDetails.current().target("syslog source " + name);
        return TenantLogContext.withTenant(
                id,
                () -> existing(id, name)
                        .invoke(before -> details.before(before))
                        .chain(() -> sources.put(id, source, disclose))
                        .map(put -> {
                            SyslogSourceView view = SyslogSourceView.of(put.source(), TenantSource.API.value());
                            details.after(view);
                            return put.created()
                                    ? Response.created(URI.create("/api/v1/tenants/" + id + "/syslog-sources/" + name))
                                            .entity(view)
                                            .build()
                                    : Response.ok(view).build();
                        }));
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed("mssp-admin")
    @Operation(
            summary = "Remove a syslog source of an API tenant",
            description = "Published with the tenant's next revision: ingestion closes the source's port (and its"
                    + " connections) and its certificates bind nothing. Role mssp-admin.")
    @APIResponse(responseCode = "204", description = "Source removed")
    @APIResponse(
            responseCode = "404",
            description = "No such tenant, or the tenant has no such source",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The tenant's sources are managed by its file, or the tenant is being offboarded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> remove(
            @Parameter(description = "Tenant id (slug)", example = "acme") @PathParam("tenantId") String tenantId,
            @Parameter(description = "Source name", example = "hq-firewall") @PathParam("name") String name) {
        TenantId id = TenantIds.fromPath(tenantId);
        AuditDetails details = AuditDetails.current().target("syslog source " + name);
        return TenantLogContext.withTenant(
                id,
                () -> existing(id, name)
                        .invoke(before -> details.before(before))
                        .chain(() -> sources.remove(id, name)));
    }

    /** The source as it is now (for the audit trail's before), null when the tenant has none of that name. */
    private Uni<SyslogSourceView> existing(TenantId id, String name) {
        return sources.tenant(id)
                .map(tenant -> tenant.spec().settings().syslogSources().stream()
                        .filter(source -> source.name().equals(name))
                        .findFirst()
                        .map(source -> view(tenant, source))
                        .orElse(null));
    }

    private static SyslogSourceView view(Tenant tenant, TenantSettings.SyslogSource source) {
        return SyslogSourceView.of(
                source, tenant.source() == TenantSource.API ? TenantSource.API.value() : TenantSource.FILE.value());
    }
}

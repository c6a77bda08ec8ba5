package io.socaas.cases.casefile.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.socaas.audittrail.AuditDetails;
import io.socaas.cases.casefile.domain.CaseAlert;
import io.socaas.cases.casefile.domain.CaseFile;
import io.socaas.cases.casefile.domain.CaseFileService;
import io.socaas.cases.casefile.domain.TenantScope;
import io.socaas.cases.casefile.domain.TimelineEntry;
import io.socaas.cases.casefile.export.IncidentFinding;
import io.socaas.cases.notify.Notifications;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.scope.ScopedTransactions;
import io.socaas.tenantfacts.TenantFactsReader;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Hand-off of a case to the customer's CSIRT: the OCSF Incident Finding (JSON) and a PDF summary,
 * downloadable, and sent on request to the tenant's webhooks (signed) and security contacts. Only
 * what the customer may see goes out: internal timeline notes stay inside the MSSP.
 */
@Path("/api/v1/cases")
@Tag(name = "Cases")
@SecurityRequirement(name = "keycloak")
@RolesAllowed({"analyst", "soc-manager"})
@APIResponse(
        responseCode = "404",
        description = "No such case among the caller's tenants",
        content = @Content(mediaType = ProblemJson.MEDIA_TYPE, schema = @Schema(implementation = ProblemJson.class)))
public class CaseExportResource {

    /** Every transaction in a tenant scope (row-level security); a field so the constructor stays as it is. */
    @Inject
    ScopedTransactions scoped;

    private static final String ID = "{id: [0-9a-fA-F-]{36}}";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance summary(
                CaseFile c,
                List<CaseAlert> alerts,
                List<TimelineEntry> timeline,
                List<io.socaas.cases.casefile.domain.CaseObservable> observables,
                String tenantName,
                String generatedAt);
    }

    private final CaseFileService cases;
    private final CallerScopes scopes;
    private final SecurityIdentity identity;
    private final TenantFactsReader<TenantConfig> facts;
    private final Notifications notifications;
    private final ObjectMapper json;
    private final String version;
    private final Clock clock = Clock.systemUTC();

    public CaseExportResource(
            CaseFileService cases,
            CallerScopes scopes,
            SecurityIdentity identity,
            TenantFactsReader<TenantConfig> facts,
            Notifications notifications,
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.cases = cases;
        this.scopes = scopes;
        this.identity = identity;
        this.facts = facts;
        this.notifications = notifications;
        this.json = json;
        this.version = version;
    }

    /** A case with what a customer may see of it. */
    record Export(
            CaseFile caseFile,
            List<CaseAlert> alerts,
            List<TimelineEntry> timeline,
            List<io.socaas.cases.casefile.domain.CaseObservable> observables) {}

    @GET
    @Path(ID + "/export/ocsf")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The case as an OCSF 1.8 Incident Finding (class 2005), for the customer's CSIRT or SIEM")
    @APIResponse(responseCode = "200", description = "The finding")
    public Uni<Map<String, Object>> ocsf(@PathParam("id") String id) {
        return load(id).map(this::finding);
    }

    @GET
    @Path(ID + "/export/pdf")
    @Produces("application/pdf")
    @Operation(summary = "A PDF summary of the case for the customer")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf"))
    public Uni<RestResponse<byte[]>> pdf(@PathParam("id") String id) {
        return load(id).chain(export -> Uni.createFrom()
                        .item(() -> pdfOf(export))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .map(bytes -> RestResponse.ResponseBuilder.ok(bytes, "application/pdf")
                        .header("Content-Disposition", "attachment; filename=\"case-" + id + ".pdf\"")
                        .build());
    }

    /** What was sent. */
    @Schema(name = "CaseHandOff")
    public record HandOffJson(
            @Schema(description = "Signed deliveries of the finding to the tenant's webhooks")
            int webhooks,

            @Schema(description = "E-mails to the tenant's security contacts")
            int emails) {}

    @POST
    @Path(ID + ":hand-off")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Hand the case to the customer's CSIRT",
            description = "The OCSF finding goes to each of the tenant's webhooks (event case.handoff, signed), and an"
                    + " e-mail with the PDF summary and the finding attached to its security contacts; deliveries"
                    + " are retried and listed under notifications.")
    @APIResponse(
            responseCode = "202",
            description = "Queued for delivery",
            content = @Content(schema = @Schema(implementation = HandOffJson.class)))
    public Uni<RestResponse<HandOffJson>> handOff(@PathParam("id") String id) {
        Instant now = clock.instant();
        // the PDF is rendered on a worker; the deliveries are written back on this request's context
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return load(id).chain(export -> Uni.createFrom()
                .item(() -> pdfOf(export))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(command -> {
                    if (context == null) {
                        command.run();
                    } else {
                        context.runOnContext(ignored -> command.run());
                    }
                })
                .chain(pdf -> handOff(export, pdf, now)));
    }

    private Uni<RestResponse<HandOffJson>> handOff(Export export, byte[] pdf, Instant now) {
        CaseFile c = export.caseFile();
        // the audit trail: the hand-off is about the case's tenant
        AuditDetails.current().tenant(c.tenantId().value()).target("case " + c.id().value());
        TenantConfig tenant = facts.get(c.tenantId())
                .orElse(TenantConfig.newBuilder()
                        .setTenantId(c.tenantId().value())
                        .build());
        String finding = write(finding(export));
        String text = "Your managed SOC hands over case " + c.id() + " ("
                + c.severity().wireName() + "): "
                + c.title() + "\n\n" + c.summary() + "\n\nStatus: "
                + c.status().wireName()
                + (c.verdict() == null ? "" : ", verdict " + c.verdict().wireName())
                + "\nAttached: the PDF summary of the case and its OCSF Incident Finding (JSON), which also"
                + " went to your configured webhooks.\n";
        List<Notifications.Attachment> files = List.of(
                new Notifications.Attachment("case-" + c.id() + ".pdf", "application/pdf", pdf),
                new Notifications.Attachment(
                        "case-" + c.id() + "-ocsf.json",
                        "application/json",
                        finding.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return scoped.transaction(
                        io.socaas.scope.TenantScope.of(c.tenantId().value()),
                        () -> notifications
                                .handOff(tenant, c.id().value(), finding, now)
                                .chain(webhooks -> notifications
                                        .countedToContacts(
                                                tenant,
                                                c.id().value(),
                                                "case.handoff",
                                                "Incident hand-off, case " + c.id() + ": " + c.title(),
                                                text,
                                                files,
                                                now)
                                        .map(emails -> new HandOffJson(webhooks, emails))))
                .map(sent -> RestResponse.status(RestResponse.Status.ACCEPTED, sent));
    }

    private Uni<Export> load(String id) {
        return scopes.of(identity, Optional.empty()).chain(scope -> load(scope, id));
    }

    private Uni<Export> load(TenantScope scope, String id) {
        return cases.get(scope, id)
                .chain(c -> cases.alerts(scope, id)
                        .chain(alerts -> cases.timeline(scope, id, false)
                                .chain(timeline -> cases.observables(scope, id)
                                        .map(observables -> new Export(c, alerts, timeline, observables)))));
    }

    private Map<String, Object> finding(Export export) {
        return IncidentFinding.of(export.caseFile(), export.alerts(), export.timeline(), export.observables(), version);
    }

    private String write(Map<String, Object> finding) {
        try {
            return json.writeValueAsString(finding);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an OCSF finding", e);
        }
    }

    private byte[] pdfOf(Export export) {
        CaseFile c = export.caseFile();
        String tenantName = facts.get(c.tenantId())
                .map(TenantConfig::getDisplayName)
                .filter(n -> !n.isBlank())
                .orElse(c.tenantId().value());
        String html = Templates.summary(
                        c,
                        export.alerts(),
                        export.timeline(),
                        export.observables(),
                        tenantName,
                        clock.instant().toString())
                .render();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the case summary as PDF", e);
        }
    }
}

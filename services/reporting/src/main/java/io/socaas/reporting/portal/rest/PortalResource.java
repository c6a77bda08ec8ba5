package io.socaas.reporting.portal.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.socaas.entitlements.CallerTenants;
import io.socaas.events.TenantId;
import io.socaas.reporting.portal.PortalConfig;
import io.socaas.reporting.portal.domain.CaseSummary;
import io.socaas.reporting.portal.domain.CasesUnavailableException;
import io.socaas.reporting.portal.domain.PortalRules;
import io.socaas.reporting.portal.domain.PortalService;
import io.socaas.reporting.portal.domain.RuleFile;
import io.socaas.reporting.portal.domain.RuleNotFoundException;
import io.socaas.reporting.portal.domain.TenantAccessRefusedException;
import io.socaas.reporting.portal.domain.TenantInfo;
import io.socaas.reporting.portal.domain.TenantScope;
import io.socaas.reporting.portal.domain.Viewer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The customer portal: a tenant's open cases and its SLA figures of the month as an HTML page
 * ({@code /portal}) and as JSON ({@code /portal/cases.json}, used by the page's refresh and by API
 * clients with a bearer token; {@code /portal/sla.json}).
 */
@Path("/")
@Tag(name = "portal", description = "Customer portal")
public class PortalResource {

    private static final Logger LOG = Logger.getLogger(PortalResource.class);
    private static final String MDC_TENANT = "tenant";
    private static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    @CheckedTemplate(basePath = "portal")
    static class Templates {
        static native TemplateInstance page(PortalPage page);

        static native TemplateInstance refused(String viewerName, String message);

        static native TemplateInstance signedOut();
    }

    private final PortalService portal;
    private final SecurityIdentity identity;
    private final JsonWebToken accessToken;
    private final PortalRules rules;
    private final PortalConfig config;
    private final CallerTenants callers;

    public PortalResource(
            PortalService portal,
            SecurityIdentity identity,
            JsonWebToken accessToken,
            PortalRules rules,
            PortalConfig config,
            CallerTenants callers) {
        this.portal = portal;
        this.identity = identity;
        this.accessToken = accessToken;
        this.rules = rules;
        this.config = config;
        this.callers = callers;
    }

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(URI.create("/portal")).build();
    }

    @GET
    @Path("portal")
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page(@QueryParam("tenant") String tenant) {
        Viewer viewer = Viewers.of(identity, accessToken, callers);
        TenantScope scope = portal.scope(viewer, Optional.ofNullable(tenant));
        List<TenantInfo> choices = viewer.isMsspStaff()
                ? portal.tenants().stream()
                        .filter(info -> viewer.reach().includes(info.id().value()))
                        .toList()
                : List.of();
        long refresh = config.portal().refreshInterval().toSeconds();
        return switch (scope) {
            case TenantScope.Refused refused -> {
                LOG.debugf("portal refused for %s: %s", viewer.subject(), refused.detail());
                int status = refused.reason() == TenantScope.Reason.UNKNOWN_TENANT ? 404 : 403;
                yield html(status, Templates.refused(viewer.subject(), refusalMessage(refused)));
            }
            case TenantScope.ChooseTenant choose ->
                html(
                        200,
                        Templates.page(new PortalPage(
                                viewer.subject(), true, "", "", choices, List.of(), false, 0, null, false)));
            case TenantScope.Granted granted ->
                withTenant(granted.tenant(), () -> {
                    String name = displayName(granted.tenant());
                    try {
                        List<CaseView> cases = views(portal.openCases(granted.tenant()));
                        SlaView sla = null;
                        try {
                            sla = SlaView.of(portal.slaFigures(granted.tenant(), Optional.empty()));
                        } catch (CasesUnavailableException e) {
                            // the case list is there: show it, and say the figures are missing
                            LOG.error("case service gave no SLA figures", e);
                        }
                        return html(
                                200,
                                Templates.page(new PortalPage(
                                        viewer.subject(),
                                        viewer.isMsspStaff(),
                                        granted.tenant().value(),
                                        name,
                                        choices,
                                        cases,
                                        false,
                                        refresh,
                                        sla,
                                        sla == null)));
                    } catch (TenantAccessRefusedException e) {
                        LOG.debugf("portal refused for %s by the case service: %s", viewer.subject(), e.getMessage());
                        return html(
                                403,
                                Templates.refused(
                                        viewer.subject(),
                                        refusalMessage(new TenantScope.Refused(e.reason(), e.getMessage()))));
                    } catch (CasesUnavailableException e) {
                        LOG.error("case service unavailable", e);
                        return html(
                                503,
                                Templates.page(new PortalPage(
                                        viewer.subject(),
                                        viewer.isMsspStaff(),
                                        granted.tenant().value(),
                                        name,
                                        choices,
                                        List.of(),
                                        true,
                                        refresh,
                                        null,
                                        true)));
                    }
                });
        };
    }

    @GET
    @Path("portal/cases.json")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Open cases of a tenant",
            description = "Open and acknowledged cases, newest first. Customers always get their own"
                    + " organization's cases; MSSP staff name the tenant with ?tenant=.")
    @APIResponse(
            responseCode = "200",
            description = "The cases",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CaseListView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Staff did not name a tenant",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(
            responseCode = "503",
            description = "Cases are temporarily unavailable",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public CaseListView casesJson(
            @Parameter(description = "Tenant id (MSSP staff only; customers may only name their own)")
                    @QueryParam("tenant")
                    String tenant) {
        // Not @Authenticated on purpose: in the hybrid set-up an unauthenticated request would get
        // the browser login redirect; an API client must get 401 problem+json instead.
        if (identity.isAnonymous()) {
            throw new NotAuthenticatedException();
        }
        TenantId granted = grantedTenant(tenant);
        return withTenant(granted, () -> new CaseListView(granted.value(), views(portal.openCases(granted))));
    }

    @GET
    @Path("portal/sla.json")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "SLA figures of a tenant for a calendar month",
            description = "MTTA, MTTR, cases opened, acknowledged, resolved and breached, and the SLA"
                    + " compliance of the cases the tenant opened in the month, taken in the tenant's time"
                    + " zone (without ?month=, the current month there). Customers always get their own"
                    + " organization's figures; MSSP staff name the tenant with ?tenant=.")
    @APIResponse(
            responseCode = "200",
            description = "The figures",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlaView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Staff did not name a tenant, or the month is not YYYY-MM",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(
            responseCode = "503",
            description = "The case service cannot answer",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public SlaView slaJson(
            @Parameter(description = "Tenant id (MSSP staff only; customers may only name their own)")
                    @QueryParam("tenant")
                    String tenant,
            @Parameter(
                            description = "Calendar month YYYY-MM in the tenant's time zone; the current one"
                                    + " when left out",
                            example = "2026-03")
                    @QueryParam("month")
                    String month) {
        if (identity.isAnonymous()) {
            throw new NotAuthenticatedException();
        }
        TenantId granted = grantedTenant(tenant);
        Optional<YearMonth> period = month(month);
        return withTenant(granted, () -> SlaView.of(portal.slaFigures(granted, period)));
    }

    @GET
    @Path("portal/rules/{ruleId}")
    @Authenticated
    @Produces(MediaType.TEXT_PLAIN)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "A detection rule enabled for the tenant",
            description = "The Sigma rule file, verbatim (author, references, license), when the rule runs"
                    + " for the tenant: one of its enabled rule packs ships it and none of its overrides turns"
                    + " it off. Any other id, existing or not, is 404. Customers read their own"
                    + " organization's rules; MSSP staff name the tenant with ?tenant= (an analyst only a tenant"
                    + " of its entitlement).")
    @APIResponse(
            responseCode = "200",
            description = "The rule file",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "400",
            description = "Staff did not name a tenant",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(
            responseCode = "403",
            description = "Not allowed to see this tenant",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(
            responseCode = "404",
            description = "No such rule is enabled for the tenant (or the tenant is unknown)",
            content = @Content(mediaType = ProblemMapper.PROBLEM_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response rule(
            @Parameter(description = "Sigma rule id") @PathParam("ruleId") String ruleId,
            @Parameter(description = "Tenant id (MSSP staff only; customers may only name their own)")
                    @QueryParam("tenant")
                    String tenant) {
        TenantId granted = grantedTenant(tenant);
        return withTenant(granted, () -> {
            RuleFile file = rules.enabledRule(granted, ruleId).orElseThrow(RuleNotFoundException::new);
            return Response.ok(file.text(), MediaType.TEXT_PLAIN + ";charset=UTF-8")
                    .build();
        });
    }

    /**
     * The tenant an API request may read, by the portal's one scope decision.
     *
     * @throws TenantAccessRefusedException when the viewer may not see the tenant (403, 404)
     * @throws TenantNotChosenException when staff named no tenant (400)
     */
    private TenantId grantedTenant(String tenant) {
        Viewer viewer = Viewers.of(identity, accessToken, callers);
        return switch (portal.scope(viewer, Optional.ofNullable(tenant))) {
            case TenantScope.Refused refused -> throw new TenantAccessRefusedException(refused);
            case TenantScope.ChooseTenant choose -> throw new TenantNotChosenException();
            case TenantScope.Granted granted -> granted.tenant();
        };
    }

    /** The {@code month} parameter: empty when left out, 400 when it is not YYYY-MM. */
    private static Optional<YearMonth> month(String month) {
        if (month == null || month.isEmpty()) {
            return Optional.empty();
        }
        if (!MONTH.matcher(month).matches()) {
            throw new InvalidMonthException();
        }
        try {
            return Optional.of(YearMonth.parse(month));
        } catch (DateTimeParseException e) {
            throw new InvalidMonthException();
        }
    }

    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response signedOut() {
        return html(200, Templates.signedOut());
    }

    private String displayName(TenantId tenant) {
        return portal.tenants().stream()
                .filter(t -> t.id().equals(tenant))
                .map(TenantInfo::displayName)
                .findFirst()
                .orElse(tenant.value());
    }

    private static List<CaseView> views(List<CaseSummary> cases) {
        return cases.stream().map(CaseView::of).toList();
    }

    private static String refusalMessage(TenantScope.Refused refused) {
        return switch (refused.reason()) {
            case NO_PORTAL_ROLE -> "Your account has no access to the customer portal.";
            case NO_ORGANIZATION -> "Your account is not a member of exactly one customer organization.";
            case OTHER_TENANT -> "You can only see your own organization's cases.";
            case NOT_ENTITLED -> "You are not entitled to this tenant's cases.";
            case UNKNOWN_TENANT -> "There is no such tenant.";
        };
    }

    private static Response html(int status, TemplateInstance template) {
        return Response.status(status)
                .type(HTML_UTF8)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(template.render())
                .build();
    }

    private static <T> T withTenant(TenantId tenant, java.util.function.Supplier<T> work) {
        MDC.put(MDC_TENANT, tenant.value());
        try {
            return work.get();
        } finally {
            MDC.remove(MDC_TENANT);
        }
    }
}

package io.socaas.reporting.portal.rest;

import io.socaas.reporting.portal.domain.CasesUnavailableException;
import io.socaas.reporting.portal.domain.RuleNotFoundException;
import io.socaas.reporting.portal.domain.TenantAccessRefusedException;
import io.socaas.reporting.portal.domain.TenantScope;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The service's one REST error mapper: RFC 9457 {@code application/problem+json}. 5xx hide
 * internals and log at ERROR, 4xx log at DEBUG. (The HTML page renders its own error states.)
 */
public class ProblemMapper {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response casesUnavailable(CasesUnavailableException e, UriInfo uri) {
        LOG.error("case service unavailable", e);
        return problem(
                        uri,
                        Response.Status.SERVICE_UNAVAILABLE,
                        "cases-unavailable",
                        "Cases are temporarily unavailable",
                        "The case service cannot answer right now. Try again in a moment.",
                        Map.of())
                .header(HttpHeaders.RETRY_AFTER, "10")
                .build();
    }

    @ServerExceptionMapper
    public Response tenantRefused(TenantAccessRefusedException e, UriInfo uri) {
        LOG.debugf("tenant access refused: %s", e.getMessage());
        boolean unknown = e.reason() == TenantScope.Reason.UNKNOWN_TENANT;
        return problem(
                        uri,
                        unknown ? Response.Status.NOT_FOUND : Response.Status.FORBIDDEN,
                        unknown ? "tenant-not-found" : "tenant-access-denied",
                        unknown ? "Unknown tenant" : "Tenant access denied",
                        e.getMessage(),
                        Map.of("reason", e.reason().name().toLowerCase(Locale.ROOT)))
                .build();
    }

    /** The same answer whether the rule does not exist or is not enabled for the tenant. */
    @ServerExceptionMapper
    public Response ruleNotFound(RuleNotFoundException e, UriInfo uri) {
        LOG.debugf("rule not enabled for the tenant: %s", uri.getPath());
        return problem(uri, Response.Status.NOT_FOUND, "rule-not-found", "Rule not found", e.getMessage(), Map.of())
                .build();
    }

    @ServerExceptionMapper
    public Response notAuthenticated(NotAuthenticatedException e, UriInfo uri) {
        LOG.debug("unauthenticated JSON request");
        return problem(
                        uri,
                        Response.Status.UNAUTHORIZED,
                        "unauthenticated",
                        "Authentication required",
                        e.getMessage(),
                        Map.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response tenantNotChosen(TenantNotChosenException e, UriInfo uri) {
        LOG.debug("tenant not chosen");
        return problem(uri, Response.Status.BAD_REQUEST, "tenant-required", "Tenant required", e.getMessage(), Map.of())
                .build();
    }

    @ServerExceptionMapper
    public Response invalidMonth(InvalidMonthException e, UriInfo uri) {
        LOG.debug("invalid month");
        return problem(uri, Response.Status.BAD_REQUEST, "invalid-month", "Invalid month", e.getMessage(), Map.of())
                .build();
    }

    /** Unknown paths, wrong methods, unacceptable media types and other client errors. */
    @ServerExceptionMapper
    public Response webApplication(jakarta.ws.rs.WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Client error";
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        LOG.debugf("%d %s: %s", status, uri.getPath(), e.getMessage());
        return problem(uri, known != null ? known : Response.Status.BAD_REQUEST, slug, title, e.getMessage(), Map.of())
                .build();
    }

    /** Anything unforeseen: logged with an error id that the problem document repeats. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "request %s failed (error id %s)", uri.getPath(), errorId);
        return problem(
                        uri,
                        Response.Status.INTERNAL_SERVER_ERROR,
                        "internal-error",
                        "Internal error",
                        "The request could not be processed (error id " + errorId + ").",
                        Map.of("error_id", errorId))
                .build();
    }

    private static Response.ResponseBuilder problem(
            UriInfo uri, Response.Status status, String slug, String title, String detail, Map<String, ?> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://socaas.io/problems/" + slug);
        body.put("title", title);
        body.put("status", status.getStatusCode());
        body.put("detail", detail);
        body.put("instance", uri.getPath());
        body.putAll(extensions);
        return Response.status(status).type(PROBLEM_JSON).entity(body);
    }
}

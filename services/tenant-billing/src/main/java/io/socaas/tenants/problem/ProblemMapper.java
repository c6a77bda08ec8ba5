package io.socaas.tenants.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.socaas.tenants.access.TenantAccessDeniedException;
import io.socaas.tenants.ingestkey.domain.IngestKeyNotFoundException;
import io.socaas.tenants.ingestkey.domain.IngestKeyRejectedException;
import io.socaas.tenants.ingestkey.domain.InvalidIngestKeyRequestException;
import io.socaas.tenants.invoice.domain.InvoiceNotFoundException;
import io.socaas.tenants.lifecycle.domain.ExportNotFoundException;
import io.socaas.tenants.lifecycle.domain.LifecycleConflictException;
import io.socaas.tenants.lifecycle.domain.OffboardingFailedException;
import io.socaas.tenants.onboarding.domain.ConcurrentOnboardingException;
import io.socaas.tenants.onboarding.domain.IdempotencyKeyReusedException;
import io.socaas.tenants.onboarding.domain.InvalidFieldsException;
import io.socaas.tenants.onboarding.domain.ProvisioningNotRetryableException;
import io.socaas.tenants.onboarding.domain.TenantIdInUseException;
import io.socaas.tenants.syslogsource.domain.FileManagedSourcesException;
import io.socaas.tenants.syslogsource.domain.SyslogSourceClaimedException;
import io.socaas.tenants.syslogsource.domain.SyslogSourceNotFoundException;
import io.socaas.tenants.tenant.domain.TenantNotFoundException;
import io.socaas.tenants.usage.domain.InvalidUsageQueryException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one REST exception mapper of the service: every error leaves as RFC 9457
 * {@code application/problem+json}. 4xx are logged at DEBUG, 5xx at ERROR without exposing
 * internals to the caller.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response tenantNotFound(TenantNotFoundException e, UriInfo uri) {
        return client(
                e,
                Problem.of("tenant-not-found", "Tenant not found", 404, e.getMessage(), path(uri))
                        .with("tenant_id", e.tenantId()));
    }

    @ServerExceptionMapper
    public Response ingestKeyNotFound(IngestKeyNotFoundException e, UriInfo uri) {
        return client(e, Problem.of("ingest-key-not-found", "Ingest key not found", 404, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response ingestKeyRejected(IngestKeyRejectedException e, UriInfo uri) {
        return client(
                e,
                Problem.of("ingest-key-not-recognised", "Ingest key not recognised", 401, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response invalidIngestKeyRequest(InvalidIngestKeyRequestException e, UriInfo uri) {
        return client(e, Problem.of("invalid-request", "Invalid request", 400, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response syslogSourceNotFound(SyslogSourceNotFoundException e, UriInfo uri) {
        return client(
                e, Problem.of("syslog-source-not-found", "Syslog source not found", 404, e.getMessage(), path(uri)));
    }

    /** Each claim with the holder's resource, when the caller may know it. */
    @ServerExceptionMapper
    public Response syslogSourceClaimed(SyslogSourceClaimedException e, UriInfo uri) {
        List<Map<String, String>> claims = e.claims().stream()
                .map(c -> c.holder() == null
                        ? Map.of("claim", c.claim(), "holder", "another tenant")
                        : Map.of("claim", c.claim(), "holder", c.holder()))
                .toList();
        return client(
                e,
                Problem.of("syslog-source-claimed", "Held by another syslog source", 409, e.getMessage(), path(uri))
                        .with("claims", claims));
    }

    @ServerExceptionMapper
    public Response fileManagedSources(FileManagedSourcesException e, UriInfo uri) {
        return client(
                e,
                Problem.of("tenant-file-managed", "Managed by the tenant's file", 409, e.getMessage(), path(uri))
                        .with("file", e.file()));
    }

    @ServerExceptionMapper
    public Response invoiceNotFound(InvoiceNotFoundException e, UriInfo uri) {
        return client(e, Problem.of("invoice-not-found", "Invoice not found", 404, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response invalidQuery(InvalidUsageQueryException e, UriInfo uri) {
        return client(
                e,
                Problem.of("invalid-query", "Invalid query", 400, e.getMessage(), path(uri))
                        .with("parameter", e.parameter()));
    }

    @ServerExceptionMapper
    public Response tenantAccessDenied(TenantAccessDeniedException e, UriInfo uri) {
        return client(e, Problem.of("forbidden", "Forbidden", 403, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .toList();
        String detail = violations.stream()
                .map(v -> v.get("field") + ": " + v.get("message"))
                .reduce((a, b) -> a + "; " + b)
                .orElse("the request is invalid");
        return client(
                e,
                Problem.of("invalid-request", "Invalid request", 400, detail, path(uri))
                        .with("violations", violations));
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        return client(
                e,
                Problem.of(
                        "malformed-request",
                        "Malformed request body",
                        400,
                        "the request body is not valid JSON for this operation",
                        path(uri)));
    }

    /** Well-formed JSON of the wrong shape (a number, a list, a list where text is expected...). */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response wrongShape(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b)
                .orElse(null);
        return client(
                e,
                Problem.of(
                        "malformed-request",
                        "Malformed request body",
                        400,
                        field == null
                                ? "the request body must be a JSON object for this operation"
                                : "the member '" + field + "' has the wrong type",
                        path(uri)));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(e, uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(e, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return client(
                e, Problem.of("forbidden", "Forbidden", 403, "your roles do not allow this operation", path(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableBody(json, uri);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return serverError(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Request failed";
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return client(e, Problem.of(slug, title, status, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response invalidFields(InvalidFieldsException e, UriInfo uri) {
        List<Map<String, String>> violations = e.errors().stream()
                .map(v -> Map.of("field", v.field(), "message", v.message()))
                .toList();
        return client(
                e,
                Problem.of("invalid-request", "Invalid request", 400, e.getMessage(), path(uri))
                        .with("violations", violations));
    }

    @ServerExceptionMapper
    public Response tenantIdInUse(TenantIdInUseException e, UriInfo uri) {
        return client(
                e,
                Problem.of("tenant-id-in-use", "Tenant id in use", 409, e.getMessage(), path(uri))
                        .with("tenant_id", e.tenantId()));
    }

    @ServerExceptionMapper
    public Response concurrentOnboarding(ConcurrentOnboardingException e, UriInfo uri) {
        return client(e, Problem.of("concurrent-request", "Concurrent request", 409, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response idempotencyKeyReused(IdempotencyKeyReusedException e, UriInfo uri) {
        return client(
                e,
                Problem.of(
                        "idempotency-key-reused",
                        "Idempotency-Key reused with another request",
                        422,
                        e.getMessage(),
                        path(uri)));
    }

    @ServerExceptionMapper
    public Response provisioningNotRetryable(ProvisioningNotRetryableException e, UriInfo uri) {
        return client(
                e,
                Problem.of(
                        "provisioning-not-retryable",
                        "Provisioning cannot be retried",
                        409,
                        e.getMessage(),
                        path(uri)));
    }

    @ServerExceptionMapper
    public Response lifecycleConflict(LifecycleConflictException e, UriInfo uri) {
        return client(e, Problem.of("lifecycle-conflict", "Lifecycle conflict", 409, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response exportNotFound(ExportNotFoundException e, UriInfo uri) {
        return client(e, Problem.of("export-not-found", "Export not found", 404, e.getMessage(), path(uri)));
    }

    /** A dependency of offboarding failed: the caller may offboard again later; the cause is logged. */
    @ServerExceptionMapper
    public Response offboardingFailed(OffboardingFailedException e, UriInfo uri) {
        LOG.errorf(e, "offboarding %s stopped at %s", path(uri), e.stage());
        return respond(Problem.of("offboarding-incomplete", "Offboarding incomplete", 503, e.getMessage(), path(uri))
                .with("stage", e.stage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return serverError(e, uri);
    }

    private static Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(client(
                        e,
                        Problem.of(
                                "unauthenticated",
                                "Authentication required",
                                401,
                                "a valid bearer token is required",
                                path(uri))))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private static Response serverError(Throwable e, UriInfo uri) {
        LOG.errorf(e, "request %s failed", path(uri));
        return respond(Problem.of(
                "internal-error",
                "Internal error",
                500,
                "the request could not be completed; it has been logged",
                path(uri)));
    }

    private static Response client(Throwable e, Problem problem) {
        LOG.debugf("%s %s: %s", problem.status(), problem.instance(), e.getMessage());
        return respond(problem);
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        String leaf = dot >= 0 ? path.substring(dot + 1) : path;
        // request records name their JSON members in snake_case
        return leaf.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}

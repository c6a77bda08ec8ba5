package io.socaas.cases.casefile.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.socaas.cases.casefile.domain.CaseAccessDeniedException;
import io.socaas.cases.casefile.domain.CaseConflictException;
import io.socaas.cases.casefile.domain.CaseNotFoundException;
import io.socaas.cases.casefile.domain.InvalidCaseCommandException;
import io.socaas.cases.casefile.domain.InvalidCaseQueryException;
import io.socaas.cases.casefile.domain.StaleCaseException;
import io.socaas.cases.casefile.domain.UnknownTenantException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one REST exception mapper of the service: every error is an RFC 9457 {@code
 * application/problem+json} body. Client errors are logged at DEBUG; server errors hide their
 * cause behind an error id and are logged at ERROR with it.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response notFound(CaseNotFoundException e, UriInfo uri) {
        return client(
                ProblemJson.of("case-not-found", "Case not found", 404, e.getMessage(), path(uri))
                        .with("case_id", e.caseId()),
                e);
    }

    @ServerExceptionMapper
    public Response unknownTenant(UnknownTenantException e, UriInfo uri) {
        return client(
                ProblemJson.of("tenant-not-found", "Tenant not found", 404, e.getMessage(), path(uri))
                        .with("tenant_id", e.tenant().value()),
                e);
    }

    @ServerExceptionMapper
    public Response invalidQuery(InvalidCaseQueryException e, UriInfo uri) {
        return client(ProblemJson.of("invalid-query", "Invalid query", 400, e.getMessage(), path(uri)), e);
    }

    @ServerExceptionMapper
    public Response conflict(CaseConflictException e, UriInfo uri) {
        return client(ProblemJson.of("case-conflict", "Conflict", 409, e.getMessage(), path(uri)), e);
    }

    @ServerExceptionMapper
    public Response stale(StaleCaseException e, UriInfo uri) {
        return client(
                ProblemJson.of("stale-case", "Precondition failed", 412, e.getMessage(), path(uri))
                        .with("current_version", e.current()),
                e);
    }

    @ServerExceptionMapper
    public Response invalidCommand(InvalidCaseCommandException e, UriInfo uri) {
        return client(
                ProblemJson.of("invalid-request", "Invalid request", 400, e.getMessage(), path(uri))
                        .with("field", e.field()),
                e);
    }

    @ServerExceptionMapper
    public Response accessDenied(CaseAccessDeniedException e, UriInfo uri) {
        return client(ProblemJson.of("forbidden", "Forbidden", 403, e.getMessage(), path(uri)), e);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return client(
                ProblemJson.of("forbidden", "Forbidden", 403, "the caller lacks the required role", path(uri)), e);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Response response = client(
                ProblemJson.of(
                        "unauthenticated",
                        "Unauthenticated",
                        401,
                        "a valid bearer token from the socaas realm is required",
                        path(uri)),
                e);
        return Response.fromResponse(response)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"socaas\"")
                .build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return serverError(e, uri);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        String slug = reason.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return client(ProblemJson.of(slug, reason, status, e.getMessage(), path(uri)), e);
    }

    @ServerExceptionMapper
    public Response serverError(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "request %s failed (error id %s)", path(uri), errorId);
        return response(ProblemJson.of(
                        "internal-error",
                        "Internal error",
                        500,
                        "the request could not be completed; quote the error id when reporting it",
                        path(uri))
                .with("error_id", errorId));
    }

    private static Response client(ProblemJson problem, Throwable e) {
        LOG.debugf("%s %s: %s", problem.getStatus(), problem.getInstance(), e.getMessage());
        return response(problem);
    }

    private static Response response(ProblemJson problem) {
        return Response.status(problem.getStatus())
                .type(ProblemJson.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}

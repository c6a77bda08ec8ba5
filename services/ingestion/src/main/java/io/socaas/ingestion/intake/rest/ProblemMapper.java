package io.socaas.ingestion.intake.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.InvalidEventBatchException;
import io.socaas.ingestion.intake.domain.EventPublicationException;
import io.socaas.ingestion.intake.domain.EventTooLargeException;
import io.socaas.ingestion.intake.domain.InvalidIdempotencyKeyException;
import io.socaas.ingestion.intake.domain.QuotaExceededException;
import io.socaas.ingestion.intake.domain.TenantDirectoryUnavailableException;
import io.socaas.ingestion.intake.domain.UnknownIngestKeyException;
import io.socaas.ratelimit.Decision;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The service's one REST exception mapper: every error becomes RFC 9457 {@code
 * application/problem+json}. 5xx hide internals and log at ERROR, 4xx log at DEBUG.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private final ObjectMapper json;
    private final IntakeMetrics metrics;

    public ProblemMapper(ObjectMapper json, IntakeMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    @ServerExceptionMapper
    public Response unknownKey(UnknownIngestKeyException e, UriInfo uri) {
        return problem(
                        new ProblemDetail(
                                "invalid-ingest-key",
                                "Invalid ingest key",
                                401,
                                "A valid ingest key is required: Authorization: Bearer <ingest key>"
                                        + " (Splunk HEC clients: Splunk <ingest key>; Elasticsearch clients:"
                                        + " ApiKey base64(<id>:<ingest key>))",
                                uri.getPath()),
                        e)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"socaas-ingestion\"")
                .build();
    }

    @ServerExceptionMapper
    public Response invalidBatch(InvalidEventBatchException e, UriInfo uri) {
        ProblemDetail problem = switch (e.kind()) {
            case MALFORMED_JSON, NOT_AN_OBJECT, MISSING_EVENT, BLANK_EVENT ->
                new ProblemDetail("malformed-events", "Malformed events", 400, e.getMessage(), uri.getPath());
            case EMPTY -> new ProblemDetail("no-events", "No events", 400, e.getMessage(), uri.getPath());
            case TOO_MANY_EVENTS ->
                new ProblemDetail("too-many-events", "Too many events", 413, e.getMessage(), uri.getPath());
            case BODY_TOO_LARGE ->
                new ProblemDetail("body-too-large", "Request body too large", 413, e.getMessage(), uri.getPath());
        };
        e.line().ifPresent(line -> problem.with("line", line));
        return problem(problem, e).build();
    }

    @ServerExceptionMapper
    public Response invalidHecRequest(SplunkHecRequestException e, UriInfo uri) {
        return problem(
                        new ProblemDetail(slugOf(e.status().text), e.status().text, 400, e.getMessage(), uri.getPath()),
                        e)
                .build();
    }

    @ServerExceptionMapper
    public Response invalidIdempotencyKey(InvalidIdempotencyKeyException e, UriInfo uri) {
        return problem(
                        new ProblemDetail(
                                "invalid-idempotency-key",
                                "Invalid Idempotency-Key",
                                400,
                                e.getMessage(),
                                uri.getPath()),
                        e)
                .build();
    }

    @ServerExceptionMapper
    public Response declaredBodyTooLarge(DeclaredBodySizeCheck.DeclaredBodyTooLargeException e, UriInfo uri) {
        return problem(
                        new ProblemDetail(
                                "body-too-large", "Request body too large", 413, e.getMessage(), uri.getPath()),
                        e)
                .build();
    }

    @ServerExceptionMapper
    public Response eventTooLarge(EventTooLargeException e, UriInfo uri) {
        ProblemDetail problem =
                new ProblemDetail("event-too-large", "Event too large", 413, e.getMessage(), uri.getPath());
        problem.with("event", e.position());
        return problem(problem, e).build();
    }

    @ServerExceptionMapper
    public Response quotaExceeded(QuotaExceededException e, UriInfo uri) {
        ProblemDetail problem = switch (e.reason()) {
            case EVENTS_PER_SECOND ->
                new ProblemDetail(
                                "quota-exceeded",
                                "Ingest quota exceeded",
                                429,
                                "These " + e.events() + " events exceed the events per second of your plan"
                                        + " (at most " + e.limit() + " at once, " + e.remaining()
                                        + " available now). Nothing was accepted; send the batch again in "
                                        + Decision.wholeSeconds(e.retryAfter()) + " s.",
                                uri.getPath())
                        .with("quota", "events_per_second")
                        .with("burst", e.limit());
            case EVENTS_PER_DAY ->
                new ProblemDetail(
                                "quota-exceeded",
                                "Ingest quota exceeded",
                                429,
                                "These " + e.events() + " events exceed the events per day of your plan ("
                                        + e.limit() + ", " + e.remaining() + " left today). Nothing was"
                                        + " accepted; the quota is renewed at midnight of your time zone, in "
                                        + Decision.wholeSeconds(e.retryAfter()) + " s.",
                                uri.getPath())
                        .with("quota", "events_per_day")
                        .with("events_per_day", e.limit());
            case BATCH_OVER_BURST ->
                new ProblemDetail(
                                "batch-exceeds-burst",
                                "Batch larger than the plan's burst",
                                413,
                                "A batch may hold at most " + e.limit() + " events (your plan's burst);"
                                        + " this one has " + e.events()
                                        + ". Nothing was accepted: split it and send the parts.",
                                uri.getPath())
                        .with("burst", e.limit());
            case BATCH_OVER_DAY ->
                new ProblemDetail(
                                "batch-exceeds-daily-quota",
                                "Batch larger than the plan's daily quota",
                                413,
                                "A batch may hold at most " + e.limit() + " events (your plan's events per"
                                        + " day); this one has " + e.events()
                                        + ". Nothing was accepted: split it.",
                                uri.getPath())
                        .with("events_per_day", e.limit());
        };
        Response.ResponseBuilder response = problem(problem, e);
        if (e.retryable()) {
            response.header(HttpHeaders.RETRY_AFTER, Decision.wholeSeconds(e.retryAfter()));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response directoryUnavailable(TenantDirectoryUnavailableException e, UriInfo uri) {
        return problem(
                        new ProblemDetail(
                                "tenant-directory-unavailable",
                                "Tenant directory unavailable",
                                503,
                                "The tenant of this ingest key cannot be verified right now; nothing was accepted. Retry later.",
                                uri.getPath()),
                        e)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    @ServerExceptionMapper
    public Response publicationFailed(EventPublicationException e, UriInfo uri) {
        return problem(
                        new ProblemDetail(
                                "event-bus-unavailable",
                                "Event bus unavailable",
                                503,
                                "The events could not be stored durably; none of them was accepted. Retry later.",
                                uri.getPath()),
                        e)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family != Response.Status.Family.CLIENT_ERROR) {
            return unexpected(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Client error";
        return problem(new ProblemDetail(slugOf(title), title, status, e.getMessage(), uri.getPath()), e)
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return problem(
                        new ProblemDetail(
                                "internal-error",
                                "Internal error",
                                500,
                                "The request could not be processed.",
                                uri.getPath()),
                        e)
                .build();
    }

    /** A problem type's last segment made of its title: {@code Data channel is missing} is {@code data-channel-is-missing}. */
    private static String slugOf(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private Response.ResponseBuilder problem(ProblemDetail problem, Throwable cause) {
        SplunkHecStatus.describe(problem, cause);
        ElasticsearchError.describe(problem);
        if (problem.getStatus() >= 500) {
            LOG.errorf(cause, "%s %s: %s", problem.getStatus(), problem.getInstance(), cause.getMessage());
        } else if (problem.getStatus() == 401 || problem.getStatus() == 429) {
            // unknown keys are scanners' daily noise, a tenant at its quota retries many times: metrics count both
            LOG.debugf("%s %s: %s", problem.getStatus(), problem.getInstance(), cause.getMessage());
        } else {
            // a tenant's shipper sending bad batches is something its SOC wants to see (tenant= is set)
            LOG.infof("refused %s %s: %s", problem.getStatus(), problem.getInstance(), cause.getMessage());
        }
        metrics.rejected(problem.getType().substring(problem.getType().lastIndexOf('/') + 1));
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a problem document", e);
        }
        return Response.status(problem.getStatus())
                .type(ProblemDetail.MEDIA_TYPE)
                .entity(body);
    }
}

package io.socaas.ingestion.intake.rest;

import io.socaas.events.InvalidEventBatchException;
import io.socaas.ingestion.intake.domain.EventPublicationException;
import io.socaas.ingestion.intake.domain.QuotaExceededException;
import io.socaas.ingestion.intake.domain.TenantDirectoryUnavailableException;
import io.socaas.ingestion.intake.domain.UnknownIngestKeyException;
import java.util.Optional;

/**
 * The Splunk HTTP Event Collector's status codes. HEC clients (Fluentd's and Fluent Bit's Splunk
 * outputs, Vector, the OpenTelemetry Collector, Amazon Data Firehose) log or act on the {@code
 * text} and {@code code} of an answer, so every refusal on an HEC path carries them as members of
 * its problem document, and the event at fault as {@code invalid-event-number} (0-based).
 */
enum SplunkHecStatus {
    TOKEN_REQUIRED(2, "Token is required"),
    INVALID_TOKEN(4, "Invalid token"),
    NO_DATA(5, "No data"),
    INVALID_DATA_FORMAT(6, "Invalid data format"),
    INTERNAL_SERVER_ERROR(8, "Internal server error"),
    SERVER_BUSY(9, "Server is busy"),
    DATA_CHANNEL_MISSING(10, "Data channel is missing"),
    INVALID_DATA_CHANNEL(11, "Invalid data channel"),
    EVENT_FIELD_REQUIRED(12, "Event field is required"),
    EVENT_FIELD_BLANK(13, "Event field cannot be blank"),
    QUERY_STRING_AUTHORIZATION_NOT_ENABLED(16, "Query string authorization is not enabled");

    static final String PATH = "/services/collector";

    final int code;
    final String text;

    SplunkHecStatus(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /** Adds HEC's members to a refusal of a request to an HEC path; other paths' problems stay as they are. */
    static ProblemDetail describe(ProblemDetail problem, Throwable cause) {
        String path = problem.getInstance();
        if (path == null || !path.startsWith(PATH)) {
            return problem;
        }
        of(problem.getStatus(), cause)
                .ifPresent(status -> problem.with("text", status.text).with("code", status.code));
        if (cause instanceof InvalidEventBatchException batch) {
            batch.event().ifPresent(event -> problem.with("invalid-event-number", event));
        }
        return problem;
    }

    private static Optional<SplunkHecStatus> of(int httpStatus, Throwable cause) {
        return switch (cause) {
            case SplunkHecRequestException refused -> Optional.of(refused.status());
            case UnknownIngestKeyException key -> Optional.of(key.isMissing() ? TOKEN_REQUIRED : INVALID_TOKEN);
            case InvalidEventBatchException batch ->
                switch (batch.kind()) {
                    case EMPTY -> Optional.of(NO_DATA);
                    case MISSING_EVENT -> Optional.of(EVENT_FIELD_REQUIRED);
                    case BLANK_EVENT -> Optional.of(EVENT_FIELD_BLANK);
                    case MALFORMED_JSON, NOT_AN_OBJECT -> Optional.of(INVALID_DATA_FORMAT);
                    // HEC has no code of its own for a request over its size limits: the status (413) says it
                    case TOO_MANY_EVENTS, BODY_TOO_LARGE -> Optional.empty();
                };
            case QuotaExceededException quota -> quota.retryable() ? Optional.of(SERVER_BUSY) : Optional.empty();
            case EventPublicationException ignored -> Optional.of(SERVER_BUSY);
            case TenantDirectoryUnavailableException ignored -> Optional.of(SERVER_BUSY);
            default -> httpStatus >= 500 ? Optional.of(INTERNAL_SERVER_ERROR) : Optional.empty();
        };
    }
}

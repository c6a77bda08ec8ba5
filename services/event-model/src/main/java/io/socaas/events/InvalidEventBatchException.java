package io.socaas.events;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A request body that is not an acceptable batch of events. Carries the 1-based line the problem
 * was found on (when there is one) and a human-readable reason. Knows nothing of HTTP.
 */
public final class InvalidEventBatchException extends RuntimeException {

    /** What is wrong with the batch. */
    public enum Kind {
        /** The body holds no event at all. */
        EMPTY,
        /** A line or element is not valid JSON. */
        MALFORMED_JSON,
        /** A line or element is valid JSON but not a JSON object. */
        NOT_AN_OBJECT,
        /** An envelope (a Splunk HEC event) lacks the member that holds the event, or it is blank. */
        MISSING_EVENT,
        /** More events than one request may carry. */
        TOO_MANY_EVENTS,
        /** More bytes than one request may carry. */
        BODY_TOO_LARGE
    }

    private final Kind kind;
    private final int line;
    private final String reason;

    private InvalidEventBatchException(Kind kind, int line, String reason, Throwable cause) {
        super(line > 0 ? "line " + line + ": " + reason : reason, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.line = line;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    static InvalidEventBatchException atLine(Kind kind, int line, String reason, Throwable cause) {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers are 1-based: " + line);
        }
        return new InvalidEventBatchException(kind, line, reason, cause);
    }

    static InvalidEventBatchException atLine(Kind kind, int line, String reason) {
        return atLine(kind, line, reason, null);
    }

    static InvalidEventBatchException whole(Kind kind, String reason) {
        return new InvalidEventBatchException(kind, 0, reason, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The 1-based line of the problem, if it is tied to one. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    /** The reason without the line prefix, e.g. {@code expected a JSON object, found an array}. */
    public String reason() {
        return reason;
    }
}

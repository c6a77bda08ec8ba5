package io.socaas.events;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A request body that is not an acceptable batch of events. Carries the 1-based line the problem
 * was found on and the 0-based position of the event at fault (when there are such), and a
 * human-readable reason. Knows nothing of HTTP.
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
        /** An envelope (a Splunk HEC event) lacks the member that holds the event. */
        MISSING_EVENT,
        /** An envelope's event is blank: an empty text, object or array. */
        BLANK_EVENT,
        /** More events than one request may carry. */
        TOO_MANY_EVENTS,
        /** More bytes than one request may carry. */
        BODY_TOO_LARGE
    }

    private final Kind kind;
    private final int line;
    private final int event;
    private final String reason;

    private InvalidEventBatchException(Kind kind, int line, int event, String reason, Throwable cause) {
        super(line > 0 ? "line " + line + ": " + reason : reason, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.line = line;
        this.event = event;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** A problem on {@code line} (1-based) with the event at {@code event} (0-based) of the batch. */
    static InvalidEventBatchException atEvent(Kind kind, int line, int event, String reason, Throwable cause) {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers are 1-based: " + line);
        }
        if (event < 0) {
            throw new IllegalArgumentException("event positions are 0-based: " + event);
        }
        return new InvalidEventBatchException(kind, line, event, reason, cause);
    }

    static InvalidEventBatchException atLine(Kind kind, int line, String reason, Throwable cause) {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers are 1-based: " + line);
        }
        return new InvalidEventBatchException(kind, line, -1, reason, cause);
    }

    static InvalidEventBatchException atLine(Kind kind, int line, String reason) {
        return atLine(kind, line, reason, null);
    }

    static InvalidEventBatchException whole(Kind kind, String reason) {
        return new InvalidEventBatchException(kind, 0, -1, reason, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The 1-based line of the problem, if it is tied to one. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    /**
     * The 0-based position in the batch of the event at fault, if the problem is tied to one: the
     * event that could not be read, or the envelope without an event.
     */
    public OptionalInt event() {
        return event >= 0 ? OptionalInt.of(event) : OptionalInt.empty();
    }

    /** The reason without the line prefix, e.g. {@code expected a JSON object, found an array}. */
    public String reason() {
        return reason;
    }
}

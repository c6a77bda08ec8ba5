package io.socaas.ingestion.intake.domain;

/**
 * The event bus did not acknowledge every event of a request in time; none of them may be
 * reported as accepted (some may still have been written: delivery is at least once).
 */
public final class EventPublicationException extends RuntimeException {

    public EventPublicationException(String message, Throwable cause) {
        super(message, cause);
    }
}

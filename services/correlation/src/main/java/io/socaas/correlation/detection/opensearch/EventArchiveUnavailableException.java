package io.socaas.correlation.detection.opensearch;

/** The stored events could not be read (OpenSearch unreachable or refusing). */
public class EventArchiveUnavailableException extends RuntimeException {

    public EventArchiveUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

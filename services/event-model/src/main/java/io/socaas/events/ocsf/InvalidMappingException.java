package io.socaas.events.ocsf;

/** A mapping file that cannot be used; the message names the file and the offending entry. */
public final class InvalidMappingException extends RuntimeException {

    public InvalidMappingException(String message) {
        super(message);
    }

    public InvalidMappingException(String message, Throwable cause) {
        super(message, cause);
    }
}

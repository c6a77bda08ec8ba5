package io.socaas.cases.casefile.domain;

/**
 * Recording an alert collided with a concurrent intake (the same alert id, or a second unresolved
 * case for the same dedup key). Retrying the intake resolves it: the retry sees the other write.
 */
public class IntakeConflictException extends RuntimeException {

    public IntakeConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}

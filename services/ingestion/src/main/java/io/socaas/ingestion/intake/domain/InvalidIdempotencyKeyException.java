package io.socaas.ingestion.intake.domain;

/** An {@code Idempotency-Key} that is empty, too long or not printable ASCII. */
public final class InvalidIdempotencyKeyException extends RuntimeException {

    public InvalidIdempotencyKeyException(String message) {
        super(message);
    }
}

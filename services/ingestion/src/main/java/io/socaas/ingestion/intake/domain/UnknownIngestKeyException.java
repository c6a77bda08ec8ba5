package io.socaas.ingestion.intake.domain;

/**
 * No tenant for the presented credential: the ingest key is missing, malformed, unknown, revoked
 * or belongs to a suspended tenant (callers must not learn which).
 */
public final class UnknownIngestKeyException extends RuntimeException {

    public UnknownIngestKeyException(String message) {
        super(message);
    }
}

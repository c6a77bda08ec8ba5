package io.socaas.ingestion.intake.domain;

/**
 * No tenant for the presented credential: the ingest key is missing, malformed, unknown, revoked
 * or belongs to a suspended tenant (callers must not learn which of the last four; whether they
 * sent a key at all they know).
 */
public final class UnknownIngestKeyException extends RuntimeException {

    private final boolean missing;

    public UnknownIngestKeyException(String message) {
        this(message, false);
    }

    private UnknownIngestKeyException(String message, boolean missing) {
        super(message);
        this.missing = missing;
    }

    /** The request carried no credential at all. */
    public static UnknownIngestKeyException missing(String message) {
        return new UnknownIngestKeyException(message, true);
    }

    /** True when no credential was sent (rather than one that is not a valid key). */
    public boolean isMissing() {
        return missing;
    }
}

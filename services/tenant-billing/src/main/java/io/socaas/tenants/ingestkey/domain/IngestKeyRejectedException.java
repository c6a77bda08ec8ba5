package io.socaas.tenants.ingestkey.domain;

/**
 * A presented ingest key does not grant ingestion: unknown, revoked, or its tenant is not active.
 * The message is the same in every case so that callers cannot learn which.
 */
public class IngestKeyRejectedException extends RuntimeException {

    public static final String MESSAGE = "ingest key not recognised";

    private final transient Reason reason;

    public enum Reason {
        UNKNOWN,
        REVOKED,
        EXPIRED,
        TENANT_NOT_ACTIVE
    }

    public IngestKeyRejectedException(Reason reason) {
        super(MESSAGE);
        this.reason = reason;
    }

    /** Why, for this service's own logs and metrics only; never sent to the caller. */
    public Reason reason() {
        return reason;
    }
}

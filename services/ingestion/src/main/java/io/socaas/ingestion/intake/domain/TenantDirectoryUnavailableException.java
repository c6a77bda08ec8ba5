package io.socaas.ingestion.intake.domain;

/** The tenant directory could not answer, so the tenant of a request is unknown. */
public final class TenantDirectoryUnavailableException extends RuntimeException {

    public TenantDirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

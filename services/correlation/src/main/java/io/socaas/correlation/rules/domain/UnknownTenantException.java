package io.socaas.correlation.rules.domain;

/** A tenant correlation does not know (never published, or purged). */
public final class UnknownTenantException extends RuntimeException {

    public UnknownTenantException(String tenant) {
        super("no tenant '" + tenant + "'");
    }
}

package io.socaas.tenants.ingestkey.domain;

/** Rules for the name of the log source an ingest key is issued for (e.g. {@code firewall-hq}). */
public final class SourceName {

    public static final int MAX_LENGTH = 64;

    private SourceName() {}

    /** Returns the name when valid: 1-64 characters, not blank, no control characters. */
    public static String require(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidIngestKeyRequestException("source_name is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidIngestKeyRequestException("source_name must be at most " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidIngestKeyRequestException("source_name must not contain control characters");
        }
        return value;
    }
}

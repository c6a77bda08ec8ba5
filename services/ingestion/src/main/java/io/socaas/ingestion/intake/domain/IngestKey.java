package io.socaas.ingestion.intake.domain;

import java.util.Optional;

/**
 * A secret ingest key as presented by a log source. Never printed: {@link #toString()} shows only
 * a short prefix.
 */
public record IngestKey(String secret) {

    /** Longest key accepted; anything longer is not a key we issued. */
    public static final int MAX_LENGTH = 256;

    public IngestKey {
        if (secret == null || secret.isBlank() || secret.length() > MAX_LENGTH) {
            throw new UnknownIngestKeyException("the ingest key is missing or malformed");
        }
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new UnknownIngestKeyException("the ingest key is missing or malformed");
            }
        }
    }

    /**
     * The key in an {@code Authorization} header value: {@code Bearer <key>} (scheme matched
     * case-insensitively).
     *
     * @throws UnknownIngestKeyException when the header is missing or holds no bearer key
     */
    public static IngestKey fromAuthorization(String authorization) {
        return token(authorization, "Bearer ")
                .map(IngestKey::new)
                .orElseThrow(() -> new UnknownIngestKeyException("no bearer ingest key in the Authorization header"));
    }

    /**
     * The key in the {@code Authorization} header of a Splunk HTTP Event Collector client: {@code
     * Splunk <key>}, or {@code Bearer <key>} (schemes matched case-insensitively).
     *
     * @throws UnknownIngestKeyException when the header is missing or holds neither
     */
    public static IngestKey fromSplunkAuthorization(String authorization) {
        return token(authorization, "Splunk ")
                .or(() -> token(authorization, "Bearer "))
                .map(IngestKey::new)
                .orElseThrow(() -> new UnknownIngestKeyException(
                        "no ingest key in the Authorization header (Splunk <ingest key>)"));
    }

    private static Optional<String> token(String authorization, String scheme) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (value.length() <= scheme.length() || !value.regionMatches(true, 0, scheme, 0, scheme.length())) {
            return Optional.empty();
        }
        return Optional.of(value.substring(scheme.length()).strip());
    }

    /** A prefix safe to log. */
    public String prefix() {
        return secret.substring(0, Math.min(8, secret.length()));
    }

    @Override
    public String toString() {
        return "IngestKey[" + prefix() + "...]";
    }
}

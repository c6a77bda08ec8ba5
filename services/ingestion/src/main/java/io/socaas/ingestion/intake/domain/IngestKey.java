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
        return bearerToken(authorization)
                .map(IngestKey::new)
                .orElseThrow(() -> new UnknownIngestKeyException("no bearer ingest key in the Authorization header"));
    }

    private static Optional<String> bearerToken(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (value.length() <= 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(value.substring(7).strip());
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

package io.socaas.ingestion.intake.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
                .orElseThrow(() -> absent(authorization, "no bearer ingest key in the Authorization header"));
    }

    /**
     * The key in the {@code Authorization} header of a Splunk HTTP Event Collector client: {@code
     * Splunk <key>}, {@code Bearer <key>}, or HTTP Basic credentials whose password is the key (HEC's
     * basic authentication, {@code curl -u x:<key>}; the user name is ignored). Schemes are matched
     * case-insensitively.
     *
     * @throws UnknownIngestKeyException when the header is missing or holds none of these
     */
    public static IngestKey fromSplunkAuthorization(String authorization) {
        return token(authorization, "Splunk ")
                .or(() -> token(authorization, "Bearer "))
                .or(() -> token(authorization, "Basic ").map(IngestKey::basicPassword))
                .map(IngestKey::new)
                .orElseThrow(
                        () -> absent(authorization, "no ingest key in the Authorization header (Splunk <ingest key>)"));
    }

    /**
     * The key in the {@code Authorization} header of an Elasticsearch client: {@code ApiKey
     * base64(id:key)} (a Beat's {@code api_key: "<any id>:<ingest key>"}), Basic credentials whose
     * password is the key, or {@code Bearer <key>}. Schemes are matched case-insensitively.
     *
     * @throws UnknownIngestKeyException when the header is missing or holds none of these
     */
    public static IngestKey fromElasticsearchAuthorization(String authorization) {
        return token(authorization, "ApiKey ")
                .map(IngestKey::basicPassword)
                .or(() -> token(authorization, "Basic ").map(IngestKey::basicPassword))
                .or(() -> token(authorization, "Bearer "))
                .map(IngestKey::new)
                .orElseThrow(
                        () -> absent(
                                authorization,
                                "no ingest key in the Authorization header (ApiKey base64(<id>:<ingest key>), Basic or Bearer)"));
    }

    private static UnknownIngestKeyException absent(String authorization, String message) {
        return authorization == null || authorization.isBlank()
                ? UnknownIngestKeyException.missing(message)
                : new UnknownIngestKeyException(message);
    }

    /**
     * The password of Basic credentials ({@code base64(user:password)}), or the key of an
     * Elasticsearch API key ({@code base64(id:key)}); the whole text without a colon.
     */
    private static String basicPassword(String credentials) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnknownIngestKeyException("the credentials of the Authorization header are not base64");
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(colon + 1);
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

package io.socaas.tenants.ingestkey.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Format and hashing of ingest keys. A key is {@code sk_} followed by 32 random bytes in unpadded
 * base64url (43 characters). The platform stores only its SHA-256; the key itself is shown once.
 */
public final class IngestKeySecrets {

    public static final String SECRET_PREFIX = "sk_";
    public static final String KEY_ID_PREFIX = "ik_";
    public static final int SECRET_BYTES = 32;

    private static final Pattern SECRET = Pattern.compile("sk_[A-Za-z0-9_-]{43}");
    private static final Pattern KEY_ID = Pattern.compile("ik_[0-9a-hjkmnp-tv-z]{26}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private IngestKeySecrets() {}

    /** A fresh secret ingest key drawn from {@code random} (a {@link SecureRandom} in production). */
    public static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return SECRET_PREFIX + BASE64URL.encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the key's UTF-8 bytes: what the database stores and looks up. */
    public static String sha256(String presentedKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(presentedKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    /** The public id of a key from a ULID: {@code ik_} + the ULID in lower case. */
    public static String keyIdFromUlid(String ulid) {
        String keyId = KEY_ID_PREFIX + ulid.toLowerCase(Locale.ROOT);
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("not a ULID: '" + ulid + "'");
        }
        return keyId;
    }

    public static boolean isWellFormedSecret(String value) {
        return value != null && SECRET.matcher(value).matches();
    }

    public static boolean isWellFormedKeyId(String value) {
        return value != null && KEY_ID.matcher(value).matches();
    }
}

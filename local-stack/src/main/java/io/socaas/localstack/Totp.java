package io.socaas.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.localstack.component.RealmSync;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time codes (RFC 6238) of an authenticator, and the authenticators of the local
 * realm's demo MSSP staff: the realm requires a code from staff, so every login of the launcher, the
 * demo and the tests as a demo staff user takes its code from here. Local only: no deployment has
 * these seeds.
 */
public final class Totp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] secret;
    private final String algorithm;
    private final int digits;
    private final Duration period;

    /**
     * @param base32Secret the shared secret as authenticator apps show it (RFC 4648 Base32)
     * @param algorithm the JCA name of the HMAC ({@code HmacSHA1}, {@code HmacSHA256}...)
     */
    public Totp(String base32Secret, String algorithm, int digits, Duration period) {
        this.secret = base32(base32Secret);
        this.algorithm = algorithm;
        this.digits = digits;
        this.period = period;
    }

    /**
     * The authenticator the local realm file gives a demo user ({@code ana}, {@code mia}, {@code
     * ops}...), empty for a user without one (customers, {@code sam}).
     */
    public static Optional<Totp> ofDemoUser(String username) {
        for (JsonNode user : RealmSync.realmFile().path("users")) {
            if (!user.path("username").asText().equals(username)) {
                continue;
            }
            for (JsonNode credential : user.path("credentials")) {
                if (credential.path("type").asText().equals("otp")) {
                    return Optional.of(of(credential));
                }
            }
        }
        return Optional.empty();
    }

    /** The current code of a demo user's authenticator, empty for a user without one. */
    public static Optional<String> currentCodeOf(String username) {
        return ofDemoUser(username).map(totp -> totp.codeAt(Instant.now()));
    }

    /**
     * A password grant's form with the demo user's current code as {@code totp} (the parameter of
     * Keycloak's direct grant OTP check) when the realm file gives the user an authenticator, else
     * the form as it is.
     */
    public static Map<String, String> withCurrentCode(String username, Map<String, String> passwordGrant) {
        return currentCodeOf(username)
                .map(code -> {
                    Map<String, String> form = new HashMap<>(passwordGrant);
                    form.put("totp", code);
                    return Map.copyOf(form);
                })
                .orElse(passwordGrant);
    }

    private static Totp of(JsonNode credential) {
        try {
            JsonNode secretData = JSON.readTree(credential.path("secretData").asText());
            JsonNode data = JSON.readTree(credential.path("credentialData").asText());
            if (!data.path("secretEncoding").asText().equalsIgnoreCase("BASE32")) {
                throw new IllegalStateException("demo authenticators of the realm file are Base32 seeds");
            }
            return new Totp(
                    secretData.path("value").asText(),
                    data.path("algorithm").asText("HmacSHA1"),
                    data.path("digits").asInt(6),
                    Duration.ofSeconds(data.path("period").asInt(30)));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable otp credential in the realm file", e);
        }
    }

    /** The code valid at {@code instant}: HOTP (RFC 4226) of the number of periods since the epoch. */
    public String codeAt(Instant instant) {
        long counter = Math.floorDiv(instant.getEpochSecond(), period.toSeconds());
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute " + algorithm, e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        int code = binary % (int) Math.pow(10, digits);
        return String.format(Locale.ROOT, "%0" + digits + "d", code);
    }

    /** When the code valid at {@code instant} stops being the current one. */
    public Instant nextPeriodAfter(Instant instant) {
        long seconds = period.toSeconds();
        return Instant.ofEpochSecond((Math.floorDiv(instant.getEpochSecond(), seconds) + 1) * seconds);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c :
                text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT).toCharArray()) {
            int value = alphabet.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not a Base32 secret: " + text);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}

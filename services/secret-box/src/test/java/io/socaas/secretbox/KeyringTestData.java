package io.socaas.secretbox;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Keyrings for tests: {@code aKeyring().withKey("k1").withKey("k2").active("k2").build()}. */
final class KeyringTestData {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> keys = new LinkedHashMap<>();
    private String active;

    static KeyringTestData aKeyring() {
        return new KeyringTestData();
    }

    static String randomKey() {
        byte[] key = new byte[Keyring.KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    KeyringTestData withKey(String id) {
        return withKey(id, randomKey());
    }

    KeyringTestData withKey(String id, String base64) {
        keys.put(id, base64);
        return this;
    }

    KeyringTestData active(String id) {
        this.active = id;
        return this;
    }

    String setting() {
        StringBuilder out = new StringBuilder();
        keys.forEach((id, key) ->
                out.append(out.isEmpty() ? "" : ",").append(id).append(':').append(key));
        return out.toString();
    }

    Keyring build() {
        return Keyring.parse(setting(), Optional.ofNullable(active));
    }

    SecretBox box() {
        return new SecretBox(build());
    }
}

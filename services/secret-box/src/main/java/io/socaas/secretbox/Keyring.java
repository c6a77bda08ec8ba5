package io.socaas.secretbox;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys by id: one active key seals, every key opens what was sealed under it. Read from
 * a setting of the form {@code id:base64,id:base64} (each key 32 random bytes, standard Base64, e.g.
 * {@code openssl rand -base64 32}) and the active key's id; with a single key the active id may be
 * left out.
 */
public final class Keyring {

    public static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;

    private Keyring(Map<String, SecretKey> keys, String activeKeyId) {
        this.keys = Collections.unmodifiableMap(keys);
        this.activeKeyId = activeKeyId;
    }

    /**
     * The keyring of {@code keysSetting} ({@code id:base64,...}) with {@code activeKeyId} active
     * (may be empty when there is one key).
     *
     * @throws SecretBoxException.BadKeyring naming what is wrong, never showing a key
     */
    public static Keyring parse(String keysSetting, Optional<String> activeKeyId) {
        if (keysSetting == null || keysSetting.isBlank()) {
            throw new SecretBoxException.BadKeyring("no encryption key is configured");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        int position = 0;
        for (String entry : keysSetting.split(",")) {
            position++;
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon < 0) {
                throw new SecretBoxException.BadKeyring(
                        "key entry " + position + " is not of the form <key id>:<base64 of 32 bytes>");
            }
            String id = trimmed.substring(0, colon).strip();
            if (!SealedSecret.isValidKeyId(id)) {
                throw new SecretBoxException.BadKeyring(
                        "key entry " + position + ": its id is not 1 to 64 of the characters A-Z a-z 0-9 . _ -");
            }
            byte[] material;
            try {
                material =
                        Base64.getDecoder().decode(trimmed.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new SecretBoxException.BadKeyring("key '" + id + "' is not valid Base64");
            }
            if (material.length != KEY_BYTES) {
                throw new SecretBoxException.BadKeyring("key '" + id + "' is " + material.length
                        + " bytes; AES-256 needs " + KEY_BYTES + " (openssl rand -base64 32)");
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(material, "AES")) != null) {
                throw new SecretBoxException.BadKeyring("key id '" + id + "' is given twice");
            }
        }
        if (keys.isEmpty()) {
            throw new SecretBoxException.BadKeyring("no encryption key is configured");
        }
        String active = activeKeyId.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (active == null) {
            if (keys.size() > 1) {
                throw new SecretBoxException.BadKeyring(
                        "the keyring holds " + keys.size() + " keys " + keys.keySet() + " but no active key is named");
            }
            active = keys.keySet().iterator().next();
        } else if (!keys.containsKey(active)) {
            throw new SecretBoxException.BadKeyring(
                    "the active key '" + active + "' is not in the keyring " + keys.keySet());
        }
        return new Keyring(keys, active);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    SecretKey activeKey() {
        return keys.get(activeKeyId);
    }

    Optional<SecretKey> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public String toString() {
        return "Keyring[active=" + activeKeyId + ", keys=" + keys.keySet() + "]";
    }
}

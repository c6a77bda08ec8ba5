package io.socaas.secretbox;

/**
 * A secret that cannot be sealed or opened, or a keyring that cannot be built. Messages name keys
 * by id and say what to do; they never hold key material or a secret.
 */
public class SecretBoxException extends RuntimeException {

    public SecretBoxException(String message) {
        super(message);
    }

    public SecretBoxException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The keyring's configuration is missing or wrong: the service must not start. */
    public static final class BadKeyring extends SecretBoxException {
        public BadKeyring(String message) {
            super(message);
        }
    }

    /** The bytes are not a sealed secret of a known format version. */
    public static final class Malformed extends SecretBoxException {
        public Malformed(String message) {
            super(message);
        }
    }

    /** The secret was sealed under a key that the keyring no longer (or never) held. */
    public static final class UnknownKey extends SecretBoxException {
        private final String keyId;

        public UnknownKey(String keyId, String message) {
            super(message);
            this.keyId = keyId;
        }

        public String keyId() {
            return keyId;
        }
    }

    /**
     * Authentication failed: the ciphertext, its header or its associated data differ from what was
     * sealed (a changed row, a row moved to another tenant or record), or the key of that id is not
     * the key it was sealed with.
     */
    public static final class NotAuthentic extends SecretBoxException {
        public NotAuthentic(String message) {
            super(message);
        }
    }
}

package io.socaas.secretbox;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The stored form of a secret, format version 1:
 *
 * <pre>
 * byte 0          version (1)
 * byte 1          n, length of the key id (1..64)
 * bytes 2..2+n    key id, ASCII letters, digits, '.', '_', '-'
 * next 12 bytes   nonce (96 bits, random per seal)
 * rest            AES-256-GCM ciphertext followed by its 128-bit tag (at least 16 bytes)
 * </pre>
 *
 * The header (version, n, key id) is authenticated together with the {@link AssociatedData}, so a
 * changed header does not open either. {@link #parse} takes any bytes: it returns a sealed secret or
 * throws {@link SecretBoxException.Malformed}, nothing else.
 */
public record SealedSecret(int version, String keyId, byte[] nonce, byte[] ciphertext) {

    public static final int VERSION = 1;
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;
    public static final int MAX_KEY_ID_LENGTH = 64;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_KEY_ID_LENGTH + "}");

    public SealedSecret {
        if (version != VERSION) {
            throw new SecretBoxException.Malformed("unsupported sealed secret version " + version);
        }
        if (!isValidKeyId(keyId)) {
            throw new SecretBoxException.Malformed(
                    "key id is not 1 to " + MAX_KEY_ID_LENGTH + " of the characters A-Z a-z 0-9 . _ -");
        }
        if (nonce.length != NONCE_BYTES) {
            throw new SecretBoxException.Malformed("nonce is " + nonce.length + " bytes, not " + NONCE_BYTES);
        }
        if (ciphertext.length < TAG_BYTES) {
            throw new SecretBoxException.Malformed("ciphertext is shorter than its " + TAG_BYTES + "-byte tag");
        }
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    /** Whether {@code id} may name a key: 1 to 64 of A-Z a-z 0-9 . _ - */
    public static boolean isValidKeyId(String id) {
        return id != null && KEY_ID.matcher(id).matches();
    }

    /** Reads a sealed secret from its stored bytes. */
    public static SealedSecret parse(byte[] stored) {
        if (stored == null || stored.length < 2) {
            throw new SecretBoxException.Malformed("not a sealed secret: shorter than its header");
        }
        int version = stored[0] & 0xff;
        if (version != VERSION) {
            throw new SecretBoxException.Malformed("not a sealed secret of a known version (version byte " + version
                    + ", this build reads " + VERSION + ")");
        }
        int idLength = stored[1] & 0xff;
        if (idLength < 1 || idLength > MAX_KEY_ID_LENGTH) {
            throw new SecretBoxException.Malformed("key id length " + idLength + " is not 1 to " + MAX_KEY_ID_LENGTH);
        }
        int nonceStart = 2 + idLength;
        int ciphertextStart = nonceStart + NONCE_BYTES;
        if (stored.length < ciphertextStart + TAG_BYTES) {
            throw new SecretBoxException.Malformed(
                    "not a sealed secret: " + stored.length + " bytes are too few for its header, nonce and tag");
        }
        String keyId = new String(stored, 2, idLength, StandardCharsets.US_ASCII);
        if (!isValidKeyId(keyId)) {
            throw new SecretBoxException.Malformed(
                    "key id is not 1 to " + MAX_KEY_ID_LENGTH + " of the characters A-Z a-z 0-9 . _ -");
        }
        return new SealedSecret(
                version,
                keyId,
                Arrays.copyOfRange(stored, nonceStart, ciphertextStart),
                Arrays.copyOfRange(stored, ciphertextStart, stored.length));
    }

    /** The stored bytes. */
    public byte[] toBytes() {
        byte[] header = header();
        byte[] out = new byte[header.length + NONCE_BYTES + ciphertext.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(nonce, 0, out, header.length, NONCE_BYTES);
        System.arraycopy(ciphertext, 0, out, header.length + NONCE_BYTES, ciphertext.length);
        return out;
    }

    /** Version, key id length and key id: authenticated with the associated data. */
    byte[] header() {
        return header(version, keyId);
    }

    static byte[] header(int version, String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] header = new byte[2 + id.length];
        header[0] = (byte) version;
        header[1] = (byte) id.length;
        System.arraycopy(id, 0, header, 2, id.length);
        return header;
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedSecret other
                && version == other.version
                && keyId.equals(other.keyId)
                && Arrays.equals(nonce, other.nonce)
                && Arrays.equals(ciphertext, other.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "SealedSecret[version=" + version + ", keyId=" + keyId + ", " + ciphertext.length + " bytes]";
    }
}

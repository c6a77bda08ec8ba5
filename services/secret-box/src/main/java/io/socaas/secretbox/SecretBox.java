package io.socaas.secretbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals secrets for storage and opens them again: AES-256-GCM under the keyring's active key, a
 * fresh random 96-bit nonce per seal, the {@link SealedSecret} header and the caller's {@link
 * AssociatedData} authenticated. Thread-safe.
 *
 * <p>Random nonces under one key stay safe for about 2^32 seals; a key is rotated long before that
 * (see the module README).
 */
public final class SecretBox {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final Keyring keyring;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(Keyring keyring) {
        this.keyring = keyring;
    }

    public Keyring keyring() {
        return keyring;
    }

    /** Seals {@code secret} under the active key, bound to {@code context}; the bytes to store. */
    public byte[] seal(byte[] secret, AssociatedData context) {
        String keyId = keyring.activeKeyId();
        byte[] nonce = new byte[SealedSecret.NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] header = SealedSecret.header(SealedSecret.VERSION, keyId);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(
                    Cipher.ENCRYPT_MODE, keyring.activeKey(), new GCMParameterSpec(SealedSecret.TAG_BYTES * 8, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(context.encoded());
            return new SealedSecret(SealedSecret.VERSION, keyId, nonce, cipher.doFinal(secret)).toBytes();
        } catch (GeneralSecurityException e) {
            throw new SecretBoxException("cannot seal with key '" + keyId + "': " + e.getMessage(), e);
        }
    }

    /** {@link #seal(byte[], AssociatedData)} of a string's UTF-8 bytes. */
    public byte[] sealText(String secret, AssociatedData context) {
        return seal(secret.getBytes(StandardCharsets.UTF_8), context);
    }

    /**
     * Opens what {@link #seal} stored, with the same {@code context}.
     *
     * @throws SecretBoxException.Malformed the bytes are no sealed secret
     * @throws SecretBoxException.UnknownKey it was sealed under a key the keyring does not hold
     * @throws SecretBoxException.NotAuthentic it, or its context, is not what was sealed
     */
    public byte[] open(byte[] stored, AssociatedData context) {
        SealedSecret sealed = SealedSecret.parse(stored);
        SecretKey key = keyring.key(sealed.keyId())
                .orElseThrow(() -> new SecretBoxException.UnknownKey(
                        sealed.keyId(),
                        "the secret was sealed under key '" + sealed.keyId() + "', which the keyring "
                                + keyring.keyIds() + " does not hold: add that key back (it must stay until"
                                + " every secret sealed under it was re-sealed)"));
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(SealedSecret.TAG_BYTES * 8, sealed.nonce()));
            cipher.updateAAD(sealed.header());
            cipher.updateAAD(context.encoded());
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new SecretBoxException.NotAuthentic("the secret does not open with key '" + sealed.keyId()
                    + "' for " + context + ": it was changed, belongs to another record, or key '"
                    + sealed.keyId() + "' is not the key it was sealed with");
        } catch (GeneralSecurityException e) {
            throw new SecretBoxException("cannot open with key '" + sealed.keyId() + "': " + e.getMessage(), e);
        }
    }

    /** {@link #open(byte[], AssociatedData)} of a secret sealed with {@link #sealText}. */
    public String openText(byte[] stored, AssociatedData context) {
        return new String(open(stored, context), StandardCharsets.UTF_8);
    }

    /** The id of the key {@code stored} was sealed under. */
    public static String keyIdOf(byte[] stored) {
        return SealedSecret.parse(stored).keyId();
    }

    /** Whether {@code stored} was sealed under the active key. */
    public boolean sealedUnderActiveKey(byte[] stored) {
        return keyring.activeKeyId().equals(keyIdOf(stored));
    }

    /**
     * Key rotation: {@code stored} opened and sealed again under the active key (with a new nonce),
     * or empty when it already is under the active key.
     */
    public Optional<byte[]> reseal(byte[] stored, AssociatedData context) {
        if (sealedUnderActiveKey(stored)) {
            return Optional.empty();
        }
        byte[] secret = open(stored, context);
        try {
            return Optional.of(seal(secret, context));
        } finally {
            java.util.Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "SecretBox[" + keyring + "]";
    }
}

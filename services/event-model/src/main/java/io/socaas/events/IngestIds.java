package io.socaas.events;

import com.github.f4b6a3.ulid.Ulid;
import com.github.f4b6a3.ulid.UlidFactory;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ingest ids: ULID strings (26 characters, Crockford base32), monotonic within this process, so
 * ids handed out one after another sort in the order the events were received.
 *
 * <p>An id is a name, not a secret (it is the document id in the tenant's own index and is shown to
 * the tenant): its 80 random bits come from the thread's {@link ThreadLocalRandom}, not from the
 * operating system's entropy, which a receiver would otherwise read for every new millisecond.
 * Within a millisecond the factory increments the last id, so ids of one process never repeat; two
 * processes repeat one only if both draw the same 80 bits in the same millisecond.
 */
public final class IngestIds {

    private static final UlidFactory MONOTONIC =
            UlidFactory.newMonotonicInstance(() -> ThreadLocalRandom.current().nextLong());

    private IngestIds() {}

    /** A new, monotonic ULID string. */
    public static String next() {
        return MONOTONIC.create().toString();
    }

    /**
     * The ingest id of the event at {@code position} of a batch its sender named {@code batchKey}
     * (an {@code Idempotency-Key}), sent with the ingest key {@code keyId}: the same three always
     * give the same ULID-shaped id (128 bits of SHA-256 over them), so a retried batch yields the
     * ids of the first attempt and later stages drop the duplicates. Ids of different keys or
     * batches collide only with the odds of a 128-bit hash.
     */
    public static String derived(String keyId, String batchKey, int position) {
        java.util.Objects.requireNonNull(keyId, "keyId");
        java.util.Objects.requireNonNull(batchKey, "batchKey");
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative: " + position);
        }
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            // length-prefixed parts: ("ab", "c") and ("a", "bc") never hash alike
            for (String part : new String[] {keyId, batchKey}) {
                byte[] bytes = part.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                sha.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
            sha.update(java.nio.ByteBuffer.allocate(4).putInt(position).array());
            return Ulid.from(java.util.Arrays.copyOf(sha.digest(), 16)).toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** True when {@code value} is a well-formed ULID string. */
    public static boolean isValid(String value) {
        return value != null && Ulid.isValid(value);
    }
}

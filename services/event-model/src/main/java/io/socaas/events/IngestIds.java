package io.socaas.events;

import com.github.f4b6a3.ulid.Ulid;
import com.github.f4b6a3.ulid.UlidCreator;

/**
 * Ingest ids: ULID strings (26 characters, Crockford base32), monotonic within this process, so
 * ids handed out one after another sort in the order the events were received.
 */
public final class IngestIds {

    private IngestIds() {}

    /** A new, monotonic ULID string. */
    public static String next() {
        return UlidCreator.getMonotonicUlid().toString();
    }

    /** True when {@code value} is a well-formed ULID string. */
    public static boolean isValid(String value) {
        return value != null && Ulid.isValid(value);
    }
}

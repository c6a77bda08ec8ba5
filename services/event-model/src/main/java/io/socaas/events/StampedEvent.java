package io.socaas.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An event after intake: it belongs to {@code tenant}, is identified by {@code ingestId} and its
 * JSON carries those two and {@code received_time}.
 */
public record StampedEvent(TenantId tenant, String ingestId, Instant receivedTime, JsonEvent event) {

    public StampedEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(ingestId, "ingestId");
        Objects.requireNonNull(receivedTime, "receivedTime");
        Objects.requireNonNull(event, "event");
    }

    /** The same event held as its JSON bytes ({@link JsonEvent#compact()}), for publishing. */
    public StampedEvent compact() {
        return new StampedEvent(tenant, ingestId, receivedTime, event.compact());
    }

    /** Kafka record key: {@code <tenant>:<ingest_id>}. */
    public String recordKey() {
        return tenant.recordKey(ingestId);
    }

    /** {@code received_time} as written into the event (RFC 3339 UTC, milliseconds). */
    public String receivedTimeText() {
        return EventTimes.format(receivedTime);
    }
}

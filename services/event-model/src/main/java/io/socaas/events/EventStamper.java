package io.socaas.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Adds the platform's fields to an accepted event:
 *
 * <ul>
 *   <li>{@code tenant}: the tenant of the credential that brought the event in, replacing any value
 *       in the payload; a payload value that disagrees is kept as {@code unmapped.claimed_tenant};
 *   <li>{@code ingest_id}: a new ULID;
 *   <li>{@code received_time}: RFC 3339 UTC with millisecond precision.
 * </ul>
 *
 * Everything else in the event is kept unchanged. When the payload's {@code unmapped} is present
 * but not an object, it is kept as {@code unmapped.value} so that {@code claimed_tenant} can sit
 * beside it.
 */
public final class EventStamper {

    public static final String TENANT = "tenant";
    public static final String INGEST_ID = "ingest_id";
    public static final String RECEIVED_TIME = "received_time";
    public static final String UNMAPPED = "unmapped";
    public static final String CLAIMED_TENANT = "claimed_tenant";

    private final Clock clock;
    private final Supplier<String> ingestIds;

    public EventStamper(Clock clock, Supplier<String> ingestIds) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ingestIds = Objects.requireNonNull(ingestIds, "ingestIds");
    }

    /** Wall clock in UTC and monotonic ULIDs. */
    public static EventStamper systemUtc() {
        return new EventStamper(Clock.systemUTC(), IngestIds::next);
    }

    /** Stamps the events of one request; they share one {@code received_time}. */
    public List<StampedEvent> stampAll(List<JsonEvent> events, TenantId tenant) {
        Instant receivedTime = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return events.stream().map(e -> stamp(e, tenant, receivedTime)).toList();
    }

    /** Stamps one event received now. */
    public StampedEvent stamp(JsonEvent event, TenantId tenant) {
        return stamp(event, tenant, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private StampedEvent stamp(JsonEvent event, TenantId tenant, Instant receivedTime) {
        return stamp(event, tenant, ingestIds.get(), receivedTime);
    }

    /**
     * Stamps {@code event} with the given ingest id and received time (a normalized record, or an
     * event whose id is derived from its sender's idempotency key).
     */
    public static StampedEvent stamp(JsonEvent event, TenantId tenant, String ingestId, Instant receivedTime) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(ingestId, "ingestId");
        return stampInPlace(event.node().deepCopy(), tenant, ingestId, receivedTime);
    }

    /**
     * Stamps a record the caller has just built and hands over: the stamp is written into {@code
     * json} itself, without the copy {@link #stamp(JsonEvent, TenantId, String, Instant)} makes, and
     * the caller must not use or change {@code json} afterwards (the normalizer's output record).
     */
    public static StampedEvent stampHandedOver(
            ObjectNode json, TenantId tenant, String ingestId, Instant receivedTime) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(ingestId, "ingestId");
        return stampInPlace(json, tenant, ingestId, receivedTime);
    }

    private static StampedEvent stampInPlace(ObjectNode json, TenantId tenant, String ingestId, Instant receivedTime) {
        Instant received = receivedTime.truncatedTo(ChronoUnit.MILLIS);
        JsonNode claimed = json.get(TENANT);
        if (claimed != null && !(claimed.isTextual() && claimed.textValue().equals(tenant.value()))) {
            unmappedOf(json).set(CLAIMED_TENANT, claimed);
        }
        json.put(TENANT, tenant.value());
        json.put(INGEST_ID, ingestId);
        json.put(RECEIVED_TIME, EventTimes.format(received));
        return new StampedEvent(tenant, ingestId, received, JsonEvent.wrap(json));
    }

    private static ObjectNode unmappedOf(ObjectNode json) {
        JsonNode unmapped = json.get(UNMAPPED);
        if (unmapped instanceof ObjectNode object) {
            return object;
        }
        ObjectNode object = json.objectNode();
        if (unmapped != null) {
            object.set("value", unmapped);
        }
        json.set(UNMAPPED, object);
        return object;
    }
}

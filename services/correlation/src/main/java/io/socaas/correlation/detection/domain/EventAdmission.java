package io.socaas.correlation.detection.domain;

import io.socaas.events.TenantId;
import java.util.Map;

/**
 * Decides whether a record from {@code soc.events.v1} may be evaluated: its {@code tenant} header
 * must be a valid tenant id, the payload a JSON object with the same {@code tenant} and an
 * {@code ingest_id}. Anything else goes to the dead-letter topic with the reason.
 */
public final class EventAdmission {

    /** The outcome for one record. */
    public sealed interface Outcome permits Accepted, Rejected {}

    /** The record belongs to {@code tenant} and can be evaluated. */
    public record Accepted(TenantId tenant, String ingestId, Map<String, ?> event) implements Outcome {}

    /** The record must not be evaluated. */
    public record Rejected(String reason) implements Outcome {}

    private EventAdmission() {}

    /**
     * @param headerTenant value of the record's {@code tenant} header, null when absent
     * @param payload the record value parsed as JSON (any JSON value), null when it is not JSON
     */
    public static Outcome admit(String headerTenant, Object payload) {
        if (headerTenant == null || headerTenant.isBlank()) {
            return new Rejected("missing tenant header");
        }
        if (!TenantId.isValid(headerTenant)) {
            return new Rejected("invalid tenant header '" + headerTenant + "'");
        }
        if (!(payload instanceof Map<?, ?> map)) {
            return new Rejected("payload is not a JSON object");
        }
        Object payloadTenant = map.get("tenant");
        if (!headerTenant.equals(payloadTenant)) {
            return new Rejected(
                    "tenant header '" + headerTenant + "' disagrees with payload tenant '" + payloadTenant + "'");
        }
        if (!(map.get("ingest_id") instanceof String ingestId) || ingestId.isBlank()) {
            return new Rejected("payload has no ingest_id");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> event = (Map<String, ?>) map;
        return new Accepted(TenantId.of(headerTenant), ingestId, event);
    }
}

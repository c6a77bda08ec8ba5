package io.socaas.correlation.detection.domain;

import io.socaas.events.TenantId;
import java.util.Map;

/**
 * Decides whether a record from {@code soc.events.v1} may be evaluated: its {@code tenant} header
 * must be a valid tenant id, the payload a JSON object with the same {@code tenant} and an
 * {@code ingest_id}. Anything else goes to the dead-letter topic with the reason.
 *
 * <p>Rules address the source's own fields (SigmaHQ rules name {@code EventID}, {@code Image},
 * ...). A normalized OCSF record keeps them under {@code unmapped}, in the shape the source sent
 * them (flat, evtx-dump, Winlogbeat, Wazuh), so rules read that object, with the platform's
 * {@code tenant}, {@code ingest_id} and {@code received_time} beside them, and the record's {@code
 * time} where the source has no field of that name. Records in the earlier, unnormalized shape are read
 * as they are.
 */
public final class EventAdmission {

    /** The outcome for one record. */
    public sealed interface Outcome permits Accepted, Rejected {}

    /** The record belongs to {@code tenant} and can be evaluated. */
    public record Accepted(TenantId tenant, String ingestId, Map<String, ?> event) implements Outcome {}

    /** The record must not be evaluated. */
    public record Rejected(String reason) implements Outcome {}

    /** The platform's fields of a normalized record, which rules and alerts read beside the source's. */
    private static final java.util.List<String> PLATFORM_FIELDS =
            java.util.List.of("tenant", "ingest_id", "received_time");

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
        return new Accepted(TenantId.of(headerTenant), ingestId, asRulesReadIt(map));
    }

    /** The source's fields of a normalized record; any other event as it is. */
    @SuppressWarnings("unchecked")
    private static Map<String, ?> asRulesReadIt(Map<?, ?> map) {
        if (!(map.get("class_uid") instanceof Number)
                || !(map.get("type_uid") instanceof Number)
                || !(map.get("unmapped") instanceof Map<?, ?> unmapped)) {
            return (Map<String, ?>) map;
        }
        Map<String, Object> source = new java.util.LinkedHashMap<>((Map<String, Object>) unmapped);
        // the platform's fields replace any of the source's (the payload never chooses the tenant)
        for (String platform : PLATFORM_FIELDS) {
            source.put(platform, map.get(platform));
        }
        if (map.containsKey("time")) {
            source.putIfAbsent("time", map.get("time"));
        }
        return source;
    }
}

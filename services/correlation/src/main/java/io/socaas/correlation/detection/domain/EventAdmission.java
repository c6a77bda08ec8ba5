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
 *
 * <p>A record read from a line of text (syslog, CEF, LEEF, Snare, ...) also carries its original
 * line as {@code raw_data}: Sigma's keywords are a search of the whole log message, and a line's
 * header (Cisco's {@code %SEC_LOGIN-5-WEBLOGIN_SUCCESS:}, a program's name and pid) is in no
 * field as the device wrote it. A JSON or XML document's text is not added: its field names and
 * markup are no message, and its values are all fields already.
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

    /** The name under which a text line's original is read (the record's own name for it). */
    public static final String RAW_LINE = "raw_data";

    /** The formats whose original is a document rather than a message: their text is not searched. */
    private static final java.util.Set<String> DOCUMENT_FORMATS = java.util.Set.of("json", "xml");

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
        if (map.get(RAW_LINE) instanceof String line
                && map.get("metadata") instanceof Map<?, ?> metadata
                && metadata.get("log_format") instanceof String format
                && !DOCUMENT_FORMATS.contains(format)) {
            source.putIfAbsent(RAW_LINE, line);
        }
        return source;
    }
}

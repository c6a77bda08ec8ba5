package io.socaas.correlation.detection.domain;

import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.sigma.domain.SigmaLevel;
import io.socaas.events.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One detection: a rule matched a tenant's event.
 *
 * @param eventTime time of the matching event, RFC 3339 UTC
 * @param detectedTime when the match was found, RFC 3339 UTC
 * @param level the tenant's severity override for the rule when it has one, else the rule's level
 *     (the rule's own level stays readable as {@code rule().sigma().level()})
 * @param alertId derived from the tenant, the rule and the event ({@link #singleEventId})
 * @param dedupKey groups repeated detections of the same rule on the same entity
 */
public record Alert(
        String alertId,
        TenantId tenant,
        DetectionRule rule,
        Optional<SigmaLevel> level,
        List<String> eventIngestIds,
        String eventTime,
        String detectedTime,
        String summary,
        String dedupKey,
        List<EventObservables.Found> observables) {

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(rule, "rule");
        eventIngestIds = List.copyOf(eventIngestIds);
        observables = observables == null ? List.of() : List.copyOf(observables);
    }

    /**
     * Kafka record key: {@code <tenant>:<dedup_key>}, so that the alerts of one case land on one
     * partition, in order.
     */
    public String recordKey() {
        return tenant.recordKey(dedupKey == null || dedupKey.isEmpty() ? alertId : dedupKey);
    }

    /**
     * The id of a single-event rule's alert, derived from (tenant, rule id, ingest_id): a
     * redelivered event yields the same id. A name-based UUID (version 8 layout) of the SHA-256 of
     * the three values.
     */
    public static String singleEventId(TenantId tenant, String ruleId, String ingestId) {
        return derivedId(tenant.value(), ruleId, ingestId);
    }

    /**
     * A name-based UUID (version 8 layout) of the SHA-256 of the parts, each prefixed with its
     * length: single-event alerts use (tenant, rule id, ingest_id), correlation alerts (tenant,
     * correlation rule id, group key, window start).
     */
    public static String derivedId(String... parts) {
        byte[] hash;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
            hash = sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x80); // version 8: custom, name-based
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }
}

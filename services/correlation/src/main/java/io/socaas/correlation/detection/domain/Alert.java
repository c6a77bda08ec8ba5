package io.socaas.correlation.detection.domain;

import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.sigma.domain.SigmaLevel;
import io.socaas.events.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One detection: a rule matched a tenant's event.
 *
 * @param eventTime time of the matching event, RFC 3339 UTC
 * @param detectedTime when the match was found, RFC 3339 UTC
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
        String dedupKey) {

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(rule, "rule");
        eventIngestIds = List.copyOf(eventIngestIds);
    }

    /** Kafka record key: {@code <tenant>:<alert_id>}. */
    public String recordKey() {
        return tenant.recordKey(alertId);
    }
}

package io.socaas.cases.casefile.domain;

import io.socaas.events.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An alert raised by correlation, as case-management needs it.
 *
 * @param dedupKey groups repeated detections of the same thing; {@code null} when the alert
 *     cannot be grouped (every such alert opens its own case)
 * @param observables what its events name that an analyst pivots on (IPs, users, hosts, ...)
 */
public record IncomingAlert(
        String alertId,
        TenantId tenantId,
        RuleAttribution rule,
        Severity severity,
        List<String> eventIngestIds,
        Instant detectedAt,
        String summary,
        String dedupKey,
        List<Observable> observables) {

    /** An alert without observables. */
    public IncomingAlert(
            String alertId,
            TenantId tenantId,
            RuleAttribution rule,
            Severity severity,
            List<String> eventIngestIds,
            Instant detectedAt,
            String summary,
            String dedupKey) {
        this(alertId, tenantId, rule, severity, eventIngestIds, detectedAt, summary, dedupKey, List.of());
    }

    public IncomingAlert {
        Objects.requireNonNull(alertId, "alert id");
        if (alertId.isBlank()) {
            throw new IllegalArgumentException("alert id is blank");
        }
        Objects.requireNonNull(tenantId, "tenant id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        eventIngestIds = List.copyOf(eventIngestIds);
        Objects.requireNonNull(detectedAt, "detected at");
        summary = summary == null ? "" : summary;
        dedupKey = dedupKey == null || dedupKey.isBlank() ? null : dedupKey;
        observables = observables == null
                ? List.of()
                : observables.stream().distinct().toList();
    }

    public Optional<String> dedupKeyIfAny() {
        return Optional.ofNullable(dedupKey);
    }
}

package io.socaas.correlation.multievent.domain;

import io.socaas.correlation.rules.domain.DeployedCorrelation;
import io.socaas.correlation.sigma.domain.SigmaLevel;
import io.socaas.events.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A correlation rule of a tenant was satisfied.
 *
 * @param alertId derived from (tenant, correlation rule, group, window start)
 * @param eventIngestIds the contributing events (at most {@link CorrelationGroups#MAX_INGEST_IDS})
 * @param eventTime start of the window: time of the first contributing event, RFC 3339 UTC
 * @param groupValues the {@code group-by} values of the group
 */
public record CorrelationAlert(
        String alertId,
        TenantId tenant,
        DeployedCorrelation correlation,
        Optional<SigmaLevel> level,
        List<String> eventIngestIds,
        String eventTime,
        String detectedTime,
        String summary,
        String dedupKey,
        Map<String, String> groupValues) {

    public CorrelationAlert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(tenant, "tenant");
        eventIngestIds = List.copyOf(eventIngestIds);
        groupValues = Map.copyOf(groupValues);
    }

    /** Kafka record key {@code <tenant>:<dedup_key>}. */
    public String recordKey() {
        return tenant.recordKey(dedupKey);
    }
}

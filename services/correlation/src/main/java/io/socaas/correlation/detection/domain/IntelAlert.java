package io.socaas.correlation.detection.domain;

import io.socaas.correlation.intel.domain.Indicator;
import io.socaas.correlation.intel.domain.IntelObservables;
import io.socaas.correlation.sigma.domain.SigmaLevel;
import io.socaas.events.TenantId;
import java.util.List;
import java.util.Objects;

/**
 * One threat intelligence match: an indicator of a global feed or of the tenant's own lists named a
 * value of the tenant's event.
 *
 * @param alertId derived from (tenant, {@link #ruleId()} with the indicator, ingest_id): the same
 *     event and the same indicator always give the same id
 * @param level from the indicator's confidence ({@link #levelOf})
 * @param dedupKey {@code intel:<feed>:<type>:<indicator>}: repeated hits of one indicator group together
 */
public record IntelAlert(
        String alertId,
        TenantId tenant,
        Indicator indicator,
        IntelObservables.Observed matched,
        SigmaLevel level,
        String ingestId,
        String eventTime,
        String detectedTime,
        String summary,
        String dedupKey,
        List<EventObservables.Found> observables) {

    public IntelAlert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(indicator, "indicator");
        observables = observables == null ? List.of() : List.copyOf(observables);
    }

    /** The rule reference intel alerts carry: {@code intel:<feed>}. */
    public String ruleId() {
        return "intel:" + indicator.feed();
    }

    /** Kafka record key {@code <tenant>:<dedup_key>}. */
    public String recordKey() {
        return tenant.recordKey(dedupKey);
    }

    /** Confidence 85 and above: high; 50 and above: medium; 15 and above: low; else informational. */
    public static SigmaLevel levelOf(int confidence) {
        if (confidence >= 85) {
            return SigmaLevel.HIGH;
        }
        if (confidence >= 50) {
            return SigmaLevel.MEDIUM;
        }
        return confidence >= 15 ? SigmaLevel.LOW : SigmaLevel.INFORMATIONAL;
    }

    /** The id of the alert of {@code indicator} on the event {@code ingestId} of {@code tenant}. */
    public static String idOf(TenantId tenant, Indicator indicator, String ingestId) {
        return Alert.singleEventId(
                tenant,
                "intel:" + indicator.feed() + ":" + indicator.type().wireName() + ":" + indicator.value(),
                ingestId);
    }
}

package io.socaas.correlation.detection.domain;

import io.socaas.correlation.intel.domain.Indicator;
import io.socaas.correlation.intel.domain.IntelObservables;
import io.socaas.correlation.intel.domain.IntelSnapshot;
import io.socaas.correlation.sigma.domain.SigmaEvent;
import io.socaas.events.EventTimes;
import io.socaas.events.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Matches a tenant's normalized event against the indicators of the global feeds and of the
 * tenant's own lists ({@link IntelSnapshot}): its values are read and normalized once ({@link
 * IntelObservables}), then each is one lookup. One {@link IntelAlert} per indicator that matched
 * and is still valid.
 */
public final class IntelDetection {

    private static final int SUMMARY_LIMIT = 500;

    private final Supplier<IntelSnapshot> intel;
    private final Clock clock;

    public IntelDetection(Supplier<IntelSnapshot> intel, Clock clock) {
        this.intel = Objects.requireNonNull(intel);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @param record the event as on {@code soc.events.v1} (normalized OCSF, not the source's fields)
     */
    public List<IntelAlert> detect(TenantId tenant, String ingestId, Map<String, ?> record) {
        IntelSnapshot snapshot = intel.get();
        List<IntelObservables.Observed> observed = IntelObservables.of(record);
        if (observed.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<IntelSnapshot.Hit> hits = snapshot.match(tenant, observed, now);
        if (hits.isEmpty()) {
            return List.of();
        }
        String detectedTime = EventTimes.format(now);
        String eventTime = record.get("time") == null ? null : EventDetection.normalizeTime(record.get("time"));
        SigmaEvent view = SigmaEvent.of(record);
        List<EventObservables.Found> observables = EventObservables.of(view);
        String host = host(record);
        List<IntelAlert> alerts = new ArrayList<>(hits.size());
        for (IntelSnapshot.Hit hit : hits) {
            Indicator indicator = hit.indicator();
            alerts.add(new IntelAlert(
                    IntelAlert.idOf(tenant, indicator, ingestId),
                    tenant,
                    indicator,
                    hit.observed(),
                    IntelAlert.levelOf(indicator.confidence()),
                    ingestId,
                    eventTime == null ? detectedTime : eventTime,
                    detectedTime,
                    summary(hit, host),
                    "intel:" + indicator.feed() + ":" + indicator.type().wireName() + ":" + indicator.value(),
                    observables));
        }
        return alerts;
    }

    private static String host(Map<String, ?> record) {
        if (record.get("device") instanceof Map<?, ?> device && device.get("hostname") instanceof String name) {
            return name;
        }
        return "";
    }

    private static String summary(IntelSnapshot.Hit hit, String host) {
        Indicator indicator = hit.indicator();
        StringBuilder sb = new StringBuilder("Threat intelligence (")
                .append(indicator.feed())
                .append("): ")
                .append(indicator.type().wireName())
                .append(' ')
                .append(indicator.value());
        if (!hit.observed().value().equals(indicator.value())) {
            sb.append(" matched ").append(hit.observed().value());
        }
        sb.append(" in ").append(hit.observed().field());
        if (!host.isEmpty()) {
            sb.append(" on ").append(host);
        }
        if (!indicator.description().isEmpty()) {
            sb.append(": ").append(indicator.description());
        }
        return sb.length() > SUMMARY_LIMIT ? sb.substring(0, SUMMARY_LIMIT - 1) + "…" : sb.toString();
    }
}

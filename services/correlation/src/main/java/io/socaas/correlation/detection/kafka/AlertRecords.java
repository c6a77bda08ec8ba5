package io.socaas.correlation.detection.kafka;

import io.socaas.correlation.detection.domain.Alert;
import io.socaas.correlation.detection.domain.IntelAlert;
import io.socaas.correlation.intel.domain.Indicator;
import io.socaas.correlation.rules.contract.RuleRefs;
import io.socaas.events.EventTimes;
import io.socaas.events.RecordHeaders;
import io.socaas.proto.alerts.v1.IntelMatch;
import io.socaas.proto.alerts.v1.Level;
import io.socaas.proto.alerts.v1.RuleRef;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/** Maps domain alerts to the {@code socaas.alerts.v1.Alert} contract and its record headers. */
public final class AlertRecords {

    public static final String SOURCE = "/socaas/correlation";

    private AlertRecords() {}

    static io.socaas.proto.alerts.v1.Alert toProto(Alert alert) {
        return io.socaas.proto.alerts.v1.Alert.newBuilder()
                .setAlertId(alert.alertId())
                .setTenantId(alert.tenant().value())
                .setRule(RuleRefs.of(alert.rule()))
                .setLevel(RuleRefs.level(alert.level()))
                .addAllEventIngestIds(alert.eventIngestIds())
                .setEventTime(alert.eventTime())
                .setDetectedTime(alert.detectedTime())
                .setSummary(alert.summary())
                .setDedupKey(alert.dedupKey())
                .addAllObservables(alert.observables().stream()
                        .map(o -> io.socaas.proto.alerts.v1.Observable.newBuilder()
                                .setType(o.type())
                                .setValue(o.value())
                                .setField(o.field())
                                .build())
                        .toList())
                .build();
    }

    /**
     * A threat intelligence match: rule {@code intel:<feed>} (pack {@code intel}), the level from the
     * indicator's confidence, and the indicator with its feed, confidence and first/last seen in
     * {@code intel}.
     */
    static io.socaas.proto.alerts.v1.Alert toProto(IntelAlert alert) {
        Indicator indicator = alert.indicator();
        Level level = RuleRefs.level(alert.level());
        return io.socaas.proto.alerts.v1.Alert.newBuilder()
                .setAlertId(alert.alertId())
                .setTenantId(alert.tenant().value())
                .setRule(RuleRef.newBuilder()
                        .setId(alert.ruleId())
                        .setTitle("Threat intelligence match: " + indicator.feed())
                        .setAuthor(indicator.feed())
                        .setRulePack("intel")
                        .setLevel(level))
                .setLevel(level)
                .addEventIngestIds(alert.ingestId())
                .setEventTime(alert.eventTime())
                .setDetectedTime(alert.detectedTime())
                .setSummary(alert.summary())
                .setDedupKey(alert.dedupKey())
                .addAllObservables(alert.observables().stream()
                        .map(o -> io.socaas.proto.alerts.v1.Observable.newBuilder()
                                .setType(o.type())
                                .setValue(o.value())
                                .setField(o.field())
                                .build())
                        .toList())
                .setIntel(IntelMatch.newBuilder()
                        .setIndicatorType(indicator.type().wireName())
                        .setIndicator(indicator.value())
                        .setFeed(indicator.feed())
                        .setConfidence(indicator.confidence())
                        .setFirstSeen(
                                indicator.firstSeen().map(EventTimes::format).orElse(""))
                        .setLastSeen(
                                indicator.lastSeen().map(EventTimes::format).orElse(""))
                        .setValidUntil(
                                indicator.validUntil().map(EventTimes::format).orElse(""))
                        .setMatchedField(alert.matched().field())
                        .setMatchedValue(alert.matched().value())
                        .setSourceId(indicator.sourceId())
                        .setDescription(indicator.description()))
                .build();
    }

    /** CloudEvents binary-mode headers plus {@code tenant}. */
    static Headers headers(Alert alert) {
        return headers(alert.alertId(), alert.detectedTime(), alert.tenant().value());
    }

    /** CloudEvents binary-mode headers plus {@code tenant}. */
    static Headers headers(IntelAlert alert) {
        return headers(alert.alertId(), alert.detectedTime(), alert.tenant().value());
    }

    /** CloudEvents binary-mode headers of an alert record ({@code socaas.alert.raised.v1}) plus {@code tenant}. */
    public static Headers headers(String alertId, String detectedTime, String tenant) {
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        add(headers, RecordHeaders.SPEC_VERSION, RecordHeaders.SPEC_VERSION_VALUE);
        add(headers, RecordHeaders.ID, alertId);
        add(headers, RecordHeaders.TYPE, RecordHeaders.TYPE_ALERT_RAISED);
        add(headers, RecordHeaders.SOURCE, SOURCE);
        add(headers, RecordHeaders.TIME, detectedTime);
        add(headers, RecordHeaders.TENANT, tenant);
        return headers;
    }

    public static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

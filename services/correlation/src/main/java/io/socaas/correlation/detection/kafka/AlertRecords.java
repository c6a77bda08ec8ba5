package io.socaas.correlation.detection.kafka;

import io.socaas.correlation.detection.domain.Alert;
import io.socaas.correlation.rules.contract.RuleRefs;
import io.socaas.events.RecordHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/** Maps domain alerts to the {@code socaas.alerts.v1.Alert} contract and its record headers. */
final class AlertRecords {

    static final String SOURCE = "/socaas/correlation";

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

    /** CloudEvents binary-mode headers plus {@code tenant}. */
    static Headers headers(Alert alert) {
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        add(headers, RecordHeaders.SPEC_VERSION, RecordHeaders.SPEC_VERSION_VALUE);
        add(headers, RecordHeaders.ID, alert.alertId());
        add(headers, RecordHeaders.TYPE, RecordHeaders.TYPE_ALERT_RAISED);
        add(headers, RecordHeaders.SOURCE, SOURCE);
        add(headers, RecordHeaders.TIME, alert.detectedTime());
        add(headers, RecordHeaders.TENANT, alert.tenant().value());
        return headers;
    }

    static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

package io.socaas.correlation.detection.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.socaas.correlation.detection.domain.Alert;
import io.socaas.correlation.detection.domain.EventAdmission;
import io.socaas.correlation.detection.domain.EventDetection;
import io.socaas.correlation.detection.domain.IntelAlert;
import io.socaas.correlation.detection.domain.IntelDetection;
import io.socaas.correlation.intel.tenantlists.TenantIntelLists;
import io.socaas.correlation.multievent.domain.RuleMatch;
import io.socaas.correlation.multievent.streams.RuleMatchRecords;
import io.socaas.correlation.rules.tenantfacts.TenantRuleCatalog;
import io.socaas.events.RecordHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Consumes {@code soc.events.v1}: rejects records whose tenant cannot be trusted to
 * {@code soc.events.dlq.v1}, evaluates the others against their tenant's rules and publishes each
 * match to {@code soc.alerts.v1}; alerts that cannot be produced go to {@code soc.alerts.dlq.v1}. A record is acknowledged (and its offset committed) only once
 * every record it produced has been acknowledged by Kafka: at-least-once.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final String MDC_TENANT = "tenant";

    private final EventDetection detection;
    private final IntelDetection intel;
    private final TenantRuleCatalog catalogs;
    private final TenantIntelLists intelLists;
    private final DetectionMetrics metrics;
    private final ObjectMapper json;
    private final MutinyEmitter<byte[]> alerts;
    private final MutinyEmitter<byte[]> deadLetters;
    private final MutinyEmitter<byte[]> alertDeadLetters;
    private final MutinyEmitter<byte[]> ruleMatches;

    EventConsumer(
            EventDetection detection,
            IntelDetection intel,
            TenantRuleCatalog catalogs,
            TenantIntelLists intelLists,
            DetectionMetrics metrics,
            ObjectMapper json,
            @Channel("alerts") MutinyEmitter<byte[]> alerts,
            @Channel("events-dlq") MutinyEmitter<byte[]> deadLetters,
            @Channel("alerts-dlq") MutinyEmitter<byte[]> alertDeadLetters,
            @Channel("rule-matches") MutinyEmitter<byte[]> ruleMatches) {
        this.detection = detection;
        this.intel = intel;
        this.catalogs = catalogs;
        this.intelLists = intelLists;
        this.metrics = metrics;
        this.json = json;
        this.alerts = alerts;
        this.deadLetters = deadLetters;
        this.alertDeadLetters = alertDeadLetters;
        this.ruleMatches = ruleMatches;
    }

    @Incoming("events")
    public Uni<Void> onEvent(Message<byte[]> message) {
        // no event is judged before the tenants' configurations and their own intel lists are known (after a start)
        if (!catalogs.tenantsKnown() || !intelLists.loaded()) {
            return Uni.createFrom()
                    .completionStage(catalogs.whenTenantsKnown())
                    .chain(() -> Uni.createFrom().completionStage(intelLists.whenLoaded()))
                    .chain(() -> handle(message));
        }
        return handle(message);
    }

    @SuppressWarnings("unchecked")
    private Uni<Void> handle(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> record =
                message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        Headers headers =
                record == null ? new org.apache.kafka.common.header.internals.RecordHeaders() : record.getHeaders();
        Object key = record == null ? null : record.getKey();

        Object event = parse(message.getPayload());
        EventAdmission.Outcome outcome = EventAdmission.admit(header(headers, RecordHeaders.TENANT), event);
        Uni<Void> published = switch (outcome) {
            case EventAdmission.Rejected rejected -> deadLetter(message.getPayload(), key, headers, rejected.reason());
            case EventAdmission.Accepted accepted -> evaluate(accepted, (Map<String, ?>) event, message.getPayload());
        };
        // The next record is evaluated while this one's records are on their way: the sends start
        // now, in record order (the producer keeps that order per partition), and the record is
        // acknowledged (its offset committed, commit-strategy throttled) only once Kafka has
        // acknowledged every one of them. Waiting for each acknowledgement before the next record
        // held a consumer for a whole produce round trip per alerting event: at 5,000 events/s with
        // every SigmaHQ Windows rule the consumers fell behind and alerts came seconds late
        // (docs/benchmarks.md, "Accept to alert").
        published.subscribe().with(ignored -> message.ack(), failure -> {
            LOG.errorf(failure, "publishing for record %s failed; it will be redelivered", key);
            message.nack(failure);
        });
        return Uni.createFrom().voidItem();
    }

    /**
     * @param record the event as published (normalized): threat intelligence reads its OCSF fields,
     *     rules the source's fields ({@link EventAdmission.Accepted#event()})
     */
    private Uni<Void> evaluate(EventAdmission.Accepted event, Map<String, ?> record, byte[] payload) {
        List<Alert> raised;
        List<IntelAlert> intelRaised;
        String intelFailure = null;
        List<EventDetection.RuleFailure> failures;
        List<RuleMatch> matches;
        MDC.put(MDC_TENANT, event.tenant().value());
        try {
            EventDetection.Detection result = detection.evaluate(event.tenant(), event.ingestId(), event.event());
            raised = result.alerts();
            failures = result.failures();
            matches = result.matches();
            try {
                intelRaised = intel.detect(event.tenant(), event.ingestId(), record);
            } catch (RuntimeException e) {
                intelRaised = List.of();
                intelFailure = "threat intelligence matching failed: " + e;
            }
            for (IntelAlert alert : intelRaised) {
                LOG.infof(
                        "alert %s: indicator %s of %s matched %s of event %s",
                        alert.alertId(),
                        alert.indicator().value(),
                        alert.indicator().feed(),
                        alert.matched().field(),
                        event.ingestId());
            }
            metrics.evaluated(event.tenant());
            for (Alert alert : raised) {
                LOG.infof(
                        "alert %s: rule %s (%s) matched event %s",
                        alert.alertId(),
                        alert.rule().sigma().id(),
                        alert.rule().sigma().title(),
                        event.ingestId());
            }
        } finally {
            MDC.remove(MDC_TENANT);
        }
        if (raised.isEmpty()
                && failures.isEmpty()
                && intelRaised.isEmpty()
                && intelFailure == null
                && matches.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = new java.util.ArrayList<>();
        raised.forEach(alert -> sends.add(publish(alert, payload)));
        intelRaised.forEach(alert -> sends.add(publish(alert, payload)));
        matches.forEach(match -> sends.add(publish(match)));
        if (intelFailure != null) {
            sends.add(alertDeadLetter(
                    event.tenant().value(),
                    event.tenant().recordKey(event.ingestId()),
                    "intel",
                    event.ingestId(),
                    payload,
                    intelFailure));
        }
        failures.forEach(failure -> sends.add(alertDeadLetter(
                failure.tenant().value(),
                failure.tenant().recordKey(failure.ingestId()),
                failure.rule().sigma().id(),
                failure.ingestId(),
                payload,
                failure.reason())));
        return Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    private Uni<Void> publish(Alert alert, byte[] eventPayload) {
        byte[] value;
        try {
            value = AlertRecords.toProto(alert).toByteArray();
        } catch (RuntimeException e) {
            return alertDeadLetter(
                    alert.tenant().value(),
                    alert.recordKey(),
                    alert.rule().sigma().id(),
                    alert.eventIngestIds().isEmpty()
                            ? ""
                            : alert.eventIngestIds().getFirst(),
                    eventPayload,
                    "alert could not be built: " + e);
        }
        Message<byte[]> out = Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(alert.recordKey())
                        .withHeaders(AlertRecords.headers(alert))
                        .build());
        return alerts.sendMessage(out).invoke(() -> metrics.raised(alert));
    }

    /**
     * A match of a rule the tenant's correlation rules refer to, for the correlation stage
     * ({@code soc.rule-matches.v1}, key = tenant).
     */
    private Uni<Void> publish(RuleMatch match) {
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        AlertRecords.add(headers, RecordHeaders.TENANT, match.tenant().value());
        AlertRecords.add(headers, RecordHeaders.TYPE, RuleMatchRecords.TYPE_RULE_MATCHED);
        AlertRecords.add(headers, RecordHeaders.SOURCE, AlertRecords.SOURCE);
        Message<byte[]> out = Message.of(RuleMatchRecords.toBytes(match))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(match.tenant().value())
                        .withHeaders(headers)
                        .build());
        return ruleMatches.sendMessage(out);
    }

    private Uni<Void> publish(IntelAlert alert, byte[] eventPayload) {
        byte[] value;
        try {
            value = AlertRecords.toProto(alert).toByteArray();
        } catch (RuntimeException e) {
            return alertDeadLetter(
                    alert.tenant().value(),
                    alert.recordKey(),
                    alert.ruleId(),
                    alert.ingestId(),
                    eventPayload,
                    "alert could not be built: " + e);
        }
        Message<byte[]> out = Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(alert.recordKey())
                        .withHeaders(AlertRecords.headers(alert))
                        .build());
        return alerts.sendMessage(out).invoke(() -> metrics.raised(alert));
    }

    /**
     * An alert that cannot be produced (a rule failing on the event, an alert that cannot be
     * encoded) goes to {@code soc.alerts.dlq.v1} with the event, so the event's other alerts still
     * flow and an operator can replay it.
     */
    private Uni<Void> alertDeadLetter(
            String tenant, String key, String ruleId, String ingestId, byte[] eventPayload, String reason) {
        MDC.put(MDC_TENANT, tenant);
        try {
            LOG.errorf(
                    "alert of rule %s for event %s sent to %s: %s",
                    ruleId, ingestId, RecordHeaders.TOPIC_ALERTS_DLQ, reason);
        } finally {
            MDC.remove(MDC_TENANT);
        }
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        AlertRecords.add(headers, RecordHeaders.TENANT, tenant);
        AlertRecords.add(headers, RecordHeaders.DLQ_REASON, reason);
        AlertRecords.add(headers, "rule_id", ruleId);
        AlertRecords.add(headers, "ingest_id", ingestId);
        Message<byte[]> out = Message.of(eventPayload == null ? new byte[0] : eventPayload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(key)
                        .withHeaders(headers)
                        .build());
        return alertDeadLetters.sendMessage(out).invoke(metrics::alertDeadLettered);
    }

    private Uni<Void> deadLetter(byte[] payload, Object key, Headers original, String reason) {
        // the tenant the record claims, so that the rejection shows up in that tenant's log lines
        String claimed = header(original, RecordHeaders.TENANT);
        if (claimed != null) {
            MDC.put(MDC_TENANT, claimed);
        }
        try {
            LOG.warnf("event record %s rejected to %s: %s", key, RecordHeaders.TOPIC_EVENTS_DLQ, reason);
        } finally {
            MDC.remove(MDC_TENANT);
        }
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        for (Header h : original) {
            if (!h.key().equals(RecordHeaders.DLQ_REASON)) {
                headers.add(h.key(), h.value());
            }
        }
        AlertRecords.add(headers, RecordHeaders.DLQ_REASON, reason);
        Message<byte[]> out = Message.of(payload == null ? new byte[0] : payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<Object>builder()
                        .withKey(key)
                        .withHeaders(headers)
                        .build());
        return deadLetters.sendMessage(out).invoke(metrics::deadLettered);
    }

    private Object parse(byte[] payload) {
        if (payload == null) {
            return null;
        }
        try {
            return json.readValue(payload, Object.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

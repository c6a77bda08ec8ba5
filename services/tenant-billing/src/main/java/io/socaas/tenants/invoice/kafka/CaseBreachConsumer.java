package io.socaas.tenants.invoice.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.socaas.events.RecordHeaders;
import io.socaas.events.TenantId;
import io.socaas.kafkarecords.DeadLetters;
import io.socaas.kafkarecords.TenantWall;
import io.socaas.proto.cases.v1.CaseEvent;
import io.socaas.proto.cases.v1.CaseEventType;
import io.socaas.tenants.invoice.persistence.SlaBreachTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Takes the SLA breaches case-management publishes on {@code soc.cases.v1} into {@code
 * sla_breaches}, where invoices count them as service credits: one row per case and clock, so a
 * record delivered again never counts twice. Other case changes are not billing's business. A
 * record the tenant wall stops ({@code TenantWall.CASES}: no tenant header, or header, key and
 * payload naming different tenants), or that does not parse, is kept on {@code soc.cases.dlq.v1}
 * with its reason, and the next record is taken.
 */
@ApplicationScoped
public class CaseBreachConsumer {

    public static final String CHANNEL = "cases-in";
    public static final String DEAD_LETTER_CHANNEL = "cases-dead-letter";
    public static final String DLQ_TOPIC = RecordHeaders.TOPIC_CASES_DLQ;

    private static final Logger LOG = Logger.getLogger(CaseBreachConsumer.class);

    private final SlaBreachTable breaches;
    private final MeterRegistry meters;
    private final MutinyEmitter<byte[]> deadLetters;

    CaseBreachConsumer(
            SlaBreachTable breaches,
            MeterRegistry meters,
            @Channel(DEAD_LETTER_CHANNEL) MutinyEmitter<byte[]> deadLetters) {
        this.breaches = breaches;
        this.meters = meters;
        this.deadLetters = deadLetters;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, byte[]> record =
                message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        CaseEvent event;
        try {
            event = message.getPayload() == null ? null : CaseEvent.parseFrom(message.getPayload());
        } catch (InvalidProtocolBufferException e) {
            event = null;
        }
        if (event == null) {
            // a record without tenant is stopped by the wall whatever its value
            var missing = TenantWall.CASES
                    .check(record.getHeaders(), record.getKey(), null)
                    .filter(breach -> breach.reason().equals(TenantWall.MISSING_TENANT));
            if (missing.isPresent()) {
                return stop(message, record, missing.get());
            }
            return reject(message, record, "malformed-record", "not a socaas.cases.v1.CaseEvent");
        }
        String tenant = event.getTenantId();
        var breach = TenantWall.CASES.check(record.getHeaders(), record.getKey(), tenant);
        if (breach.isPresent()) {
            return stop(message, record, breach.get());
        }
        if (record.getKey() != null && !record.getKey().equals(tenant + ":" + event.getCaseId())) {
            return reject(
                    message,
                    record,
                    "malformed-record",
                    "key '" + record.getKey() + "' but payload '" + tenant + ":" + event.getCaseId() + "'");
        }
        if (!TenantId.isValid(tenant) || event.getCaseId().isBlank()) {
            return reject(message, record, "malformed-record", "no valid tenant id or case id");
        }
        if (event.getType() != CaseEventType.CASE_EVENT_TYPE_BREACHED) {
            return Uni.createFrom().completionStage(message.ack());
        }
        String breachId = event.getCaseId() + ":" + event.getReason();
        return breaches.record(
                        breachId,
                        TenantId.of(tenant),
                        event.getCaseId(),
                        Instant.ofEpochMilli(event.getOccurredTimeMs()))
                .invoke(stored -> {
                    meters.counter("socaas.billing.sla.breaches", "outcome", stored ? "stored" : "duplicate")
                            .increment();
                    LOG.infof("SLA breach %s of tenant %s %s", breachId, tenant, stored ? "recorded" : "seen already");
                })
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.errorf(failure, "could not record SLA breach %s", breachId);
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    /** A record the tenant wall stopped: not counted, kept on the dead-letter topic, next record. */
    private Uni<Void> stop(
            Message<byte[]> message, IncomingKafkaRecordMetadata<String, byte[]> record, TenantWall.Breach breach) {
        meters.counter("socaas.billing.sla.breaches", "outcome", "rejected-" + breach.reason())
                .increment();
        return DeadLetters.keep(deadLetters, DLQ_TOPIC, message, record, breach, meters);
    }

    private Uni<Void> reject(
            Message<byte[]> message, IncomingKafkaRecordMetadata<String, byte[]> record, String reason, String detail) {
        meters.counter("socaas.billing.sla.breaches", "outcome", "rejected-" + reason)
                .increment();
        return DeadLetters.keep(deadLetters, DLQ_TOPIC, message, record, reason, detail);
    }
}

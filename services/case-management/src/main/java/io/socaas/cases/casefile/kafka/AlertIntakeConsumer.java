package io.socaas.cases.casefile.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.socaas.cases.casefile.domain.CaseFileService;
import io.socaas.cases.casefile.domain.IncomingAlert;
import io.socaas.cases.casefile.domain.IntakeConflictException;
import io.socaas.cases.casefile.domain.IntakeOutcome;
import io.socaas.events.RecordHeaders;
import io.socaas.kafkarecords.DeadLetters;
import io.socaas.kafkarecords.KafkaHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Takes in alerts from {@code soc.alerts.v1}. A record is acknowledged only after its case was
 * committed; records the tenant wall stops ({@code TenantWall.ALERTS}: tenant header, key and
 * payload must name one tenant) or that do not parse are dead-lettered to {@code
 * soc.alerts.dlq.v1} with a {@code dlq_reason} header, and the next record is taken. Database failures nack the record, which
 * stops the channel (failure strategy {@code fail}) so that the record is redelivered, never lost.
 */
@ApplicationScoped
public class AlertIntakeConsumer {

    private static final Logger LOG = Logger.getLogger(AlertIntakeConsumer.class);
    private static final String MDC_TENANT = "tenant";

    private final CaseFileService cases;
    private final MeterRegistry meters;
    private final MutinyEmitter<byte[]> deadLetters;

    public AlertIntakeConsumer(
            CaseFileService cases,
            MeterRegistry meters,
            @Channel("alerts-dead-letter") MutinyEmitter<byte[]> deadLetters) {
        this.cases = cases;
        this.meters = meters;
        this.deadLetters = deadLetters;
    }

    @Incoming("alerts")
    public Uni<Void> consume(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, byte[]> record =
                message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        String tenantHeader = KafkaHeaders.text(record.getHeaders(), RecordHeaders.TENANT);
        Instant recordTime = record.getTimestamp();
        return switch (AlertRecordDecoder.decode(record.getKey(), tenantHeader, message.getPayload(), recordTime)) {
            case AlertRecordDecoder.Rejected rejected
            when rejected.breach() != null -> {
                meters.counter("socaas.alerts.rejected", "reason", rejected.reason())
                        .increment();
                yield DeadLetters.keep(
                        deadLetters, RecordHeaders.TOPIC_ALERTS_DLQ, message, record, rejected.breach(), meters);
            }
            case AlertRecordDecoder.Rejected rejected ->
                deadLetter(message, record, rejected.reason(), rejected.detail());
            case AlertRecordDecoder.Accepted accepted -> intake(message, record, accepted.alert());
        };
    }

    private Uni<Void> intake(
            Message<byte[]> message, IncomingKafkaRecordMetadata<String, byte[]> record, IncomingAlert alert) {
        MDC.put(MDC_TENANT, alert.tenantId().value());
        return cases.intake(alert)
                .invoke(outcome -> recordOutcome(alert, outcome))
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure(IntakeConflictException.class)
                .recoverWithUni(conflict -> deadLetter(message, record, "intake-conflict", conflict.getMessage()))
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.errorf(
                            failure,
                            "could not take in alert %s (partition %d, offset %d)",
                            alert.alertId(),
                            record.getPartition(),
                            record.getOffset());
                    return Uni.createFrom().completionStage(message.nack(failure));
                })
                .eventually(() -> MDC.remove(MDC_TENANT));
    }

    private void recordOutcome(IncomingAlert alert, IntakeOutcome outcome) {
        var caseFile = outcome.caseFile();
        switch (outcome) {
            case IntakeOutcome.Opened opened -> {
                meters.counter(
                                "socaas.cases.opened",
                                "tenant",
                                caseFile.tenantId().value(),
                                "severity",
                                caseFile.severity().wireName())
                        .increment();
                LOG.infof(
                        "opened case %s (%s) from alert %s",
                        caseFile.id(), caseFile.severity().wireName(), alert.alertId());
            }
            case IntakeOutcome.Attached attached -> {
                meters.counter(
                                "socaas.cases.alerts.attached",
                                "tenant",
                                caseFile.tenantId().value())
                        .increment();
                LOG.infof(
                        "attached alert %s to case %s (%d alerts)",
                        alert.alertId(), caseFile.id(), caseFile.alertCount());
            }
            case IntakeOutcome.Duplicate duplicate ->
                LOG.debugf("alert %s already in case %s, redelivery ignored", alert.alertId(), caseFile.id());
        }
    }

    private Uni<Void> deadLetter(
            Message<byte[]> message, IncomingKafkaRecordMetadata<String, byte[]> record, String reason, String detail) {
        meters.counter("socaas.alerts.rejected", "reason", reason).increment();
        return DeadLetters.keep(deadLetters, RecordHeaders.TOPIC_ALERTS_DLQ, message, record, reason, detail);
    }
}

package io.socaas.tenants.audit.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.socaas.events.RecordHeaders;
import io.socaas.kafkarecords.DeadLetters;
import io.socaas.kafkarecords.TenantWall;
import io.socaas.proto.audit.v1.AuditEntry;
import io.socaas.tenants.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Takes every service's audit entries from {@code soc.audit.v1} into {@code audit_log}, each entry
 * id once (a redelivery is acknowledged and not stored again). The tenant wall ({@code
 * TenantWall.AUDIT}): key, {@code tenant} header and payload must name one tenant ({@code platform}
 * for an entry about none); a record that disagrees, does not parse or lacks its entry id or
 * action is not stored: it is counted ({@code socaas.audit.records{outcome=rejected-<reason>}}) and
 * kept, unchanged, on {@code soc.audit.dlq.v1} with its {@code dlq_reason} (a forged or broken
 * entry has no place in any trail, but a security officer must be able to see that it was tried).
 * A database failure nacks the record, which stops the channel (failure strategy {@code fail}) so
 * that it is redelivered, never lost.
 */
@ApplicationScoped
public class AuditTrailConsumer {

    public static final String CHANNEL = "audit-in";
    static final String PLATFORM = "platform";
    private static final TenantWall WALL = TenantWall.AUDIT;

    private static final Logger LOG = Logger.getLogger(AuditTrailConsumer.class);

    /** Where records that cannot be stored are kept ({@code soc.audit.dlq.v1}). */
    public static final String DEAD_LETTER_CHANNEL = "audit-dead-letter";

    private final AuditLog audit;
    private final MeterRegistry meters;
    private final MutinyEmitter<byte[]> deadLetters;

    AuditTrailConsumer(
            AuditLog audit, MeterRegistry meters, @Channel(DEAD_LETTER_CHANNEL) MutinyEmitter<byte[]> deadLetters) {
        this.audit = audit;
        this.meters = meters;
        this.deadLetters = deadLetters;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, byte[]> record =
                message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        AuditEntry entry;
        try {
            entry = AuditEntry.parseFrom(message.getPayload() == null ? new byte[0] : message.getPayload());
        } catch (InvalidProtocolBufferException e) {
            return deadLetter(message, record, "malformed-record", e.getMessage());
        }
        String payloadTenant = entry.getTenantId().isEmpty() ? PLATFORM : entry.getTenantId();
        var breach = WALL.check(record.getHeaders(), record.getKey(), payloadTenant);
        if (breach.isPresent()) {
            meters.counter(
                            "socaas.audit.records",
                            "outcome",
                            "rejected-" + breach.get().reason())
                    .increment();
            return DeadLetters.keep(deadLetters, RecordHeaders.TOPIC_AUDIT_DLQ, message, record, breach.get(), meters);
        }
        if (entry.getEntryId().isEmpty() || entry.getAction().isEmpty()) {
            return deadLetter(message, record, "malformed-record", "no entry id or action");
        }
        return audit.append(toEntry(entry))
                .invoke(stored -> meters.counter("socaas.audit.records", "outcome", stored ? "stored" : "duplicate")
                        .increment())
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.errorf(
                            failure,
                            "could not store audit entry %s (partition %d, offset %d)",
                            entry.getEntryId(),
                            record.getPartition(),
                            record.getOffset());
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    static io.socaas.tenants.audit.domain.AuditEntry toEntry(AuditEntry m) {
        return new io.socaas.tenants.audit.domain.AuditEntry(
                m.getEntryId(),
                Instant.EPOCH.plus(m.getTimeUs(), ChronoUnit.MICROS),
                m.getService().isEmpty() ? "-" : m.getService(),
                m.getActor().isEmpty() ? "anonymous" : m.getActor(),
                m.getSubject().isEmpty() ? "anonymous" : m.getSubject(),
                m.getClientId().isEmpty() ? "-" : m.getClientId(),
                m.getActorRolesList(),
                m.getTenantId(),
                m.getAction(),
                m.getTarget(),
                m.getBeforeJson(),
                m.getAfterJson(),
                m.getRequestId().isEmpty() ? "-" : m.getRequestId(),
                m.getTraceId(),
                m.getStatus(),
                switch (m.getOutcome()) {
                    case "succeeded", "refused", "failed" -> m.getOutcome();
                    default -> "failed";
                });
    }

    private Uni<Void> deadLetter(
            Message<byte[]> message, IncomingKafkaRecordMetadata<String, byte[]> record, String reason, String detail) {
        meters.counter("socaas.audit.records", "outcome", "rejected-" + reason).increment();
        return DeadLetters.keep(deadLetters, RecordHeaders.TOPIC_AUDIT_DLQ, message, record, reason, detail);
    }
}

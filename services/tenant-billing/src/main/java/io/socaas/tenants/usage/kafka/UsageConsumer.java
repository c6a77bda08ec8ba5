package io.socaas.tenants.usage.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.socaas.events.RecordHeaders;
import io.socaas.kafkarecords.DeadLetters;
import io.socaas.kafkarecords.KafkaHeaders;
import io.socaas.tenants.logging.TenantLogContext;
import io.socaas.tenants.usage.UsageService;
import io.socaas.tenants.usage.domain.MeteredMinute;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Takes in usage from {@code soc.usage.v1}. A record is acknowledged once it is stored (or found
 * stored already: a redelivery counts once). Records the tenant wall stops ({@code
 * TenantWall.USAGE}: no tenant header, or header, key and payload naming different tenants), or
 * that do not parse, are logged at WARN and kept on {@code soc.usage.dlq.v1} with a {@code
 * dlq_reason} header; the next record is taken. A database failure nacks the record, which stops the channel (failure
 * strategy {@code fail}) so that it is redelivered, never lost.
 */
@ApplicationScoped
public class UsageConsumer {

    public static final String CHANNEL = "usage-in";
    public static final String DEAD_LETTER_CHANNEL = "usage-dead-letter";

    private static final Logger LOG = Logger.getLogger(UsageConsumer.class);

    private final UsageService usage;
    private final MeterRegistry meters;
    private final MutinyEmitter<byte[]> deadLetters;

    UsageConsumer(
            UsageService usage, MeterRegistry meters, @Channel(DEAD_LETTER_CHANNEL) MutinyEmitter<byte[]> deadLetters) {
        this.usage = usage;
        this.meters = meters;
        this.deadLetters = deadLetters;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<byte[]> message) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, byte[]> record =
                message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        String tenantHeader = KafkaHeaders.text(record.getHeaders(), RecordHeaders.TENANT);
        return switch (UsageRecordDecoder.decode(record.getKey(), tenantHeader, message.getPayload())) {
            case UsageRecordDecoder.Rejected rejected
            when rejected.breach() != null -> {
                meters.counter("socaas.usage.records", "outcome", "rejected-" + rejected.reason())
                        .increment();
                yield DeadLetters.keep(
                        deadLetters, RecordHeaders.TOPIC_USAGE_DLQ, message, record, rejected.breach(), meters);
            }
            case UsageRecordDecoder.Rejected rejected ->
                deadLetter(message, record, rejected.reason(), rejected.detail());
            case UsageRecordDecoder.Accepted accepted -> store(message, record, accepted.minute());
        };
    }

    private Uni<Void> store(
            Message<byte[]> message, IncomingKafkaRecordMetadata<String, byte[]> record, MeteredMinute minute) {
        return TenantLogContext.withTenant(
                minute.tenant(),
                () -> usage.record(minute)
                        .invoke(stored -> {
                            meters.counter("socaas.usage.records", "outcome", stored ? "stored" : "duplicate")
                                    .increment();
                            LOG.debugf(
                                    "usage %s: %s (%d events, %d bytes)",
                                    minute.usageId(),
                                    stored ? "stored" : "already stored, ignored",
                                    minute.eventsAccepted(),
                                    minute.rawBytes());
                        })
                        .chain(() -> Uni.createFrom().completionStage(message.ack()))
                        .onFailure()
                        .recoverWithUni(failure -> {
                            LOG.errorf(
                                    failure,
                                    "could not store usage %s (partition %d, offset %d)",
                                    minute.usageId(),
                                    record.getPartition(),
                                    record.getOffset());
                            return Uni.createFrom().completionStage(message.nack(failure));
                        }));
    }

    private Uni<Void> deadLetter(
            Message<byte[]> message, IncomingKafkaRecordMetadata<String, byte[]> record, String reason, String detail) {
        meters.counter("socaas.usage.records", "outcome", "rejected-" + reason).increment();
        return DeadLetters.keep(deadLetters, RecordHeaders.TOPIC_USAGE_DLQ, message, record, reason, detail);
    }
}

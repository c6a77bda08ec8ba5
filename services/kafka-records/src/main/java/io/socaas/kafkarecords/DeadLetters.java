package io.socaas.kafkarecords;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.socaas.events.RecordHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Keeps a record the service cannot take on its topic's dead-letter topic: the record unchanged,
 * its headers plus {@code dlq_reason} and where it was read ({@code dlq_topic}, {@code
 * dlq_partition}, {@code dlq_offset}); the original is acknowledged once the copy is written, so
 * nothing is lost and nothing blocks the partition. A plain Kafka client builds the copy's headers
 * with {@link #headers}.
 */
public final class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private DeadLetters() {}

    public static Uni<Void> keep(
            MutinyEmitter<byte[]> deadLetters,
            String dlqTopic,
            Message<byte[]> message,
            IncomingKafkaRecordMetadata<String, byte[]> record,
            String reason,
            String detail) {
        LOG.warnf(
                "rejected record %s-%d@%d: %s (%s); kept on %s",
                record.getTopic(), record.getPartition(), record.getOffset(), reason, detail, dlqTopic);
        return write(deadLetters, message, record, reason, detail);
    }

    /**
     * Keeps a record the {@link TenantWall} stopped: logs it with both tenants, counts it
     * ({@code socaas.kafka.records.rejected}, tags {@code topic} and {@code reason}) and writes the
     * copy with the reason and both tenants in {@code dlq_reason}; the original is acknowledged
     * (its offset committed) only after the copy is written.
     */
    public static Uni<Void> keep(
            MutinyEmitter<byte[]> deadLetters,
            String dlqTopic,
            Message<byte[]> message,
            IncomingKafkaRecordMetadata<String, byte[]> record,
            TenantWall.Breach breach,
            MeterRegistry meters) {
        breach.log(record.getPartition(), record.getOffset(), "kept on " + dlqTopic);
        meters.counter("socaas.kafka.records.rejected", "topic", record.getTopic(), "reason", breach.reason())
                .increment();
        return write(deadLetters, message, record, breach.reason(), breach.detail());
    }

    private static Uni<Void> write(
            MutinyEmitter<byte[]> deadLetters,
            Message<byte[]> message,
            IncomingKafkaRecordMetadata<String, byte[]> record,
            String reason,
            String detail) {
        Headers headers = headers(record.getHeaders(), reason, detail);
        replace(headers, RecordHeaders.DLQ_TOPIC, record.getTopic());
        replace(headers, RecordHeaders.DLQ_PARTITION, Integer.toString(record.getPartition()));
        replace(headers, RecordHeaders.DLQ_OFFSET, Long.toString(record.getOffset()));
        Message<byte[]> rejected = rejected(message.getPayload(), record.getKey(), headers, null);
        return deadLetters.sendMessage(rejected).chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    private static void replace(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The headers of a rejected record's copy: the original ones plus {@code dlq_reason}. */
    public static Headers headers(Headers original, String reason, String detail) {
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        for (Header header : original) {
            headers.add(header);
        }
        headers.add(RecordHeaders.DLQ_REASON, (reason + ": " + detail).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /**
     * A dead-letter record: {@code payload} unchanged (the raw bytes as received), {@code headers}
     * (at least the tenant) plus {@code dlq_reason} when {@code reason} is given (a {@code null}
     * reason keeps the one the headers carry).
     */
    public static Message<byte[]> rejected(byte[] payload, String key, Headers headers, String reason) {
        if (reason != null) {
            headers.remove(RecordHeaders.DLQ_REASON);
            headers.add(RecordHeaders.DLQ_REASON, reason.getBytes(StandardCharsets.UTF_8));
        }
        return Message.of(payload == null ? new byte[0] : payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(key)
                        .withHeaders(headers)
                        .build());
    }
}

package io.socaas.tenants.testing;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the tenant facts topic of the local stack's real Kafka from the beginning: the topic this
 * service publishes to ({@code soc.tenants.v1}; its own test topic in tests).
 */
public final class TenantFactsTopic {

    private TenantFactsTopic() {}

    /** The last record of the tenant, if any: {@code Optional.of(null-valued record)} is a tombstone. */
    public static Optional<ConsumerRecord<String, byte[]>> lastRecordOf(String tenant) {
        String topic = ConfigProvider.getConfig().getValue("mp.messaging.outgoing.tenants.topic", String.class);
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:9092",
                ConsumerConfig.GROUP_ID_CONFIG,
                "tenant-billing-test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            ConsumerRecord<String, byte[]> last = null;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (tenant.equals(record.key())) {
                        last = record;
                    }
                }
            }
            return Optional.ofNullable(last);
        }
    }
}

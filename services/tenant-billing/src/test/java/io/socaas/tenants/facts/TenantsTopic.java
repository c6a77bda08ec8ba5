package io.socaas.tenants.facts;

import com.google.protobuf.InvalidProtocolBufferException;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what tenant-billing published on the tests' tenant facts topic, record by record. */
public final class TenantsTopic {

    /** One record: the tenant (key), its {@code tenant} and {@code ce_type} headers, the value. */
    public record Published(String key, String tenantHeader, String type, Optional<TenantConfig> config) {}

    private TenantsTopic() {}

    /** Every record of the topic for this tenant, oldest first. */
    public static List<Published> recordsOf(String tenant) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Published> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TenantFactsTestTopic.TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            while (!end.isEmpty()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (tenant.equals(record.key())) {
                        found.add(new Published(
                                record.key(),
                                header(record, "tenant"),
                                header(record, "ce_type"),
                                Optional.ofNullable(record.value()).map(TenantsTopic::parse)));
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return found;
    }

    /** The newest record of the tenant, if any. */
    public static Optional<Published> latest(String tenant) {
        List<Published> all = recordsOf(tenant);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static TenantConfig parse(byte[] value) {
        try {
            return TenantConfig.parseFrom(value);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not a TenantConfig", e);
        }
    }
}

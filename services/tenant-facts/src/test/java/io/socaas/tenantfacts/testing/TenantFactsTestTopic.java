package io.socaas.tenantfacts.testing;

import io.socaas.events.RecordHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * For the services' tests: publishes tenant configurations as tenant-billing does (key and
 * {@code tenant} header = tenant id) on {@value #TOPIC}, the topic the services read in their
 * {@code %test} profile, so that tests never touch the live platform's {@code soc.tenants.v1}.
 */
public final class TenantFactsTestTopic implements AutoCloseable {

    public static final String TOPIC = "soc.tenants.test.v1";

    private final KafkaProducer<String, byte[]> producer;

    public TenantFactsTestTopic() {
        producer = producer();
    }

    /** Creates a compacted topic of 3 partitions of its own for a test of a reader. */
    public static void createCompacted(String topic) throws Exception {
        try (Admin client = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092"))) {
            client.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** Deletes a test's own topic. */
    public static void delete(String topic) throws Exception {
        try (Admin client = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092"))) {
            client.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** A producer of the local stack's Kafka for a test topic of facts: string keys, bytes, acks=all. */
    public static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p);
    }

    /** A revision newer than anything published before: the current time in milliseconds. */
    public static long newRevision() {
        return System.currentTimeMillis();
    }

    /** Publishes a tenant's configuration (a serialized TenantConfig), or its tombstone for null. */
    public void publish(String tenant, byte[] config) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, tenant, config);
        record.headers().add(RecordHeaders.TENANT, tenant.getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(
                        RecordHeaders.TYPE,
                        (config == null ? RecordHeaders.TYPE_TENANT_PURGED : RecordHeaders.TYPE_TENANT_CHANGED)
                                .getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish tenant " + tenant + " on " + TOPIC, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

package io.socaas.correlation.detection.kafka;

import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.socaas.events.RecordHeaders;
import io.socaas.tenantfacts.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients against the local broker, for producing events and reading results. */
final class KafkaTestClient implements AutoCloseable {

    static final String BOOTSTRAP = "127.0.0.1:9092";
    static final Duration DEADLINE = Duration.ofSeconds(60);

    private final KafkaProducer<String, byte[]> producer;

    /** The topic the events channel reads in the test profile (never the live soc.events.v1). */
    static String eventsTopic() {
        return topicOf("mp.messaging.incoming.events.topic");
    }

    /** The topic alerts go to in the test profile (never the live soc.alerts.v1). */
    static String alertsTopic() {
        return topicOf("mp.messaging.outgoing.alerts.topic");
    }

    /** The dead-letter topic of events in the test profile. */
    static String eventsDeadLetterTopic() {
        return topicOf("mp.messaging.outgoing.events-dlq.topic");
    }

    /** The dead-letter topic of alerts in the test profile. */
    static String alertsDeadLetterTopic() {
        return topicOf("mp.messaging.outgoing.alerts-dlq.topic");
    }

    private static String topicOf(String property) {
        return TestTopics.configured(property);
    }

    KafkaTestClient() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    /** Sends an event as ingestion would: key {@code <tenant>:<ingest_id>} and CloudEvents headers. */
    void sendEvent(Integer partition, String headerTenant, String ingestId, String payload) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                eventsTopic(), partition, headerTenant + ":" + ingestId, payload.getBytes(StandardCharsets.UTF_8));
        record.headers().add(RecordHeaders.SPEC_VERSION, bytes(RecordHeaders.SPEC_VERSION_VALUE));
        record.headers().add(RecordHeaders.ID, bytes(ingestId));
        record.headers().add(RecordHeaders.TYPE, bytes(RecordHeaders.TYPE_EVENT_INGESTED));
        record.headers().add(RecordHeaders.SOURCE, bytes("/socaas/ingestion"));
        record.headers().add(RecordHeaders.TIME, bytes(Instant.now().toString()));
        record.headers().add(RecordHeaders.TENANT, bytes(headerTenant));
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    /**
     * Waits until every consumer of the {@code events} channel (one per concurrency) has its
     * partitions and has fixed its start position (the test profile starts at the end of the topic),
     * so that events produced from now on are consumed.
     */
    static void awaitEventConsumersAssigned(KafkaClientService kafkaClients) {
        List<io.smallrye.reactive.messaging.kafka.KafkaConsumer<Object, Object>> consumers =
                kafkaClients.getConsumerChannels().stream()
                        .filter(channel -> channel.equals("events") || channel.startsWith("events$"))
                        .flatMap(channel -> kafkaClients.<Object, Object>getConsumers(channel).stream())
                        .toList();
        if (consumers.isEmpty()) {
            throw new AssertionError("no consumer of the events channel");
        }
        await().atMost(DEADLINE)
                .until(() -> consumers.stream()
                        .allMatch(consumer -> !consumer.getAssignments()
                                .await()
                                .atMost(Duration.ofSeconds(10))
                                .isEmpty()));
        for (var consumer : consumers) {
            consumer.runOnPollingThread(c -> {
                        Set<TopicPartition> assigned = c.assignment();
                        assigned.forEach(c::position);
                    })
                    .await()
                    .atMost(Duration.ofSeconds(30));
        }
    }

    int partitions(String topic) {
        return producer.partitionsFor(topic).size();
    }

    /** A reader of {@code topic} that sees only records produced after this call. */
    Reader readerFromNow(String topic) {
        return new Reader(topic);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? Optional.empty() : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }

    /** Reads every partition of one topic from the offsets current when it was created. */
    static final class Reader implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        private Reader(String topic) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            consumer = new KafkaConsumer<>(p);
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fixes the start offsets now
        }

        /** Polls until a record satisfies {@code predicate}; fails after the deadline. */
        ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> predicate) {
            await().atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(predicate);
            });
            return seen.stream().filter(predicate).findFirst().orElseThrow();
        }

        /** Every record up to the current end of the topic. */
        List<ConsumerRecord<String, byte[]>> readToEnd() {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            await().atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
            return List.copyOf(seen);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}

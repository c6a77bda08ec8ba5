package io.socaas.ingestion.intake;

import static org.awaitility.Awaitility.await;

import io.socaas.tenantfacts.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the events topic of the test profile ({@code soc.events.test.v1}) on the real broker with a plain consumer, from the end offsets at
 * the time it was opened (so only records produced by the test at hand are seen).
 */
final class EventsTopic implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Collection<TopicPartition> partitions;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private EventsTopic(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {
        this.consumer = consumer;
        this.partitions = partitions;
    }

    static EventsTopic fromNow() {
        return fromNow(TestTopics.configured("mp.messaging.outgoing.events-out.topic"));
    }

    /** Reads {@code topic} (e.g. the dead-letter topic) from its end offsets now. */
    static EventsTopic fromNow(String topic) {
        return fromNow("127.0.0.1:9092", topic);
    }

    /** Reads {@code topic} of the broker at {@code bootstrapServers} (a test's own) from its end offsets now. */
    static EventsTopic fromNow(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, DEADLINE).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start offsets now, before the test produces
        return new EventsTopic(consumer, partitions);
    }

    /** Waits until records for all {@code keys} arrived; returns them in key order. */
    List<ConsumerRecord<String, byte[]>> awaitKeys(List<String> keys) {
        await().atMost(DEADLINE).until(() -> {
            poll();
            return keys.stream().allMatch(k -> seen.stream().anyMatch(r -> k.equals(r.key())));
        });
        return keys.stream()
                .map(k ->
                        seen.stream().filter(r -> k.equals(r.key())).findFirst().orElseThrow())
                .toList();
    }

    /** Every record produced since opening, up to the current end of every partition. */
    List<ConsumerRecord<String, byte[]>> drainToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, DEADLINE);
        await().atMost(DEADLINE).until(() -> {
            poll();
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
        return List.copyOf(seen);
    }

    /** Reads until what arrived since opening satisfies {@code done}, within {@code deadline}. */
    List<ConsumerRecord<String, byte[]>> awaitUntil(
            Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration deadline) {
        await().atMost(deadline).until(() -> {
            poll();
            return done.test(seen);
        });
        return List.copyOf(seen);
    }

    List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> filter) {
        return seen.stream().filter(filter).toList();
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}

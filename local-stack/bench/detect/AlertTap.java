import io.socaas.proto.alerts.v1.Alert;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows the alerts topic from its end (every partition, no consumer group) and prints one line per
 * alert: the record's timestamp (the broker's append time on the benchmark's topics), the time it was
 * read (epoch ms), the rule id and the ingest ids of the events that raised it, comma-separated.
 * Prints "ready" once its position on every partition is fixed. Run with the classpath of the built
 * correlation (the Kafka client in lib/main, the generated proto classes in app/):
 *     java -cp "services/correlation/target/quarkus-app/lib/main/*:services/correlation/target/quarkus-app/app/*" AlertTap.java BROKER TOPIC
 */
public class AlertTap {
    public static void main(String[] args) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // alerts are read as soon as the broker has them: the figure is the pipeline's, not this reader's
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(args[1], Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            System.out.println("ready " + partitions.size());
            System.out.flush();
            StringBuilder out = new StringBuilder();
            while (true) {
                var records = consumer.poll(Duration.ofMillis(50));
                long read = System.currentTimeMillis();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    try {
                        Alert alert = Alert.parseFrom(record.value());
                        out.append(record.timestamp()).append(' ').append(read).append(' ')
                                .append(alert.getRule().getId()).append(' ')
                                .append(String.join(",", alert.getEventIngestIdsList())).append('\n');
                    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                        out.append(record.timestamp()).append(' ').append(read).append(" unreadable -\n");
                    }
                }
                if (!out.isEmpty()) {
                    System.out.print(out);
                    System.out.flush();
                    out.setLength(0);
                }
            }
        }
    }
}

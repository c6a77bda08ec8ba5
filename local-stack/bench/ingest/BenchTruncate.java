import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;

/**
 * Deletes every record a benchmark topic holds (the log start moves to its end), so that a consumer
 * group made for a run reads only that run's records. Only for the benchmark's own topics. Run with
 * the broker's client jar: java -cp kafka-clients.jar BenchTruncate.java HOST:PORT TOPIC...
 */
public class BenchTruncate {
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(p)) {
            for (String topic : List.of(args).subList(1, args.length)) {
                if (!topic.startsWith("soc.bench.")) {
                    throw new IllegalArgumentException("not a benchmark topic: " + topic);
                }
                int partitions = admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(10, TimeUnit.SECONDS)
                        .get(topic)
                        .partitions()
                        .size();
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                for (int i = 0; i < partitions; i++) {
                    latest.put(new TopicPartition(topic, i), OffsetSpec.latest());
                }
                Map<TopicPartition, RecordsToDelete> delete = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                        .entrySet()
                        .stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> RecordsToDelete.beforeOffset(e.getValue().offset())));
                admin.deleteRecords(delete).all().get(30, TimeUnit.SECONDS);
            }
        }
    }
}

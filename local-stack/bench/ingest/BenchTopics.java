import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the benchmark's topics when missing (3 partitions, one replica, broker-side timestamps:
 * rsyslog stamps records with the event time, and Kafka refuses records stamped more than an hour
 * ahead). TOPIC:N asks for N partitions instead. Run with the broker's client jar:
 *     java -cp kafka-clients.jar BenchTopics.java HOST:PORT TOPIC[:PARTITIONS]...
 */
public class BenchTopics {
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = List.of(args).subList(1, args.length).stream()
                    .map(t -> t.split(":", 2))
                    .filter(t -> !existing.contains(t[0]))
                    .map(t -> new NewTopic(t[0], t.length > 1 ? Integer.parseInt(t[1]) : 3, (short) 1)
                            .configs(Map.of("message.timestamp.type", "LogAppendTime")))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            System.out.println("topics ready: " + List.of(args).subList(1, args.length));
        }
    }
}

package io.socaas.localstack.component;

import io.socaas.localstack.LocalTls;
import io.socaas.localstack.StackSettings;
import io.socaas.localstack.process.Net;
import io.socaas.localstack.process.ProcessSupervisor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Apache Kafka in KRaft mode, one node acting as broker and controller, from Maven Central jars. */
public final class Kafka extends Component {

    /** Topics of docs/contracts.md with their partition counts. */
    public static final Map<String, Integer> TOPICS = Map.ofEntries(
            Map.entry("soc.events.v1", 6),
            Map.entry("soc.events.dlq.v1", 3),
            Map.entry("soc.alerts.v1", 3),
            Map.entry("soc.alerts.dlq.v1", 3),
            Map.entry("soc.cases.v1", 3),
            Map.entry("soc.usage.v1", 3),
            Map.entry("soc.usage.dlq.v1", 3),
            Map.entry("soc.cases.dlq.v1", 3),
            Map.entry("soc.tenants.v1", 3),
            // the tenants' own threat intelligence lists (correlation), compacted
            Map.entry("soc.intel.v1", 3),
            // every service's mutating actions (services/audit-trail), stored by tenant-billing
            Map.entry("soc.audit.v1", 3),
            // audit entries tenant-billing cannot store, with their dlq_reason
            Map.entry("soc.audit.dlq.v1", 3),
            // analysts' tenant entitlements (case-management), compacted, key = user name
            Map.entry("soc.entitlements.v1", 3),
            // matches of rules that correlation rules refer to, for correlation's Kafka Streams stage
            // (key = tenant); as many partitions as soc.events.v1
            Map.entry("soc.rule-matches.v1", 6),
            // the services' own tests (%test profile) publish and read here, never on the live topics
            // that a running platform uses: each live topic has its test twin
            Map.entry("soc.events.test.v1", 6),
            Map.entry("soc.events.dlq.test.v1", 3),
            Map.entry("soc.alerts.test.v1", 3),
            Map.entry("soc.alerts.dlq.test.v1", 3),
            Map.entry("soc.cases.test.v1", 3),
            Map.entry("soc.usage.test.v1", 3),
            Map.entry("soc.usage.dlq.test.v1", 3),
            Map.entry("soc.cases.dlq.test.v1", 3),
            Map.entry("soc.tenants.test.v1", 3),
            Map.entry("soc.intel.test.v1", 3),
            Map.entry("soc.rule-matches.test.v1", 3),
            Map.entry("soc.entitlements.test.v1", 3),
            Map.entry("soc.audit.test.v1", 3),
            Map.entry("soc.audit.dlq.test.v1", 3));

    private final String name;
    private final int port;
    private final int controllerPort;

    /** The stack's broker: {@code kafka} on {@link StackSettings#KAFKA_PORT}. */
    public Kafka(StackSettings settings, ProcessSupervisor supervisor) {
        this(settings, supervisor, "kafka", StackSettings.KAFKA_PORT, StackSettings.KAFKA_CONTROLLER_PORT);
    }

    /**
     * A broker of its own (see {@code testing.StoppableKafka}): PID file, log and data directory
     * ({@code <home>/<name>}), client port {@code port}, controller port {@code controllerPort}, the
     * platform's topics. Its data survives a stop and start.
     */
    public Kafka(StackSettings settings, ProcessSupervisor supervisor, String name, int port, int controllerPort) {
        super(settings, supervisor);
        this.name = name;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    protected boolean startsDifferentlyWithTls() {
        return true;
    }

    @Override
    public String endpoint() {
        return StackSettings.HOST + ":" + port;
    }

    private Path dir() {
        return settings.home().resolve(name);
    }

    @Override
    public boolean isHealthy() {
        if (!Net.portInUse(StackSettings.HOST, port())) {
            return false;
        }
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoint());
        if (settings.tls()) {
            p.putAll(LocalTls.of(settings).kafkaClientSettings());
        }
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return Admin.create(p);
    }

    @Override
    protected void preflight() {
        Dists.files(settings, "kafka");
    }

    @Override
    protected void launch() {
        try {
            Path dir = dir();
            Path data = dir.resolve("data");
            Files.createDirectories(data);
            Path props = dir.resolve("server.properties");
            Files.writeString(props, serverProperties(data));
            Path log4j = dir.resolve("log4j2.properties");
            Files.writeString(log4j, LOG4J2);
            String cp = Dists.classpath(settings, "kafka");
            List<String> jvm = List.of(
                    java(),
                    "-Xms256m",
                    "-Xmx512m",
                    "-XX:+UseG1GC",
                    "-Djava.awt.headless=true",
                    "-Dlog4j2.configurationFile=" + log4j,
                    "-cp",
                    cp);
            if (!Files.exists(data.resolve("meta.properties"))) {
                List<String> format = new java.util.ArrayList<>(jvm);
                format.addAll(List.of(
                        "kafka.tools.StorageTool",
                        "format",
                        "--standalone",
                        "-t",
                        clusterId(),
                        "-c",
                        props.toString()));
                int rc = ProcessSupervisor.runToCompletion(format, Map.of(), log(), Duration.ofMinutes(2));
                if (rc != 0) {
                    throw failure("formatting the KRaft storage failed (exit " + rc + ")");
                }
            }
            List<String> server = new java.util.ArrayList<>(jvm);
            server.addAll(List.of("kafka.Kafka", props.toString()));
            supervisor.startDetached(name(), server, Map.of(), dir, log());
        } catch (IOException e) {
            throw failure("cannot prepare " + dir() + ": " + e.getMessage());
        }
    }

    /**
     * A new cluster id: 16 random bytes in URL-safe base64, as Kafka's own. Like Kafka's, never one
     * that starts with '-': the storage tool's argument parser would read it as an option and the
     * format would fail.
     */
    static String clusterId() {
        while (true) {
            UUID u = UUID.randomUUID();
            ByteBuffer b = ByteBuffer.allocate(16);
            b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private String serverProperties(Path data) {
        String host = StackSettings.HOST;
        return """
                # Written by the SOCaaS launcher: single-node KRaft (broker + controller).
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=%1$s:%3$d
                %5$s
                log.dirs=%4$s
                num.partitions=3
                # One node: every internal topic has a single replica.
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                # Consumer groups of tests and services join without the 3 s default delay.
                group.initial.rebalance.delay.ms=0
                # Topics are created explicitly (docs/contracts.md), never by a typo.
                auto.create.topics.enable=false
                log.retention.hours=168
                """.formatted(host, port, controllerPort, data, listeners(host).strip());
    }

    /**
     * The listeners: clients on PLAINTEXT, or (--tls) on SSL with the local CA's certificate; the
     * controller, which only the broker itself reaches on the loopback address, stays plain.
     */
    private String listeners(String host) {
        String clients = settings.tls() ? "SSL" : "PLAINTEXT";
        String listeners = """
                listeners=%4$s://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                advertised.listeners=%4$s://%1$s:%2$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=%4$s:%4$s,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=%4$s
                """.formatted(host, port, controllerPort, clients);
        return settings.tls() ? listeners + LocalTls.of(settings).kafkaSslSettings() : listeners;
    }

    private static final String LOG4J2 = """
            status = warn
            appender.console.type = Console
            appender.console.name = console
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = info
            rootLogger.appenderRef.console.ref = console
            logger.kafka.name = kafka
            logger.kafka.level = info
            logger.state.name = state.change.logger
            logger.state.level = warn
            """;

    /** Creates the platform's topics that do not exist yet. */
    @Override
    protected void afterReady() {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = TOPICS.entrySet().stream()
                    .filter(e -> !existing.contains(e.getKey()))
                    .map(e -> {
                        NewTopic t = new NewTopic(e.getKey(), e.getValue(), (short) 1);
                        if (e.getKey().startsWith("soc.tenants.") || e.getKey().startsWith("soc.entitlements.")) {
                            t.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                        }
                        if (e.getKey().startsWith("soc.intel.")) {
                            // one record holds all of a tenant's lists: up to 8 MiB
                            t.configs(Map.of(
                                    TopicConfig.CLEANUP_POLICY_CONFIG,
                                    TopicConfig.CLEANUP_POLICY_COMPACT,
                                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                    "8388608"));
                        }
                        return t;
                    })
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw failure("creating the platform topics failed: " + e.getMessage());
        }
    }

    @Override
    protected Duration readinessDeadline() {
        return Duration.ofSeconds(90);
    }
}

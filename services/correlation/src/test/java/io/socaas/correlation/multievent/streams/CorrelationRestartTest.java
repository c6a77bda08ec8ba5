package io.socaas.correlation.multievent.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socaas.correlation.multievent.domain.GroupState;
import io.socaas.correlation.multievent.domain.RuleMatch;
import io.socaas.correlation.rules.domain.RuleCatalog;
import io.socaas.correlation.rules.domain.TenantProfile;
import io.socaas.events.TenantId;
import io.socaas.localstack.LocalStack;
import io.socaas.proto.alerts.v1.Alert;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The correlation stage against the real broker of the local stack: an instance is stopped in the
 * middle of a window and another one, on another state folder (another machine, or the instance a
 * rebalance moves the partitions to), takes over from the changelog; the alert fires exactly once.
 */
class CorrelationRestartTest {

    private static final String BOOTSTRAP = "127.0.0.1:9092";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String MATCHES = "soc.rule-matches.restart-test." + RUN;
    private static final String ALERTS = "soc.alerts.restart-test." + RUN;
    private static final String APPLICATION = "socaas-correlation-restart-test-" + RUN;
    private static final String FAILED = "11111111-0000-4000-8000-000000000001";
    private static final String RULE = "c0000000-0000-4000-8000-000000000001";
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    static Path dir;

    private static Admin admin;

    @BeforeAll
    static void broker() throws Exception {
        LocalStack.fromEnvironment().ensureInfrastructure();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        admin = Admin.create(props);
        admin.createTopics(List.of(
                        new NewTopic(MATCHES, Optional.of(3), Optional.empty()),
                        // one partition: the alerts of both groups are read in the order they were committed
                        new NewTopic(ALERTS, Optional.of(1), Optional.empty())))
                .all()
                .get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try {
            admin.deleteTopics(List.of(MATCHES, ALERTS)).all().get(30, TimeUnit.SECONDS);
        } finally {
            admin.close();
        }
    }

    @Test
    void anInstanceStoppedMidWindowHandsItsStateOverAndTheAlertFiresExactlyOnce() throws Exception {
        RuleCatalog catalog = CorrelationRig.read(
                        dir.resolve("rules"),
                        Map.of(
                                "failed_login.yml", CorrelationTypesTest.base(FAILED, "failed_login"),
                                "mr_many_failed_logins.yml", """
                                title: Many failed logins
                                id: %s
                                level: high
                                correlation:
                                    type: event_count
                                    rules:
                                        - failed_login
                                    group-by:
                                        - User
                                    timespan: 1h
                                    condition:
                                        gte: 3
                                """.formatted(RULE)))
                .catalogFor(List.of(new TenantProfile(TenantId.of("acme"), true, List.of("corr"))));
        assertThat(catalog.failures()).isEmpty();

        try (KafkaProducer<String, byte[]> producer = producer()) {
            KafkaStreams first = start(catalog, dir.resolve("state-1"));
            send(producer, "bob", 0, "01JNXRESTART0000000000001");
            send(producer, "bob", 60, "01JNXRESTART0000000000002");
            // the first instance holds two of the three matches of bob's window
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(entries(first, "bob")).isEqualTo(2));
            first.close(Duration.ofSeconds(30));
            first.cleanUp();

            // another instance, with no local state: it restores the window from the changelog
            KafkaStreams second = start(catalog, dir.resolve("state-2"));
            try {
                // a match delivered again does not count twice
                send(producer, "bob", 60, "01JNXRESTART0000000000002");
                send(producer, "bob", 120, "01JNXRESTART0000000000003");
                // a second group as a marker: once its alert is there, every alert before it is too
                send(producer, "zed", 200, "01JNXRESTART0000000000101");
                send(producer, "zed", 201, "01JNXRESTART0000000000102");
                send(producer, "zed", 202, "01JNXRESTART0000000000103");

                List<Alert> alerts = readUntil(a -> a.getSummary().contains("User=zed"));
                List<Alert> bob = alerts.stream()
                        .filter(a -> a.getSummary().contains("User=bob"))
                        .toList();
                assertThat(bob).singleElement().satisfies(a -> {
                    assertThat(a.getRule().getId()).isEqualTo(RULE);
                    assertThat(a.getEventIngestIdsList())
                            .containsExactly(
                                    "01JNXRESTART0000000000001",
                                    "01JNXRESTART0000000000002",
                                    "01JNXRESTART0000000000003");
                });
            } finally {
                second.close(Duration.ofSeconds(30));
                second.cleanUp();
            }
        }
    }

    private static KafkaStreams start(RuleCatalog catalog, Path stateDir) {
        Properties props = CorrelationStreams.properties(new TestSettings(stateDir), BOOTSTRAP);
        KafkaStreams streams = new KafkaStreams(
                CorrelationTopology.build(
                        () -> catalog,
                        MATCHES,
                        ALERTS,
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(1),
                        Clock.systemUTC()),
                props);
        streams.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    private static int entries(KafkaStreams streams, String user) {
        try {
            ReadOnlyKeyValueStore<String, GroupState> store = streams.store(StoreQueryParameters.fromNameAndType(
                    CorrelationTopology.STORE, QueryableStoreTypes.<String, GroupState>keyValueStore()));
            int count = 0;
            try (var all = store.all()) {
                while (all.hasNext()) {
                    var entry = all.next();
                    if (entry.key.endsWith("User=" + user)) {
                        count += entry.value.entries().size();
                    }
                }
            }
            return count;
        } catch (RuntimeException notQueryableYet) {
            return -1;
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String user, long second, String ingestId)
            throws Exception {
        RuleMatch match = new RuleMatch(
                TenantId.of("acme"),
                FAILED,
                T0.plusSeconds(second).toEpochMilli(),
                List.of(ingestId),
                Map.of("User", user));
        producer.send(new ProducerRecord<>(MATCHES, "acme", RuleMatchRecords.toBytes(match)))
                .get(30, TimeUnit.SECONDS);
    }

    private static List<Alert> readUntil(java.util.function.Predicate<Alert> last) throws Exception {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-test-reader-" + RUN);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<Alert> alerts = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(ALERTS));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    alerts.add(Alert.parseFrom(r.value()));
                }
                return alerts.stream().anyMatch(last);
            });
        }
        return alerts;
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    /** The service's settings with this test's application id, topics and state folder. */
    private record TestSettings(Path state) implements StreamsSettings {
        public boolean enabled() {
            return true;
        }

        public String applicationId() {
            return APPLICATION;
        }

        public String matchesTopic() {
            return MATCHES;
        }

        public String alertsTopic() {
            return ALERTS;
        }

        public Duration grace() {
            return Duration.ofMinutes(1);
        }

        public Duration punctuation() {
            return Duration.ofSeconds(1);
        }

        public int threads() {
            return 1;
        }

        public int standbyReplicas() {
            return 0;
        }

        public Duration commitInterval() {
            return Duration.ofMillis(100);
        }

        public int replicationFactor() {
            return -1;
        }

        public Optional<String> stateDir() {
            return Optional.of(state.toString());
        }
    }
}

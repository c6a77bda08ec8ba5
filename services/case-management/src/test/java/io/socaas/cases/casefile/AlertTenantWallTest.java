package io.socaas.cases.casefile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.cases.testing.DemoTenantFacts;
import io.socaas.cases.testing.Tokens;
import io.socaas.events.RecordHeaders;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.alerts.v1.Alert;
import io.socaas.proto.alerts.v1.Level;
import io.socaas.proto.alerts.v1.RuleRef;
import io.socaas.tenantfacts.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The tenant wall of the alerts topic on the real broker (the tests' {@code soc.alerts.test.v1}):
 * an alert whose tenant header is missing, or whose header or key names another tenant than its
 * payload, opens no case for either tenant and is kept on the dead-letter topic with its reason;
 * the next alert is taken in as usual. (The test's service reads test topics with its own consumer
 * group and database, so a live platform beside it neither sees these alerts nor changes what is
 * asserted.)
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoTenantFacts.class, restrictToAnnotatedClass = false)
class AlertTenantWallTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** One partition: once the matching alert after them is a case, the others were handled. */
    private static final int PARTITION = 0;

    @Test
    void alertsThatDisagreeAboutTheirTenantOpenNoCaseAndAreKeptOnTheDeadLetterTopic() {
        String run =
                UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        Alert headerOfGlobex = alert("acme", "H" + run);
        Alert noHeader = alert("acme", "N" + run);
        Alert keyOfGlobex = alert("acme", "K" + run);
        Alert matching = alert("acme", "M" + run);

        // other test runs on the same broker (other checkouts) read the same test topic and may keep
        // their own copies: each record is expected to have (at least) the copy this service writes
        Map<String, List<ConsumerRecord<String, byte[]>>> kept = new HashMap<>();
        try (KafkaConsumer<String, byte[]> deadLetters =
                atEnd(TestTopics.configured("mp.messaging.outgoing.alerts-dead-letter.topic"))) {
            publish(headerOfGlobex, "acme:" + headerOfGlobex.getDedupKey(), "globex");
            publish(noHeader, "acme:" + noHeader.getDedupKey(), null);
            publish(keyOfGlobex, "globex:" + keyOfGlobex.getDedupKey(), "acme");
            publish(matching, "acme:" + matching.getDedupKey(), "acme");

            await().atMost(DEADLINE).untilAsserted(() -> {
                deadLetters
                        .poll(Duration.ofMillis(200))
                        .forEach(r -> kept.computeIfAbsent(header(r, RecordHeaders.ID), id -> new ArrayList<>())
                                .add(r));
                assertKept(kept, headerOfGlobex, "tenant-mismatch", "tenant header 'globex'", "payload tenant 'acme'");
                assertKept(kept, noHeader, "missing-tenant", "no tenant header", "payload tenant 'acme'");
                assertKept(kept, keyOfGlobex, "tenant-mismatch", "tenant header 'acme'", "key 'globex:");
            });
        }

        String alice = Tokens.of("alice@acme.example", "alice-dev-password");
        String bob = Tokens.of("bob@globex.example", "bob-dev-password");
        await().atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> summaries(alice).contains(matching.getSummary()));
        List<String> smuggled = List.of(headerOfGlobex.getSummary(), noHeader.getSummary(), keyOfGlobex.getSummary());
        assertThat(summaries(alice)).doesNotContainAnyElementsOf(smuggled);
        assertThat(summaries(bob)).doesNotContainAnyElementsOf(smuggled);
    }

    private static void assertKept(
            Map<String, List<ConsumerRecord<String, byte[]>>> kept, Alert alert, String reason, String... names) {
        assertThat(kept.getOrDefault(alert.getAlertId(), List.of())).anySatisfy(copy -> {
            assertThat(header(copy, RecordHeaders.DLQ_REASON))
                    .startsWith(reason)
                    .contains(names);
            assertThat(header(copy, RecordHeaders.DLQ_TOPIC))
                    .isEqualTo(TestTopics.configured("mp.messaging.incoming.alerts.topic"));
            assertThat(header(copy, RecordHeaders.DLQ_PARTITION)).isEqualTo(Integer.toString(PARTITION));
            assertThat(header(copy, RecordHeaders.DLQ_OFFSET)).matches("\\d+");
            assertThat(copy.value()).isEqualTo(alert.toByteArray());
        });
    }

    private static List<String> summaries(String token) {
        return given().auth()
                .oauth2(token)
                .queryParam("limit", 500)
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("summary", String.class);
    }

    private static Alert alert(String tenant, String run) {
        return Alert.newBuilder()
                .setAlertId("01WALL" + run)
                .setTenantId(tenant)
                .setRule(RuleRef.newBuilder()
                        .setId("5f8a3e1c-0000-4000-8000-000000000002")
                        .setTitle("Tenant wall " + run)
                        .setAuthor("SOCaaS tests")
                        .setLicense("DRL-1.1"))
                .setLevel(Level.LEVEL_HIGH)
                .addEventIngestIds("01WALLEVT" + run)
                .setEventTime(Instant.now().toString())
                .setDetectedTime(Instant.now().toString())
                .setSummary("tenant wall alert " + run)
                .setDedupKey("wall-" + run)
                .build();
    }

    /** Publishes as correlation does, with the given key and {@code tenant} header (none when null). */
    private static void publish(Alert alert, String key, String tenantHeader) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            var record = new ProducerRecord<>(
                    TestTopics.configured("mp.messaging.incoming.alerts.topic"), PARTITION, key, alert.toByteArray());
            if (tenantHeader != null) {
                record.headers().add(RecordHeaders.TENANT, tenantHeader.getBytes(StandardCharsets.UTF_8));
            }
            record.headers()
                    .add(RecordHeaders.SPEC_VERSION, RecordHeaders.SPEC_VERSION_VALUE.getBytes(StandardCharsets.UTF_8))
                    .add(RecordHeaders.ID, alert.getAlertId().getBytes(StandardCharsets.UTF_8))
                    .add(RecordHeaders.TYPE, RecordHeaders.TYPE_ALERT_RAISED.getBytes(StandardCharsets.UTF_8))
                    .add(RecordHeaders.SOURCE, "/socaas/correlation".getBytes(StandardCharsets.UTF_8))
                    .add(RecordHeaders.TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish alert " + alert.getAlertId(), e);
        }
    }

    private static KafkaConsumer<String, byte[]> atEnd(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

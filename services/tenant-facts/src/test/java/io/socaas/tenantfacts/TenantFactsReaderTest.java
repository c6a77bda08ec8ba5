package io.socaas.tenantfacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.socaas.events.RecordHeaders;
import io.socaas.events.TenantId;
import io.socaas.localstack.LocalStack;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reader against the real Kafka of the local stack, on a compacted topic of its own. The
 * payload is a protobuf {@link Struct} with {@code tenant_id} and {@code revision}: the reader is
 * generic in the message, as every service passes its own generated {@code TenantConfig}.
 */
class TenantFactsReaderTest {

    private static final String BOOTSTRAP = "127.0.0.1:9092";

    private String topic;
    private KafkaProducer<String, byte[]> producer;
    private TenantFactsReader<Struct> reader;

    @BeforeAll
    static void stack() {
        LocalStack.fromEnvironment().ensureInfrastructure();
    }

    @BeforeEach
    void topic() throws Exception {
        topic = "soc.tenants.test-" + UUID.randomUUID();
        TenantFactsTestTopic.createCompacted(topic);
        producer = TenantFactsTestTopic.producer();
    }

    @AfterEach
    void close() throws Exception {
        if (reader != null) {
            reader.close();
        }
        producer.close();
        TenantFactsTestTopic.delete(topic);
    }

    @Test
    void readsEveryTenantPublishedBeforeItStartedThenFollowsChanges() throws Exception {
        publish("acme", "acme", config("acme", 1, "standard"));
        publish("globex", "globex", config("globex", 4, "essentials"));

        reader = start();

        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(reader.all()).containsOnlyKeys(TenantId.of("acme"), TenantId.of("globex"));
        assertThat(plan(reader.get(TenantId.of("globex")))).isEqualTo("essentials");

        List<String> changes = new CopyOnWriteArrayList<>();
        reader.addListener((tenant, before, after) -> changes.add(tenant + ":" + plan(before) + "->" + plan(after)));
        publish("acme", "acme", config("acme", 2, "premium"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(plan(reader.get(TenantId.of("acme")))).isEqualTo("premium"));
        assertThat(changes).containsExactly("acme:standard->premium");
    }

    @Test
    void aTombstoneRemovesThePurgedTenant() throws Exception {
        publish("acme", "acme", config("acme", 1, "standard"));
        reader = start();
        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

        publish("acme", "acme", null);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(reader.get(TenantId.of("acme"))).isEmpty());
    }

    @Test
    void keepsTheNewestRevisionWhenAnOlderOneArrivesLater() throws Exception {
        publish("acme", "acme", config("acme", 7, "premium"));
        publish("acme", "acme", config("acme", 3, "essentials"));
        publish("globex", "globex", config("globex", 1, "standard"));

        reader = start();

        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        assertThat(plan(reader.get(TenantId.of("acme")))).isEqualTo("premium");
    }

    @Test
    void skipsRecordsWhoseKeyHeaderAndPayloadDoNotNameTheSameTenant() throws Exception {
        publish("acme", "acme", config("acme", 1, "standard"));
        reader = start();
        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

        // a payload for globex under acme's key, and a record whose header names another tenant
        publish("acme", "acme", config("globex", 9, "premium"));
        publish("acme", "globex", config("acme", 9, "premium"));
        publish("not a tenant!", "acme", config("acme", 9, "premium"));
        // then a good one, so that we know the reader got past the bad ones
        publish("initech", "initech", config("initech", 1, "essentials"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(reader.get(TenantId.of("initech"))).isPresent();
            assertThat(reader.status()).containsEntry("skipped", 3L).containsEntry("tenant-wall", 2L);
        });
        assertThat(plan(reader.get(TenantId.of("acme")))).isEqualTo("standard");
        assertThat(reader.get(TenantId.of("globex"))).isEmpty();
    }

    @Test
    void aRecordWithoutTenantHeaderOrATombstoneForAnotherTenantChangesNoTenant() throws Exception {
        publish("acme", "acme", config("acme", 1, "standard"));
        publish("globex", "globex", config("globex", 1, "standard"));
        reader = start();
        assertThat(reader.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

        publish("acme", null, config("acme", 9, "premium"));
        // a purge of acme that says it is globex's, and one that names no tenant
        publish("acme", "globex", null);
        publish("globex", null, null);
        // globex's configuration under acme's header and key
        publish("acme", "acme", config("globex", 9, "premium"));
        // then a good one on each key, so that we know the reader got past the bad ones
        publish("acme", "acme", config("acme", 2, "essentials"));
        publish("globex", "globex", config("globex", 2, "essentials"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(plan(reader.get(TenantId.of("acme")))).isEqualTo("essentials");
            assertThat(plan(reader.get(TenantId.of("globex")))).isEqualTo("essentials");
        });
        assertThat(reader.status()).containsEntry("tenant-wall", 4L).containsEntry("skipped", 4L);
        assertThat(reader.all()).containsOnlyKeys(TenantId.of("acme"), TenantId.of("globex"));
    }

    private TenantFactsReader<Struct> start() {
        return TenantFactsReader.start(
                new TenantFactsReader.Settings(BOOTSTRAP, topic, "tenant-facts-test"),
                Struct.parser(),
                s -> s.getFieldsOrDefault("tenant_id", Value.getDefaultInstance())
                        .getStringValue(),
                s -> (long) s.getFieldsOrDefault("revision", Value.getDefaultInstance())
                        .getNumberValue());
    }

    private void publish(String key, String headerTenant, Struct value) throws Exception {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, key, value == null ? null : value.toByteArray());
        if (headerTenant != null) {
            record.headers().add(RecordHeaders.TENANT, headerTenant.getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    private static Struct config(String tenant, long revision, String plan) {
        return Struct.newBuilder()
                .putFields(
                        "tenant_id", Value.newBuilder().setStringValue(tenant).build())
                .putFields(
                        "revision", Value.newBuilder().setNumberValue(revision).build())
                .putFields("plan", Value.newBuilder().setStringValue(plan).build())
                .build();
    }

    private static String plan(Optional<Struct> config) {
        return config.map(s -> s.getFieldsOrThrow("plan").getStringValue()).orElse("none");
    }
}

package io.socaas.correlation.intel.tenantlists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.socaas.correlation.intel.catalog.IntelCatalog;
import io.socaas.correlation.intel.domain.FeedFormat;
import io.socaas.correlation.intel.domain.FeedSource;
import io.socaas.correlation.intel.domain.IntelListsNotLoadedException;
import io.socaas.correlation.intel.feeds.IndicatorDocuments;
import io.socaas.correlation.intel.feeds.IntelSettings;
import io.socaas.events.RecordHeaders;
import io.socaas.events.TenantId;
import io.socaas.localstack.LocalStack;
import io.socaas.proto.intel.v1.IntelList;
import io.socaas.proto.intel.v1.TenantIntel;
import io.socaas.tenantfacts.TenantFactsReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After a start, the tenants' own lists are read back from their compacted topic (the real Kafka
 * of the local stack, a topic of this test's own) before intel matching counts as ready: until the
 * first full read, {@link TenantIntelLists#loaded()} is false (readiness down, events wait) and an
 * upload, which would replace the tenant's lists not known yet, waits and is then refused.
 */
class TenantIntelListsLoadTest {

    private static final String BOOTSTRAP = "127.0.0.1:9092";
    private static final TenantId ACME = TenantId.of("acme");

    private String topic;
    private TenantIntelLists lists;

    @BeforeAll
    static void stack() {
        LocalStack.fromEnvironment().ensureInfrastructure();
    }

    @BeforeEach
    void topic() throws Exception {
        topic = "soc.intel.test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void close() throws Exception {
        if (lists != null) {
            lists.close();
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void intelMatchingIsReadyOnlyOnceTheListsPublishedBeforeTheStartAreRead() throws Exception {
        publish(acmeBlocklist());
        IntelCatalog catalog = new IntelCatalog();
        AtomicReference<Map<String, Integer>> atLoad = new AtomicReference<>();
        lists = new TenantIntelLists(settings(Duration.ofSeconds(20)), catalog, null, reader(BOOTSTRAP));
        lists.whenLoaded().thenRun(() -> atLoad.set(catalog.tenantSizes()));

        await().atMost(Duration.ofSeconds(60)).until(lists::loaded);
        // the moment matching is ready, acme's list already matches
        assertThat(atLoad.get()).containsEntry(ACME.value(), 1);
        assertThat(lists.lists(ACME).getListsList())
                .extracting(IntelList::getName)
                .containsExactly("blocklist");
    }

    @Test
    void beforeTheFirstFullReadMatchingIsNotReadyAndAnUploadIsRefusedAfterItsWait() {
        // a broker that does not answer (yet): the first read cannot finish
        IntelCatalog catalog = new IntelCatalog();
        lists = new TenantIntelLists(settings(Duration.ofMillis(300)), catalog, null, reader("127.0.0.1:1"));

        assertThat(lists.loaded()).isFalse();
        assertThat(lists.whenLoaded().toCompletableFuture()).isNotDone();
        assertThatThrownBy(() -> lists.upload(
                                ACME,
                                "blocklist",
                                "csv",
                                "type,value\ndomain,evil.example\n".getBytes(StandardCharsets.UTF_8),
                                80,
                                "alice")
                        .await()
                        .atMost(Duration.ofSeconds(10)))
                .isInstanceOf(IntelListsNotLoadedException.class)
                .hasMessageContaining("retry");
        assertThat(catalog.tenantSizes()).isEmpty();
    }

    private TenantFactsReader<TenantIntel> reader(String bootstrap) {
        return TenantFactsReader.start(
                new TenantFactsReader.Settings(bootstrap, topic, "correlation-intel-test"),
                TenantIntel.parser(),
                TenantIntel::getTenantId,
                TenantIntel::getRevision);
    }

    private static TenantIntel acmeBlocklist() {
        var parsed = IndicatorDocuments.parse(
                FeedFormat.CSV,
                "type,value\ndomain,evil.example\n",
                new FeedSource(IntelRecords.feedOf("blocklist"), 80));
        IntelList.Builder list = IntelList.newBuilder().setName("blocklist").setFormat("csv");
        parsed.indicators().forEach(i -> list.addIndicators(IntelRecords.toProto(i)));
        return TenantIntel.newBuilder()
                .setTenantId(ACME.value())
                .setRevision(1)
                .addLists(list)
                .build();
    }

    private void publish(TenantIntel intel) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(topic, intel.getTenantId(), intel.toByteArray());
            record.headers().add(RecordHeaders.TENANT, intel.getTenantId().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    private IntelSettings settings(Duration wait) {
        String name = topic;
        return new IntelSettings() {
            public String topic() {
                return name;
            }

            public int maxUploadBytes() {
                return 4 * 1024 * 1024;
            }

            public int maxListIndicators() {
                return 20_000;
            }

            public Duration listsLoadWait() {
                return wait;
            }

            public Map<String, Feed> feeds() {
                return Map.of();
            }
        };
    }
}

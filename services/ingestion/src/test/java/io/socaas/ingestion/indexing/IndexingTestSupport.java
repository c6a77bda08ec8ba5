package io.socaas.ingestion.indexing;

import io.socaas.events.RecordHeaders;
import io.socaas.tenantfacts.testing.TestTopics;
import io.socaas.tenantindices.OpenSearchConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * For the indexing tests: publishes events on the topic the indexer reads (the tests'
 * soc.events.test.v1) as ingestion does (key, {@code tenant} header, JSON with {@code tenant},
 * {@code ingest_id}, {@code received_time}), and reads what the real OpenSearch holds.
 */
final class IndexingTestSupport implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    /** Tenants whose indices and template are deleted at close: the shared node keeps no test leftovers. */
    private final java.util.Set<String> tenants = new java.util.LinkedHashSet<>();

    private final OpenSearchConnection connection;
    final OpenSearchClient opensearch;

    IndexingTestSupport(String opensearchUrl) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(p);
        connection = OpenSearchConnection.to(java.net.URI.create(opensearchUrl));
        opensearch = connection.client();
    }

    /** A tenant id no earlier run used. */
    static String aTenant(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static String anIngestId() {
        return "01J"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 23).toUpperCase();
    }

    /** An event as ingestion stamps it, with an optional source time (epoch ms). */
    static String event(String tenant, String ingestId, Long time) {
        return "{\"tenant\":\"" + tenant + "\",\"ingest_id\":\"" + ingestId + "\",\"received_time\":\""
                + Instant.now() + "\"" + (time == null ? "" : ",\"time\":" + time)
                + ",\"message\":\"sshd[42]: Failed password for root\",\"EventID\":4625}";
    }

    /**
     * Publishes {@code json} with the {@code tenant} header {@code headerTenant} and key
     * {@code key} (records with one key keep their order), waiting for the broker's acknowledgement.
     */
    void publish(String key, String headerTenant, String json) {
        String topic = TestTopics.configured("socaas.ingestion.indexing.topic");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
        record.headers().add(RecordHeaders.TENANT, headerTenant.getBytes(StandardCharsets.UTF_8));
        cleanUpAtClose(headerTenant);
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish on " + topic, e);
        }
    }

    /** Deletes the tenant's indices and template when the support closes. */
    void cleanUpAtClose(String tenant) {
        tenants.add(tenant);
    }

    /** Publishes one event of the tenant (key = tenant, so the tenant's test events keep their order). */
    void publish(String tenant, String ingestId) {
        publish(tenant, tenant, event(tenant, ingestId, null));
    }

    /** What the counts give while the node answers that no copy of the index is searchable yet. */
    static final long NOT_SEARCHABLE_YET = -1;

    /** How many documents the index or alias holds; 0 while it does not exist. */
    long count(String indexOrAlias) {
        return count(indexOrAlias, true);
    }

    /** How many documents a search of the index or alias finds now, without refreshing it first. */
    long countAsSearched(String indexOrAlias) {
        return count(indexOrAlias, false);
    }

    private long count(String indexOrAlias, boolean refreshFirst) {
        try {
            if (!opensearch.indices().exists(e -> e.index(indexOrAlias)).value()) {
                return 0;
            }
            awaitPrimaries(indexOrAlias);
            if (refreshFirst) {
                opensearch.indices().refresh(r -> r.index(indexOrAlias));
            }
            return opensearch.count(c -> c.index(indexOrAlias)).count();
        } catch (ResponseException e) {
            if (e.status() == 503) {
                // "all shards failed" with no failed shard: a copy the node has just started is not
                // searchable yet. -1 matches no expected count, so a poll asks again and an
                // assertion of "none here" fails rather than passing on a search that did not run
                return NOT_SEARCHABLE_YET;
            }
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the primaries of an index the indexer has just created are allocated: until then
     * a search of it answers 503 ("no shard available"), which says nothing about the indexer.
     */
    private void awaitPrimaries(String indexOrAlias) throws IOException {
        opensearch
                .cluster()
                .health(h ->
                        h.index(indexOrAlias).waitForStatus(HealthStatus.Yellow).timeout(t -> t.time("30s")));
    }

    /** The index's {@code index.refresh_interval} setting, or null when it has none of its own. */
    String refreshInterval(String index) throws IOException {
        var settings = opensearch
                .indices()
                .getSettings(g -> g.index(index))
                .result()
                .get(index)
                .settings();
        var interval = settings.index() != null ? settings.index().refreshInterval() : settings.refreshInterval();
        return interval == null ? null : interval.time();
    }

    /** Every document of the index or alias (up to 10 000), with its index and id. */
    @SuppressWarnings("rawtypes")
    List<Hit<Map>> documents(String indexOrAlias) {
        try {
            opensearch.indices().refresh(r -> r.index(indexOrAlias));
            return opensearch
                    .search(s -> s.index(indexOrAlias).size(10_000), Map.class)
                    .hits()
                    .hits();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the indexer's dead-letter topic (the tests' own) from its end at the time of the call. */
    static final class DeadLetters implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        DeadLetters() {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer
                    .partitionsFor(
                            TestTopics.configured("socaas.ingestion.indexing.dead-letter-topic"),
                            Duration.ofSeconds(30))
                    .stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        /** The dlq_reason of the dead-lettered record whose payload contains {@code text}, or null. */
        String reasonOf(String text) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream()
                    .filter(r -> r.value() != null && new String(r.value(), StandardCharsets.UTF_8).contains(text))
                    .map(r -> r.headers().lastHeader(RecordHeaders.DLQ_REASON))
                    .filter(h -> h != null)
                    .map(h -> new String(h.value(), StandardCharsets.UTF_8))
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    @Override
    public void close() throws IOException {
        var admin = new io.socaas.tenantindices.TenantIndexAdmin(opensearch);
        for (String tenant : tenants) {
            admin.purge(io.socaas.events.TenantId.of(tenant));
        }
        producer.close();
        connection.close();
    }
}

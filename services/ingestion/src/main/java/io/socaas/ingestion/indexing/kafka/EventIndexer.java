package io.socaas.ingestion.indexing.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.socaas.events.TenantId;
import io.socaas.ingestion.indexing.config.IndexingConfig;
import io.socaas.ingestion.indexing.domain.EventTimeBounds;
import io.socaas.ingestion.indexing.domain.IndexingLag;
import io.socaas.ingestion.indexing.kafka.EventRecordReader.Indexable;
import io.socaas.ingestion.indexing.kafka.EventRecordReader.Read;
import io.socaas.ingestion.indexing.kafka.EventRecordReader.Rejected;
import io.socaas.ingestion.indexing.opensearch.BulkWriter;
import io.socaas.ingestion.indexing.opensearch.IndexingOpenSearch;
import io.socaas.kafkarecords.DeadLetters;
import io.socaas.tenantindices.TenantIndexAdmin;
import io.socaas.tenantindices.TenantIndexLayout;
import io.socaas.transporttls.KafkaClientSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Indexes soc.events.v1 into the tenants' daily indices ({@code events-<tenant>-yyyy.MM.dd}, alias
 * {@code events-<tenant>}), with the event's {@code ingest_id} as document id.
 *
 * <h2>Nothing lost, nothing twice</h2>
 *
 * A plain {@link KafkaConsumer} of the group {@code socaas.ingestion.indexing.group-id} on its own
 * thread, with {@code enable.auto.commit=false}: the offsets of a polled batch are committed
 * ({@code commitSync}) only after every record of it is either stored in OpenSearch or kept on
 * soc.events.dlq.v1 (acknowledged by Kafka). When OpenSearch (or the dead-letter write) fails, the
 * consumer seeks back to the batch's first offsets and polls the same records again after a backoff
 * that doubles up to {@code retry-max-backoff}: an outage of any length delays indexing and loses
 * nothing, and since the consumer keeps polling it stays in its group. Documents are created with
 * their ingest id ({@link BulkWriter}), so whatever is read twice (a retried batch, a batch whose
 * commit was lost in a rebalance, a replay from an earlier offset) is stored once.
 *
 * <p>Why not a SmallRye Reactive Messaging channel: its {@code throttled} commit strategy does commit
 * only acknowledged offsets, but a record that stays unacknowledged for longer than
 * {@code throttled.unprocessed-record-max-age} (60 s) makes the channel report unhealthy, and a
 * negative acknowledgement either stops the channel ({@code fail}) or lets the offset be committed
 * ({@code ignore}, dead-letter): an hour-long OpenSearch outage fits none of them. Waiting and
 * rewinding is a few lines with the consumer itself, and the commit then visibly follows the bulk.
 *
 * <h2>Bounded memory</h2>
 *
 * One batch at a time: at most {@code max-records} records ({@code max.poll.records}) of at most
 * {@code fetch.max.bytes} fetched data, written in bulks of at most {@code max-bulk-bytes}, up to
 * {@code bulk-concurrency} of them at once when the batch is large enough.
 *
 * <h2>Rejections</h2>
 *
 * A record without a valid tenant header, whose payload names another tenant (or none), that is not
 * a JSON object, or that has no ingest id goes to soc.events.dlq.v1 unindexed, with
 * {@code dlq_reason}. Items the bulk refuses for good (a value the index mapping refuses) go there
 * too; items OpenSearch asks to retry (429, 5xx) are retried, and the batch is not committed until
 * they are stored.
 */
@ApplicationScoped
public class EventIndexer {

    private static final Logger LOG = Logger.getLogger(EventIndexer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int FETCH_BYTES = 16 * 1024 * 1024;
    /** Fewer events than this are not split into bulks of their own. */
    private static final int MIN_BULK = 200;
    /** Attempts within one batch for items OpenSearch asked to retry before the batch is rewound. */
    private static final int ITEM_ATTEMPTS = 5;
    /** Tenants whose template, and indices that this instance made sure of (bounded). */
    private static final int REMEMBERED = 10_000;

    /** What the indexer is doing, for the health check. */
    public enum State {
        DISABLED,
        STARTING,
        INDEXING,
        WAITING_FOR_OPENSEARCH,
        STOPPED,
        FAILED
    }

    private final IndexingConfig config;
    private final String bootstrapServers;
    private final String clientId;
    private final IndexingOpenSearch opensearch;
    private final EventRecordReader reader;
    private final MeterRegistry meters;
    private final IndexingLag lag = new IndexingLag();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Set<TenantId> templated = remembered();
    private final Set<String> knownIndices = remembered();
    private final Object pause = new Object();
    /** The bulks of a batch are written at once, each on a virtual thread; the batch waits for all. */
    private final ExecutorService bulkWriters = Executors.newVirtualThreadPerTaskExecutor();

    private volatile boolean running;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile State state = State.STARTING;
    private volatile String lastError;
    private volatile Instant lastCommit;

    EventIndexer(
            IndexingConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            IndexingOpenSearch opensearch,
            ObjectMapper json,
            MeterRegistry meters) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.clientId = applicationName + "-indexer";
        this.opensearch = opensearch;
        this.reader = new EventRecordReader(
                json, new EventTimeBounds(config.eventTimeMaxPast(), config.eventTimeMaxFuture()));
        this.meters = meters;
    }

    void start(@Observes StartupEvent started) {
        if (!config.enabled()) {
            state = State.DISABLED;
            LOG.info("indexing into OpenSearch is disabled (socaas.ingestion.indexing.enabled=false)");
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("event-indexer").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        synchronized (pause) {
            pause.notifyAll();
        }
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        bulkWriters.shutdown();
    }

    public State state() {
        return state;
    }

    /** The last failure while indexing, or null. */
    public String lastError() {
        return lastError;
    }

    /** When offsets were last committed after a successful batch, or null. */
    public Instant lastCommit() {
        return lastCommit;
    }

    public String opensearchUrl() {
        return opensearch.url().toString();
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProperties());
                KafkaProducer<String, byte[]> deadLetters = new KafkaProducer<>(producerProperties())) {
            consumer = c;
            c.subscribe(List.of(config.topic()));
            LOG.infof(
                    "indexing %s into OpenSearch at %s as group %s",
                    config.topic(), opensearch.url(), config.groupId());
            Duration backoff = config.retryInitialBackoff();
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(POLL);
                if (records.isEmpty()) {
                    if (state == State.STARTING) {
                        state = State.INDEXING;
                    }
                    continue;
                }
                try {
                    index(records, deadLetters);
                } catch (WakeupException e) {
                    throw e;
                } catch (Exception e) {
                    // nothing of the batch is committed: read it again after the backoff
                    state = State.WAITING_FOR_OPENSEARCH;
                    lastError = describe(e);
                    LOG.warnf("indexing %d records failed (%s); retrying in %s", records.count(), lastError, backoff);
                    rewind(c, records);
                    counter("socaas.ingestion.indexing.retries", "outcome", "rewound")
                            .increment();
                    pause(backoff);
                    backoff = min(backoff.multipliedBy(2), config.retryMaxBackoff());
                    continue;
                }
                try {
                    c.commitSync(nextOffsets(records));
                    lastCommit = Instant.now();
                } catch (CommitFailedException | RebalanceInProgressException e) {
                    // the partitions moved on: their new owner reads these records again and finds
                    // them already indexed (same ids)
                    LOG.infof("offsets not committed after a rebalance: %s", e.getMessage());
                }
                backoff = config.retryInitialBackoff();
                state = State.INDEXING;
                lastError = null;
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            state = State.FAILED;
            lastError = describe(e);
            LOG.errorf(e, "the event indexer stopped");
            return;
        } finally {
            consumer = null;
        }
        state = State.STOPPED;
    }

    /** Indexes or dead-letters every record of the batch; throws when it could not. */
    private void index(ConsumerRecords<String, byte[]> records, KafkaProducer<String, byte[]> deadLetters)
            throws Exception {
        List<Indexable> indexable = new ArrayList<>(records.count());
        List<Rejected> rejected = new ArrayList<>();
        Map<TenantId, Instant> oldest = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Read read = reader.read(record);
            switch (read) {
                case Indexable i -> {
                    indexable.add(i);
                    oldest.merge(i.tenant(), Instant.ofEpochMilli(record.timestamp()), (a, b) -> a.isBefore(b) ? a : b);
                }
                case Rejected r -> rejected.add(r);
            }
        }
        oldest.forEach((tenant, accepted) -> {
            if (lag.waiting(tenant, accepted)) {
                Gauge.builder(
                                "socaas.ingestion.indexing.lag",
                                lag,
                                l -> l.secondsBehind(tenant, Instant.now()).orElse(0.0))
                        .description("Seconds the tenant's events wait from acceptance until searchable")
                        .baseUnit("seconds")
                        .tag("tenant", tenant.value())
                        .register(meters);
            }
        });

        BulkWriter writer = new BulkWriter(opensearch.client());
        List<Indexable> pending = indexable;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            ensureIndices(pending);
            List<Indexable> retry = new ArrayList<>();
            String retryReason = null;
            List<List<Indexable>> bulks = bulks(pending);
            List<Future<List<BulkWriter.Outcome>>> answers = new ArrayList<>(bulks.size());
            for (List<Indexable> bulk : bulks) {
                answers.add(bulkWriters.submit(() -> writer.write(bulk.stream()
                        .map(i -> new BulkWriter.Document(
                                TenantIndexLayout.of(i.tenant()).dailyIndex(i.day()), i.ingestId(), i.source()))
                        .toList())));
            }
            for (int b = 0; b < bulks.size(); b++) {
                List<Indexable> bulk = bulks.get(b);
                List<BulkWriter.Outcome> outcomes = answer(answers.get(b));
                Map<TenantId, Integer> written = new HashMap<>();
                for (int n = 0; n < outcomes.size(); n++) {
                    Indexable event = bulk.get(n);
                    switch (outcomes.get(n)) {
                        case BulkWriter.Written w -> written.merge(event.tenant(), 1, Integer::sum);
                        case BulkWriter.Retry r -> {
                            retry.add(event);
                            retryReason = r.reason();
                        }
                        case BulkWriter.Refused r ->
                            rejected.add(new Rejected(event.record(), "index-rejected", r.reason()));
                    }
                }
                written.forEach((tenant, n) -> counter("socaas.ingestion.indexing.indexed", "tenant", tenant.value())
                        .increment(n));
            }
            if (!retry.isEmpty()) {
                if (attempt >= ITEM_ATTEMPTS) {
                    throw new IllegalStateException(
                            retry.size() + " items still to be retried after " + attempt + " bulks: " + retryReason);
                }
                // an index deleted meanwhile is made again before the retry
                retry.forEach(i ->
                        knownIndices.remove(TenantIndexLayout.of(i.tenant()).dailyIndex(i.day())));
                pause(min(config.retryInitialBackoff().multipliedBy(1L << attempt), config.retryMaxBackoff()));
                if (!running) {
                    throw new IllegalStateException("stopping");
                }
            }
            pending = retry;
        }
        deadLetter(rejected, deadLetters);
        Instant now = Instant.now();
        oldest.keySet().forEach(tenant -> lag.indexed(tenant, now));
    }

    /** The tenant's template (once per tenant) and the day's index with its alias (once per index). */
    private void ensureIndices(List<Indexable> events) throws Exception {
        TenantIndexAdmin admin = opensearch.admin();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Set<String> seen = new LinkedHashSet<>();
        for (Indexable event : events) {
            if (templated.add(event.tenant())) {
                try {
                    admin.putTemplate(event.tenant());
                } catch (Exception e) {
                    templated.remove(event.tenant());
                    throw e;
                }
            }
            String index = TenantIndexLayout.of(event.tenant()).dailyIndex(event.day());
            if (!knownIndices.contains(index) && seen.add(index)) {
                admin.ensureDailyIndex(event.tenant(), event.day(), today);
                knownIndices.add(index);
            }
        }
    }

    /**
     * The batch in bulks of at most {@code max-bulk-bytes}, and in at least {@code bulk-concurrency}
     * bulks when it holds enough events ({@link #MIN_BULK} each), so that OpenSearch indexes them
     * on as many threads at once.
     */
    private List<List<Indexable>> bulks(List<Indexable> events) {
        List<List<Indexable>> bulks = new ArrayList<>();
        List<Indexable> current = new ArrayList<>();
        long bytes = 0;
        int most = Math.max(MIN_BULK, -Math.floorDiv(-events.size(), config.bulkConcurrency()));
        for (Indexable event : events) {
            if (!current.isEmpty() && (bytes + event.size() > config.maxBulkBytes() || current.size() >= most)) {
                bulks.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(event);
            bytes += event.size();
        }
        if (!current.isEmpty()) {
            bulks.add(current);
        }
        return bulks;
    }

    /** The outcomes of one bulk; its failure as it was thrown. */
    private static List<BulkWriter.Outcome> answer(Future<List<BulkWriter.Outcome>> answer) throws Exception {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Keeps the rejected records on the dead-letter topic and waits for Kafka's acknowledgements. */
    private void deadLetter(List<Rejected> rejected, KafkaProducer<String, byte[]> deadLetters) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>(rejected.size());
        for (Rejected r : rejected) {
            ConsumerRecord<String, byte[]> record = r.record();
            LOG.warnf(
                    "rejected record %s-%d@%d: %s (%s); kept on %s",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    r.reason(),
                    r.detail(),
                    config.deadLetterTopic());
            sent.add(deadLetters.send(new ProducerRecord<>(
                    config.deadLetterTopic(),
                    null,
                    record.key(),
                    record.value(),
                    DeadLetters.headers(record.headers(), r.reason(), r.detail()))));
        }
        for (Future<RecordMetadata> f : sent) {
            f.get(30, TimeUnit.SECONDS);
        }
        rejected.forEach(r -> counter("socaas.ingestion.indexing.dead.lettered", "reason", r.reason())
                .increment());
    }

    private static void rewind(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            c.seek(partition, records.records(partition).getFirst().offset());
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            offsets.put(
                    partition,
                    new OffsetAndMetadata(records.records(partition).getLast().offset() + 1));
        }
        return offsets;
    }

    private void pause(Duration d) {
        synchronized (pause) {
            if (running) {
                try {
                    pause.wait(Math.max(1, d.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    private Counter counter(String name, String tag, String value) {
        return counters.computeIfAbsent(
                name + "|" + value, k -> Counter.builder(name).tag(tag, value).register(meters));
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.putAll(KafkaClientSecurity.settings());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a new group indexes what the topic still holds
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(config.maxRecords()));
        // what the consumer fetches ahead of the batch in hand: enough for a full batch even when
        // one partition holds all of it (the default of 1 MB per partition would cut it short).
        // fetch.min.bytes stays 1: the broker answers as soon as anything arrived (latency first)
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(FETCH_BYTES));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(FETCH_BYTES));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.putAll(KafkaClientSecurity.settings());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-dlq");
        // contracts.md: producers use acks=all and idempotence
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    private static <T> Set<T> remembered() {
        return Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<T, Boolean> eldest) {
                return size() > REMEMBERED;
            }
        }));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}

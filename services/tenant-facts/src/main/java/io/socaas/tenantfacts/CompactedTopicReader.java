package io.socaas.tenantfacts;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import io.socaas.transporttls.KafkaClientSecurity;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Materializes one of the platform's compacted fact topics in memory: the newest published value
 * of every key. One background thread reads every partition from the beginning (no consumer group,
 * nothing committed), so every reader sees every key after a start, and then follows the topic: a
 * change reaches {@link #get} and the listeners within the poll interval.
 *
 * <p>A record is applied only when its key is one ({@code keyOf}), when the topic's wall lets it
 * through (key, headers and payload agree) and when its revision is not older than the one held; a
 * tombstone removes the key. Anything else is logged and skipped (the topics are the platform's
 * own). {@link TenantFactsReader} reads {@code soc.tenants.v1} with it, the analysts' entitlements
 * reader {@code soc.entitlements.v1}.
 *
 * @param <K> the key (a tenant id, a user name)
 * @param <T> the published message (a generated protobuf class)
 */
public class CompactedTopicReader<K, T> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CompactedTopicReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final Settings settings;
    private final Shape<K, T> shape;
    private final Map<K, T> facts = new ConcurrentHashMap<>();
    private final List<Listener<K, T>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong walled = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;

    /** Why a record may not be applied: logs itself with the record's position. */
    @FunctionalInterface
    public interface Breach {
        void log(int partition, long offset, String consequence);
    }

    /**
     * What the topic holds and how its records are checked.
     *
     * @param what one key in words, for logs and {@link #status()} ("tenant", "analyst")
     * @param wallName the {@link #status()} entry counting records the wall stopped
     * @param parser the generated message's parser
     * @param keyOf the key a record key names; empty when it names none
     * @param revisionOf the revision of a payload (higher is newer)
     * @param wall why a record (payload null for a tombstone) must be skipped; empty when it may be
     *     applied
     */
    public record Shape<K, T>(
            String what,
            String wallName,
            Parser<T> parser,
            Function<String, Optional<K>> keyOf,
            ToLongFunction<T> revisionOf,
            Wall<T> wall) {
        public Shape {
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(wallName, "wallName");
            Objects.requireNonNull(parser, "parser");
            Objects.requireNonNull(keyOf, "keyOf");
            Objects.requireNonNull(revisionOf, "revisionOf");
            Objects.requireNonNull(wall, "wall");
        }
    }

    /** The topic's wall: key, headers and payload must name the same owner. */
    @FunctionalInterface
    public interface Wall<T> {
        /** @param payload the parsed value, null for a tombstone */
        Optional<Breach> check(Headers headers, String key, T payload);
    }

    /**
     * Where to read.
     *
     * @param clientId names this reader in the broker's logs (the service's name)
     */
    public record Settings(String bootstrapServers, String topic, String clientId) {
        public Settings {
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(clientId, "clientId");
        }
    }

    /** Told about every applied change, on the reader's thread; must not block for long. */
    @FunctionalInterface
    public interface Listener<K, T> {
        /**
         * @param before the value held until now, empty for a new key
         * @param after the new value, empty when the key was removed (tombstone)
         */
        void changed(K key, Optional<T> before, Optional<T> after);
    }

    protected CompactedTopicReader(Settings settings, Shape<K, T> shape) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.shape = Objects.requireNonNull(shape, "shape");
        this.thread = new Thread(this::run, "compacted-" + settings.topic());
        this.thread.setDaemon(true);
    }

    /** Starts reading in the background. */
    public static <K, T> CompactedTopicReader<K, T> start(Settings settings, Shape<K, T> shape) {
        return new CompactedTopicReader<>(settings, shape).started();
    }

    /** Starts the background thread; answers this reader. */
    protected final <R extends CompactedTopicReader<K, T>> R started() {
        thread.start();
        @SuppressWarnings("unchecked")
        R self = (R) this;
        return self;
    }

    /**
     * The settings from the service's configuration: {@code kafka.bootstrap.servers}, the topic
     * named by {@code topicProperty} (else {@code defaultTopic}) and, as client id, {@code
     * quarkus.application.name}.
     */
    public static Settings settingsFromConfig(String topicProperty, String defaultTopic) {
        Config config = ConfigProvider.getConfig();
        return new Settings(
                config.getValue("kafka.bootstrap.servers", String.class),
                config.getOptionalValue(topicProperty, String.class).orElse(defaultTopic),
                config.getOptionalValue("quarkus.application.name", String.class)
                        .orElse("socaas"));
    }

    /** The key's newest value; empty for a key never published or removed. */
    public Optional<T> get(K key) {
        return Optional.ofNullable(facts.get(key));
    }

    /** Every key's newest value (a snapshot). */
    public Map<K, T> all() {
        return Map.copyOf(facts);
    }

    /** The known values (a snapshot). */
    public Collection<T> values() {
        return List.copyOf(facts.values());
    }

    /** Adds a listener for later changes; it is not called for what is already held. */
    public void addListener(Listener<K, T> listener) {
        listeners.add(listener);
    }

    /** True once everything published before the start has been read. */
    public boolean isCaughtUp() {
        return caughtUp.isDone();
    }

    /**
     * Completes once everything published before the start has been read: a consumer of events
     * waits for it, so that nothing is judged by a fact not read yet.
     */
    public CompletionStage<Void> whenCaughtUp() {
        return caughtUp.minimalCompletionStage();
    }

    /** Waits until {@link #isCaughtUp()}; false when the deadline passed first. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        try {
            caughtUp.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * For health checks: caught up, keys held (e.g. {@code tenants}), records applied and skipped
     * (of which the wall's entry, e.g. {@code tenant-wall}, counts those whose key, headers and
     * payload did not agree).
     */
    public Map<String, Object> status() {
        return Map.of(
                "topic",
                settings.topic(),
                "caught-up",
                isCaughtUp(),
                shape.what() + "s",
                facts.size(),
                "applied",
                applied.get(),
                "skipped",
                skipped.get(),
                shape.wallName(),
                walled.get());
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(properties())) {
                consumer = kafka;
                follow(kafka);
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("reading %s failed (%s); retrying in %s", settings.topic(), e.toString(), RETRY);
                    pause();
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = partitions(kafka);
        if (partitions.isEmpty()) {
            return;
        }
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = new HashMap<>(kafka.endOffsets(partitions));
        while (running) {
            for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                apply(record);
            }
            if (!isCaughtUp()) {
                end.entrySet().removeIf(e -> kafka.position(e.getKey()) >= e.getValue());
                if (end.isEmpty()) {
                    LOG.infof("read %d %ss from %s", facts.size(), shape.what(), settings.topic());
                    caughtUp.complete(null);
                }
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        List<PartitionInfo> infos = kafka.partitionsFor(settings.topic(), Duration.ofSeconds(10));
        if (infos == null || infos.isEmpty()) {
            LOG.warnf("topic %s has no partitions yet; retrying in %s", settings.topic(), RETRY);
            pause();
            return List.of();
        }
        return infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
    }

    /** Applies one record, or logs why not. Package-private for tests of the rules. */
    void apply(ConsumerRecord<String, byte[]> record) {
        String rawKey = record.key();
        Optional<K> parsedKey =
                rawKey == null ? Optional.empty() : shape.keyOf().apply(rawKey);
        if (parsedKey.isEmpty()) {
            skip(record, "key is not a " + shape.what());
            return;
        }
        K key = parsedKey.get();
        if (record.value() == null) {
            Optional<Breach> breach = shape.wall().check(record.headers(), rawKey, null);
            if (breach.isPresent()) {
                stop(record, breach.get());
                return;
            }
            T before = facts.remove(key);
            applied.incrementAndGet();
            LOG.infof("%s %s was removed from %s", shape.what(), key, settings.topic());
            notify(key, before, null);
            return;
        }
        T payload;
        try {
            payload = shape.parser().parseFrom(record.value());
        } catch (InvalidProtocolBufferException e) {
            skip(record, "payload is not a " + shape.what() + " fact: " + e.getMessage());
            return;
        }
        Optional<Breach> breach = shape.wall().check(record.headers(), rawKey, payload);
        if (breach.isPresent()) {
            stop(record, breach.get());
            return;
        }
        ToLongFunction<T> revisionOf = shape.revisionOf();
        T before = facts.get(key);
        if (before != null && revisionOf.applyAsLong(before) > revisionOf.applyAsLong(payload)) {
            LOG.debugf(
                    "%s %s revision %d ignored: %d is held",
                    shape.what(), key, revisionOf.applyAsLong(payload), revisionOf.applyAsLong(before));
            return;
        }
        facts.put(key, payload);
        applied.incrementAndGet();
        if (!payload.equals(before)) {
            LOG.debugf("%s %s now at revision %d", shape.what(), key, revisionOf.applyAsLong(payload));
            notify(key, before, payload);
        }
    }

    private void notify(K key, T before, T after) {
        for (Listener<K, T> listener : listeners) {
            try {
                listener.changed(key, Optional.ofNullable(before), Optional.ofNullable(after));
            } catch (RuntimeException e) {
                LOG.errorf(e, "a listener failed on the change of %s %s", shape.what(), key);
            }
        }
    }

    /**
     * A record the wall stops is skipped, not dead-lettered: every reader of every service reads the
     * compacted topic again from its start at each start, so a copy would be written again by each
     * of them each time. The breach logs itself; {@link #status()} counts it.
     */
    private void stop(ConsumerRecord<String, byte[]> record, Breach breach) {
        skipped.incrementAndGet();
        walled.incrementAndGet();
        breach.log(record.partition(), record.offset(), "skipped, the " + shape.what() + "'s fact is unchanged");
    }

    private void skip(ConsumerRecord<String, byte[]> record, String reason) {
        skipped.incrementAndGet();
        LOG.warnf(
                "%s record at %s-%d@%d skipped: %s",
                settings.topic(), record.topic(), record.partition(), record.offset(), reason);
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.putAll(KafkaClientSecurity.settings());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId() + "-" + settings.topic());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a change must reach the service within seconds: do not wait for fuller fetches
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

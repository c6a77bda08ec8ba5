package io.socaas.tenantfacts;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import io.socaas.events.TenantId;
import io.socaas.kafkarecords.TenantWall;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Materializes the compacted topic {@code soc.tenants.v1} in memory: the newest published
 * configuration of every tenant, by tenant id. One background thread reads every partition from
 * the beginning (no consumer group, nothing committed), so every reader sees every tenant after a
 * start, and then follows the topic: a change reaches {@link #get} and the listeners within the
 * poll interval.
 *
 * <p>A record is applied only when its key, its {@code tenant} header and its payload name the same
 * tenant (the platform's {@link TenantWall#TENANTS}; a tombstone: key and header), and when its
 * revision is not older than the one held; a tombstone removes the tenant. Anything else is logged
 * and skipped (the topic is the platform's own, written by tenant-billing).
 *
 * @param <T> the published message (the service's generated {@code TenantConfig})
 */
public final class TenantFactsReader<T> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TenantFactsReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final Settings settings;
    private final Parser<T> parser;
    private final Function<T, String> tenantOf;
    private final ToLongFunction<T> revisionOf;
    private final Map<TenantId, T> facts = new ConcurrentHashMap<>();
    private final List<Listener<T>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong walled = new AtomicLong();
    private final TenantWall wall;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;

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
    public interface Listener<T> {
        /**
         * @param before the configuration held until now, empty for a new tenant
         * @param after the new configuration, empty when the tenant was purged
         */
        void changed(TenantId tenant, Optional<T> before, Optional<T> after);
    }

    private TenantFactsReader(
            Settings settings, Parser<T> parser, Function<T, String> tenantOf, ToLongFunction<T> revisionOf) {
        this.settings = settings;
        this.parser = parser;
        this.tenantOf = tenantOf;
        this.revisionOf = revisionOf;
        this.wall = TenantWall.TENANTS.on(settings.topic());
        this.thread = new Thread(this::run, "tenant-facts-" + settings.topic());
        this.thread.setDaemon(true);
    }

    /**
     * Starts reading in the background.
     *
     * @param tenantOf the tenant id a payload names
     * @param revisionOf the revision of a payload (higher is newer)
     */
    public static <T> TenantFactsReader<T> start(
            Settings settings, Parser<T> parser, Function<T, String> tenantOf, ToLongFunction<T> revisionOf) {
        TenantFactsReader<T> reader = new TenantFactsReader<>(settings, parser, tenantOf, revisionOf);
        reader.thread.start();
        return reader;
    }

    /**
     * Starts reading where the service's configuration says: {@code kafka.bootstrap.servers},
     * {@code socaas.tenant-facts.topic} (default {@code soc.tenants.v1}) and, as client id,
     * {@code quarkus.application.name}.
     */
    public static <T> TenantFactsReader<T> fromConfig(
            Parser<T> parser, Function<T, String> tenantOf, ToLongFunction<T> revisionOf) {
        Config config = ConfigProvider.getConfig();
        return start(
                new Settings(
                        config.getValue("kafka.bootstrap.servers", String.class),
                        config.getOptionalValue("socaas.tenant-facts.topic", String.class)
                                .orElse("soc.tenants.v1"),
                        config.getOptionalValue("quarkus.application.name", String.class)
                                .orElse("socaas")),
                parser,
                tenantOf,
                revisionOf);
    }

    /** The tenant's newest configuration; empty for a tenant never published or purged. */
    public Optional<T> get(TenantId tenant) {
        return Optional.ofNullable(facts.get(tenant));
    }

    /** Every known tenant's configuration (a snapshot). */
    public Map<TenantId, T> all() {
        return Map.copyOf(facts);
    }

    /** The known configurations (a snapshot). */
    public Collection<T> values() {
        return List.copyOf(facts.values());
    }

    /** Adds a listener for later changes; it is not called for what is already held. */
    public void addListener(Listener<T> listener) {
        listeners.add(listener);
    }

    /** True once everything published before the start has been read. */
    public boolean isCaughtUp() {
        return caughtUp.isDone();
    }

    /**
     * Completes once everything published before the start has been read: a consumer of events
     * waits for it, so that no event is judged by a tenant configuration not read yet.
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
     * For health checks: caught up, tenants held, records applied and skipped (of which {@code
     * tenant-wall} were stopped because key, tenant header and payload did not name one tenant).
     */
    public Map<String, Object> status() {
        return Map.of(
                "topic", settings.topic(),
                "caught-up", isCaughtUp(),
                "tenants", facts.size(),
                "applied", applied.get(),
                "skipped", skipped.get(),
                "tenant-wall", walled.get());
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
                    LOG.infof("read %d tenants from %s", facts.size(), settings.topic());
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
        String key = record.key();
        if (key == null || !TenantId.isValid(key)) {
            skip(record, "key is not a tenant id");
            return;
        }
        TenantId tenant = TenantId.of(key);
        if (record.value() == null) {
            Optional<TenantWall.Breach> breach = wall.checkTombstone(record.headers(), key);
            if (breach.isPresent()) {
                stop(record, breach.get());
                return;
            }
            T before = facts.remove(tenant);
            applied.incrementAndGet();
            LOG.infof("tenant %s was purged", tenant);
            notify(tenant, before, null);
            return;
        }
        T payload;
        try {
            payload = parser.parseFrom(record.value());
        } catch (InvalidProtocolBufferException e) {
            skip(record, "payload is not a tenant configuration: " + e.getMessage());
            return;
        }
        Optional<TenantWall.Breach> breach = wall.check(record.headers(), key, tenantOf.apply(payload));
        if (breach.isPresent()) {
            stop(record, breach.get());
            return;
        }
        T before = facts.get(tenant);
        if (before != null && revisionOf.applyAsLong(before) > revisionOf.applyAsLong(payload)) {
            LOG.debugf(
                    "tenant %s revision %d ignored: %d is held",
                    tenant, revisionOf.applyAsLong(payload), revisionOf.applyAsLong(before));
            return;
        }
        facts.put(tenant, payload);
        applied.incrementAndGet();
        if (!payload.equals(before)) {
            LOG.debugf("tenant %s now at revision %d", tenant, revisionOf.applyAsLong(payload));
            notify(tenant, before, payload);
        }
    }

    private void notify(TenantId tenant, T before, T after) {
        for (Listener<T> listener : listeners) {
            try {
                listener.changed(tenant, Optional.ofNullable(before), Optional.ofNullable(after));
            } catch (RuntimeException e) {
                LOG.errorf(e, "a listener failed on the change of tenant %s", tenant);
            }
        }
    }

    /**
     * A record the tenant wall stops is skipped, not dead-lettered: every reader of every service
     * reads the compacted topic again from its start at each start, so a copy would be written
     * again by each of them each time. The log line names both tenants; {@link #status()} counts it.
     */
    private void stop(ConsumerRecord<String, byte[]> record, TenantWall.Breach breach) {
        skipped.incrementAndGet();
        walled.incrementAndGet();
        breach.log(record.partition(), record.offset(), "skipped, the tenant's configuration is unchanged");
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
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId() + "-tenant-facts");
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

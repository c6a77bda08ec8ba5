package io.socaas.ingestion.intake.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.socaas.events.RecordHeaders;
import io.socaas.events.TenantId;
import io.socaas.ingestion.intake.config.IntakeConfig;
import io.socaas.ingestion.intake.domain.RecentDeadLetters;
import io.socaas.kafkarecords.KafkaHeaders;
import io.socaas.transporttls.KafkaClientSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Follows the dead-letter topic on every instance (all partitions, assigned: no consumer group, no
 * offsets kept) and keeps each tenant's latest dead letters in {@link RecentDeadLetters}, from
 * {@code socaas.ingestion.dead-letters.lookback} back at start. Whatever instance answers a tenant
 * sees the dead letters of every instance.
 */
@ApplicationScoped
public class DeadLetterTail {

    private static final Logger LOG = Logger.getLogger(DeadLetterTail.class);

    private final RecentDeadLetters recent;
    private final String topic;
    private final String bootstrapServers;
    private final String clientId;
    private final Duration lookback;
    private final boolean enabled;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean caughtUp;
    /** Where each partition is to be read on, once read: a consumer made again after a failure resumes there. */
    private final Map<TopicPartition, Long> next = new HashMap<>();

    DeadLetterTail(
            IntakeConfig config,
            @ConfigProperty(name = "mp.messaging.outgoing.events-dlq-out.topic") String topic,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.clientId = applicationName + "-dead-letters";
        this.enabled = config.deadLetters().enabled();
        this.lookback = config.deadLetters().lookback();
        this.recent = new RecentDeadLetters(
                config.deadLetters().perTenant(), config.deadLetters().maxTenants());
    }

    /** Each tenant's latest dead letters as far as this instance has read the topic. */
    public RecentDeadLetters recent() {
        return recent;
    }

    /** Whether the topic was read up to where it ended at start (what is older is shown complete). */
    public boolean caughtUp() {
        return caughtUp;
    }

    public boolean enabled() {
        return enabled;
    }

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("dead-letter-tail").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(properties())) {
                consumer = c;
                follow(c);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // the broker is away or the topic is not there yet: try again, never give up
                LOG.warnf("reading the dead-letter topic %s failed, retrying in 5 s: %s", topic, e.toString());
                try {
                    Thread.sleep(Duration.ofSeconds(5));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> c) {
        List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions");
        }
        c.assign(partitions);
        long since = Instant.now().minus(lookback).toEpochMilli();
        Map<TopicPartition, Long> at = new HashMap<>();
        partitions.forEach(p -> at.put(p, since));
        Map<TopicPartition, OffsetAndTimestamp> from = c.offsetsForTimes(at, Duration.ofSeconds(30));
        Map<TopicPartition, Long> ends = c.endOffsets(partitions, Duration.ofSeconds(30));
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp offset = from.get(p);
            Long resume = next.get(p);
            if (resume != null) {
                c.seek(p, resume); // read again after a failure: where it stopped, nothing twice
            } else if (offset != null) {
                c.seek(p, offset.offset());
            } else {
                c.seek(p, ends.get(p)); // nothing as recent as the look-back
            }
        }
        while (running) {
            for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofSeconds(1))) {
                next.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
                String tenant = KafkaHeaders.text(r.headers(), RecordHeaders.TENANT);
                if (tenant == null) {
                    continue;
                }
                TenantId id;
                try {
                    id = TenantId.of(tenant);
                } catch (IllegalArgumentException e) {
                    continue; // not a tenant id: nobody's to show
                }
                recent.add(
                        id,
                        RecentDeadLetters.Entry.of(
                                Instant.ofEpochMilli(r.timestamp()),
                                KafkaHeaders.text(r.headers(), RecordHeaders.DLQ_REASON),
                                r.value()));
            }
            if (!caughtUp && partitions.stream().allMatch(p -> c.position(p) >= ends.get(p))) {
                caughtUp = true;
            }
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.putAll(KafkaClientSecurity.settings());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }
}

package io.socaas.correlation.multievent.streams;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.socaas.correlation.rules.tenantfacts.TenantRuleCatalog;
import io.socaas.transporttls.KafkaClientSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the correlation topology ({@link CorrelationTopology}) in this instance: a plain
 * {@link KafkaStreams} (not the Quarkus extension, so that the instance can be built from the same
 * properties anywhere, tests included), started once the tenants' configurations are known and
 * closed on shutdown. Exactly-once ({@code exactly_once_v2}): a group's state, the alerts it raised
 * and the consumed offsets are committed in one transaction.
 */
@ApplicationScoped
public class CorrelationStreams {

    private static final Logger LOG = Logger.getLogger(CorrelationStreams.class);

    private final StreamsSettings settings;
    private final TenantRuleCatalog catalog;
    private final String bootstrapServers;
    private volatile KafkaStreams streams;

    CorrelationStreams(
            StreamsSettings settings,
            TenantRuleCatalog catalog,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.settings = settings;
        this.catalog = catalog;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent start) {
        if (!settings.enabled()) {
            LOG.info("correlation stage (Sigma correlation rules) disabled");
            return;
        }
        // matches are only fanned out to the tenants' correlation rules once those are known
        catalog.whenTenantsKnown().thenRun(this::startStreams);
    }

    private synchronized void startStreams() {
        if (streams != null) {
            return;
        }
        ensureMatchesTopic();
        streams = new KafkaStreams(
                CorrelationTopology.build(
                        catalog::current,
                        settings.matchesTopic(),
                        settings.alertsTopic(),
                        settings.grace(),
                        settings.punctuation(),
                        Clock.systemUTC()),
                properties(settings, bootstrapServers));
        streams.setStateListener((now, before) -> LOG.infof("correlation stage: %s -> %s", before, now));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.errorf(e, "correlation stage stream thread failed; replacing it");
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .REPLACE_THREAD;
        });
        streams.start();
    }

    /**
     * The local stack and the Helm chart create the matches topic; an instance started against a
     * broker without it creates it (as many partitions as soc.events.v1) rather than stop on a
     * missing source topic. A refusal (no right to create topics) is logged and the start goes on.
     */
    private void ensureMatchesTopic() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putAll(KafkaClientSecurity.settings());
        try (Admin admin = Admin.create(props)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(settings.matchesTopic())) {
                admin.createTopics(List.of(new NewTopic(settings.matchesTopic(), Optional.of(6), Optional.empty())))
                        .all()
                        .get(30, TimeUnit.SECONDS);
                LOG.infof("topic %s created", settings.matchesTopic());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("could not make sure topic %s exists: %s", settings.matchesTopic(), e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        KafkaStreams running = streams;
        if (running != null) {
            running.close(Duration.ofSeconds(10));
        }
    }

    /** The instance's state; empty before it started (or when disabled). */
    public Optional<KafkaStreams.State> state() {
        KafkaStreams running = streams;
        return running == null ? Optional.empty() : Optional.of(running.state());
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The Kafka Streams properties of the stage: exactly-once, standby replicas, state folder. */
    public static Properties properties(StreamsSettings settings, String bootstrapServers) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putAll(KafkaClientSecurity.settings());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        props.put(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                settings.commitInterval().toMillis());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.replicationFactor());
        settings.stateDir().ifPresent(dir -> props.put(StreamsConfig.STATE_DIR_CONFIG, dir));
        // a new application reads the matches published before it first started
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return props;
    }
}

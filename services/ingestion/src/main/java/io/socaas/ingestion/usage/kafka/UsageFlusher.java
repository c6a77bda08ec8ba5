package io.socaas.ingestion.usage.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.socaas.ingestion.usage.config.UsageConfig;
import io.socaas.ingestion.usage.domain.UsageMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Publishes the meter's ended minutes every {@code socaas.ingestion.usage.flush-interval}, and
 * everything still counted (the running minute too) when the application stops.
 */
@ApplicationScoped
public class UsageFlusher {

    private static final Logger LOG = Logger.getLogger(UsageFlusher.class);

    private final UsageMeter meter;
    private final KafkaUsagePublisher publisher;
    private final UsageConfig config;
    private ScheduledExecutorService timer;

    UsageFlusher(UsageMeter meter, KafkaUsagePublisher publisher, UsageConfig config) {
        this.meter = meter;
        this.publisher = publisher;
        this.config = config;
    }

    void start(@Observes StartupEvent started) {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("usage-flusher").daemon().factory());
        long every = config.flushInterval().toMillis();
        timer.scheduleWithFixedDelay(this::flushEndedMinutes, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("metering usage as instance %s, published every %s", meter.instance(), config.flushInterval());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer != null) {
            timer.shutdown();
            try {
                timer.awaitTermination(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int published = meter.flushAll(publisher);
        if (!meter.pending().isEmpty()) {
            LOG.errorf("usage not published at shutdown (Kafka did not acknowledge it): %s", meter.pending());
        } else {
            LOG.debugf("published %d usage records at shutdown", published);
        }
    }

    private void flushEndedMinutes() {
        try {
            int published = meter.flushEndedMinutes(publisher);
            if (published > 0) {
                LOG.debugf("published %d usage records", published);
            }
        } catch (RuntimeException e) {
            // the timer must keep running: the counts stay in the meter for the next flush
            LOG.error("usage flush failed", e);
        }
    }
}

package io.socaas.ingestion.usage.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * everything still counted (the running minute too) when the application stops. Counts
 * {@code socaas_ingestion_usage_records_total{outcome=published|kept}}: kept records were not
 * acknowledged and are sent again at the next flush.
 */
@ApplicationScoped
public class UsageFlusher {

    private static final Logger LOG = Logger.getLogger(UsageFlusher.class);

    private final UsageMeter meter;
    private final KafkaUsagePublisher publisher;
    private final UsageConfig config;
    private final Counter published;
    private final Counter kept;
    private ScheduledExecutorService timer;

    UsageFlusher(UsageMeter meter, KafkaUsagePublisher publisher, UsageConfig config, MeterRegistry meters) {
        this.meter = meter;
        this.publisher = publisher;
        this.config = config;
        this.published = records(meters, "published");
        this.kept = records(meters, "kept");
    }

    private static Counter records(MeterRegistry meters, String outcome) {
        return Counter.builder("socaas.ingestion.usage.records")
                .description("Usage records flushed to soc.usage.v1: published, or kept to be sent again")
                .tag("outcome", outcome)
                .register(meters);
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
        UsageMeter.Flushed flushed = count(meter.flushAll(publisher));
        if (flushed.kept() > 0) {
            LOG.errorf("usage not published at shutdown (Kafka did not acknowledge it): %s", meter.pending());
        } else {
            LOG.debugf("published %d usage records at shutdown", flushed.published());
        }
    }

    private UsageMeter.Flushed count(UsageMeter.Flushed flushed) {
        published.increment(flushed.published());
        kept.increment(flushed.kept());
        return flushed;
    }

    private void flushEndedMinutes() {
        try {
            UsageMeter.Flushed flushed = count(meter.flushEndedMinutes(publisher));
            if (flushed.published() > 0 || flushed.kept() > 0) {
                LOG.debugf(
                        "usage records: %d published, %d kept for the next flush", flushed.published(), flushed.kept());
            }
        } catch (RuntimeException e) {
            // the timer must keep running: the counts stay in the meter for the next flush
            LOG.error("usage flush failed", e);
        }
    }
}

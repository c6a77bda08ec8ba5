package io.socaas.ingestion.indexing.retention;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.socaas.events.TenantId;
import io.socaas.ingestion.indexing.config.IndexingConfig;
import io.socaas.ingestion.indexing.opensearch.IndexingOpenSearch;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.tenantfacts.TenantFactsReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs {@link RetentionRun} every {@code socaas.ingestion.indexing.retention.every} over the tenants
 * ingestion knows from the tenant facts (soc.tenants.v1), each with its plan's
 * {@code retention_days}. A tenant not in the facts (unknown, or purged: tenant-billing deletes its
 * indices) is left alone.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final IndexingConfig config;
    private final IndexingOpenSearch opensearch;
    private final TenantFactsReader<TenantConfig> facts;
    private final MeterRegistry meters;
    private final String instance;

    RetentionJob(
            IndexingConfig config,
            IndexingOpenSearch opensearch,
            TenantFactsReader<TenantConfig> facts,
            MeterRegistry meters) {
        this.config = config;
        this.opensearch = opensearch;
        this.facts = facts;
        this.meters = meters;
        this.instance = config.retention().instance().orElseGet(RetentionJob::defaultInstance);
    }

    @Scheduled(
            identity = "index-retention",
            every = "${socaas.ingestion.indexing.retention.every:1H}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.retention().enabled() || !facts.isCaughtUp()) {
            return;
        }
        try {
            RetentionRun.Result result = newRun(instance).run();
            if (!result.ran()) {
                meters.counter("socaas.ingestion.retention.runs", "outcome", "skipped")
                        .increment();
                return;
            }
            result.deleted().forEach((tenant, indices) -> {
                LOG.infof("retention: deleted %s", indices);
                meters.counter("socaas.ingestion.retention.deleted.indices", "tenant", tenant.value())
                        .increment(indices.size());
            });
            result.failures().forEach(f -> LOG.warnf("retention: %s; retried by a later run", f));
            meters.counter(
                            "socaas.ingestion.retention.runs",
                            "outcome",
                            result.failures().isEmpty() ? "ran" : "failed")
                    .increment();
        } catch (Exception e) {
            meters.counter("socaas.ingestion.retention.runs", "outcome", "failed")
                    .increment();
            LOG.warnf("retention run failed (%s); the next run retries", e.toString());
        }
    }

    /** A pass as this service runs it, named {@code owner} in the lease. */
    public RetentionRun newRun(String owner) {
        return new RetentionRun(
                opensearch.client(),
                config.retention().leaseIndex(),
                config.retention().leaseTtl(),
                owner,
                this::tenants,
                Clock.systemUTC());
    }

    private List<RetentionRun.TenantRetention> tenants() {
        return facts.values().stream()
                .filter(c -> TenantId.isValid(c.getTenantId()))
                .map(c -> new RetentionRun.TenantRetention(
                        TenantId.of(c.getTenantId()), c.getPlan().getRetentionDays()))
                .toList();
    }

    private static String defaultInstance() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "ingestion";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

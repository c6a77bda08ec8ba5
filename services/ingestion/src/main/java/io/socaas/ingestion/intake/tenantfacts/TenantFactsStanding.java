package io.socaas.ingestion.intake.tenantfacts;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.runtime.Startup;
import io.socaas.events.TenantId;
import io.socaas.ingestion.intake.domain.IngestCredential;
import io.socaas.ingestion.intake.domain.TenantStanding;
import io.socaas.ingestion.intake.grpc.GrpcIngestKeyResolver;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.TenantFactsReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * What ingestion learns from the tenant facts on {@code soc.tenants.v1}: a tenant known not to be
 * active sends nothing, and whenever a tenant changes (suspended, resumed, an ingest key revoked or
 * rotated: each publishes a new revision) its cached key resolutions are dropped, so the next
 * request asks the tenant directory again. A revocation thus takes effect within seconds instead of
 * the cache's time to live.
 */
@Startup
@ApplicationScoped
public class TenantFactsStanding implements TenantStanding {

    private static final Logger LOG = Logger.getLogger(TenantFactsStanding.class);

    private final TenantFactsReader<TenantConfig> facts;
    private final CaffeineCache keys;

    TenantFactsStanding(TenantFactsReader<TenantConfig> facts, @CacheName(GrpcIngestKeyResolver.CACHE) Cache keys) {
        this.facts = facts;
        this.keys = keys.as(CaffeineCache.class);
        facts.addListener((tenant, before, after) -> evict(tenant));
    }

    @Override
    public boolean mayIngest(TenantId tenant) {
        return facts.get(tenant)
                .map(config -> config.getStatus() == TenantStatus.TENANT_STATUS_ACTIVE)
                .orElse(true);
    }

    /** Drops every cached key resolution that names the tenant, and every one still being resolved. */
    void evict(TenantId tenant) {
        // a resolution still in flight may have read the key before the change: drop it too
        List<Object> evicted =
                keys.keySet().stream().filter(key -> inFlightOrOf(tenant, key)).toList();
        // Cache#invalidate is lazy: it happens on subscription (this is the facts reader's own thread)
        evicted.forEach(key -> keys.invalidate(key).await().atMost(Duration.ofSeconds(5)));
        if (!evicted.isEmpty()) {
            LOG.infof("tenant %s changed: %d cached ingest key resolutions dropped", tenant, evicted.size());
        }
    }

    private boolean inFlightOrOf(TenantId tenant, Object key) {
        CompletableFuture<Object> value = keys.getIfPresent(key);
        if (value == null) {
            return false;
        }
        if (!value.isDone()) {
            return true;
        }
        return !value.isCompletedExceptionally()
                && value.getNow(null) instanceof IngestCredential credential
                && tenant.equals(credential.tenant());
    }
}

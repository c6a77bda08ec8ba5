package io.socaas.ingestion.intake.tenantfacts;

import io.socaas.events.TenantId;
import io.socaas.ingestion.intake.config.IntakeConfig;
import io.socaas.ingestion.intake.domain.IngestQuotas;
import io.socaas.ingestion.intake.domain.QuotaExceededException;
import io.socaas.ingestion.intake.domain.QuotaExceededException.Reason;
import io.socaas.proto.tenant.v1.IngestQuota;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.ratelimit.Quota;
import io.socaas.ratelimit.QuotaBuckets;
import io.socaas.ratelimit.QuotaDecision;
import io.socaas.tenantfacts.TenantFactsReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Each tenant's ingest quota from its plan in the tenant facts ({@code plan.quota}: events/s with
 * a burst, events/day in the tenant's {@code time_zone}), enforced with token buckets per tenant
 * held in this instance (services/rate-limits, Bucket4j).
 *
 * <p>Every request reads the tenant's current facts, so a new revision with another quota applies
 * to the next batch, without a restart: the buckets are reconfigured in place and today's count is
 * kept. A purged tenant's buckets are dropped at once; a tenant the facts do not know, or whose plan
 * sets no quota, holds none. At most {@code socaas.ingestion.quota.max-tenants} tenants are held.
 */
@ApplicationScoped
public class TenantFactsQuotas implements IngestQuotas {

    private static final Logger LOG = Logger.getLogger(TenantFactsQuotas.class);

    private final TenantFactsReader<TenantConfig> facts;
    private final QuotaBuckets<TenantId> buckets;
    private final boolean enabled;

    TenantFactsQuotas(TenantFactsReader<TenantConfig> facts, IntakeConfig config) {
        this.facts = facts;
        this.enabled = config.quota().enabled();
        this.buckets = new QuotaBuckets<>(config.quota().maxTenants());
        facts.addListener((tenant, before, after) -> {
            if (after.isEmpty() || quotaOf(after.get()).isUnlimited()) {
                buckets.remove(tenant);
            } else if (before.isPresent() && !quotaOf(before.get()).equals(quotaOf(after.get()))) {
                LOG.infof(
                        "tenant %s: ingest quota now %s (revision %d)",
                        tenant, quotaOf(after.get()).describe(), after.get().getRevision());
            }
        });
    }

    @Override
    public void take(TenantId tenant, int events) {
        if (!enabled || events < 1) {
            return;
        }
        QuotaDecision decision = buckets.tryTake(tenant, quotaOf(tenant), events);
        Reason reason = switch (decision.outcome()) {
            case GRANTED -> null;
            case RATE -> Reason.EVENTS_PER_SECOND;
            case DAY -> Reason.EVENTS_PER_DAY;
            case LARGER_THAN_BURST -> Reason.BATCH_OVER_BURST;
            case LARGER_THAN_DAY -> Reason.BATCH_OVER_DAY;
        };
        if (reason != null) {
            throw new QuotaExceededException(
                    tenant, events, reason, decision.limit(), decision.remaining(), decision.retryAfter());
        }
    }

    @Override
    public void giveBack(TenantId tenant, int events) {
        if (enabled) {
            buckets.giveBack(tenant, events);
        }
    }

    /** Tenants whose buckets are held now. */
    long tenantsHeld() {
        return buckets.size();
    }

    private Quota quotaOf(TenantId tenant) {
        return facts.get(tenant).map(TenantFactsQuotas::quotaOf).orElse(Quota.UNLIMITED);
    }

    static Quota quotaOf(TenantConfig config) {
        if (!config.hasPlan() || !config.getPlan().hasQuota()) {
            return Quota.UNLIMITED;
        }
        IngestQuota quota = config.getPlan().getQuota();
        return new Quota(
                Math.max(0, quota.getEventsPerSecond()),
                Math.max(0, quota.getBurstEvents()),
                Math.max(0, quota.getEventsPerDay()),
                zoneOf(config));
    }

    private static ZoneId zoneOf(TenantConfig config) {
        try {
            return config.getTimeZone().isBlank() ? ZoneOffset.UTC : ZoneId.of(config.getTimeZone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC; // tenant-billing validates zones; a bad one counts days in UTC
        }
    }
}

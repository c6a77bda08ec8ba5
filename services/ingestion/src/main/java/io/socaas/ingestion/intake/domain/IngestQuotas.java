package io.socaas.ingestion.intake.domain;

import io.socaas.events.TenantId;

/**
 * Port: the ingest quota of each tenant's plan (events per second with a burst, events per day in
 * the tenant's time zone), as the published tenant facts give it. A tenant the facts do not know,
 * or whose plan sets no quota, is not limited.
 */
public interface IngestQuotas {

    /**
     * Takes {@code events} from the tenant's quota, all or none; different tenants never wait for
     * each other.
     *
     * @throws QuotaExceededException when they do not fit now (or never: more than the burst)
     */
    void take(TenantId tenant, int events);

    /** Gives back events taken for a batch that then was not accepted (the bus refused it). */
    void giveBack(TenantId tenant, int events);

    /** For callers without quotas. */
    static IngestQuotas unlimited() {
        return new IngestQuotas() {
            @Override
            public void take(TenantId tenant, int events) {}

            @Override
            public void giveBack(TenantId tenant, int events) {}
        };
    }
}

package io.socaas.ingestion.intake.domain;

import io.socaas.events.TenantId;

/** Port: which tenant an ingest key belongs to (answered by the tenant directory). */
public interface IngestKeyResolver {

    /**
     * @throws UnknownIngestKeyException when the key belongs to no active tenant
     * @throws TenantDirectoryUnavailableException when the directory cannot answer
     */
    TenantId tenantOf(IngestKey key);
}

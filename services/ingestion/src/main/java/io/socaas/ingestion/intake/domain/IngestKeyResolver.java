package io.socaas.ingestion.intake.domain;

/** Port: which tenant and source an ingest key belongs to (answered by the tenant directory). */
public interface IngestKeyResolver {

    /**
     * @throws UnknownIngestKeyException when the key belongs to no active tenant
     * @throws TenantDirectoryUnavailableException when the directory cannot answer
     */
    IngestCredential credentialOf(IngestKey key);
}

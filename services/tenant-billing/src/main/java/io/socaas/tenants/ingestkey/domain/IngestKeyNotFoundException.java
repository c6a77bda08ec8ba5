package io.socaas.tenants.ingestkey.domain;

import io.socaas.events.TenantId;

/** The tenant has no ingest key with this id. */
public class IngestKeyNotFoundException extends RuntimeException {

    public IngestKeyNotFoundException(TenantId tenantId, String keyId) {
        super("tenant '" + tenantId + "' has no ingest key '" + keyId + "'");
    }
}

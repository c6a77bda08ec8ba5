package io.socaas.tenants.ingestkey.domain;

import io.socaas.events.TenantId;

/**
 * The tenant and source a valid presented key belongs to, and the zone of the source's clock (empty:
 * UTC).
 */
public record ResolvedIngestKey(TenantId tenantId, String keyId, String sourceName, String timeZone) {

    public ResolvedIngestKey {
        timeZone = timeZone == null ? "" : timeZone;
    }

    /** A source whose clock is UTC. */
    public ResolvedIngestKey(TenantId tenantId, String keyId, String sourceName) {
        this(tenantId, keyId, sourceName, "");
    }
}

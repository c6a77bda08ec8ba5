package io.socaas.tenants.ingestkey.domain;

import io.socaas.events.TenantId;

/** The tenant and source a valid presented key belongs to. */
public record ResolvedIngestKey(TenantId tenantId, String keyId, String sourceName) {}

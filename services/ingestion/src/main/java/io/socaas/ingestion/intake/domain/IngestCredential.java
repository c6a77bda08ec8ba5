package io.socaas.ingestion.intake.domain;

import io.socaas.events.TenantId;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What an ingest key stands for: the tenant it belongs to, its public id (never the secret) and the
 * log source it was issued for (recorded on every event it brings in; null when not named), and the
 * zone of that source's clock, in which the times it writes without an offset are read (UTC unless
 * the source is configured with its own).
 */
public record IngestCredential(TenantId tenant, String keyId, String sourceName, ZoneId clock) {

    public IngestCredential {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(keyId, "keyId");
        clock = clock == null ? ZoneOffset.UTC : clock;
    }

    /**
     * The clock zone tenant-billing names for a source ({@code Europe/Berlin}); null (UTC) when it
     * names none, or one this JVM does not know, which {@code unknown} is told.
     */
    public static ZoneId clockZone(String id, Runnable unknown) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            unknown.run();
            return null;
        }
    }

    /** A source whose clock is UTC (or whose times carry their offset). */
    public IngestCredential(TenantId tenant, String keyId, String sourceName) {
        this(tenant, keyId, sourceName, ZoneOffset.UTC);
    }
}

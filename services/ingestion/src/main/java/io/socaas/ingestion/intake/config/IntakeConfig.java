package io.socaas.ingestion.intake.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Event intake settings ({@code socaas.ingestion.*}). */
@ConfigMapping(prefix = "socaas.ingestion")
public interface IntakeConfig {

    Batch batch();

    Publish publish();

    TenantDirectory tenantDirectory();

    Normalization normalization();

    Quota quota();

    DeadLetters deadLetters();

    /**
     * The view of each tenant's latest dead letters ({@code GET /api/v1/dead-letters}): every
     * instance follows the dead-letter topic and keeps them in memory.
     */
    interface DeadLetters {
        /** Whether the view is on (off: the endpoint answers 404 and the topic is not read). */
        @WithDefault("true")
        boolean enabled();

        /** How far back the topic is read at start. */
        @WithDefault("7D")
        Duration lookback();

        /** Most dead letters kept of each tenant (the latest). */
        @WithDefault("100")
        int perTenant();

        /** Most tenants whose dead letters are kept at once (the least recently used go first). */
        @WithDefault("10000")
        int maxTenants();
    }

    /**
     * The tenants' ingest quotas: each tenant's plan (events/s with a burst, events/day in the
     * tenant's time zone) from the tenant facts, held per instance.
     */
    interface Quota {
        /** Whether plan quotas are enforced (HTTP 429, syslog TCP throttled, UDP dropped). */
        @WithDefault("true")
        boolean enabled();

        /** Most tenants whose quota buckets are held at once (the least recently active go first). */
        @WithDefault("100000")
        long maxTenants();
    }

    /** Normalization to OCSF. */
    interface Normalization {
        /**
         * A source time older than received_time minus this is not trusted: the record's time is
         * received_time, labelled time_out_of_bounds (a replay of old logs, a clock reset).
         */
        @WithDefault("P365D")
        Duration maxPast();

        /** A source time later than received_time plus this is not trusted either (a wrong clock). */
        @WithDefault("P1D")
        Duration maxFuture();
    }

    /** Limits of one request. */
    interface Batch {
        /** Most events one request may carry; more is answered 413. */
        @WithDefault("5000")
        int maxEvents();

        /**
         * Largest request body; more is answered 413. Keep it below {@code
         * quarkus.http.limits.max-body-size}, which cuts bodies off without a problem document.
         */
        @WithDefault("5M")
        MemorySize maxBodySize();

        /**
         * Largest single event once stamped; a batch holding a larger one is answered 413. Keep it
         * below the Kafka producer's max.request.size (1 MiB by default), which refuses larger
         * records only when they are sent.
         */
        @WithDefault("900K")
        MemorySize maxEventSize();
    }

    /** Publication to Kafka. */
    interface Publish {
        /**
         * How long a request waits for Kafka to acknowledge all its events before answering 503.
         * Keep it above the producer's delivery.timeout.ms so that Kafka gives the verdict.
         */
        @WithDefault("15S")
        Duration timeout();
    }

    /** The tenant directory (tenant-billing) that maps ingest keys to tenants. */
    interface TenantDirectory {
        /** Deadline of one ResolveIngestKey call. */
        @WithDefault("2S")
        Duration deadline();

        /**
         * How long a resolved key is trusted without asking again; a revoked key keeps working for
         * at most this long. Applied to the {@code ingest-key-tenants} cache.
         */
        @WithDefault("60S")
        Duration cacheTtl();
    }
}

package io.socaas.ingestion.usage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Usage metering settings ({@code socaas.ingestion.usage.*}). */
@ConfigMapping(prefix = "socaas.ingestion.usage")
public interface UsageConfig {

    /** How often ended minutes (and sends that failed before) are published on soc.usage.v1. */
    @WithDefault("10S")
    Duration flushInterval();

    /**
     * How long after its end a minute is still open for batches acknowledged in its last moments
     * before it is published.
     */
    @WithDefault("2S")
    Duration grace();

    /** How long one flush waits for Kafka to acknowledge its records; the rest is retried. */
    @WithDefault("15S")
    Duration publishTimeout();

    /**
     * Name of this instance, the first part of every usage id. Default: the host name and a ULID
     * made at start, so that every running process has its own.
     */
    Optional<String> instance();
}

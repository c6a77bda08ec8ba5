package io.socaas.tenants.ingestkey;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Ingest key lifecycle settings. */
@ConfigMapping(prefix = "socaas.ingest-keys")
public interface IngestKeyConfig {

    /**
     * How long a rotated key keeps working beside its replacement, so that a log source can be
     * switched to the new key without losing events.
     */
    @WithDefault("24h")
    Duration rotationGrace();
}

package io.socaas.ingestion.usage.config;

import io.quarkus.arc.DefaultBean;
import io.socaas.events.IngestIds;
import io.socaas.ingestion.usage.domain.UsageMeter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Locale;

/** Wires the framework-free usage meter. */
@Singleton
public class UsageProducers {

    @Produces
    @Singleton
    UsageMeter usageMeter(UsageConfig config, Clock clock) {
        String instance = config.instance().orElseGet(UsageProducers::hostAndStartUlid);
        return new UsageMeter(instance, clock, config.grace());
    }

    /** The clock the meter's minutes follow: the system's (tests end a minute without waiting for it). */
    @Produces
    @Singleton
    @DefaultBean
    Clock usageClock() {
        return Clock.systemUTC();
    }

    /** E.g. {@code ingestion-7d9f-01jd5x3q6m8k2v7c9r4t0w1y2z}: unique per running process. */
    static String hostAndStartUlid() {
        return safeHostName() + "-" + IngestIds.next().toLowerCase(Locale.ROOT);
    }

    private static String safeHostName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "ingestion";
            }
        }
        // ':' separates the parts of a usage id
        String safe = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        return safe.isBlank() ? "ingestion" : safe;
    }
}

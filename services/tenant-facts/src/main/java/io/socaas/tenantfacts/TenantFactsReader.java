package io.socaas.tenantfacts;

import com.google.protobuf.Parser;
import io.socaas.events.TenantId;
import io.socaas.kafkarecords.TenantWall;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Materializes the compacted topic {@code soc.tenants.v1} in memory: the newest published
 * configuration of every tenant, by tenant id ({@link CompactedTopicReader}). A change reaches
 * {@link #get} and the listeners within the poll interval.
 *
 * <p>A record is applied only when its key, its {@code tenant} header and its payload name the same
 * tenant (the platform's {@link TenantWall#TENANTS}; a tombstone: key and header), and when its
 * revision is not older than the one held; a tombstone removes the tenant. Anything else is logged
 * and skipped (the topic is the platform's own, written by tenant-billing).
 *
 * @param <T> the published message (the service's generated {@code TenantConfig})
 */
public final class TenantFactsReader<T> extends CompactedTopicReader<TenantId, T> {

    /** Told about every applied change, on the reader's thread; must not block for long. */
    @FunctionalInterface
    public interface Listener<T> extends CompactedTopicReader.Listener<TenantId, T> {}

    private TenantFactsReader(
            Settings settings, Parser<T> parser, Function<T, String> tenantOf, ToLongFunction<T> revisionOf) {
        super(settings, shape(TenantWall.TENANTS.on(settings.topic()), parser, tenantOf, revisionOf));
    }

    private static <T> Shape<TenantId, T> shape(
            TenantWall wall, Parser<T> parser, Function<T, String> tenantOf, ToLongFunction<T> revisionOf) {
        return new Shape<>(
                "tenant",
                "tenant-wall",
                parser,
                key -> TenantId.isValid(key) ? Optional.of(TenantId.of(key)) : Optional.empty(),
                revisionOf,
                (headers, key, payload) -> (payload == null
                                ? wall.checkTombstone(headers, key)
                                : wall.check(headers, key, tenantOf.apply(payload)))
                        .<Breach>map(breach -> breach::log));
    }

    /**
     * Starts reading in the background.
     *
     * @param tenantOf the tenant id a payload names
     * @param revisionOf the revision of a payload (higher is newer)
     */
    public static <T> TenantFactsReader<T> start(
            Settings settings, Parser<T> parser, Function<T, String> tenantOf, ToLongFunction<T> revisionOf) {
        return new TenantFactsReader<>(settings, parser, tenantOf, revisionOf).started();
    }

    /**
     * Starts reading where the service's configuration says: {@code kafka.bootstrap.servers},
     * {@code socaas.tenant-facts.topic} (default {@code soc.tenants.v1}) and, as client id,
     * {@code quarkus.application.name}.
     */
    public static <T> TenantFactsReader<T> fromConfig(
            Parser<T> parser, Function<T, String> tenantOf, ToLongFunction<T> revisionOf) {
        return start(settingsFromConfig("socaas.tenant-facts.topic", "soc.tenants.v1"), parser, tenantOf, revisionOf);
    }
}

package io.socaas.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Token buckets per (route, limit, caller key), in memory, on Bucket4j. At most {@code maxKeys}
 * buckets are kept: beyond that the least recently used go (Caffeine), so a flood of distinct
 * callers costs bounded memory; a bucket left alone for as long as it takes to fill up again is
 * dropped too, since a new one would be the same. The time source is injectable for tests.
 */
public final class RateLimiter {

    private record Key(String route, String limit, String caller) {}

    private record Entry(Bucket bucket, long idleNanos) {}

    private final Cache<Key, Entry> buckets;
    private final TimeMeter clock;

    public RateLimiter(long maxKeys, TimeMeter clock) {
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfter(new IdleExpiry())
                .ticker(clock::currentTimeNanos)
                // evictions run on the calling thread: no background pool, deterministic in tests
                .executor(Runnable::run)
                .build();
    }

    public RateLimiter(long maxKeys) {
        this(maxKeys, TimeMeter.SYSTEM_NANOTIME);
    }

    /** Takes one request from the caller's bucket, or says how long to wait. */
    public Decision tryAcquire(String route, String limitName, Limit limit, String caller) {
        ConsumptionProbe probe = bucket(route, limitName, limit, caller).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? Decision.allowed(probe.getRemainingTokens())
                : Decision.refused(probe.getNanosToWaitForRefill());
    }

    /** Whether the caller's bucket still has a request left, without taking it. */
    public Decision peek(String route, String limitName, Limit limit, String caller) {
        Entry entry = buckets.getIfPresent(new Key(route, limitName, caller));
        if (entry == null) {
            return Decision.allowed(limit.burst());
        }
        var estimate = entry.bucket().estimateAbilityToConsume(1);
        return estimate.canBeConsumed()
                ? Decision.allowed(entry.bucket().getAvailableTokens())
                : Decision.refused(estimate.getNanosToWaitForRefill());
    }

    /** Takes one request from the caller's bucket if one is left (counts a failure after the fact). */
    public void take(String route, String limitName, Limit limit, String caller) {
        bucket(route, limitName, limit, caller).tryConsume(1);
    }

    /** Buckets held now (after pending evictions). */
    public long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket bucket(String route, String limitName, Limit limit, String caller) {
        return buckets.get(new Key(route, limitName, caller), key -> new Entry(newBucket(limit), idle(limit)))
                .bucket();
    }

    private Bucket newBucket(Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst()).refillGreedy(limit.requests(), limit.period()))
                .withCustomTimePrecision(clock)
                .build();
    }

    private static long idle(Limit limit) {
        return limit.timeToFill().toNanos();
    }

    private static final class IdleExpiry implements Expiry<Key, Entry> {
        @Override
        public long expireAfterCreate(Key key, Entry value, long currentTime) {
            return value.idleNanos();
        }

        @Override
        public long expireAfterUpdate(Key key, Entry value, long currentTime, long currentDuration) {
            return value.idleNanos();
        }

        @Override
        public long expireAfterRead(Key key, Entry value, long currentTime, long currentDuration) {
            return value.idleNanos();
        }
    }
}

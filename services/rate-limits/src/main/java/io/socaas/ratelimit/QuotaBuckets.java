package io.socaas.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * {@link Quota}s per key (a tenant, say), in memory, on Bucket4j: a token bucket for the rate (its
 * size is the burst) and one for the current day in the quota's zone (a new one at each midnight).
 * Several units are taken at once, all or none, from both.
 *
 * <p>The caller passes the key's quota with every request; when it differs from the one the
 * buckets were made for they are reconfigured on the spot, keeping what was used: a raised limit
 * adds its difference to what is left; a lowered burst caps what is left, a lowered daily budget
 * takes its difference from it. So a
 * plan change applies to the next request, without a restart, and today's count survives it.
 *
 * <p>At most {@code maxKeys} keys are held (the least recently used go beyond that), a key unused
 * for {@link #IDLE} is dropped (its buckets would be full again and its day over), and the caller
 * drops a key whose quota is gone with {@link #remove}. Thread-safe: requests of one key are
 * serialized, keys never wait for each other.
 *
 * @param <K> the key
 */
public final class QuotaBuckets<K> {

    /** A key is forgotten after this long without a request: longer than any day (25 h with DST). */
    public static final Duration IDLE = Duration.ofHours(26);

    private static final String RATE = "rate";
    private static final String DAY = "day";

    private final Cache<K, Entry> buckets;
    private final Clock clock;
    private final TimeMeter meter;

    /** @param clock the time source (wall clock: days begin at midnight of the quota's zone) */
    public QuotaBuckets(long maxKeys, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.meter = new ClockMeter(clock);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(IDLE)
                .ticker(meter::currentTimeNanos)
                // evictions run on the calling thread: no background pool, deterministic in tests
                .executor(Runnable::run)
                .build();
    }

    public QuotaBuckets(long maxKeys) {
        this(maxKeys, Clock.systemUTC());
    }

    /**
     * Takes {@code units} from the key's quota, all or none.
     *
     * @param units how many at once, at least 1
     */
    public QuotaDecision tryTake(K key, Quota quota, long units) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(quota, "quota");
        if (units < 1) {
            throw new IllegalArgumentException("units must be positive: " + units);
        }
        if (quota.isUnlimited()) {
            buckets.invalidate(key);
            return QuotaDecision.GRANTED;
        }
        Entry entry = buckets.get(key, k -> new Entry());
        synchronized (entry) {
            ZonedDateTime now = ZonedDateTime.now(clock.withZone(quota.zone()));
            entry.configure(quota, now.toLocalDate());
            return entry.take(units, now);
        }
    }

    /**
     * Gives back units taken for a request that then failed (nothing was delivered), up to the
     * buckets' sizes.
     */
    public void giveBack(K key, long units) {
        Entry entry = buckets.getIfPresent(key);
        if (entry == null || units < 1) {
            return;
        }
        synchronized (entry) {
            entry.giveBack(units);
        }
    }

    /** Forgets a key (its quota is gone). */
    public void remove(K key) {
        buckets.invalidate(key);
    }

    /** Keys held now (after pending evictions). */
    public long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /** One key's buckets, made for {@link #quota}; guarded by its own monitor. */
    private final class Entry {
        private Quota quota;
        private Bucket rate;
        private Bucket day;
        private LocalDate date;

        void configure(Quota next, LocalDate today) {
            if (!next.equals(quota)) {
                if (day != null && next.limitsDay() && next.perDay() < quota.perDay()) {
                    // what was used today stays used: a smaller budget leaves less (ADDITIVE only caps)
                    day.tryConsumeAsMuchAsPossible(quota.perDay() - next.perDay());
                }
                rate = replace(rate, next.limitsRate() ? rateLimit(next) : null);
                day = replace(day, next.limitsDay() ? dayLimit(next) : null);
                quota = next;
            }
            if (day != null && !today.equals(date)) {
                day = bucket(dayLimit(quota));
            }
            date = today;
        }

        QuotaDecision take(long units, ZonedDateTime now) {
            if (rate != null && units > quota.burst()) {
                return new QuotaDecision(
                        QuotaDecision.Outcome.LARGER_THAN_BURST,
                        quota.burst(),
                        rate.getAvailableTokens(),
                        Duration.ZERO);
            }
            if (day != null && units > quota.perDay()) {
                return new QuotaDecision(
                        QuotaDecision.Outcome.LARGER_THAN_DAY, quota.perDay(), day.getAvailableTokens(), Duration.ZERO);
            }
            long remaining = 0;
            if (rate != null) {
                ConsumptionProbe probe = rate.tryConsumeAndReturnRemaining(units);
                if (!probe.isConsumed()) {
                    return new QuotaDecision(
                            QuotaDecision.Outcome.RATE,
                            quota.burst(),
                            probe.getRemainingTokens(),
                            Duration.ofNanos(probe.getNanosToWaitForRefill()));
                }
                remaining = probe.getRemainingTokens();
            }
            if (day != null && !day.tryConsume(units)) {
                if (rate != null) {
                    rate.addTokens(units); // all or none: the rate bucket gets its units back
                }
                ZonedDateTime midnight = now.toLocalDate().plusDays(1).atStartOfDay(now.getZone());
                return new QuotaDecision(
                        QuotaDecision.Outcome.DAY,
                        quota.perDay(),
                        day.getAvailableTokens(),
                        Duration.between(now, midnight));
            }
            return new QuotaDecision(QuotaDecision.Outcome.GRANTED, 0, remaining, Duration.ZERO);
        }

        void giveBack(long units) {
            if (rate != null) {
                rate.addTokens(units);
            }
            if (day != null) {
                day.addTokens(units);
            }
        }

        private Bucket replace(Bucket current, Bandwidth next) {
            if (next == null) {
                return null;
            }
            if (current == null) {
                return bucket(next);
            }
            current.replaceConfiguration(
                    BucketConfiguration.builder().addLimit(next).build(), TokensInheritanceStrategy.ADDITIVE);
            return current;
        }
    }

    private Bucket bucket(Bandwidth limit) {
        return Bucket.builder().addLimit(limit).withCustomTimePrecision(meter).build();
    }

    private static Bandwidth rateLimit(Quota quota) {
        return Bandwidth.builder()
                .capacity(quota.burst())
                .refillGreedy(quota.perSecond(), Duration.ofSeconds(1))
                .id(RATE)
                .build();
    }

    /**
     * A day's budget, never refilled within the day (each day gets a bucket of its own at its first
     * request; Bucket4j wants a refill period, and two days is longer than any day).
     */
    private static Bandwidth dayLimit(Quota quota) {
        return Bandwidth.builder()
                .capacity(quota.perDay())
                .refillIntervally(quota.perDay(), Duration.ofDays(2))
                .id(DAY)
                .build();
    }

    /** Bucket4j's time source on a {@link Clock}, so that tests can move time. */
    private record ClockMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}

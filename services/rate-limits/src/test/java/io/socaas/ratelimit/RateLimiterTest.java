package io.socaas.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final Limit THREE_PER_MINUTE = Limit.of(3, Duration.ofMinutes(1));

    private final ManualClock clock = new ManualClock();
    private final RateLimiter limiter = new RateLimiter(1_000, clock);

    @Test
    void refusesTheRequestAfterTheBurstAndSaysWhenToRetry() {
        assertThat(acquire("user:alice").remaining()).isEqualTo(2);
        assertThat(acquire("user:alice").remaining()).isEqualTo(1);
        assertThat(acquire("user:alice").remaining()).isZero();

        Decision refused = acquire("user:alice");

        assertThat(refused.allowed()).isFalse();
        // one token comes back every 20 s
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);
    }

    @Test
    void oneUserAtTheLimitDoesNotHoldBackAnother() {
        for (int i = 0; i < 3; i++) {
            acquire("user:alice");
        }
        assertThat(acquire("user:alice").allowed()).isFalse();

        assertThat(acquire("user:bob").allowed()).isTrue();
        assertThat(acquire("user:bob").allowed()).isTrue();
    }

    @Test
    void routesAndLimitsKeepTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            acquire("user:alice");
        }

        assertThat(limiter.tryAcquire("other-api", "per-user", THREE_PER_MINUTE, "user:alice")
                        .allowed())
                .isTrue();
        assertThat(limiter.tryAcquire("cases-api", "per-ip", THREE_PER_MINUTE, "user:alice")
                        .allowed())
                .isTrue();
    }

    @Test
    void refillsGraduallyOverTime() {
        for (int i = 0; i < 3; i++) {
            acquire("ip:10.0.0.1");
        }
        assertThat(acquire("ip:10.0.0.1").allowed()).isFalse();

        clock.advance(Duration.ofSeconds(19));
        assertThat(acquire("ip:10.0.0.1").retryAfterSeconds()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(acquire("ip:10.0.0.1").allowed()).isTrue();
        assertThat(acquire("ip:10.0.0.1").allowed()).isFalse();

        clock.advance(Duration.ofMinutes(5));
        // never more than the burst, however long the caller waited
        assertThat(acquire("ip:10.0.0.1").remaining()).isEqualTo(2);
    }

    @Test
    void aBurstSmallerThanTheRateLetsFewerRequestsComeAtOnce() {
        Limit limit = new Limit(60, Duration.ofMinutes(1), 2);

        assertThat(limiter.tryAcquire("r", "per-ip", limit, "ip:a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("r", "per-ip", limit, "ip:a").allowed()).isTrue();
        Decision refused = limiter.tryAcquire("r", "per-ip", limit, "ip:a");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(limit.describe()).isEqualTo("60 requests per 1m (burst 2)");
    }

    @Test
    void peekDoesNotTakeButTakeDoes() {
        Limit failures = Limit.of(2, Duration.ofMinutes(10));

        assertThat(limiter.peek("r", "per-ip-failures", failures, "ip:a").allowed())
                .isTrue();
        limiter.take("r", "per-ip-failures", failures, "ip:a");
        assertThat(limiter.peek("r", "per-ip-failures", failures, "ip:a").allowed())
                .isTrue();
        limiter.take("r", "per-ip-failures", failures, "ip:a");

        Decision refused = limiter.peek("r", "per-ip-failures", failures, "ip:a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(limiter.peek("r", "per-ip-failures", failures, "ip:b").allowed())
                .isTrue();
    }

    @Test
    void aFloodOfDistinctAddressesKeepsAtMostMaxKeysBuckets() {
        RateLimiter small = new RateLimiter(100, clock);

        for (int i = 0; i < 10_000; i++) {
            small.tryAcquire("r", "per-ip", THREE_PER_MINUTE, "ip:10.0." + (i / 256) + "." + (i % 256));
        }

        assertThat(small.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void dropsABucketOnceItWouldBeFullAgain() {
        acquire("user:alice");
        acquire("user:bob");
        assertThat(limiter.size()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(59));
        acquire("user:bob");
        clock.advance(Duration.ofSeconds(2));

        // alice's bucket sat unused for a full refill (1 min); bob used his 2 s ago
        assertThat(limiter.size()).isEqualTo(1);
        assertThat(acquire("user:alice").remaining()).isEqualTo(2);
    }

    private Decision acquire(String caller) {
        return limiter.tryAcquire("cases-api", "per-user", THREE_PER_MINUTE, caller);
    }
}

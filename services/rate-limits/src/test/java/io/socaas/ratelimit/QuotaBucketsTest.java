package io.socaas.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.testclock.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuotaBucketsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** 10/s, 50 at once, 1000 a day. */
    private static final Quota PLAN = new Quota(10, 50, 1_000, BERLIN);

    /** 2026-03-02 20:00 in Berlin (UTC+1). */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T19:00:00Z"));

    private final QuotaBuckets<String> quotas = new QuotaBuckets<>(1_000, clock);

    @Test
    void takesSeveralUnitsAtOnceUpToTheBurstAndSaysWhenEnoughAreBack() {
        assertThat(quotas.tryTake("acme", PLAN, 40).granted()).isTrue();

        QuotaDecision refused = quotas.tryTake("acme", PLAN, 30);

        assertThat(refused.outcome()).isEqualTo(QuotaDecision.Outcome.RATE);
        assertThat(refused.remaining()).isEqualTo(10);
        // 20 more are needed, 10 come back every second
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(refused.retryAfterSeconds()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(2));
        assertThat(quotas.tryTake("acme", PLAN, 30).granted()).isTrue();
    }

    @Test
    void aRequestLargerThanTheBurstIsNeverGrantedAndSaysSo() {
        QuotaDecision refused = quotas.tryTake("acme", PLAN, 51);

        assertThat(refused.outcome()).isEqualTo(QuotaDecision.Outcome.LARGER_THAN_BURST);
        assertThat(refused.limit()).isEqualTo(50);
        assertThat(refused.retryable()).isFalse();
        // nothing was taken
        assertThat(quotas.tryTake("acme", PLAN, 50).granted()).isTrue();
    }

    @Test
    void theDailyBudgetIsRenewedAtMidnightOfTheQuotasZone() {
        for (int i = 0; i < 20; i++) {
            assertThat(quotas.tryTake("acme", PLAN, 50).granted()).isTrue();
            clock.advance(Duration.ofSeconds(5));
        }

        QuotaDecision refused = quotas.tryTake("acme", PLAN, 1);

        assertThat(refused.outcome()).isEqualTo(QuotaDecision.Outcome.DAY);
        assertThat(refused.limit()).isEqualTo(1_000);
        // 20:01:40 in Berlin: midnight is 3 h 58 min 20 s away
        assertThat(refused.retryAfter())
                .isEqualTo(Duration.ofHours(3).plusMinutes(58).plusSeconds(20));
        // refused by the day: the rate bucket keeps its units
        clock.advance(refused.retryAfter());
        assertThat(quotas.tryTake("acme", PLAN, 50).granted()).isTrue();
    }

    @Test
    void oneKeyAtItsLimitDoesNotHoldBackAnother() {
        quotas.tryTake("acme", PLAN, 50);
        assertThat(quotas.tryTake("acme", PLAN, 1).granted()).isFalse();

        assertThat(quotas.tryTake("globex", PLAN, 50).granted()).isTrue();
    }

    @Test
    void aChangedQuotaAppliesToTheNextRequestAndKeepsTodaysCount() {
        quotas.tryTake("acme", PLAN, 50);
        assertThat(quotas.tryTake("acme", PLAN, 10).granted()).isFalse();

        Quota bigger = new Quota(10, 500, 1_000, BERLIN);
        // the burst grew by 450: that much is there at once
        assertThat(quotas.tryTake("acme", bigger, 450).granted()).isTrue();

        clock.advance(Duration.ofMinutes(1)); // the rate bucket is full again
        Quota smallerDay = new Quota(10, 500, 600, BERLIN);
        QuotaDecision refused = quotas.tryTake("acme", smallerDay, 101);
        // 500 used today of now 600
        assertThat(refused.outcome()).isEqualTo(QuotaDecision.Outcome.DAY);
        assertThat(refused.remaining()).isEqualTo(100);
    }

    @Test
    void givenBackUnitsCanBeTakenAgain() {
        quotas.tryTake("acme", PLAN, 50);
        quotas.giveBack("acme", 50);

        assertThat(quotas.tryTake("acme", PLAN, 50).granted()).isTrue();
    }

    @Test
    void unlimitedKeysHoldNoBucketsAndRemovedOnesAreForgotten() {
        assertThat(quotas.tryTake("acme", Quota.UNLIMITED, 1_000_000).granted()).isTrue();
        assertThat(quotas.size()).isZero();

        quotas.tryTake("acme", PLAN, 50);
        quotas.tryTake("globex", PLAN, 1);
        assertThat(quotas.size()).isEqualTo(2);
        quotas.remove("acme");
        assertThat(quotas.size()).isEqualTo(1);

        clock.advance(QuotaBuckets.IDLE);
        assertThat(quotas.size()).isZero();
    }

    @Test
    void holdsNoMoreKeysThanItsBound() {
        QuotaBuckets<String> small = new QuotaBuckets<>(10, clock);
        for (int i = 0; i < 1_000; i++) {
            small.tryTake("tenant-" + i, PLAN, 1);
        }
        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void aRateWithoutBurstHoldsOneSecondsWorth() {
        Quota noBurst = new Quota(10, 0, 0, BERLIN);

        assertThat(noBurst.burst()).isEqualTo(10);
        assertThat(quotas.tryTake("acme", noBurst, 10).granted()).isTrue();
        assertThat(quotas.tryTake("acme", noBurst, 1).granted()).isFalse();
    }
}

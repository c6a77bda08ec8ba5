package io.socaas.ratelimit;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/** A time source that moves only when told. */
final class ManualClock implements TimeMeter {

    private long nanos = 1_000_000_000L;

    @Override
    public long currentTimeNanos() {
        return nanos;
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }

    void advance(Duration by) {
        nanos += by.toNanos();
    }
}

package io.socaas.ingestion.usage.domain;

import io.socaas.events.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts each tenant's usage per minute in this ingestion instance and publishes one {@link
 * MinuteUsage} per tenant and minute once the minute is over. Thread-safe: intake threads record,
 * one flusher publishes.
 *
 * <p>A minute is published when it ended at least {@code grace} ago (so that a batch acknowledged
 * at the very end of the minute is still in it). Counts the bus did not acknowledge go back into
 * the meter and are sent again, with the same id and the same counts, at the next flush: nothing
 * is lost and nothing is counted twice.
 */
public final class UsageMeter {

    private record Key(TenantId tenant, Instant minuteStart) {}

    private final String instance;
    private final Clock clock;
    private final Duration grace;
    private final Map<Key, UsageCounts> open = new ConcurrentHashMap<>();
    private final ReentrantLock flushing = new ReentrantLock();

    public UsageMeter(String instance, Clock clock, Duration grace) {
        this.instance = Objects.requireNonNull(instance, "instance");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grace = Objects.requireNonNull(grace, "grace");
        if (instance.isBlank() || instance.contains(":")) {
            throw new IllegalArgumentException("an instance id is non-blank and has no ':': " + instance);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace cannot be negative");
        }
    }

    /** The id of this instance, the first part of every usage id it publishes. */
    public String instance() {
        return instance;
    }

    /** A batch of {@code events} events ({@code rawBytes} decoded bytes) is durably accepted. */
    public void recordAccepted(TenantId tenant, long events, long rawBytes) {
        add(tenant, new UsageCounts(events, rawBytes, 0));
    }

    /** {@code events} events were refused because the tenant's quota was used up. */
    public void recordRefusedByQuota(TenantId tenant, long events) {
        add(tenant, new UsageCounts(0, 0, events));
    }

    /** What one flush did: records the bus acknowledged, and records kept to be sent again. */
    public record Flushed(int published, int kept) {}

    /** Publishes every minute that is over (ended at least the grace period ago). */
    public Flushed flushEndedMinutes(UsagePublisher publisher) {
        Instant openFrom = minuteOf(clock.instant().minus(grace));
        return flush(publisher, key -> key.minuteStart().isBefore(openFrom));
    }

    /** Publishes everything counted so far, the running minute included: for shutdown. */
    public Flushed flushAll(UsagePublisher publisher) {
        return flush(publisher, key -> true);
    }

    private Flushed flush(UsagePublisher publisher, java.util.function.Predicate<Key> due) {
        flushing.lock();
        try {
            List<MinuteUsage> batch = new ArrayList<>();
            for (Key key : List.copyOf(open.keySet())) {
                if (due.test(key)) {
                    UsageCounts counts = open.remove(key);
                    if (counts != null && !counts.isEmpty()) {
                        batch.add(new MinuteUsage(instance, key.tenant(), key.minuteStart(), counts));
                    }
                }
            }
            if (batch.isEmpty()) {
                return new Flushed(0, 0);
            }
            batch.sort(Comparator.comparing(MinuteUsage::minuteStart)
                    .thenComparing(usage -> usage.tenant().value()));
            List<MinuteUsage> failed;
            try {
                failed = publisher.publish(batch);
            } catch (RuntimeException e) {
                failed = batch;
            }
            failed.forEach(usage ->
                    open.merge(new Key(usage.tenant(), usage.minuteStart()), usage.counts(), UsageCounts::plus));
            return new Flushed(batch.size() - failed.size(), failed.size());
        } finally {
            flushing.unlock();
        }
    }

    /**
     * Counts not yet acknowledged by the bus, by tenant, over all minutes. Waits for a flush under
     * way to end, so that what it is sending is counted exactly once.
     */
    public Map<TenantId, UsageCounts> pending() {
        flushing.lock();
        try {
            Map<TenantId, UsageCounts> pending = new java.util.TreeMap<>(Comparator.comparing(TenantId::value));
            open.forEach((key, counts) -> pending.merge(key.tenant(), counts, UsageCounts::plus));
            return pending;
        } finally {
            flushing.unlock();
        }
    }

    private void add(TenantId tenant, UsageCounts counts) {
        Objects.requireNonNull(tenant, "tenant");
        if (counts.isEmpty()) {
            return;
        }
        open.merge(new Key(tenant, minuteOf(clock.instant())), counts, UsageCounts::plus);
    }

    private static Instant minuteOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES);
    }
}

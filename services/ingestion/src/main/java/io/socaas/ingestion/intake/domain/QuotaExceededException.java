package io.socaas.ingestion.intake.domain;

import io.socaas.events.TenantId;
import java.time.Duration;
import java.util.Objects;

/**
 * A batch does not fit into its tenant's ingest quota: nothing of it was accepted. Either it fits
 * later ({@link #retryAfter()}: the rate bucket refills, the day ends) or it never does as it is
 * (more events at once than the plan's burst or daily budget): the sender must split it.
 *
 * <p>Refusals are routine under load: no stack trace is captured.
 */
public final class QuotaExceededException extends RuntimeException {

    /** Which part of the quota refused. */
    public enum Reason {
        /** The events/s bucket holds too few events now. */
        EVENTS_PER_SECOND,
        /** Today's events are used up (or too few are left). */
        EVENTS_PER_DAY,
        /** More events at once than the burst: never accepted as one batch. */
        BATCH_OVER_BURST,
        /** More events at once than a whole day's budget: never accepted as one batch. */
        BATCH_OVER_DAY
    }

    private final TenantId tenant;
    private final int events;
    private final Reason reason;
    private final long limit;
    private final long remaining;
    private final Duration retryAfter;

    /**
     * @param limit the refusing part's size: the burst, or the events per day
     * @param remaining what is left of it now
     * @param retryAfter when the same batch would fit; zero when it never would
     */
    public QuotaExceededException(
            TenantId tenant, int events, Reason reason, long limit, long remaining, Duration retryAfter) {
        super(message(tenant, events, reason, limit, remaining), null, false, false);
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.events = events;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.limit = limit;
        this.remaining = remaining;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public TenantId tenant() {
        return tenant;
    }

    /** Events refused. */
    public int events() {
        return events;
    }

    public Reason reason() {
        return reason;
    }

    public long limit() {
        return limit;
    }

    public long remaining() {
        return remaining;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whether waiting lets the same batch in. */
    public boolean retryable() {
        return reason == Reason.EVENTS_PER_SECOND || reason == Reason.EVENTS_PER_DAY;
    }

    private static String message(TenantId tenant, int events, Reason reason, long limit, long remaining) {
        return switch (reason) {
            case EVENTS_PER_SECOND ->
                "tenant " + tenant + ": " + events + " events do not fit into its events/s quota now (burst " + limit
                        + ", " + remaining + " left)";
            case EVENTS_PER_DAY ->
                "tenant " + tenant + ": " + events + " events do not fit into today's quota of " + limit + " ("
                        + remaining + " left)";
            case BATCH_OVER_BURST ->
                "tenant " + tenant + ": a batch of " + events + " events is larger than its plan's burst of " + limit;
            case BATCH_OVER_DAY ->
                "tenant " + tenant + ": a batch of " + events + " events is larger than its daily quota of " + limit;
        };
    }
}

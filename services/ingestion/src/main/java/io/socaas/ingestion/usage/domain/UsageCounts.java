package io.socaas.ingestion.usage.domain;

/**
 * What a tenant used in one minute.
 *
 * @param eventsAccepted events durably on the event bus
 * @param rawBytes decoded request bytes of the batches those events came in
 * @param eventsRefusedQuota events refused because the tenant's quota was used up
 */
public record UsageCounts(long eventsAccepted, long rawBytes, long eventsRefusedQuota) {

    public static final UsageCounts NONE = new UsageCounts(0, 0, 0);

    public UsageCounts {
        if (eventsAccepted < 0 || rawBytes < 0 || eventsRefusedQuota < 0) {
            throw new IllegalArgumentException("usage counts cannot be negative");
        }
    }

    public UsageCounts plus(UsageCounts other) {
        return new UsageCounts(
                Math.addExact(eventsAccepted, other.eventsAccepted),
                Math.addExact(rawBytes, other.rawBytes),
                Math.addExact(eventsRefusedQuota, other.eventsRefusedQuota));
    }

    public boolean isEmpty() {
        return eventsAccepted == 0 && rawBytes == 0 && eventsRefusedQuota == 0;
    }
}

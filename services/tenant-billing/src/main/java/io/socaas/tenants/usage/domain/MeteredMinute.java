package io.socaas.tenants.usage.domain;

import io.socaas.events.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One usage record as ingestion sent it: what one ingestion instance took in for one tenant in one
 * minute. {@code usageId} ({@code <instance>:<tenant>:<minute_start_ms>}) identifies it: the same
 * record delivered again is recognised and counted once.
 */
public record MeteredMinute(
        String usageId,
        TenantId tenant,
        String instance,
        Instant minuteStart,
        long eventsAccepted,
        long rawBytes,
        long eventsRefusedQuota) {

    public MeteredMinute {
        Objects.requireNonNull(usageId, "usageId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(minuteStart, "minuteStart");
    }

    /**
     * Why this record cannot be counted, or {@code null} when it can: its id must be {@code
     * <instance>:<tenant>:<minute_start_ms>} of its own fields, the minute a whole minute, the counts
     * not negative.
     */
    public String defect() {
        if (instance.isBlank() || instance.contains(":")) {
            return "instance '" + instance + "' is blank or holds ':'";
        }
        String expected = instance + ":" + tenant.value() + ":" + minuteStart.toEpochMilli();
        if (!usageId.equals(expected)) {
            return "usage_id '" + usageId + "' is not '" + expected + "'";
        }
        if (minuteStart.toEpochMilli() % 60_000 != 0) {
            return "minute_start_ms " + minuteStart.toEpochMilli() + " is not the start of a minute";
        }
        if (eventsAccepted < 0 || rawBytes < 0 || eventsRefusedQuota < 0) {
            return "negative counts";
        }
        return null;
    }
}

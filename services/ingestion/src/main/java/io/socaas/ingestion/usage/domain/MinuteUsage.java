package io.socaas.ingestion.usage.domain;

import io.socaas.events.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * One tenant's usage in one minute as counted by one ingestion instance: the content of one
 * {@code UsageRecord}. Its id {@code <instance>:<tenant>:<minute_start_ms>} is the same every time
 * the record is sent, so a consumer counts it once however often it arrives.
 */
public record MinuteUsage(String instance, TenantId tenant, Instant minuteStart, UsageCounts counts) {

    public MinuteUsage {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(minuteStart, "minuteStart");
        Objects.requireNonNull(counts, "counts");
        if (minuteStart.toEpochMilli() % 60_000 != 0) {
            throw new IllegalArgumentException("not the start of a minute: " + minuteStart);
        }
    }

    public String usageId() {
        return instance + ":" + tenant.value() + ":" + minuteStart.toEpochMilli();
    }
}

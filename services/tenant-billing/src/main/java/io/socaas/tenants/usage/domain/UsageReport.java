package io.socaas.tenants.usage.domain;

import io.socaas.events.TenantId;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** A tenant's usage per day of its time zone, one entry for every day asked for. */
public record UsageReport(TenantId tenant, ZoneId timeZone, List<DailyUsage> days) {

    public UsageReport {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(timeZone, "timeZone");
        days = List.copyOf(days);
    }
}

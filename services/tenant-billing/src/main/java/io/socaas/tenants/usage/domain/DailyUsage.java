package io.socaas.tenants.usage.domain;

import java.time.LocalDate;
import java.util.Objects;

/** A tenant's usage on one day of its time zone. */
public record DailyUsage(LocalDate date, long eventsAccepted, long rawBytes, long eventsRefusedQuota) {

    public DailyUsage {
        Objects.requireNonNull(date, "date");
    }

    public static DailyUsage none(LocalDate date) {
        return new DailyUsage(date, 0, 0, 0);
    }
}

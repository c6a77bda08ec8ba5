package io.socaas.reporting.portal.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A calendar month in a tenant's time zone: the period the portal's SLA figures cover.
 *
 * @param month the calendar month
 * @param zone the tenant's time zone, in which the month starts and ends
 */
public record SlaPeriod(YearMonth month, ZoneId zone) {

    public SlaPeriod {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(zone, "zone");
    }

    /** First instant of the month (inclusive): midnight of its first day in the tenant's zone. */
    public Instant from() {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** First instant after the month (exclusive): midnight of the next month's first day. */
    public Instant to() {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }
}

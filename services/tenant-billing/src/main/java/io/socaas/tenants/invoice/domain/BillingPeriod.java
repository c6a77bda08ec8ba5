package io.socaas.tenants.invoice.domain;

import io.socaas.tenants.usage.domain.InvalidUsageQueryException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** A calendar month in a tenant's time zone: what one invoice covers. Written {@code 2026-03}. */
public record BillingPeriod(YearMonth month, ZoneId zone) implements Comparable<BillingPeriod> {

    public BillingPeriod {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * Parses {@code yyyy-mm}.
     *
     * @throws InvalidUsageQueryException naming {@code parameter} when malformed
     */
    public static YearMonth parseMonth(String parameter, String value) {
        if (value == null || !value.matches("\\d{4}-\\d{2}")) {
            throw new InvalidUsageQueryException(
                    parameter, "'" + parameter + "' must be a month YYYY-MM, not '" + value + "'");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidUsageQueryException(
                    parameter, "'" + parameter + "' must be a month YYYY-MM, not '" + value + "'");
        }
    }

    /** The month that holds {@code instant} in the zone. */
    public static BillingPeriod containing(Instant instant, ZoneId zone) {
        return new BillingPeriod(YearMonth.from(instant.atZone(zone)), zone);
    }

    /** First instant of the month in the zone. */
    public Instant start() {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }

    /** First instant of the next month in the zone (exclusive end). */
    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    /** Calendar days of the month (a day of a DST change is one day, whatever its hours). */
    public int days() {
        return month.lengthOfMonth();
    }

    public BillingPeriod next() {
        return new BillingPeriod(month.plusMonths(1), zone);
    }

    @Override
    public int compareTo(BillingPeriod other) {
        return month.compareTo(other.month);
    }

    @Override
    public String toString() {
        return month.toString();
    }
}

package io.socaas.tenants.usage.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Consecutive days in a tenant's time zone, both ends included: what a usage query asks for. At
 * most {@value #MAX_DAYS} days.
 */
public record UsagePeriod(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    public UsagePeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidUsageQueryException("to", "'to' (" + to + ") is before 'from' (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidUsageQueryException(
                    "to", "at most " + MAX_DAYS + " days can be asked for at once (" + from + " to " + to + ")");
        }
    }

    /**
     * Parses ISO-8601 dates ({@code 2026-03-01}).
     *
     * @throws InvalidUsageQueryException naming the missing or malformed parameter
     */
    public static UsagePeriod parse(String from, String to) {
        return new UsagePeriod(date("from", from), date("to", to));
    }

    private static LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidUsageQueryException(parameter, "'" + parameter + "' is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidUsageQueryException(
                    parameter, "'" + parameter + "' must be a date YYYY-MM-DD, not '" + value + "'");
        }
    }

    /** First instant of {@code from} in the zone. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** First instant after {@code to} in the zone (exclusive end). */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** One entry per day of the period in date order; days without usage are zero. */
    public List<DailyUsage> everyDay(Map<LocalDate, DailyUsage> used) {
        List<DailyUsage> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(used.getOrDefault(day, DailyUsage.none(day)));
        }
        return days;
    }
}

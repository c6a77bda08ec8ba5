package io.socaas.cases.sla.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Covered hours that recur every week: from {@code start} (wall-clock time in the calendar's zone)
 * on {@code day}, for {@code length} of wall-clock time. A window may run past midnight into the
 * next day (a night shift {@code 22:00} for 8 hours ends at {@code 06:00} the next day); it is at
 * most one day long.
 *
 * <p>The length is wall-clock time: on a day when the clocks change, the window lasts the real
 * time between its wall-clock start and end (see {@link CoverageCalendar}).
 */
public record WeeklyWindow(DayOfWeek day, LocalTime start, Duration length) {

    private static final Duration DAY = Duration.ofDays(1);

    public WeeklyWindow {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero() || length.compareTo(DAY) > 0) {
            throw new InvalidSlaPolicyException(
                    "a business-hours window must last more than nothing and at most a day, got " + length);
        }
    }

    /**
     * The window from {@code start} to {@code end} on {@code day}; an end that is not after the
     * start ends on the next day ({@code 22:00}–{@code 06:00} is an overnight window,
     * {@code 08:00}–{@code 00:00} runs to midnight). An end equal to the start would be ambiguous
     * (nothing or 24 hours) and is refused; a whole day is {@link #wholeDay(DayOfWeek)}.
     */
    public static WeeklyWindow between(DayOfWeek day, LocalTime start, LocalTime end) {
        Objects.requireNonNull(end, "end");
        if (end.equals(start)) {
            throw new InvalidSlaPolicyException(
                    "a business-hours window from " + start + " to " + end + " on " + day + " is ambiguous");
        }
        Duration length = Duration.between(start, end);
        return new WeeklyWindow(day, start, length.isNegative() ? length.plus(DAY) : length);
    }

    /** The whole of {@code day}, from midnight to midnight. */
    public static WeeklyWindow wholeDay(DayOfWeek day) {
        return new WeeklyWindow(day, LocalTime.MIDNIGHT, DAY);
    }
}

package io.socaas.cases.sla.domain;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * When SLA clocks run: around the clock, or within weekly business hours in a time zone except on
 * holidays. Answers how much covered time lies between two instants and when a given amount of
 * covered time has passed.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>Around the clock</b> ({@link #allDay(ZoneId)}): covered time is elapsed time; holidays do
 *       not apply.
 *   <li><b>Business hours</b> ({@link #businessHours}): the union of the weekly windows, in
 *       wall-clock time of the zone. Overlapping windows count once. A window that runs past
 *       midnight belongs, after midnight, to the next date.
 *   <li><b>Holidays</b> are dates in the calendar's zone: nothing of that date (00:00 to 24:00
 *       wall-clock) is covered, including the after-midnight part of an overnight window that
 *       started the day before; the part of an overnight window before midnight on the eve of a
 *       holiday stays covered.
 *   <li><b>Clock changes</b>: a window's wall-clock bounds are turned into instants; a wall-clock
 *       time skipped by a spring-forward counts as the instant of the change, a wall-clock time
 *       that occurs twice at a fall-back counts as its first occurrence. So a window lasts the real
 *       time between its bounds: {@code 08:00}–{@code 18:00} is always ten hours where clocks
 *       change at night, {@code 00:00}–{@code 24:00} is 23 hours on the day of a spring-forward
 *       and 25 hours on the day of a fall-back.
 * </ul>
 *
 * <h2>Cost</h2>
 *
 * Work is per day at the ends of a range and per run of whole weeks in between: a run of weeks
 * without a holiday and without a clock change of the zone is skipped in one step. Nothing loops
 * per second or per minute.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CoverageCalendar {

    private static final long NANOS_PER_DAY = Duration.ofDays(1).toNanos();
    private static final Duration CHANGE_MARGIN = Duration.ofDays(2);

    private final ZoneId zone;
    private final ZoneRules rules;
    private final boolean allDay;
    private final List<WeeklyWindow> windows;
    private final NavigableSet<LocalDate> holidays;
    /** Per day of week (index = ordinal): sorted, disjoint [start, end) nano-of-day pairs. */
    private final long[][] daySegments;

    private final Duration week;

    private CoverageCalendar(ZoneId zone, boolean allDay, List<WeeklyWindow> windows, Collection<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = zone.getRules();
        this.allDay = allDay;
        this.windows = List.copyOf(windows);
        this.holidays = Collections.unmodifiableNavigableSet(new TreeSet<>(holidays));
        this.daySegments = segmentsByDay(this.windows);
        long weekNanos = 0;
        for (long[] segments : daySegments) {
            for (int i = 0; i < segments.length; i += 2) {
                weekNanos += segments[i + 1] - segments[i];
            }
        }
        this.week = Duration.ofNanos(weekNanos);
    }

    /** Coverage around the clock, every day; {@code zone} is kept for display only. */
    public static CoverageCalendar allDay(ZoneId zone) {
        return new CoverageCalendar(zone, true, List.of(), List.of());
    }

    /**
     * Coverage within {@code windows} in {@code zone}, except on {@code holidays} (dates in that
     * zone).
     *
     * @throws InvalidSlaPolicyException when there is no window
     */
    public static CoverageCalendar businessHours(
            ZoneId zone, Collection<WeeklyWindow> windows, Collection<LocalDate> holidays) {
        if (windows.isEmpty()) {
            throw new InvalidSlaPolicyException("business-hours coverage needs at least one window");
        }
        return new CoverageCalendar(zone, false, List.copyOf(windows), holidays);
    }

    /** The zone whose wall clock the windows and holidays are given in. */
    public ZoneId zone() {
        return zone;
    }

    /** True for coverage around the clock. */
    public boolean isAllDay() {
        return allDay;
    }

    /** The weekly windows as given (empty for around-the-clock coverage). */
    public List<WeeklyWindow> windows() {
        return windows;
    }

    /** Dates without coverage (empty for around-the-clock coverage). */
    public NavigableSet<LocalDate> holidays() {
        return holidays;
    }

    /** Covered time in an ordinary week (no holiday, no clock change); a week for around the clock. */
    public Duration coveredPerWeek() {
        return allDay ? Duration.ofDays(7) : week;
    }

    /** Covered time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    public Duration covered(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (allDay) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate first = localDate(from);
        LocalDate last = localDate(to);
        LocalDate day = first;
        while (!day.isAfter(last)) {
            if (day.isAfter(first)) {
                long weeks = quietWeeks(day, last);
                if (weeks > 0) {
                    total = total.plus(week.multipliedBy(weeks));
                    day = day.plusWeeks(weeks);
                    continue;
                }
            }
            if (!holidays.contains(day)) {
                long[] segments = daySegments[day.getDayOfWeek().ordinal()];
                for (int i = 0; i < segments.length; i += 2) {
                    Instant start = max(instant(day, segments[i]), from);
                    Instant end = min(instant(day, segments[i + 1]), to);
                    if (end.isAfter(start)) {
                        total = total.plus(Duration.between(start, end));
                    }
                }
            }
            day = day.plusDays(1);
        }
        return total;
    }

    /**
     * The earliest instant at which {@code amount} of covered time has passed since {@code start}:
     * the smallest {@code t} with {@code covered(start, t) == amount}. For a positive amount this is
     * inside or at the end of covered time, never in a gap: a clock that starts outside coverage
     * starts at the next opening, and a deadline that falls on closing time is closing time, not
     * the next opening. Zero gives {@code start}.
     *
     * @throws IllegalArgumentException when {@code amount} is negative
     * @throws DateTimeException when the result lies beyond the range of {@link Instant}
     */
    public Instant plusCovered(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("covered time must not be negative, got " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        if (allDay) {
            return start.plus(amount);
        }
        Duration remaining = amount;
        LocalDate first = localDate(start);
        LocalDate day = first;
        while (true) {
            if (day.isAfter(first)) {
                // skip whole weeks, but leave some covered time for the last one so that the result
                // is the end of covered time, not the start of the day after it
                long weeks =
                        Math.min(quietWeeks(day, null), remaining.minusNanos(1).dividedBy(week));
                if (weeks > 0) {
                    remaining = remaining.minus(week.multipliedBy(weeks));
                    day = day.plusWeeks(weeks);
                }
            }
            if (!holidays.contains(day)) {
                long[] segments = daySegments[day.getDayOfWeek().ordinal()];
                for (int i = 0; i < segments.length; i += 2) {
                    Instant from = max(instant(day, segments[i]), start);
                    Instant end = instant(day, segments[i + 1]);
                    if (end.isAfter(from)) {
                        Duration length = Duration.between(from, end);
                        if (length.compareTo(remaining) >= 0) {
                            return from.plus(remaining);
                        }
                        remaining = remaining.minus(length);
                    }
                }
            }
            day = day.plusDays(1);
        }
    }

    /** Whether the clock runs at {@code instant}. */
    public boolean isCovered(Instant instant) {
        if (allDay) {
            return true;
        }
        LocalDate day = localDate(instant);
        if (holidays.contains(day)) {
            return false;
        }
        long[] segments = daySegments[day.getDayOfWeek().ordinal()];
        for (int i = 0; i < segments.length; i += 2) {
            if (!instant.isBefore(instant(day, segments[i])) && instant.isBefore(instant(day, segments[i + 1]))) {
                return true;
            }
        }
        return false;
    }

    /** {@code instant} when it is covered, else the next instant at which coverage starts. */
    public Instant nextCovered(Instant instant) {
        if (allDay) {
            return instant;
        }
        LocalDate day = localDate(instant);
        while (true) {
            if (!holidays.contains(day)) {
                long[] segments = daySegments[day.getDayOfWeek().ordinal()];
                for (int i = 0; i < segments.length; i += 2) {
                    Instant start = instant(day, segments[i]);
                    Instant end = instant(day, segments[i + 1]);
                    if (end.isAfter(start) && end.isAfter(instant)) {
                        return max(start, instant);
                    }
                }
            }
            day = day.plusDays(1);
        }
    }

    /**
     * How many whole weeks from the start of {@code day} contain no holiday and lie well clear of
     * any clock change (so each of them has exactly {@link #week} of covered time), ending no later
     * than the start of {@code bound} when given.
     */
    private long quietWeeks(LocalDate day, LocalDate bound) {
        LocalDate limit = bound;
        LocalDate holiday = holidays.ceiling(day);
        if (holiday != null && (limit == null || holiday.isBefore(limit))) {
            limit = holiday;
        }
        ZoneOffsetTransition change = rules.nextTransition(instant(day, 0).minus(CHANGE_MARGIN));
        if (change != null) {
            LocalDate clear = localDate(change.getInstant().minus(CHANGE_MARGIN));
            if (limit == null || clear.isBefore(limit)) {
                limit = clear;
            }
        }
        if (limit == null) {
            return Long.MAX_VALUE;
        }
        return limit.isAfter(day) ? ChronoUnit.DAYS.between(day, limit) / 7 : 0;
    }

    /**
     * The instant of a wall-clock time of {@code day} ({@code nanoOfDay} up to and including 24:00,
     * which is the next day's midnight). Monotonic in the wall-clock time: a time in a gap is the
     * instant of the change, a time in an overlap its first occurrence.
     */
    private Instant instant(LocalDate day, long nanoOfDay) {
        LocalDateTime local = nanoOfDay >= NANOS_PER_DAY
                ? day.plusDays(1).atStartOfDay()
                : day.atTime(LocalTime.ofNanoOfDay(nanoOfDay));
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        return local.toInstant(offsets.get(0));
    }

    private LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Splits windows at midnight and merges them per day of week into disjoint sorted segments. */
    private static long[][] segmentsByDay(List<WeeklyWindow> windows) {
        List<List<long[]>> byDay = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            byDay.add(new ArrayList<>());
        }
        for (WeeklyWindow window : windows) {
            long start = window.start().toNanoOfDay();
            long end = start + window.length().toNanos();
            DayOfWeek day = window.day();
            byDay.get(day.ordinal()).add(new long[] {start, Math.min(end, NANOS_PER_DAY)});
            if (end > NANOS_PER_DAY) {
                byDay.get(day.plus(1).ordinal()).add(new long[] {0, end - NANOS_PER_DAY});
            }
        }
        long[][] result = new long[7][];
        for (int d = 0; d < 7; d++) {
            List<long[]> segments = byDay.get(d);
            segments.sort(Comparator.comparingLong(s -> s[0]));
            List<long[]> merged = new ArrayList<>();
            for (long[] segment : segments) {
                long[] lastMerged = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (lastMerged != null && segment[0] <= lastMerged[1]) {
                    lastMerged[1] = Math.max(lastMerged[1], segment[1]);
                } else {
                    merged.add(segment.clone());
                }
            }
            result[d] = merged.stream().flatMapToLong(Arrays::stream).toArray();
        }
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CoverageCalendar that
                && zone.equals(that.zone)
                && allDay == that.allDay
                && holidays.equals(that.holidays)
                && Arrays.deepEquals(daySegments, that.daySegments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, allDay, holidays, Arrays.deepHashCode(daySegments));
    }

    @Override
    public String toString() {
        return allDay
                ? "CoverageCalendar[24x7, " + zone + "]"
                : "CoverageCalendar[" + zone + ", " + windows + ", holidays " + holidays + "]";
    }
}

package io.socaas.cases.analysts.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When an analyst works: weekly shifts in the analyst's time zone, and on-call windows (absolute
 * periods, e.g. a weekend's rota) during which the analyst can be paged.
 *
 * @param zone the analyst's time zone, in which shifts are read
 * @param shifts weekly working hours; a shift whose end is not after its start runs past midnight
 *     into the next day (22:00–06:00), and one from 00:00 to 00:00 is the whole day
 * @param onCall periods the analyst is on call
 */
public record Rota(ZoneId zone, List<Shift> shifts, List<OnCall> onCall) {

    public Rota {
        Objects.requireNonNull(zone, "zone");
        shifts = List.copyOf(shifts);
        onCall = List.copyOf(onCall);
    }

    /** Every day, all day: an analyst of a 24x7 desk. */
    public static Rota always(ZoneId zone) {
        return new Rota(
                zone,
                List.of(new Shift(Set.of(DayOfWeek.values()), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)),
                List.of());
    }

    /** Whether {@code at} falls in one of the weekly shifts. */
    public boolean onShift(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return shifts.stream().anyMatch(s -> s.covers(local.getDayOfWeek(), local.toLocalTime()));
    }

    /** Whether {@code at} falls in an on-call window. */
    public boolean onCall(Instant at) {
        return onCall.stream().anyMatch(w -> w.covers(at));
    }

    /** Working hours on some days of the week. */
    public record Shift(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

        public Shift {
            if (days == null || days.isEmpty()) {
                throw new InvalidAnalystProfileException("rota.shifts.days", "a shift names at least one day");
            }
            days = Set.copyOf(days);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /** Whether the shift covers {@code time} on {@code day} (local). */
        boolean covers(DayOfWeek day, LocalTime time) {
            if (from.equals(to)) {
                return days.contains(day);
            }
            if (from.isBefore(to)) {
                return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
            }
            // past midnight: the evening part on a shift day, the morning part on the day after
            return (days.contains(day) && !time.isBefore(from)) || (days.contains(day.minus(1)) && time.isBefore(to));
        }
    }

    /** A period on call, [from, to). */
    public record OnCall(Instant from, Instant to) {

        public OnCall {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) {
                throw new InvalidAnalystProfileException("rota.on_call", "an on-call window must end after it starts");
            }
        }

        boolean covers(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }
    }
}

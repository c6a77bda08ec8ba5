package io.socaas.cases.sla.domain;

import static io.socaas.cases.sla.domain.SlaTestData.BERLIN;
import static io.socaas.cases.sla.domain.SlaTestData.NEW_YORK;
import static io.socaas.cases.sla.domain.SlaTestData.berlinOfficeHours;
import static io.socaas.cases.sla.domain.SlaTestData.everyWholeDay;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Laws of covered time that must hold for every calendar, start and amount, checked on calendars
 * chosen to be awkward: holidays, overnight windows, windows across the clock change, a zone that
 * shifts by 30 minutes (Lord Howe) and one that changes its clocks at midnight (Santiago).
 */
class CoverageCalendarPropertiesTest {

    private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
    private static final long FROM = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2028-01-01T00:00:00Z").getEpochSecond();

    private static final List<CoverageCalendar> CALENDARS = List.of(
            berlinOfficeHours(
                    LocalDate.parse("2025-12-25"),
                    LocalDate.parse("2026-04-03"),
                    LocalDate.parse("2026-12-24"),
                    LocalDate.parse("2026-12-25"),
                    LocalDate.parse("2027-01-01")),
            nightShift(NEW_YORK, LocalDate.parse("2026-11-03")),
            CoverageCalendar.businessHours(
                    BERLIN,
                    List.of(
                            WeeklyWindow.between(MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                            WeeklyWindow.between(MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 30)),
                            WeeklyWindow.between(SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0)),
                            WeeklyWindow.between(SUNDAY, LocalTime.of(2, 15), LocalTime.of(2, 45))),
                    List.of(LocalDate.parse("2026-03-30"))),
            CoverageCalendar.businessHours(
                    SANTIAGO,
                    List.of(
                            WeeklyWindow.between(SATURDAY, LocalTime.of(20, 0), LocalTime.of(2, 0)),
                            WeeklyWindow.between(FRIDAY, LocalTime.of(9, 0), LocalTime.of(18, 0))),
                    List.of()),
            everyWholeDay(LORD_HOWE),
            CoverageCalendar.allDay(BERLIN));

    private static final List<ZoneId> ZONES = List.of(BERLIN, NEW_YORK, LORD_HOWE, SANTIAGO, ZoneId.of("UTC"));

    private static CoverageCalendar nightShift(ZoneId zone, LocalDate holiday) {
        List<WeeklyWindow> nights = new ArrayList<>();
        for (DayOfWeek day : EnumSet.range(MONDAY, FRIDAY)) {
            nights.add(WeeklyWindow.between(day, LocalTime.of(22, 0), LocalTime.of(6, 0)));
        }
        return CoverageCalendar.businessHours(zone, nights, List.of(holiday));
    }

    private static Gen<CoverageCalendar> calendars() {
        return integers().between(0, CALENDARS.size() - 1).map(i -> CALENDARS.get(i));
    }

    private static Gen<Instant> instants() {
        return longs().between(FROM, TO).map(s -> Instant.ofEpochSecond(s));
    }

    /** Up to 120 days, in seconds. */
    private static Gen<Duration> amounts() {
        return longs().between(1, Duration.ofDays(120).toSeconds()).map(s -> Duration.ofSeconds(s));
    }

    @Test
    void theDeadlineOfAnAmountCoversExactlyThatAmount() {
        qt().forAll(calendars(), instants(), amounts()).checkAssert((calendar, start, amount) -> {
            Instant deadline = calendar.plusCovered(start, amount);
            assertThat(calendar.covered(start, deadline)).isEqualTo(amount);
        });
    }

    @Test
    void theDeadlineIsTheEarliestSuchInstantAndLiesInCoveredTime() {
        qt().forAll(calendars(), instants(), amounts()).checkAssert((calendar, start, amount) -> {
            Instant justBefore = calendar.plusCovered(start, amount).minusNanos(1);
            assertThat(calendar.covered(start, justBefore)).isLessThan(amount);
            assertThat(calendar.isCovered(justBefore)).isTrue();
        });
    }

    @Test
    void coveredTimeAddsUpOverAdjacentRanges() {
        qt().forAll(calendars(), instants(), instants(), instants()).checkAssert((calendar, x, y, z) -> {
            List<Instant> sorted = new ArrayList<>(List.of(x, y, z));
            sorted.sort(null);
            Instant a = sorted.get(0);
            Instant b = sorted.get(1);
            Instant c = sorted.get(2);
            assertThat(calendar.covered(a, b).plus(calendar.covered(b, c))).isEqualTo(calendar.covered(a, c));
        });
    }

    @Test
    void skippingWholeWeeksCountsTheSameAsCountingDayByDay() {
        qt().withExamples(200)
                .forAll(calendars(), instants(), integers().between(1, 400))
                .checkAssert((calendar, start, days) -> {
                    Duration dayByDay = Duration.ZERO;
                    for (int i = 0; i < days; i++) {
                        dayByDay = dayByDay.plus(
                                calendar.covered(start.plus(Duration.ofDays(i)), start.plus(Duration.ofDays(i + 1))));
                    }
                    assertThat(calendar.covered(start, start.plus(Duration.ofDays(days))))
                            .isEqualTo(dayByDay);
                });
    }

    @Test
    void moreCoveredTimeNeverEndsEarlier() {
        qt().forAll(calendars(), instants(), amounts(), amounts()).checkAssert((calendar, start, n, m) -> {
            Duration smaller = n.compareTo(m) <= 0 ? n : m;
            Duration larger = n.compareTo(m) <= 0 ? m : n;
            assertThat(calendar.plusCovered(start, smaller)).isBeforeOrEqualTo(calendar.plusCovered(start, larger));
        });
    }

    @Test
    void everyWholeDayAsBusinessHoursIsElapsedTimeInAnyZone() {
        qt().forAll(integers().between(0, ZONES.size() - 1), instants(), amounts())
                .checkAssert((zone, start, amount) -> {
                    CoverageCalendar allDays = everyWholeDay(ZONES.get(zone));
                    assertThat(allDays.plusCovered(start, amount)).isEqualTo(start.plus(amount));
                    assertThat(allDays.covered(start, start.plus(amount))).isEqualTo(amount);
                });
    }
}

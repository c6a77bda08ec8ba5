package io.socaas.cases.sla.domain;

import static io.socaas.cases.sla.domain.SlaTestData.BERLIN;
import static io.socaas.cases.sla.domain.SlaTestData.NEW_YORK;
import static io.socaas.cases.sla.domain.SlaTestData.berlinOfficeHours;
import static io.socaas.cases.sla.domain.SlaTestData.everyWholeDay;
import static io.socaas.cases.sla.domain.SlaTestData.weekdays;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Covered time and deadlines on coverage calendars. Expectations are computed by hand; each test
 * states its arithmetic. Dates: 2026-03-06 and 2026-03-27 are Fridays; Berlin springs forward on
 * Sunday 2026-03-29 (02:00 CET to 03:00 CEST) and falls back on Sunday 2026-10-25 (03:00 CEST to
 * 02:00 CET); New York springs forward on Sunday 2026-03-08 and falls back on Sunday 2026-11-01.
 */
class CoverageCalendarTest {

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static Instant utc(String instant) {
        return Instant.parse(instant);
    }

    @Nested
    class BusinessHours {

        private final CoverageCalendar office = berlinOfficeHours();

        @Test
        void countsOnlyTheHoursWithinOneDay() {
            // Tue 09:00-12:30 lies inside 08:00-18:00: 3.5 h
            assertThat(office.covered(berlin("2026-03-03T09:00"), berlin("2026-03-03T12:30")))
                    .isEqualTo(Duration.ofMinutes(210));
            // Tue 06:00-20:00 covers the whole business day: 10 h
            assertThat(office.covered(berlin("2026-03-03T06:00"), berlin("2026-03-03T20:00")))
                    .isEqualTo(Duration.ofHours(10));
        }

        @Test
        void aDeadlineCarriesOverTheWeekend() {
            // Fri 16:00 + 4 h: Fri 16-18 (2 h) + Mon 08-10 (2 h) = Mon 2026-03-09 10:00 CET = 09:00Z
            Instant friday = berlin("2026-03-06T16:00");
            assertThat(office.plusCovered(friday, Duration.ofHours(4))).isEqualTo(utc("2026-03-09T09:00:00Z"));
            assertThat(office.covered(friday, utc("2026-03-09T09:00:00Z"))).isEqualTo(Duration.ofHours(4));
            // the whole weekend counts nothing
            assertThat(office.covered(berlin("2026-03-06T18:00"), berlin("2026-03-09T08:00")))
                    .isZero();
        }

        @Test
        void aHolidayCountsNothing() {
            CoverageCalendar christmas = berlinOfficeHours(LocalDate.parse("2026-12-25"));
            // Thu 2026-12-24 17:00 + 3 h: Thu 17-18 (1 h), Fri 25th holiday, weekend,
            // Mon 2026-12-28 08-10 (2 h) = 10:00 CET = 09:00Z
            assertThat(christmas.plusCovered(berlin("2026-12-24T17:00"), Duration.ofHours(3)))
                    .isEqualTo(utc("2026-12-28T09:00:00Z"));
            // without the holiday the deadline is Fri 10:00 CET
            assertThat(office.plusCovered(berlin("2026-12-24T17:00"), Duration.ofHours(3)))
                    .isEqualTo(utc("2026-12-25T09:00:00Z"));
            assertThat(christmas.covered(berlin("2026-12-25T00:00"), berlin("2026-12-26T00:00")))
                    .isZero();
        }

        @Test
        void aDeadlineAcrossTheSpringForwardUsesSummerTime() {
            // Fri 2026-03-27 17:00 CET (16:00Z) + 4 h: Fri 17-18 (1 h) + Mon 08-11 CEST (3 h)
            // = Mon 2026-03-30 11:00 CEST = 09:00Z (a fixed +01:00 would wrongly give 10:00Z)
            Instant friday = utc("2026-03-27T16:00:00Z");
            assertThat(office.plusCovered(friday, Duration.ofHours(4))).isEqualTo(utc("2026-03-30T09:00:00Z"));
            assertThat(office.covered(friday, utc("2026-03-30T09:00:00Z"))).isEqualTo(Duration.ofHours(4));
        }

        @Test
        void aDeadlineAcrossTheFallBackUsesWinterTime() {
            // Fri 2026-10-23 17:00 CEST (15:00Z) + 4 h: Fri 17-18 (1 h) + Mon 08-11 CET (3 h)
            // = Mon 2026-10-26 11:00 CET = 10:00Z
            Instant friday = utc("2026-10-23T15:00:00Z");
            assertThat(office.plusCovered(friday, Duration.ofHours(4))).isEqualTo(utc("2026-10-26T10:00:00Z"));
        }

        @Test
        void newYorkOfficeHoursAcrossBothClockChanges() {
            CoverageCalendar newYork = weekdays(NEW_YORK, "09:00", "17:00");
            // Fri 2026-03-06 16:00 EST (21:00Z) + 2 h: Fri 16-17 (1 h) + Mon 09-10 EDT (1 h)
            // = Mon 2026-03-09 10:00 EDT = 14:00Z
            assertThat(newYork.plusCovered(utc("2026-03-06T21:00:00Z"), Duration.ofHours(2)))
                    .isEqualTo(utc("2026-03-09T14:00:00Z"));
            // Fri 2026-10-30 16:00 EDT (20:00Z) + 2 h: Fri 16-17 + Mon 09-10 EST = 2026-11-02 15:00Z
            assertThat(newYork.plusCovered(utc("2026-10-30T20:00:00Z"), Duration.ofHours(2)))
                    .isEqualTo(utc("2026-11-02T15:00:00Z"));
            // a week of 5 x 8 h, the spring-forward weekend in the middle: 40 h
            assertThat(newYork.covered(utc("2026-03-04T00:00:00Z"), utc("2026-03-11T00:00:00Z")))
                    .isEqualTo(Duration.ofHours(40));
        }

        @Test
        void aClockThatStartsOutsideHoursStartsAtTheNextOpening() {
            // Sat 10:00 + 1 h: nothing on Sat/Sun, Mon 2026-03-09 08:00-09:00 CET = 08:00Z
            assertThat(office.plusCovered(berlin("2026-03-07T10:00"), Duration.ofHours(1)))
                    .isEqualTo(utc("2026-03-09T08:00:00Z"));
            // Tue 06:00 + 1 h = Tue 09:00
            assertThat(office.plusCovered(berlin("2026-03-03T06:00"), Duration.ofHours(1)))
                    .isEqualTo(berlin("2026-03-03T09:00"));
        }

        @Test
        void aDeadlineAtClosingTimeIsClosingTimeNotTheNextOpening() {
            // Mon 08:00 + 10 h = Mon 18:00, not Tue 08:00
            assertThat(office.plusCovered(berlin("2026-03-02T08:00"), Duration.ofHours(10)))
                    .isEqualTo(berlin("2026-03-02T18:00"));
            // Mon 08:00 + 50 h = the whole week: Fri 18:00
            assertThat(office.plusCovered(berlin("2026-03-02T08:00"), Duration.ofHours(50)))
                    .isEqualTo(berlin("2026-03-06T18:00"));
            // from a Saturday, exactly one and two weeks of covered time (skipped as whole weeks)
            // end on Friday at closing: 2026-03-13 18:00 and 2026-03-20 18:00
            assertThat(office.plusCovered(berlin("2026-03-07T10:00"), Duration.ofHours(50)))
                    .isEqualTo(berlin("2026-03-13T18:00"));
            assertThat(office.plusCovered(berlin("2026-03-07T10:00"), Duration.ofHours(100)))
                    .isEqualTo(berlin("2026-03-20T18:00"));
        }

        @Test
        void zeroCoveredTimeIsTheStart() {
            assertThat(office.plusCovered(berlin("2026-03-07T10:00"), Duration.ZERO))
                    .isEqualTo(berlin("2026-03-07T10:00"));
            assertThat(office.covered(berlin("2026-03-03T12:00"), berlin("2026-03-03T09:00")))
                    .isZero();
            assertThatThrownBy(() -> office.plusCovered(berlin("2026-03-03T12:00"), Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aYearIsCountedExactlyAcrossWeeksHolidaysAndClockChanges() {
            // 2026 has 261 weekdays; New Year (Thu) and Christmas (Fri) are weekday holidays,
            // Boxing Day is a Saturday: (261 - 2) x 10 h = 2590 h
            CoverageCalendar holidays = berlinOfficeHours(
                    LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26"));
            Instant newYear = berlin("2026-01-01T00:00");
            assertThat(holidays.covered(newYear, berlin("2027-01-01T00:00"))).isEqualTo(Duration.ofHours(2590));
            // and the last of those hours ends on Thu 2026-12-31 at 18:00
            assertThat(holidays.plusCovered(newYear, Duration.ofHours(2590))).isEqualTo(berlin("2026-12-31T18:00"));
            assertThat(office.covered(newYear, berlin("2027-01-01T00:00"))).isEqualTo(Duration.ofHours(2610));
        }

        @Test
        void tellsWhetherAnInstantIsCoveredAndWhenCoverageStartsNext() {
            CoverageCalendar christmas = berlinOfficeHours(LocalDate.parse("2026-12-25"));
            assertThat(christmas.isCovered(berlin("2026-12-24T08:00"))).isTrue();
            assertThat(christmas.isCovered(berlin("2026-12-24T18:00"))).isFalse();
            assertThat(christmas.isCovered(berlin("2026-12-25T10:00"))).isFalse();
            assertThat(christmas.nextCovered(berlin("2026-12-24T12:00"))).isEqualTo(berlin("2026-12-24T12:00"));
            assertThat(christmas.nextCovered(berlin("2026-12-24T18:00"))).isEqualTo(berlin("2026-12-28T08:00"));
        }
    }

    @Nested
    class WindowShapes {

        @Test
        void aNightShiftRunsPastMidnightAndLosesItsHolidayPart() {
            List<WeeklyWindow> nights = new ArrayList<>();
            for (DayOfWeek day : EnumSet.range(MONDAY, FRIDAY)) {
                nights.add(WeeklyWindow.between(day, LocalTime.of(22, 0), LocalTime.of(6, 0)));
            }
            CoverageCalendar nightShift = CoverageCalendar.businessHours(BERLIN, nights, List.of());
            // Fri 2026-03-06 23:00 + 5 h: Fri 23-24 (1 h) + Sat 00-04 (4 h, Friday's shift) = Sat 04:00
            assertThat(nightShift.plusCovered(berlin("2026-03-06T23:00"), Duration.ofHours(5)))
                    .isEqualTo(berlin("2026-03-07T04:00"));

            CoverageCalendar saturdayHoliday =
                    CoverageCalendar.businessHours(BERLIN, nights, List.of(LocalDate.parse("2026-03-07")));
            // Saturday is a holiday: Fri 23-24 (1 h), Sat 00-06 dropped, no shift starts Sat/Sun,
            // Mon 22-24 (2 h), Tue 00-02 (2 h) = Tue 2026-03-10 02:00 CET
            assertThat(saturdayHoliday.plusCovered(berlin("2026-03-06T23:00"), Duration.ofHours(5)))
                    .isEqualTo(berlin("2026-03-10T02:00"));
        }

        @Test
        void severalWindowsADayCountTheirUnionOnce() {
            CoverageCalendar lunchBreak = CoverageCalendar.businessHours(
                    BERLIN,
                    List.of(
                            WeeklyWindow.between(MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                            WeeklyWindow.between(MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 0)),
                            WeeklyWindow.between(MONDAY, LocalTime.of(11, 0), LocalTime.of(12, 30))),
                    List.of());
            // Monday: 08:00-12:30 and 13:00-17:00 = 8.5 h
            assertThat(lunchBreak.covered(berlin("2026-03-02T00:00"), berlin("2026-03-03T00:00")))
                    .isEqualTo(Duration.ofMinutes(510));
            // Mon 11:00 + 2 h: 11:00-12:30 (1.5 h) + 13:00-13:30 = 13:30
            assertThat(lunchBreak.plusCovered(berlin("2026-03-02T11:00"), Duration.ofHours(2)))
                    .isEqualTo(berlin("2026-03-02T13:30"));
            assertThat(lunchBreak.coveredPerWeek()).isEqualTo(Duration.ofMinutes(510));
        }

        @Test
        void aWholeDayLastsTwentyThreeOrTwentyFiveHoursWhenTheClocksChange() {
            CoverageCalendar allDays = everyWholeDay(BERLIN);
            // 2026-03-29 00:00 CET (03-28 23:00Z) to 2026-03-30 00:00 CEST (03-29 22:00Z) = 23 h
            assertThat(allDays.covered(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
                    .isEqualTo(Duration.ofHours(23));
            // 2026-10-25 00:00 CEST (10-24 22:00Z) to 2026-10-26 00:00 CET (10-25 23:00Z) = 25 h
            assertThat(allDays.covered(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")))
                    .isEqualTo(Duration.ofHours(25));
            assertThat(allDays.plusCovered(berlin("2026-03-29T00:00"), Duration.ofHours(23)))
                    .isEqualTo(berlin("2026-03-30T00:00"));
        }

        @Test
        void aWindowAcrossTheChangeLastsTheRealTimeBetweenItsBounds() {
            CoverageCalendar sundayNight = CoverageCalendar.businessHours(
                    BERLIN, List.of(WeeklyWindow.between(SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0))), List.of());
            // spring forward: 01:00 CET (00:00Z) to 04:00 CEST (02:00Z) = 2 h
            assertThat(sundayNight.covered(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
                    .isEqualTo(Duration.ofHours(2));
            // fall back: 01:00 CEST (10-24 23:00Z) to 04:00 CET (03:00Z) = 4 h
            assertThat(sundayNight.covered(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")))
                    .isEqualTo(Duration.ofHours(4));
            // an ordinary Sunday: 3 h
            assertThat(sundayNight.covered(berlin("2026-04-05T00:00"), berlin("2026-04-06T00:00")))
                    .isEqualTo(Duration.ofHours(3));
        }

        @Test
        void aWindowInsideTheSkippedHourCoversNothingThatDay() {
            CoverageCalendar skipped = CoverageCalendar.businessHours(
                    BERLIN, List.of(WeeklyWindow.between(SUNDAY, LocalTime.of(2, 0), LocalTime.of(3, 0))), List.of());
            // 02:00-03:00 does not exist on 2026-03-29
            assertThat(skipped.covered(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
                    .isZero();
            // 02:30-04:00 that day is what the wall clock shows of it: 03:00-04:00 CEST, 1 h
            CoverageCalendar halfSkipped = CoverageCalendar.businessHours(
                    BERLIN, List.of(WeeklyWindow.between(SUNDAY, LocalTime.of(2, 30), LocalTime.of(4, 0))), List.of());
            assertThat(halfSkipped.covered(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
                    .isEqualTo(Duration.ofHours(1));
            // one Sunday later it is an hour; a clock started before it ends with it
            assertThat(skipped.plusCovered(berlin("2026-03-28T12:00"), Duration.ofMinutes(30)))
                    .isEqualTo(berlin("2026-04-05T02:30"));
        }

        @Test
        void refusesAmbiguousAndEmptyWindows() {
            assertThatThrownBy(() -> WeeklyWindow.between(MONDAY, LocalTime.of(8, 0), LocalTime.of(8, 0)))
                    .isInstanceOf(InvalidSlaPolicyException.class)
                    .hasMessageContaining("ambiguous");
            assertThatThrownBy(() -> new WeeklyWindow(MONDAY, LocalTime.NOON, Duration.ofHours(25)))
                    .isInstanceOf(InvalidSlaPolicyException.class);
            assertThatThrownBy(() -> CoverageCalendar.businessHours(BERLIN, List.of(), List.of()))
                    .isInstanceOf(InvalidSlaPolicyException.class);
        }

        @Test
        void anEndAtOrBeforeTheStartIsOnTheNextDay() {
            assertThat(WeeklyWindow.between(MONDAY, LocalTime.of(8, 0), LocalTime.MIDNIGHT)
                            .length())
                    .isEqualTo(Duration.ofHours(16));
            assertThat(WeeklyWindow.between(MONDAY, LocalTime.of(22, 0), LocalTime.of(6, 0))
                            .length())
                    .isEqualTo(Duration.ofHours(8));
        }
    }

    @Nested
    class AroundTheClock {

        private final CoverageCalendar allDay = CoverageCalendar.allDay(BERLIN);

        @Test
        void coveredTimeIsElapsedTimeAcrossClockChanges() {
            // 2026-03-28 12:00Z to 2026-03-30 12:00Z: 48 h, the lost local hour does not matter
            assertThat(allDay.covered(utc("2026-03-28T12:00:00Z"), utc("2026-03-30T12:00:00Z")))
                    .isEqualTo(Duration.ofHours(48));
            assertThat(allDay.plusCovered(utc("2026-10-24T12:00:00Z"), Duration.ofHours(24)))
                    .isEqualTo(utc("2026-10-25T12:00:00Z"));
            assertThat(allDay.isCovered(utc("2026-12-25T03:00:00Z"))).isTrue();
            assertThat(allDay.coveredPerWeek()).isEqualTo(Duration.ofDays(7));
        }

        @Test
        void equalsOnlyTheSameCoverage() {
            assertThat(berlinOfficeHours()).isEqualTo(berlinOfficeHours());
            assertThat(berlinOfficeHours()).isNotEqualTo(berlinOfficeHours(LocalDate.parse("2026-12-25")));
            assertThat(CoverageCalendar.allDay(BERLIN)).isEqualTo(CoverageCalendar.allDay(ZoneId.of("Europe/Berlin")));
            assertThat(CoverageCalendar.allDay(BERLIN)).isNotEqualTo(everyWholeDay(BERLIN));
        }
    }
}

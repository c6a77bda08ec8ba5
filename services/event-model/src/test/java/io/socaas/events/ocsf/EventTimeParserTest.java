package io.socaas.events.ocsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimeParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // epoch seconds and milliseconds, as digits
                "1772356502|2026-03-01T09:15:02Z",
                // Azure's diagnostic export (Entra ID Protection, ADFS sign-ins): month first, a 12-hour clock
                "8/22/2025 6:07:16 PM|2025-08-22T18:07:16Z",
                "11/5/2025 12:03:58 AM|2025-11-05T00:03:58Z",
                "11/05/2025 12:03:58 PM|2025-11-05T12:03:58Z",
                "1/9/2026 10:41:00 AM +01:00|2026-01-09T09:41:00Z",
                "1/9/2026 09:41:00|2026-01-09T09:41:00Z",
                // ISO 8601 with a one-digit hour (Entra ID Protection's detectedDateTime)
                "2025-09-09T8:48:50.361Z|2025-09-09T08:48:50.361Z",
                "1772356502.250|2026-03-01T09:15:02.250Z",
                "1772356502250|2026-03-01T09:15:02.250Z",
                // epoch microseconds and nanoseconds (FortiOS's eventtime)
                "1772356502250123|2026-03-01T09:15:02.250Z",
                "1772356502250123456|2026-03-01T09:15:02.250Z",
                // RFC 3339 with a zone or an offset
                "2026-03-01T09:15:02Z|2026-03-01T09:15:02Z",
                "2026-03-01T10:15:02.5+01:00|2026-03-01T09:15:02.500Z",
                // without a zone: UTC (Sysmon's UtcTime, ISO local)
                "2026-03-01 09:15:02.123|2026-03-01T09:15:02.123Z",
                "2026-03-01T09:15:02|2026-03-01T09:15:02Z",
                // the web access log form
                "10/Apr/2017:13:18:05 -0700|2017-04-10T20:18:05Z",
                "1/Apr/2017:13:18:05 +0000|2017-04-01T13:18:05Z",
                // CEF's rt forms, with a zone and without (UTC)
                "Mar 01 2026 09:15:02 UTC|2026-03-01T09:15:02Z",
                "Mar 01 2026 09:15:02.250|2026-03-01T09:15:02.250Z",
                "Mar 1 2026 09:15:02|2026-03-01T09:15:02Z",
                "2026-03-01 10:15:02 CET|2026-03-01T09:15:02Z",
                // a device's date, time and offset logged apart and joined (FortiOS tz, Sophos timezone)
                "2026-03-01 11:15:02 +0200|2026-03-01T09:15:02Z",
                // +0000 (PHP's O, Rails): not the zero offset of "+00" with "00" left over
                "2026-03-01 09:15:02 +0000|2026-03-01T09:15:02Z",
                "2026-03-01 09:15:02.5 -0000|2026-03-01T09:15:02.500Z",
                "01-Mar-2026 09:15:02 +0000|2026-03-01T09:15:02Z",
                "01-Mar-2026 10:45:02 +0130|2026-03-01T09:15:02Z",
                // ISO 8601 with an offset without its colon (Suricata's EVE JSON)
                "2026-03-01T10:15:02.123456+0100|2026-03-01T09:15:02.123456Z",
                "2026-03-01T09:15:02+0000|2026-03-01T09:15:02Z",
                // Suricata's fast.log
                "03/01/2026-09:15:02.123456|2026-03-01T09:15:02.123456Z",
                "2026-03-01 17:15:02 +08|2026-03-01T09:15:02Z",
                "2026-03-01 04:15:02 -05:00|2026-03-01T09:15:02Z",
                // C's asctime (vsftpd.log), the day padded with a space; without a zone (UTC)
                "Wed Jul 27 18:32:27 2016|2016-07-27T18:32:27Z",
                "Tue Oct  4 11:32:53 2016|2016-10-04T11:32:53Z",
                // Apache's error log (asctime with microseconds) and nginx's error log, without a zone (UTC)
                "Mon Feb 09 16:47:55.974089 2015|2015-02-09T16:47:55.974089Z",
                "2015/01/08 11:31:23|2015-01-08T11:31:23Z",
                // Sophos Anti-Virus' SAV.txt
                "20160806 050000|2016-08-06T05:00:00Z",
                // ESET PROTECT's export (UTC)
                "04-Dec-2026 11:59:58|2026-12-04T11:59:58Z",
                // Cisco ISE: microseconds before the offset
                "2026-03-01 09:15:02.260369 +00:00|2026-03-01T09:15:02.260369Z",
                // a zone abbreviation after the time (Sophos' timezone="CEST", a British device's BST)
                "2026-07-01 11:15:02 CEST|2026-07-01T09:15:02Z",
                "2026-07-01 10:15:02 BST|2026-07-01T09:15:02Z",
                "2026-07-01 05:15:02.5 EDT|2026-07-01T09:15:02.500Z",
                // Citrix NetScaler's header: month first (its default), day first where the month cannot be
                // the first, year first; then a zone
                "03/01/2026:09:15:02|2026-03-01T09:15:02Z",
                "25/03/2026:09:15:02|2026-03-25T09:15:02Z",
                "2026/03/01:09:15:02|2026-03-01T09:15:02Z",
                "03/01/2026:09:15:02 GMT|2026-03-01T09:15:02Z",
                // Sophos UTM's header
                "2026:03:01-09:15:02|2026-03-01T09:15:02Z",
                // Windows Server DHCP's audit log (date and time joined): month first, day first where it must be
                "03/01/26 09:15:02|2026-03-01T09:15:02Z",
                "25/03/26 09:15:02|2026-03-25T09:15:02Z",
                // BIND's print-time
                "01-Mar-2026 09:15:02.123|2026-03-01T09:15:02.123Z",
                // HAProxy's accept date (no zone)
                "01/Mar/2026:09:15:02.123|2026-03-01T09:15:02.123Z",
                // MariaDB's and MySQL 5.5's error logs: the hour padded with a space, MySQL's year in two digits
                "2026-03-01  9:15:02|2026-03-01T09:15:02Z",
                "260301  9:15:02|2026-03-01T09:15:02Z",
                "260301 19:15:02|2026-03-01T19:15:02Z",
                // the fraction after a comma (log4j, Logback, JBoss, Python's logging), also with T or a zone
                "2026-03-01 09:15:02,123|2026-03-01T09:15:02.123Z",
                "2026-03-01T09:15:02,5|2026-03-01T09:15:02.500Z",
                "2026-03-01 10:15:02,123 +0100|2026-03-01T09:15:02.123Z",
                "2026-03-01T10:15:02,123+01:00|2026-03-01T09:15:02.123Z",
                // surrounding blanks are not part of the time
                "'  2026-03-01T09:15:02Z '|2026-03-01T09:15:02Z",
            })
    void aTimeInAFormSourcesWriteIsRead(String text, String expected) {
        assertThat(EventTimeParser.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "",
                "yesterday",
                "-",
                // a form's syntax, a date the calendar does not have
                "2026-02-31T09:15:02Z",
                "31/Feb/2026:13:18:05 -0700",
                "2026-13-01 09:15:02",
                // asctime with a weekday that is not the date's
                "Tue Oct 24 11:32:53 2016",
                "Tue Feb 09 16:47:55.974089 2015",
                "2015/02/30 11:31:23",
                "31-Feb-2026 11:59:58",
                // a form followed by something else
                "2026-03-01T09:15:02Z trailing",
                "10/Apr/2017:13:18:05 -0700]",
                // only part of a form
                "2026-03-01",
                "2026-03-01 09:15:02 +25",
                "2026-03-01 09:15:02 +",
                "2026-03-01T09:15:02+2500",
                "13/01/2026-09:15:02.123456",
                "10/Apr/2017",
                "1.2.3",
                // a zone abbreviation after something that is no time; a date neither month nor day first
                "yesterday CEST",
                "CEST",
                "13/25/2026:09:15:02",
                "2026:02:30-09:15:02",
                // a comma with no fraction after it, or where no fraction can be
                "2026-03-01 09:15:02,",
                "2026-03-01 09:15:02,abc",
                "2026-03-01 09:15,02",
                // a six-digit date that is no date
                "261301  9:15:02",
                // more digits than an epoch time in nanoseconds has
                "177235650225012345678",
                // Azure's form with a month, an hour of the 12-hour clock or an hour that does not exist
                "13/22/2025 6:07:16 PM",
                "8/22/2025 13:07:16 PM",
                "2025-09-09T25:48:50Z",
            })
    void aTextThatIsNoTimeGivesNone(String text) {
        assertThat(EventTimeParser.parse(text)).isNull();
    }

    @Test
    void proxifiersYearlessTimeIsTheTimeASyslogHeaderWithThatDateAndClockGets() {
        // the same year as the syslog parser gives an RFC 3164 header's time, for any date, clock,
        // arrival and zone; none when no year near the arrival has the date (a 29 February, a 30 April)
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        java.time.ZoneId tokyo = java.time.ZoneId.of("Asia/Tokyo");
        qt().withExamples(900)
                .forAll(
                        integers().between(1, 12 * 31),
                        integers().between(0, 86_399),
                        integers().between(0, 4 * 366),
                        integers().between(0, 1))
                .checkAssert((monthDay, secondOfDay, arrivalDay, zoneChoice) -> {
                    int month = (monthDay - 1) / 31 + 1;
                    int day = (monthDay - 1) % 31 + 1;
                    java.time.ZoneId zone = zoneChoice == 0 ? java.time.ZoneOffset.UTC : tokyo;
                    Instant received =
                            Instant.parse("2023-01-01T00:00:00Z").plusSeconds(arrivalDay * 86_400L + secondOfDay / 3L);
                    String clock = String.format(
                            "%02d:%02d:%02d", secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60);
                    String proxifier = String.format("%02d.%02d %s", month, day, clock);
                    String header = String.format("%s %2d %s host prog: text", months[month - 1], day, clock);
                    Instant syslog = io.socaas.events.syslog.SyslogParser.in(zone)
                            .parse(header, received)
                            .timestamp();
                    assertThat(EventTimeParser.parse(proxifier, zone, received))
                            .as(proxifier + " received " + received)
                            .isEqualTo(syslog);
                    // RFC 3164's form, as Cisco AireOS writes its own time after its task name, the day
                    // padded with a space or a zero, also with milliseconds
                    String padded = String.format("%s %2d %s", months[month - 1], day, clock);
                    String zeroed = String.format("%s %02d %s.250", months[month - 1], day, clock);
                    assertThat(EventTimeParser.parse(padded, zone, received))
                            .as(padded + " received " + received)
                            .isEqualTo(syslog);
                    assertThat(EventTimeParser.parse(zeroed, zone, received))
                            .as(zeroed + " received " + received)
                            .isEqualTo(syslog == null ? null : syslog.plusMillis(250));
                    // without the arrival there is no year to give it
                    assertThat(EventTimeParser.parse(proxifier, zone)).isNull();
                });
        Instant received = Instant.parse("2026-03-01T10:00:00Z");
        assertThat(EventTimeParser.parse("07.26 13:50:06", java.time.ZoneOffset.UTC, received))
                .isEqualTo(Instant.parse("2025-07-26T13:50:06Z"));
        assertThat(EventTimeParser.parse("Sep 06 21:46:20.390", java.time.ZoneOffset.UTC, received))
                .isEqualTo(Instant.parse("2025-09-06T21:46:20.390Z"));
        assertThat(EventTimeParser.parse("Feb 28 23:59:59", java.time.ZoneOffset.UTC, received))
                .isEqualTo(Instant.parse("2026-02-28T23:59:59Z"));
        for (String notYearless : new String[] {
            "13.01 10:00:00",
            "04.31 10:00:00",
            "07.26 24:00:00",
            "07-26 13:50:06",
            "Apr 31 10:00:00",
            "Sept 06 21:46:20",
            "sep 06 21:46:20",
            "Sep 06 24:00:00",
            "Sep 06 21:46:20.",
            "Sep 06 21:46:20.39x",
            "Sep 06 21:46:20 UTC",
            "Sep 006 21:46:20"
        }) {
            assertThat(EventTimeParser.parse(notYearless, java.time.ZoneOffset.UTC, received))
                    .as(notYearless)
                    .isNull();
        }
    }

    @Test
    void aDateAndTimeWithAnOffsetAfterASpaceOrWithSlashesIsThatTimeWhateverReadsIt() {
        // Sophos Firewall's and FortiGate's date, time and offset joined; PAN-OS' and nginx's slashes
        qt().withExamples(900)
                .forAll(
                        integers().between(1, 9999),
                        integers().between(0, 14 * 33 - 1),
                        integers().between(0, 86_399),
                        integers().between(-19 * 60, 19 * 60))
                .checkAssert((year, monthDay, secondOfDay, offsetMinutes) -> {
                    int month = monthDay / 33;
                    int day = monthDay % 33;
                    java.time.LocalDateTime local;
                    try {
                        local = java.time.LocalDateTime.of(
                                year, month, day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60);
                    } catch (java.time.DateTimeException e) {
                        local = null; // a month 13, a 30 February
                    }
                    String date = String.format("%04d-%02d-%02d", year, month, day);
                    String time = String.format(
                            "%02d:%02d:%02d", secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60);
                    char sign = offsetMinutes < 0 ? '-' : '+';
                    int hours = Math.abs(offsetMinutes) / 60;
                    int minutes = Math.abs(offsetMinutes) % 60;
                    List<String> offsets = new java.util.ArrayList<>(List.of(
                            String.format("%c%02d%02d", sign, hours, minutes),
                            String.format("%c%02d:%02d", sign, hours, minutes)));
                    if (minutes == 0) {
                        offsets.add(String.format("%c%02d", sign, hours));
                    }
                    Instant expected = local == null || Math.abs(offsetMinutes) > 18 * 60
                            ? null
                            : local.toInstant(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
                    for (String offset : offsets) {
                        String text = date + " " + time + " " + offset;
                        assertThat(EventTimeParser.parse(text)).as(text).isEqualTo(expected);
                    }
                    String slashed = date.replace('-', '/') + " " + time;
                    assertThat(EventTimeParser.parse(slashed))
                            .as(slashed)
                            .isEqualTo(local == null ? null : local.toInstant(java.time.ZoneOffset.UTC));
                });
    }

    @Test
    void timesWithoutAnOffsetReadWithoutAFormatterAreTheFormattersDateTimes() {
        qt().withExamples(900)
                .forAll(
                        integers().between(0, 9999),
                        integers().between(0, 14 * 33 - 1),
                        integers().between(0, 86_400),
                        // 0..10 fraction digits, and T or a space between date and time
                        integers().between(0, 21))
                .checkAssert((year, monthDay, secondOfDay, fractionSeparator) -> {
                    int month = monthDay / 33;
                    int day = monthDay % 33;
                    int fractionDigits = fractionSeparator / 2;
                    String fraction = fractionDigits == 0
                            ? ""
                            : "."
                                    + String.format(
                                                    "%010d",
                                                    Math.floorMod(
                                                            (long) year * 7919 + secondOfDay * 1_000_003L,
                                                            10_000_000_000L))
                                            .substring(0, fractionDigits);
                    String text = String.format(
                            "%04d-%02d-%02d%s%02d:%02d:%02d%s",
                            year,
                            month,
                            day,
                            fractionSeparator % 2 == 0 ? " " : "T",
                            secondOfDay / 3600,
                            secondOfDay / 60 % 60,
                            secondOfDay % 60,
                            fraction);
                    java.time.LocalDateTime formatter;
                    try {
                        formatter = EventTimeParser.LOCAL.parse(text, java.time.LocalDateTime::from);
                    } catch (java.time.DateTimeException e) {
                        formatter = null; // a month 13, a 30 February, an hour 24, ten fraction digits
                    }
                    java.time.LocalDateTime fast = io.socaas.events.FastTimes.localDateTime(text);
                    if (formatter == null) {
                        assertThat(fast).as(text).isNull();
                    } else if (fast != null) {
                        assertThat(fast).as(text).isEqualTo(formatter);
                    }
                });
        // Sysmon's UtcTime and the usual application log forms are read on the fast path
        assertThat(io.socaas.events.FastTimes.localDateTime("2020-10-27 10:17:18.369"))
                .isEqualTo(java.time.LocalDateTime.of(2020, 10, 27, 10, 17, 18, 369_000_000));
        assertThat(io.socaas.events.FastTimes.localDateTime("2024-02-29T23:59:59"))
                .isEqualTo(java.time.LocalDateTime.of(2024, 2, 29, 23, 59, 59));
        // others are left to the formatter (or refused by it)
        assertThat(io.socaas.events.FastTimes.localDateTime("2023-02-29 10:00:00"))
                .isNull();
        assertThat(io.socaas.events.FastTimes.localDateTime("2026-02-28 09:15:02Z"))
                .isNull();
        assertThat(io.socaas.events.FastTimes.localDateTime("2026-02-28 09:15:02."))
                .isNull();
        assertThat(io.socaas.events.FastTimes.localDateTime("2026-02-28 09:15:02,123"))
                .isNull();
    }
}

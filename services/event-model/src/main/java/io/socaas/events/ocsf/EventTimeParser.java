package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import io.socaas.events.FastTimes;
import io.socaas.events.ZoneAbbreviations;
import io.socaas.events.syslog.SyslogParser;
import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalQuery;
import java.util.List;
import java.util.Locale;

/**
 * Reads the time of a source event from the forms sources write: epoch seconds, milliseconds,
 * microseconds or nanoseconds (number or digits), RFC 3339 / ISO 8601 with or without a zone (the
 * source's zone then, UTC unless it has one; an offset also without its colon, {@code +0100}, as Suricata writes it), {@code yyyy-MM-dd HH:mm:ss[.fraction]} (Sysmon's UtcTime), CEF's {@code MMM dd yyyy
 * HH:mm:ss[.SSS]}, the fraction after a comma as Java's and Python's logging write it ({@code
 * yyyy-MM-dd HH:mm:ss,SSS}), {@code yyyy-MM-dd HH:mm:ss} followed by a zone name or an offset ({@code CET},
 * {@code +0200}, {@code -05:00}: a device's date, time and zone logged apart and joined) and the web
 * access log form {@code dd/MMM/yyyy:HH:mm:ss Z}, C's asctime form {@code EEE MMM ppd HH:mm:ss yyyy}
 * (vsftpd's log; the weekday must be the date's), also with microseconds (Apache's error log), and
 * nginx's error log form {@code yyyy/MM/dd HH:mm:ss}, {@code dd-MMM-yyyy HH:mm:ss} (ESET PROTECT's
 * export, UTC; followed by an offset, {@code +0200}, as Roundcube writes it), {@code MM/dd/yyyy-HH:mm:ss.micros} (Suricata's fast.log), Citrix NetScaler's {@code
 * MM/dd/yyyy:HH:mm:ss} (or {@code dd/MM/yyyy}, {@code yyyy/MM/dd} first), Network Policy Server's {@code
 * MM/dd/yyyy HH:mm:ss[.SSS]}, Sophos UTM's {@code
 * yyyy:MM:dd-HH:mm:ss}, HAProxy's {@code dd/MMM/yyyy:HH:mm:ss.SSS}, MariaDB's {@code yyyy-MM-dd ppH:mm:ss}
 * and MySQL 5.5's {@code yyMMdd ppH:mm:ss} (the hour padded with a space), Azure's {@code M/d/yyyy h:mm:ss a}
 * (also with an offset) and {@code M/d/yyyy H:mm:ss}, ISO 8601 with a one-digit hour and an offset; fractions of a second of any
 * length before an offset or zone (Cisco ISE's microseconds), and any of these followed by a zone
 * abbreviation of {@link ZoneAbbreviations} ({@code CEST}, {@code BST}). A date the calendar does not have (a 31 February) is
 * refused, not moved to another day. Null when none applies. Given when the event arrived, also
 * Proxifier's {@code MM.dd HH:mm:ss} and RFC 3164's {@code MMM dd HH:mm:ss[.fraction]} (Cisco AireOS's own
 * time after its task name), which have no year: their year is the one an RFC 3164 header's time gets
 * ({@link SyslogParser#yearless}).
 */
final class EventTimeParser {

    /** ISO 8601 without an offset, a space or a T between date and time ({@link FastTimes#localDateTime} reads its usual forms). */
    static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("uuuu-MM-dd")
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    /** ISO 8601 with an offset written without a colon ({@code +0000}), as Suricata's EVE JSON does. */
    private static final DateTimeFormatter ISO_BASIC_OFFSET = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .appendOffset("+HHMM", "Z")
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final List<DateTimeFormatter> ZONED = List.of(
            ISO_BASIC_OFFSET,
            strict("d/MMM/uuuu:HH:mm:ss Z"),
            strict("MMM dd uuuu HH:mm:ss[.SSS] z"),
            withFraction("uuuu-MM-dd HH:mm:ss", " z"),
            // +08 and +0530 ("x"), and +0000 ("xx": "x" reads the +00 of +0000 as UTC and leaves 00)
            withFraction("uuuu-MM-dd HH:mm:ss", " x"),
            withFraction("uuuu-MM-dd HH:mm:ss", " xx"),
            withFraction("uuuu-MM-dd HH:mm:ss", " xxx"),
            // Roundcube's log time (PHP's d-M-Y H:i:s O)
            withFraction("dd-MMM-uuuu HH:mm:ss", " x"),
            withFraction("dd-MMM-uuuu HH:mm:ss", " xx"),
            // Azure's diagnostic export of some categories (.NET's en-US general form) with an offset
            withFraction("M/d/uuuu h:mm:ss", " a xxx"),
            // ISO 8601 with a one-digit hour, as Entra ID Protection writes some of its times
            withFraction("uuuu-MM-dd'T'H:mm:ss", "XXX"));
    private static final List<DateTimeFormatter> UNZONED = List.of(
            strict("MMM dd uuuu HH:mm:ss[.SSS]"),
            strict("MMM d uuuu HH:mm:ss[.SSS]"),
            strict("EEE MMM ppd HH:mm:ss[.SSSSSS] uuuu"),
            strict("uuuu/MM/dd HH:mm:ss"),
            withFraction("dd-MMM-uuuu HH:mm:ss", ""), // BIND's print-time, with milliseconds
            strict("uuuu MMM dd HH:mm:ss"),
            // Sophos Anti-Virus' SAV.txt (UTC)
            strict("uuuuMMdd HHmmss"),
            strict("EEE MMM dd HH:mm:ss uuuu"),
            new DateTimeFormatterBuilder()
                    .appendPattern("MM/dd/uuuu-HH:mm:ss")
                    .optionalStart()
                    .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
                    .optionalEnd()
                    .toFormatter(Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT),
            // Citrix NetScaler's header in its three date orders (month first by default)
            strict("MM/dd/uuuu:HH:mm:ss"),
            strict("dd/MM/uuuu:HH:mm:ss"),
            strict("uuuu/MM/dd:HH:mm:ss"),
            // Sophos UTM's header
            strict("uuuu:MM:dd-HH:mm:ss"),
            // Windows Server DHCP's audit log: a two-digit year, month first (day first when the first
            // number cannot be a month)
            strict("MM/dd/uu HH:mm:ss"),
            strict("dd/MM/uu HH:mm:ss"),
            // Network Policy Server's accounting logs: a four-digit year, month first (day first when
            // the first number cannot be a month), with milliseconds in the DTS format's Timestamp
            withFraction("MM/dd/uuuu HH:mm:ss", ""),
            withFraction("dd/MM/uuuu HH:mm:ss", ""),
            // HAProxy's accept date
            withFraction("d/MMM/uuuu:HH:mm:ss", ""),
            // MariaDB's error log and MySQL's before 5.7: the hour padded with a space, MySQL's with a
            // two-digit year and no separators in the date
            strict("uuuu-MM-dd ppH:mm:ss"),
            strict("uuMMdd ppH:mm:ss"),
            // Azure's diagnostic export of Entra ID Protection, ADFS sign-ins and other categories: .NET's
            // en-US general form, month first with a 12-hour clock (8/22/2022 6:07:16 PM), and its 24-hour
            // form with one-digit month and day (1/9/2007 09:41:00); UTC
            withFraction("M/d/uuuu h:mm:ss", " a"),
            withFraction("M/d/uuuu H:mm:ss", ""));

    private EventTimeParser() {}

    static Instant parse(JsonNode value) {
        return parse(value, ZoneOffset.UTC);
    }

    /** @param zone the zone of a time written without an offset or zone */
    static Instant parse(JsonNode value, ZoneId zone) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        if (value.isNumber()) {
            return epoch(value.asDouble());
        }
        return parse(value.asText(), zone);
    }

    static Instant parse(String text) {
        return parse(text, ZoneOffset.UTC);
    }

    /**
     * {@link #parse(JsonNode, ZoneId)}, and a time written without its year in the forms that have
     * none (tried first: its shape is told by a few characters), its year taken from {@code received}.
     */
    static Instant parse(JsonNode value, ZoneId zone, Instant received) {
        Instant time = value != null && value.isTextual() ? yearless(value.textValue(), zone, received) : null;
        return time != null ? time : parse(value, zone);
    }

    /**
     * {@link #parse(String, ZoneId)}, and a time written without its year in the forms that have
     * none (tried first: its shape is told by a few characters), its year taken from {@code received}.
     */
    static Instant parse(String text, ZoneId zone, Instant received) {
        Instant time = text != null ? yearless(text, zone, received) : null;
        return time != null ? time : parse(text, zone);
    }

    /**
     * {@code MM.dd HH:mm:ss}, as Proxifier writes its log's time, or {@code MMM dd HH:mm:ss[.fraction]}
     * (the day also as one digit, or padded with a space), as RFC 3164 and Cisco AireOS write it, in
     * {@code zone}, of the year {@link SyslogParser#yearless} gives a time received at {@code received};
     * null for any other text and for a date no year near {@code received} has.
     */
    private static Instant yearless(String text, ZoneId zone, Instant received) {
        String t = text.strip();
        if (t.length() >= 14 && t.length() <= 25 && Character.isLetter(t.charAt(0))) {
            return bsdYearless(t, zone, received);
        }
        if (t.length() != 14 || t.charAt(2) != '.' || t.charAt(5) != ' ' || t.charAt(8) != ':' || t.charAt(11) != ':') {
            return null;
        }
        int month = FastTimes.digits(t, 0, 2);
        int day = FastTimes.digits(t, 3, 2);
        int hour = FastTimes.digits(t, 6, 2);
        int minute = FastTimes.digits(t, 9, 2);
        int second = FastTimes.digits(t, 12, 2);
        if (month < 1 || month > 12 || day < 1 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        return SyslogParser.yearless(month, day, hour, minute, second, 0, zone, received);
    }

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    /** {@code MMM dd HH:mm:ss[.fraction]} ({@link #yearless}); null for any other text. */
    private static Instant bsdYearless(String t, ZoneId zone, Instant received) {
        int month = 0;
        while (month < 12 && !t.startsWith(MONTHS[month])) {
            month++;
        }
        if (month == 12 || t.charAt(3) != ' ') {
            return null;
        }
        int p = 4;
        if (t.charAt(p) == ' ') {
            p++; // the day padded with a space: Sep  6
        }
        int dayDigits = Character.isDigit(t.charAt(p + 1)) ? 2 : 1;
        int day = FastTimes.digits(t, p, dayDigits);
        p += dayDigits;
        if (day < 1 || t.length() < p + 9 || t.charAt(p) != ' ' || t.charAt(p + 3) != ':' || t.charAt(p + 6) != ':') {
            return null;
        }
        int hour = FastTimes.digits(t, p + 1, 2);
        int minute = FastTimes.digits(t, p + 4, 2);
        int second = FastTimes.digits(t, p + 7, 2);
        p += 9;
        int nanos = 0;
        if (p < t.length()) {
            int fractionDigits = t.length() - p - 1;
            if (t.charAt(p) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = FastTimes.digits(t, p + 1, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * (int) Math.pow(10, 9 - fractionDigits);
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return SyslogParser.yearless(month + 1, day, hour, minute, second, nanos, zone, received);
    }

    /** @param zone the zone of a time written without an offset or zone */
    static Instant parse(String text, ZoneId zone) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > 64) {
            return null;
        }
        if (isDecimal(t)) {
            try {
                return epoch(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (t.length() > 20 && t.charAt(19) == ',' && Character.isDigit(t.charAt(20)) && t.charAt(4) == '-') {
            // the fraction after a comma, as log4j, Logback, JBoss and Python's logging write it
            // (2026-03-01 09:15:02,123)
            t = t.substring(0, 19) + '.' + t.substring(20);
        }
        Instant fast = FastTimes.rfc3339(t);
        if (fast != null) {
            return fast; // what ISO_OFFSET_DATE_TIME reads, read without it (Windows' SystemTime, RFC 5424)
        }
        LocalDateTime plain = FastTimes.localDateTime(t);
        if (plain != null) {
            return plain.atZone(zone).toInstant(); // what LOCAL reads, read without it (Sysmon's UtcTime)
        }
        Instant common = offsetOrSlashedForm(t, zone);
        if (common != null) {
            return common;
        }
        OffsetDateTime offset = attempt(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME, OffsetDateTime::from);
        if (offset != null) {
            return offset.toInstant();
        }
        LocalDateTime local = attempt(t, LOCAL, LocalDateTime::from);
        if (local != null) {
            return local.atZone(zone).toInstant();
        }
        int lastSpace = t.lastIndexOf(' ');
        ZoneOffset abbreviated = lastSpace < 0 ? null : ZoneAbbreviations.offset(t.substring(lastSpace + 1));
        if (abbreviated != null) {
            // a zone abbreviation after the time (CEST, BST, EDT): the time in the offset it stands for
            Instant time = parse(t.substring(0, lastSpace), abbreviated);
            if (time != null) {
                return time;
            }
        }
        for (DateTimeFormatter f : ZONED) {
            ZonedDateTime zoned = attempt(t, f, ZonedDateTime::from);
            if (zoned != null) {
                return zoned.toInstant();
            }
        }
        for (DateTimeFormatter f : UNZONED) {
            LocalDateTime unzoned = attempt(t, f, LocalDateTime::from);
            if (unzoned != null) {
                return unzoned.atZone(zone).toInstant();
            }
        }
        return null;
    }

    /**
     * Two forms many devices write, read without the formatters that would read them after a dozen
     * others had refused them: {@code yyyy-MM-dd HH:mm:ss[.fraction]} followed by a space and an
     * offset, {@code +08}, {@code +0530} or {@code -05:00} (a firewall's date, time and zone logged
     * apart and joined: Sophos Firewall, FortiGate), and {@code yyyy/MM/dd HH:mm:ss} (PAN-OS, nginx's
     * error log), in {@code zone}. The same instant as those formatters give; null for any other text
     * (also for one of these forms the calendar or the offsets do not have), which they then read or
     * refuse.
     */
    private static Instant offsetOrSlashedForm(String t, ZoneId zone) {
        if (t.length() == 19 && t.charAt(4) == '/' && t.charAt(7) == '/' && t.charAt(10) == ' ') {
            LocalDateTime local =
                    FastTimes.localDateTime(t.substring(0, 4) + '-' + t.substring(5, 7) + '-' + t.substring(8));
            return local == null ? null : local.atZone(zone).toInstant();
        }
        int space = t.lastIndexOf(' ');
        if (space < 19 || t.charAt(10) != ' ') {
            return null;
        }
        ZoneOffset offset = numericOffset(t, space + 1);
        if (offset == null) {
            return null;
        }
        LocalDateTime local = FastTimes.localDateTime(t.substring(0, space));
        return local == null ? null : local.toInstant(offset);
    }

    /** The offset {@code +HH}, {@code +HHMM} or {@code +HH:MM} (or with a minus) from {@code from} to the end; else null. */
    private static ZoneOffset numericOffset(String t, int from) {
        int length = t.length() - from;
        char sign = t.charAt(from);
        if ((sign != '+' && sign != '-') || !(length == 3 || length == 5 || length == 6)) {
            return null;
        }
        int hours = FastTimes.digits(t, from + 1, 2);
        int minutes = 0;
        if (length == 5) {
            minutes = FastTimes.digits(t, from + 3, 2);
        } else if (length == 6) {
            minutes = t.charAt(from + 3) == ':' ? FastTimes.digits(t, from + 4, 2) : -1;
        }
        if (hours < 0 || minutes < 0 || minutes > 59 || (sign == '-' && hours == 0 && minutes == 0)) {
            return null;
        }
        try {
            return sign == '+'
                    ? ZoneOffset.ofHoursMinutes(hours, minutes)
                    : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException e) {
            return null; // beyond 18 hours
        }
    }

    /** Digits with at most one decimal point (an epoch time written as text). */
    private static boolean isDecimal(String t) {
        boolean point = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.') {
                if (point) {
                    return false;
                }
                point = true;
            } else if (!Character.isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code pattern}, an optional fraction of a second of 1 to 9 digits, then {@code zonePattern}. */
    private static DateTimeFormatter withFraction(String pattern, String zonePattern) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .optionalStart()
                .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
                .optionalEnd();
        if (!zonePattern.isEmpty()) {
            b.appendPattern(zonePattern);
        }
        return b.toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * The text read with one form, or null when it is not in that form. A form that does not fit is
     * found without an exception (most events are tried against several forms before one fits, and
     * an exception per attempt is most of the cost of reading a time); only a text that fits the
     * form's syntax but not the calendar (a 31 February) is refused by the exception.
     */
    private static <T> T attempt(String text, DateTimeFormatter form, TemporalQuery<T> query) {
        ParsePosition position = new ParsePosition(0);
        try {
            if (form.parseUnresolved(text, position) == null
                    || position.getErrorIndex() >= 0
                    || position.getIndex() != text.length()) {
                return null;
            }
            return form.parse(text, query);
        } catch (DateTimeException e) {
            // a field out of its range already while the syntax is read (an offset of +25 hours)
            return null;
        }
    }

    /**
     * Seconds below 10^11 (until the year 5138), milliseconds below 10^14, microseconds below 10^17,
     * nanoseconds (FortiOS's eventtime) below 10^20.
     */
    private static Instant epoch(double value) {
        if (!Double.isFinite(value) || value < 0 || value >= 1e20) {
            return null;
        }
        long millis = value < 1e11
                ? (long) (value * 1000)
                : value < 1e14 ? (long) value : value < 1e17 ? (long) (value / 1e3) : (long) (value / 1e6);
        return Instant.ofEpochMilli(millis);
    }
}

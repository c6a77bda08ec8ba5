package io.socaas.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * Times read by hand in the forms senders nearly always write, for the paths every event takes
 * (a formatter is a large part of an event's cost there); each reader gives what the formatter
 * gives for every text it accepts and null for the others, which the caller leaves to a formatter.
 */
public final class FastTimes {

    private FastTimes() {}

    /**
     * The instant of an RFC 3339 time in the form senders nearly always write, {@code
     * yyyy-MM-ddTHH:mm:ss[.fraction](Z|+HH:MM|-HH:MM)}, read without a formatter (the formatter is
     * a large part of a line's cost); null for any other text, which {@link OffsetDateTime#parse}
     * then reads or refuses, so both give the same instant for every text this accepts.
     */
    public static Instant rfc3339(String s) {
        int n = s.length();
        long local = n < 20 ? NOT_A_TIME : localSeconds(s, false);
        if (local == NOT_A_TIME) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (i - start < 9) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59 || (oh == 18 && om > 0)) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
        } else {
            return null;
        }
        return Instant.ofEpochSecond(local - offsetSeconds, nanos);
    }

    /**
     * The date and time of {@code yyyy-MM-dd HH:mm:ss[.fraction]} or {@code yyyy-MM-ddTHH:mm:ss[.fraction]}
     * without an offset (Sysmon's UtcTime, most application logs), read without a formatter; null for
     * any other text, which a formatter then reads or refuses. For every text this accepts, a strict
     * {@code uuuu-MM-dd['T'][' ']HH:mm:ss[.fraction]} formatter gives the same date and time.
     */
    public static java.time.LocalDateTime localDateTime(String s) {
        int n = s.length();
        long local = localSeconds(s, true);
        if (local == NOT_A_TIME) {
            return null;
        }
        int nanos = 0;
        if (n > 19) {
            if (s.charAt(19) != '.') {
                return null;
            }
            int count = n - 20;
            if (count < 1 || count > 9) {
                return null;
            }
            int fraction = digits(s, 20, count);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        return java.time.LocalDateTime.ofEpochSecond(local, nanos, java.time.ZoneOffset.UTC);
    }

    /** What {@link #localSeconds} gives for a text that is no date and time. */
    private static final long NOT_A_TIME = Long.MIN_VALUE;

    /**
     * The seconds from the epoch to the date and time {@code yyyy-MM-ddTHH:mm:ss} (also with a space
     * for the T when {@code spaceForT}) that {@code s} starts with, taken as UTC; {@link #NOT_A_TIME}
     * when it starts with none or with one the calendar does not have.
     */
    private static long localSeconds(String s, boolean spaceForT) {
        if (s.length() < 19
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || !(s.charAt(10) == 'T' || (spaceForT && s.charAt(10) == ' '))
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return NOT_A_TIME;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || day > YearMonth.of(year, month).lengthOfMonth()) {
            return NOT_A_TIME;
        }
        return LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3600L + minute * 60L + second;
    }

    /** The value of {@code count} decimal digits at {@code from}; -1 when one is not a digit. */
    public static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }
}

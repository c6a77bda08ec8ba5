package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * Reads the time of a source event from the forms sources write: epoch seconds or milliseconds
 * (number or digits), RFC 3339 / ISO 8601 with or without a zone (UTC then), {@code yyyy-MM-dd
 * HH:mm:ss[.fraction]} (Sysmon's UtcTime), CEF's {@code MMM dd yyyy HH:mm:ss[.SSS]} and the web
 * access log form {@code dd/MMM/yyyy:HH:mm:ss Z}. Null when none applies.
 */
final class EventTimeParser {

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
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
            .toFormatter(Locale.ROOT);
    private static final List<DateTimeFormatter> ZONED = List.of(
            DateTimeFormatter.ofPattern("d/MMM/uuuu:HH:mm:ss Z", Locale.ROOT),
            DateTimeFormatter.ofPattern("MMM dd uuuu HH:mm:ss[.SSS] z", Locale.ROOT),
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSS] z", Locale.ROOT));
    private static final List<DateTimeFormatter> UTC = List.of(
            DateTimeFormatter.ofPattern("MMM dd uuuu HH:mm:ss[.SSS]", Locale.ROOT),
            DateTimeFormatter.ofPattern("MMM d uuuu HH:mm:ss[.SSS]", Locale.ROOT));

    private EventTimeParser() {}

    static Instant parse(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        if (value.isNumber()) {
            return epoch(value.asDouble());
        }
        return parse(value.asText());
    }

    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > 64) {
            return null;
        }
        if (t.chars().allMatch(c -> Character.isDigit(c) || c == '.')
                && t.chars().filter(c -> c == '.').count() <= 1) {
            try {
                return epoch(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException e) {
            // next form
        }
        try {
            return LocalDateTime.parse(t, LOCAL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            // next form
        }
        for (DateTimeFormatter f : ZONED) {
            try {
                return ZonedDateTime.parse(t, f).toInstant();
            } catch (DateTimeException e) {
                // next form
            }
        }
        for (DateTimeFormatter f : UTC) {
            try {
                return LocalDateTime.parse(t, f).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                // next form
            }
        }
        return null;
    }

    /** Seconds below 10^11 (until the year 5138), milliseconds above. */
    private static Instant epoch(double value) {
        if (!Double.isFinite(value) || value < 0 || value > 1e15) {
            return null;
        }
        long millis = value < 1e11 ? (long) (value * 1000) : (long) value;
        return Instant.ofEpochMilli(millis);
    }
}

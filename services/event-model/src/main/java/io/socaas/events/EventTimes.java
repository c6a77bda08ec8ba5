package io.socaas.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The one timestamp format the platform writes: RFC 3339, UTC, millisecond precision. */
public final class EventTimes {

    private static final DateTimeFormatter RFC3339_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private EventTimes() {}

    /** E.g. {@code 2026-03-01T09:15:02.123Z}; always three fraction digits. */
    public static String format(Instant instant) {
        return RFC3339_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}

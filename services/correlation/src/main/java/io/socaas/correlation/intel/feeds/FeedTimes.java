package io.socaas.correlation.intel.feeds;

import io.socaas.correlation.intel.domain.InvalidIndicatorException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Times as feeds write them: RFC 3339, a date alone (UTC midnight) or epoch seconds. */
final class FeedTimes {

    private FeedTimes() {}

    static Optional<Instant> parse(String name, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            if (t.chars().allMatch(Character::isDigit) && t.length() <= 12) {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)));
            }
            if (t.length() == 10) {
                return Optional.of(
                        LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(t.replace(' ', 'T')).toInstant());
        } catch (DateTimeParseException | NumberFormatException e) {
            try {
                return Optional.of(Instant.parse(t));
            } catch (DateTimeParseException e2) {
                throw new InvalidIndicatorException(
                        name + " '" + t + "' is not a time (RFC 3339, a date or epoch seconds)");
            }
        }
    }

    static int confidence(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 0 || value > 100) {
                throw new InvalidIndicatorException("confidence " + value + " is outside 0-100");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidIndicatorException("confidence '" + text.strip() + "' is not a number 0-100");
        }
    }
}

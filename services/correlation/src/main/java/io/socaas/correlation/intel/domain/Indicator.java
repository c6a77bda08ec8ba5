package io.socaas.correlation.intel.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One indicator of compromise, normalized ({@link IndicatorValues}), as a feed or a tenant's list
 * gives it.
 *
 * @param feed the global feed's name, or {@code tenant/<list>} for a tenant's own list
 * @param confidence 0..100
 * @param validUntil after this instant the indicator no longer matches
 * @param sourceId the feed's own id of it (STIX indicator id, MISP attribute uuid, CSV line)
 */
public record Indicator(
        IndicatorType type,
        String value,
        String feed,
        int confidence,
        Optional<Instant> firstSeen,
        Optional<Instant> lastSeen,
        Optional<Instant> validUntil,
        String sourceId,
        String description) {

    public Indicator {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(feed, "feed");
        if (confidence < 0 || confidence > 100) {
            throw new InvalidIndicatorException("confidence " + confidence + " is outside 0-100");
        }
        firstSeen = firstSeen == null ? Optional.empty() : firstSeen;
        lastSeen = lastSeen == null ? Optional.empty() : lastSeen;
        validUntil = validUntil == null ? Optional.empty() : validUntil;
        sourceId = sourceId == null ? "" : sourceId;
        description = description == null ? "" : description;
    }

    /**
     * An indicator of the given type whose raw value is normalized first.
     *
     * @throws InvalidIndicatorException when the value is not one of the type
     */
    public static Indicator of(
            IndicatorType type,
            String rawValue,
            String feed,
            int confidence,
            Optional<Instant> firstSeen,
            Optional<Instant> lastSeen,
            Optional<Instant> validUntil,
            String sourceId,
            String description) {
        return new Indicator(
                type,
                IndicatorValues.normalize(type, rawValue),
                feed,
                confidence,
                firstSeen,
                lastSeen,
                validUntil,
                sourceId,
                description);
    }

    /** Whether it still matches at {@code now}. */
    public boolean validAt(Instant now) {
        return validUntil.isEmpty() || now.isBefore(validUntil.get());
    }

    /**
     * The same indicator, expiring {@code maxAge} after it was last seen (else first seen, else
     * {@code loadedAt}) when that is earlier than its own end: a feed's maximum age.
     */
    public Indicator withMaxAge(Duration maxAge, Instant loadedAt) {
        Instant seen = lastSeen.or(() -> firstSeen).orElse(loadedAt);
        Instant end = seen.plus(maxAge);
        if (validUntil.isPresent() && validUntil.get().isBefore(end)) {
            return this;
        }
        return new Indicator(
                type, value, feed, confidence, firstSeen, lastSeen, Optional.of(end), sourceId, description);
    }
}

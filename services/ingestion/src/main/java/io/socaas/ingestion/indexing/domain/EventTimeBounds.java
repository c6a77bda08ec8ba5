package io.socaas.ingestion.indexing.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Chooses the UTC day, and so the daily index, of an event: the day of its {@code time} (epoch ms
 * from the source) when it has one within the bounds around its {@code received_time}, else the day
 * of {@code received_time}. A source clock years off (or a parser's misreading) thus cannot create
 * an index outside the days retention looks after.
 *
 * @param maxPast how far before its reception an event's own time is believed
 * @param maxFuture how far after its reception (clock skew)
 */
public record EventTimeBounds(Duration maxPast, Duration maxFuture) {

    public EventTimeBounds {
        Objects.requireNonNull(maxPast, "maxPast");
        Objects.requireNonNull(maxFuture, "maxFuture");
    }

    /**
     * @param time the event's {@code time} in epoch milliseconds, null when it has none
     * @param received when the platform accepted it
     */
    public LocalDate dayOf(Long time, Instant received) {
        Objects.requireNonNull(received, "received");
        Instant chosen = received;
        if (time != null) {
            Instant own = Instant.ofEpochMilli(time);
            if (!own.isBefore(received.minus(maxPast)) && !own.isAfter(received.plus(maxFuture))) {
                chosen = own;
            }
        }
        return LocalDate.ofInstant(chosen, ZoneOffset.UTC);
    }
}

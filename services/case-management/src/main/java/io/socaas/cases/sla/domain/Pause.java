package io.socaas.cases.sla.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A period in which a case's SLA clocks stand still although coverage runs, e.g. while the case
 * waits on the customer: {@code [start, end)}, or from {@code start} on while {@code end} is
 * {@code null} (the case is still waiting).
 */
public record Pause(Instant start, Instant end) {

    public Pause {
        Objects.requireNonNull(start, "start");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("pause ends at " + end + " before it starts at " + start);
        }
    }

    /** A pause that began at {@code start} and has not ended. */
    public static Pause since(Instant start) {
        return new Pause(start, null);
    }

    /** A pause from {@code start} to {@code end}. */
    public static Pause between(Instant start, Instant end) {
        return new Pause(start, Objects.requireNonNull(end, "end"));
    }

    /** The end, empty while the pause lasts. */
    public Optional<Instant> endIfOver() {
        return Optional.ofNullable(end);
    }
}

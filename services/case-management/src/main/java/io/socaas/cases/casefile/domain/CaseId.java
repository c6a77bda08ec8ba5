package io.socaas.cases.casefile.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identity of a case: a random UUID, unique across tenants. */
public record CaseId(UUID value) {

    public CaseId {
        Objects.requireNonNull(value, "case id");
    }

    public static CaseId newId() {
        return new CaseId(UUID.randomUUID());
    }

    /** The case id written in {@code text}, or empty when {@code text} cannot name a case. */
    public static Optional<CaseId> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CaseId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

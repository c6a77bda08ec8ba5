package io.socaas.cases.casefile.domain;

import java.util.Locale;
import java.util.Optional;

/** What a resolved case turned out to be. */
public enum Verdict {
    /** A real threat. */
    TRUE_POSITIVE,
    /** The rule fired on something it should not have. */
    FALSE_POSITIVE,
    /** Real activity, but expected and harmless (an admin's tool, a test). */
    BENIGN;

    /** Name used on the wire: lower case, e.g. {@code "true_positive"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict named {@code text} (case-insensitive), or empty when there is none. */
    public static Optional<Verdict> fromWireName(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Verdict verdict : values()) {
            if (verdict.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(verdict);
            }
        }
        return Optional.empty();
    }
}

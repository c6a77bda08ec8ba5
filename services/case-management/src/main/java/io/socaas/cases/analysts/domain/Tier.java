package io.socaas.cases.analysts.domain;

import io.socaas.cases.casefile.domain.Severity;
import java.util.Locale;
import java.util.Optional;

/** An analyst's tier: L1 triages, L2 investigates, L3 handles the hardest cases. */
public enum Tier {
    L1,
    L2,
    L3;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code l1}, {@code L2}, {@code analyst-l3}: the tier named, if any. */
    public static Optional<Tier> fromWireName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (v.startsWith("ANALYST-")) {
            v = v.substring("ANALYST-".length());
        }
        for (Tier t : values()) {
            if (t.name().equals(v)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether an analyst of this tier may work a case that needs {@code required}. */
    public boolean covers(Tier required) {
        return compareTo(required) >= 0;
    }

    /**
     * The lowest tier a new case of {@code severity} is given to: critical cases go to an
     * investigator (L2) at once, the rest to triage (L1).
     */
    public static Tier requiredFor(Severity severity) {
        return severity == Severity.CRITICAL ? L2 : L1;
    }

    /** The tier above, or this one for L3. */
    public Tier next() {
        return this == L3 ? L3 : values()[ordinal() + 1];
    }
}

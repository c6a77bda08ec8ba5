package io.socaas.correlation.sigma.domain;

import java.util.Locale;

/** Sigma rule level (severity). */
public enum SigmaLevel {
    INFORMATIONAL,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** Parses a rule's {@code level}; refuses values the specification does not define. */
    public static SigmaLevel fromSigma(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SigmaRuleException.invalid("unknown level '" + value + "'");
        }
    }

    public String sigmaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

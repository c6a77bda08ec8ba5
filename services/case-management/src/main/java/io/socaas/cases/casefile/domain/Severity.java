package io.socaas.cases.casefile.domain;

import java.util.Locale;

/** Severity of a case, from the Sigma level of its alerts; ordered from least to most severe. */
public enum Severity {
    INFORMATIONAL,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** Name used on the wire (REST, gRPC, metrics): lower case, e.g. {@code "high"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Severity max(Severity other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}

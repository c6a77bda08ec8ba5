package io.socaas.cases.casefile.domain;

import java.util.Locale;
import java.util.Optional;

/** Workflow state of a case. */
public enum CaseStatus {
    /** Opened from an alert, not yet acknowledged by an analyst. */
    OPEN,
    /** An analyst works on it. */
    ACKNOWLEDGED,
    /** Closed (true or false positive); new alerts about the same thing open a new case. */
    RESOLVED;

    /** Name used on the wire (REST): lower case, e.g. {@code "open"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code text} (case-insensitive), or empty when there is none. */
    public static Optional<CaseStatus> fromWireName(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (CaseStatus status : values()) {
            if (status.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Whether alerts about the same thing are still attached to a case in this state. */
    public boolean acceptsAlerts() {
        return this != RESOLVED;
    }
}

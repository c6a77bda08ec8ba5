package io.socaas.cases.casefile.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Workflow state of a case: open → acknowledged → in_progress ⇄ waiting_on_customer → resolved →
 * closed; a resolved or closed case can be reopened; a case can be merged into another.
 */
public enum CaseStatus {
    /** Opened from an alert, not yet acknowledged by an analyst. */
    OPEN,
    /** An analyst took it (acknowledge clock stops). */
    ACKNOWLEDGED,
    /** An analyst investigates. */
    IN_PROGRESS,
    /** Waiting for the customer's answer; SLA clocks pause. */
    WAITING_ON_CUSTOMER,
    /** Resolved with a verdict (resolve clock stops); repeated detections still attach to it. */
    RESOLVED,
    /** Closed: new alerts about the same thing open a new case. */
    CLOSED,
    /** Merged into another case of the same tenant. */
    MERGED;

    /** Name used on the wire (REST): lower case, e.g. {@code "waiting_on_customer"}. */
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

    /**
     * Whether alerts about the same thing are still attached to a case in this state (it holds its
     * dedup key): every state but closed and merged.
     */
    public boolean acceptsAlerts() {
        return this != CLOSED && this != MERGED;
    }

    /** Whether analysts still work the case (it is in the queue). */
    public boolean isWorked() {
        return this == OPEN || this == ACKNOWLEDGED || this == IN_PROGRESS || this == WAITING_ON_CUSTOMER;
    }
}

package io.socaas.reporting.portal.domain;

import java.util.Locale;

/** Case workflow state as the portal shows it. */
public enum CaseStatus {
    OPEN,
    ACKNOWLEDGED,
    IN_PROGRESS,
    WAITING_ON_CUSTOMER,
    RESOLVED,
    CLOSED,
    MERGED,
    UNKNOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * True for the states the portal's case list shows: every state but closed and merged (a
     * resolved case stays visible until the analysts close it).
     */
    public boolean isOpen() {
        return this != CLOSED && this != MERGED && this != UNKNOWN;
    }
}

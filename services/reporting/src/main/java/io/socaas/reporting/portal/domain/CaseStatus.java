package io.socaas.reporting.portal.domain;

import java.util.Locale;

/** Case workflow state as the portal shows it. */
public enum CaseStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED,
    UNKNOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the states the portal's open-case list shows. */
    public boolean isOpen() {
        return this == OPEN || this == ACKNOWLEDGED;
    }
}

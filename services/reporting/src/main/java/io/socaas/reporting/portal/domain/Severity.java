package io.socaas.reporting.portal.domain;

import java.util.Locale;

/** Case severity, following Sigma's rule levels. */
public enum Severity {
    INFORMATIONAL,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL,
    /** A value the portal does not know; shown as is. */
    UNKNOWN;

    /** Parses the lower-case contract value ("informational" .. "critical"); anything else is UNKNOWN. */
    public static Severity parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "informational" -> INFORMATIONAL;
            case "low" -> LOW;
            case "medium" -> MEDIUM;
            case "high" -> HIGH;
            case "critical" -> CRITICAL;
            default -> UNKNOWN;
        };
    }

    /** The lower-case label, as in the contract. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

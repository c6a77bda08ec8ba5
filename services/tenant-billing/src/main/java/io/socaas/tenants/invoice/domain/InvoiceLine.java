package io.socaas.tenants.invoice.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an invoice.
 *
 * @param kind what the line is for
 * @param description text shown to the customer
 * @param quantity how much is billed (share of the month, GB over the included volume, credit
 *     percent)
 * @param unitPriceMinor what the quantity applies to, minor units: the fee of a whole month (fee),
 *     the price per GB (overage), the prorated fee the credit percent is taken of (credit)
 * @param amountMinor amount of the line, minor units (negative for credits)
 */
public record InvoiceLine(Kind kind, String description, BigDecimal quantity, long unitPriceMinor, long amountMinor) {

    /** What a line is for. */
    public enum Kind {
        /** The monthly fee, prorated by days active. */
        FEE,
        /** Raw data above the included volume. */
        OVERAGE,
        /** Service credits for SLA breaches. */
        CREDIT;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind fromWireName(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public InvoiceLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
    }
}

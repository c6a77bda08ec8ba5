package io.socaas.tenants.invoice.domain;

/** Whether an invoice can still change. */
public enum InvoiceStatus {
    /** The month is running (or just ended): computed on demand, never stored. */
    DRAFT,
    /** The month ended and the invoice was issued: stored with its lines, never recomputed. */
    ISSUED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

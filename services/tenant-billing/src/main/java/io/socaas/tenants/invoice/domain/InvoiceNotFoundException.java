package io.socaas.tenants.invoice.domain;

import io.socaas.events.TenantId;
import java.time.YearMonth;

/** The tenant has no invoice for that month: it was not active then, or the month has not begun. */
public class InvoiceNotFoundException extends RuntimeException {

    public InvoiceNotFoundException(TenantId tenant, YearMonth period) {
        super("tenant '" + tenant.value() + "' has no invoice for " + period
                + " (not active in that month, or the month has not begun)");
    }
}

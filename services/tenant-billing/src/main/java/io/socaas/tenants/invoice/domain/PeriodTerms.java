package io.socaas.tenants.invoice.domain;

import java.time.ZoneId;
import java.util.Objects;

/** What a month is billed on: the plan's price and the tenant's time zone as the month began. */
public record PeriodTerms(PlanPrice price, ZoneId zone) {

    public PeriodTerms {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(zone, "zone");
    }
}

package io.socaas.tenants.invoice.domain;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;

/** Port: how many SLA breaches of a tenant earn it a service credit in a billing period. */
public interface BreachCounter {

    Uni<Long> breaches(TenantId tenant, BillingPeriod period);
}

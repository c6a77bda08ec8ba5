package io.socaas.reporting.portal.domain;

import io.socaas.events.TenantId;

/** Port: each tenant's rule selection, as tenant-billing publishes it. */
public interface RuleSelections {

    /** The tenant's selection; {@link RuleSelection#NONE} for a tenant the platform does not know. */
    RuleSelection of(TenantId tenant);
}

package io.socaas.reporting.portal.domain;

import io.socaas.events.TenantId;

/** Port: where the portal reads a tenant's SLA figures (case-management's CaseService). */
public interface SlaStatistics {

    /**
     * The SLA figures of the cases the tenant opened in the period.
     *
     * @throws TenantAccessRefusedException when the case service refuses the viewer this tenant
     * @throws CasesUnavailableException when the case service cannot answer now
     */
    SlaFigures slaFigures(TenantId tenant, SlaPeriod period);
}

package io.socaas.reporting.portal.rest;

import io.socaas.reporting.portal.domain.TenantInfo;
import java.util.List;

/**
 * What the portal page shows.
 *
 * @param tenantId the tenant shown, empty when staff has not chosen one yet
 * @param tenantName its display name
 * @param tenants tenants staff can choose from (empty for customers)
 * @param cases the tenant's open cases, newest first
 * @param unavailable true when the case service could not answer
 * @param refreshSeconds how often the page refreshes the list, 0 for never
 * @param sla the tenant's SLA figures of the current month, null when there are none to show
 * @param slaUnavailable true when the case service could not give the SLA figures
 */
public record PortalPage(
        String viewerName,
        boolean staff,
        String tenantId,
        String tenantName,
        List<TenantInfo> tenants,
        List<CaseView> cases,
        boolean unavailable,
        long refreshSeconds,
        SlaView sla,
        boolean slaUnavailable) {

    public boolean tenantChosen() {
        return !tenantId.isEmpty();
    }
}

package io.socaas.reporting.portal.domain;

import io.socaas.events.TenantId;
import java.util.List;

/** Where the portal reads a tenant's cases (case-management's CaseService). */
public interface CaseDirectory {

    /**
     * The tenant's open and acknowledged cases, newest first, at most {@code limit}.
     *
     * @throws CasesUnavailableException when the case service cannot answer now
     */
    List<CaseSummary> openCases(TenantId tenant, int limit);
}

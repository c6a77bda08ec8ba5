package io.socaas.reporting.portal.domain;

import io.socaas.events.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The customer portal's case list: who may see which tenant, and that tenant's open cases. */
public class PortalService {

    private final TenantCatalog catalog;
    private final CaseDirectory cases;
    private final int listLimit;

    public PortalService(TenantCatalog catalog, CaseDirectory cases, int listLimit) {
        this.catalog = catalog;
        this.cases = cases;
        this.listLimit = listLimit;
    }

    /** Decides which tenant the viewer sees for this request (see {@link TenantScope}). */
    public TenantScope scope(Viewer viewer, Optional<String> requestedTenant) {
        Set<TenantId> known = catalog.tenants().stream().map(TenantInfo::id).collect(Collectors.toSet());
        return TenantScope.decide(viewer, requestedTenant, known);
    }

    /** Tenants staff can choose from. */
    public List<TenantInfo> tenants() {
        return catalog.tenants();
    }

    /**
     * The tenant's open and acknowledged cases, newest first.
     *
     * @throws CasesUnavailableException when the case service cannot answer
     */
    public List<CaseSummary> openCases(TenantId tenant) {
        List<CaseSummary> listed = cases.openCases(tenant, listLimit);
        // Defense in depth: never show a case of another tenant even if the case service sent one.
        return OpenCasesOrdering.openNewestFirst(
                listed.stream().filter(c -> c.tenant().equals(tenant)).toList());
    }
}

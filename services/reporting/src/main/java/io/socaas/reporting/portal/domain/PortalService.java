package io.socaas.reporting.portal.domain;

import io.socaas.events.TenantId;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The customer portal: who may see which tenant, that tenant's open cases and its SLA figures of a
 * month.
 */
public class PortalService {

    private final TenantCatalog catalog;
    private final CaseDirectory cases;
    private final SlaStatistics sla;
    private final int listLimit;
    private final Clock clock;

    public PortalService(TenantCatalog catalog, CaseDirectory cases, SlaStatistics sla, int listLimit, Clock clock) {
        this.catalog = catalog;
        this.cases = cases;
        this.sla = sla;
        this.listLimit = listLimit;
        this.clock = clock;
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

    /**
     * The tenant's SLA figures of a calendar month in its own time zone; without a month, of the
     * month it is now in that zone.
     *
     * @throws TenantAccessRefusedException when the case service refuses the viewer this tenant
     * @throws CasesUnavailableException when the case service cannot answer
     */
    public SlaFigures slaFigures(TenantId tenant, Optional<YearMonth> month) {
        ZoneId zone = timeZone(tenant);
        SlaPeriod period = new SlaPeriod(month.orElseGet(() -> YearMonth.now(clock.withZone(zone))), zone);
        return sla.slaFigures(tenant, period);
    }

    private ZoneId timeZone(TenantId tenant) {
        return catalog.tenants().stream()
                .filter(t -> t.id().equals(tenant))
                .map(TenantInfo::timeZone)
                .findFirst()
                .orElse(ZoneOffset.UTC);
    }
}

package io.socaas.reporting.portal.domain;

import static io.socaas.reporting.portal.domain.CaseTestData.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.events.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortalServiceTest {

    private static final TenantCatalog CATALOG = () -> List.of(
            new TenantInfo(TenantId.of("acme"), "Acme Manufacturing GmbH"),
            new TenantInfo(TenantId.of("globex"), "Globex Logistics Ltd"));

    @Test
    void listsEveryCaseThatIsNotClosedOrMergedNewestFirst() {
        CaseSummary older = aCase().createdAt("2025-01-01T10:00:00Z").build();
        CaseSummary newer = aCase().withStatus(CaseStatus.ACKNOWLEDGED)
                .createdAt("2025-01-02T10:00:00Z")
                .build();
        CaseSummary waiting = aCase().withStatus(CaseStatus.WAITING_ON_CUSTOMER)
                .createdAt("2025-01-02T11:00:00Z")
                .build();
        CaseSummary resolved = aCase().withStatus(CaseStatus.RESOLVED)
                .createdAt("2025-01-03T10:00:00Z")
                .build();
        CaseSummary closed = aCase().withStatus(CaseStatus.CLOSED)
                .createdAt("2025-01-04T10:00:00Z")
                .build();
        CaseSummary merged = aCase().withStatus(CaseStatus.MERGED)
                .createdAt("2025-01-05T10:00:00Z")
                .build();
        PortalService portal = new PortalService(
                CATALOG, (tenant, limit) -> List.of(older, closed, resolved, merged, newer, waiting), 100);

        assertThat(portal.openCases(TenantId.of("acme"))).containsExactly(resolved, waiting, newer, older);
    }

    @Test
    void dropsCasesOfAnotherTenantEvenIfTheCaseServiceSendsThem() {
        CaseSummary own = aCase().withTenant("acme").build();
        CaseSummary foreign = aCase().withTenant("globex").build();
        PortalService portal = new PortalService(CATALOG, (tenant, limit) -> List.of(own, foreign), 100);

        assertThat(portal.openCases(TenantId.of("acme"))).containsExactly(own);
    }

    @Test
    void asksTheCaseServiceForTheConfiguredLimit() {
        int[] asked = new int[1];
        PortalService portal = new PortalService(
                CATALOG,
                (tenant, limit) -> {
                    asked[0] = limit;
                    return List.of();
                },
                42);

        portal.openCases(TenantId.of("acme"));

        assertThat(asked[0]).isEqualTo(42);
    }

    @Test
    void decidesScopeAgainstTheCatalogsTenants() {
        PortalService portal = new PortalService(CATALOG, (tenant, limit) -> List.of(), 100);
        Viewer analyst = new Viewer("ana", java.util.Set.of(PortalRole.ANALYST), java.util.Set.of());

        assertThat(portal.scope(analyst, java.util.Optional.of("globex")))
                .isEqualTo(new TenantScope.Granted(TenantId.of("globex"), true));
        assertThat(portal.scope(analyst, java.util.Optional.of("initech"))).isInstanceOf(TenantScope.Refused.class);
    }
}

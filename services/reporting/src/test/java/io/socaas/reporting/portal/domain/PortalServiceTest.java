package io.socaas.reporting.portal.domain;

import static io.socaas.reporting.portal.domain.CaseTestData.aCase;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.events.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortalServiceTest {

    private static final TenantCatalog CATALOG = () -> List.of(
            new TenantInfo(TenantId.of("acme"), "Acme Manufacturing GmbH"),
            new TenantInfo(TenantId.of("globex"), "Globex Logistics Ltd"),
            new TenantInfo(TenantId.of("hooli"), "Hooli", false, ZoneId.of("America/New_York")));

    /** 2026-03-31T23:30Z: already April in Berlin, still March in UTC and New York. */
    private static final Clock END_OF_MARCH_UTC = Clock.fixed(Instant.parse("2026-03-31T23:30:00Z"), ZoneOffset.UTC);

    private static PortalService service(CaseDirectory cases, int limit) {
        return new PortalService(
                CATALOG,
                cases,
                (tenant, period) -> {
                    throw new AssertionError("no SLA figures expected");
                },
                limit,
                END_OF_MARCH_UTC);
    }

    private static PortalService slaService(List<SlaPeriod> asked) {
        return new PortalService(
                CATALOG,
                (tenant, limit) -> List.of(),
                (tenant, period) -> {
                    asked.add(period);
                    return new SlaFigures(tenant, period, 0, 0, 0, 0, Optional.empty(), Optional.empty(), 100);
                },
                100,
                END_OF_MARCH_UTC);
    }

    @Test
    void slaFiguresCoverTheCurrentMonthInTheTenantsTimeZone() {
        List<SlaPeriod> asked = new java.util.ArrayList<>();
        PortalService portal = slaService(asked);

        portal.slaFigures(TenantId.of("hooli"), Optional.empty());
        portal.slaFigures(TenantId.of("acme"), Optional.empty());

        assertThat(asked.get(0).month()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(asked.get(0).from()).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
        assertThat(asked.get(0).to()).isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
        // a tenant without a time zone counts in UTC, where it is still March
        assertThat(asked.get(1)).isEqualTo(new SlaPeriod(YearMonth.of(2026, 3), ZoneOffset.UTC));
    }

    @Test
    void slaFiguresOfANamedMonthStartAndEndAtTheTenantsMidnight() {
        List<SlaPeriod> asked = new java.util.ArrayList<>();
        PortalService portal = slaService(asked);

        portal.slaFigures(TenantId.of("hooli"), Optional.of(YearMonth.of(2026, 11)));

        // New York leaves daylight saving time on 2026-11-01
        assertThat(asked.getFirst().from()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
        assertThat(asked.getFirst().to()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(SlaFigures.humanReadable(Optional.empty())).isEqualTo("—");
        assertThat(SlaFigures.humanReadable(Optional.of(Duration.ofSeconds(45))))
                .isEqualTo("45 s");
        assertThat(SlaFigures.humanReadable(Optional.of(Duration.ofMinutes(12))))
                .isEqualTo("12 min");
        assertThat(SlaFigures.humanReadable(Optional.of(Duration.ofMinutes(12).plusSeconds(59))))
                .isEqualTo("12 min");
        assertThat(SlaFigures.humanReadable(Optional.of(Duration.ofMinutes(185))))
                .isEqualTo("3 h 5 min");
        assertThat(SlaFigures.humanReadable(Optional.of(Duration.ofHours(2)))).isEqualTo("2 h");
        assertThat(SlaFigures.humanReadable(Optional.of(Duration.ofHours(52)))).isEqualTo("2 d 4 h");
        assertThat(SlaFigures.humanReadable(Optional.of(Duration.ofDays(3)))).isEqualTo("3 d");
    }

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
        PortalService portal =
                service((tenant, limit) -> List.of(older, closed, resolved, merged, newer, waiting), 100);

        assertThat(portal.openCases(TenantId.of("acme"))).containsExactly(resolved, waiting, newer, older);
    }

    @Test
    void dropsCasesOfAnotherTenantEvenIfTheCaseServiceSendsThem() {
        CaseSummary own = aCase().withTenant("acme").build();
        CaseSummary foreign = aCase().withTenant("globex").build();
        PortalService portal = service((tenant, limit) -> List.of(own, foreign), 100);

        assertThat(portal.openCases(TenantId.of("acme"))).containsExactly(own);
    }

    @Test
    void asksTheCaseServiceForTheConfiguredLimit() {
        int[] asked = new int[1];
        PortalService portal = service(
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
        PortalService portal = service((tenant, limit) -> List.of(), 100);
        Viewer analyst = new Viewer(
                "ana", java.util.Set.of(PortalRole.ANALYST), java.util.Set.of(), io.socaas.access.TenantReach.all());

        assertThat(portal.scope(analyst, java.util.Optional.of("globex")))
                .isEqualTo(new TenantScope.Granted(TenantId.of("globex"), true));
        assertThat(portal.scope(analyst, java.util.Optional.of("initech"))).isInstanceOf(TenantScope.Refused.class);
    }
}

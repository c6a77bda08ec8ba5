package io.socaas.reporting.portal;

import io.socaas.reporting.portal.domain.CaseDirectory;
import io.socaas.reporting.portal.domain.PortalRules;
import io.socaas.reporting.portal.domain.PortalService;
import io.socaas.reporting.portal.domain.RuleLibrary;
import io.socaas.reporting.portal.domain.RuleSelections;
import io.socaas.reporting.portal.domain.SlaStatistics;
import io.socaas.reporting.portal.domain.TenantCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Builds the framework-free portal services from their adapters. */
@ApplicationScoped
public class PortalWiring {

    @Produces
    @ApplicationScoped
    PortalService portalService(TenantCatalog catalog, CaseDirectory cases, SlaStatistics sla, PortalConfig config) {
        return new PortalService(catalog, cases, sla, config.portal().caseListLimit(), Clock.systemUTC());
    }

    @Produces
    @ApplicationScoped
    PortalRules portalRules(RuleLibrary library, RuleSelections selections) {
        return new PortalRules(library, selections);
    }
}

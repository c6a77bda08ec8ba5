package io.socaas.reporting.portal;

import io.socaas.reporting.portal.domain.CaseDirectory;
import io.socaas.reporting.portal.domain.PortalRules;
import io.socaas.reporting.portal.domain.PortalService;
import io.socaas.reporting.portal.domain.RuleLibrary;
import io.socaas.reporting.portal.domain.RuleSelections;
import io.socaas.reporting.portal.domain.TenantCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Builds the framework-free portal services from their adapters. */
@ApplicationScoped
public class PortalWiring {

    @Produces
    @ApplicationScoped
    PortalService portalService(TenantCatalog catalog, CaseDirectory cases, PortalConfig config) {
        return new PortalService(catalog, cases, config.portal().caseListLimit());
    }

    @Produces
    @ApplicationScoped
    PortalRules portalRules(RuleLibrary library, RuleSelections selections) {
        return new PortalRules(library, selections);
    }
}

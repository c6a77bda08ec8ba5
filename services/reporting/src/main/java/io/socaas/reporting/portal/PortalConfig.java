package io.socaas.reporting.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Configuration of the customer portal feature. */
@ConfigMapping(prefix = "socaas")
public interface PortalConfig {

    /** Where tenant-config lives (contracts.md: socaas.tenant-config.dir / SOCAAS_TENANT_CONFIG_DIR). */
    TenantConfig tenantConfig();

    /** The portal's case list. */
    Portal portal();

    /** Where the tenants come from. */
    TenantFacts tenantFacts();

    /** Where the analysts' entitlements come from (read by services/analyst-entitlements). */
    Entitlements entitlements();

    interface Entitlements {
        /**
         * The compacted topic case-management publishes every analyst's entitlement on
         * (application.properties: the live one, and the tests' own).
         */
        String topic();
    }

    interface TenantFacts {
        /**
         * The compacted topic tenant-billing publishes every tenant's configuration on
         * (application.properties: the live one, and the tests' own).
         */
        String topic();
    }

    interface TenantConfig {
        /** The tenant-config folder; relative paths resolve against the working directory. */
        @WithDefault("../../tenant-config")
        Path dir();
    }

    interface Portal {
        /** Most cases one page lists (CaseService accepts 1..500). */
        @WithDefault("100")
        int caseListLimit();

        /** How long the portal waits for case-management before saying cases are unavailable. */
        @WithDefault("3s")
        Duration caseServiceTimeout();

        /** How often the page refreshes its case list; 0 turns the refresh off. */
        @WithDefault("10s")
        Duration refreshInterval();
    }
}

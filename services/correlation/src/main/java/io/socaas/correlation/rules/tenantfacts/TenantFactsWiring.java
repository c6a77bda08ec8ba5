package io.socaas.correlation.rules.tenantfacts;

import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.tenantfacts.TenantFactsReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The tenant facts of {@code soc.tenants.v1} (socaas.tenant-facts.topic), read by the shared reader. */
@ApplicationScoped
class TenantFactsWiring {

    @Produces
    @Singleton
    TenantFactsReader<TenantConfig> tenantFacts() {
        return TenantFactsReader.fromConfig(
                TenantConfig.parser(), TenantConfig::getTenantId, TenantConfig::getRevision);
    }

    void close(@Disposes TenantFactsReader<TenantConfig> facts) {
        facts.close();
    }
}

package io.socaas.reporting.portal.tenantfacts;

import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.tenantfacts.TenantFactsReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The tenant facts of {@code soc.tenants.v1}, read by the shared reader. */
@ApplicationScoped
class TenantFactsWiring {

    @Produces
    @Singleton
    TenantFactsReader<TenantConfig> tenantFacts(
            @ConfigProperty(name = "kafka.bootstrap.servers") String servers,
            @ConfigProperty(name = "socaas.tenant-facts.topic") String topic) {
        return TenantFactsReader.start(
                new TenantFactsReader.Settings(servers, topic, "reporting"),
                TenantConfig.parser(),
                TenantConfig::getTenantId,
                TenantConfig::getRevision);
    }

    void close(@Disposes TenantFactsReader<TenantConfig> facts) {
        facts.close();
    }
}

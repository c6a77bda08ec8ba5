package io.socaas.correlation.detection.kafka;

import io.socaas.correlation.detection.domain.DetectionService;
import io.socaas.correlation.rules.tenantfacts.TenantRuleCatalog;
import io.socaas.correlation.sigma.yaml.LogsourceMappingReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires the framework-free detection service with the logsource mapping shipped with correlation;
 * alert ids are derived from tenant, rule and event.
 */
@ApplicationScoped
class DetectionServiceProducer {

    @Produces
    @Singleton
    DetectionService detectionService(TenantRuleCatalog catalogs) {
        return new DetectionService(catalogs::current, LogsourceMappingReader.shipped(), Clock.systemUTC());
    }
}

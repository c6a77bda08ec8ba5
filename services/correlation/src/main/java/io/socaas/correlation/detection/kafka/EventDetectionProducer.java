package io.socaas.correlation.detection.kafka;

import io.socaas.correlation.detection.domain.EventDetection;
import io.socaas.correlation.detection.domain.IntelDetection;
import io.socaas.correlation.intel.catalog.IntelCatalog;
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
class EventDetectionProducer {

    @Produces
    @Singleton
    EventDetection eventDetection(TenantRuleCatalog catalogs) {
        return new EventDetection(catalogs::current, LogsourceMappingReader.shipped(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    IntelDetection intelDetection(IntelCatalog intel) {
        return new IntelDetection(intel::current, Clock.systemUTC());
    }
}

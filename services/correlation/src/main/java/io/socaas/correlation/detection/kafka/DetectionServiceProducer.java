package io.socaas.correlation.detection.kafka;

import io.socaas.correlation.detection.domain.DetectionService;
import io.socaas.correlation.rules.tenantfacts.TenantRuleCatalog;
import io.socaas.events.IngestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the framework-free detection service; alert ids are monotonic ULIDs like ingest ids. */
@ApplicationScoped
class DetectionServiceProducer {

    @Produces
    @Singleton
    DetectionService detectionService(TenantRuleCatalog catalogs) {
        return new DetectionService(catalogs::current, Clock.systemUTC(), IngestIds::next);
    }
}

package io.socaas.correlation.detection.kafka;

import com.github.f4b6a3.ulid.UlidCreator;
import io.socaas.correlation.detection.domain.DetectionService;
import io.socaas.correlation.rules.domain.RuleCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Wires the framework-free detection service. */
@ApplicationScoped
class DetectionServiceProducer {

    @Produces
    @Singleton
    DetectionService detectionService(RuleCatalog catalog) {
        return new DetectionService(
                () -> catalog,
                Clock.systemUTC(),
                () -> UlidCreator.getMonotonicUlid().toString());
    }
}

package io.socaas.correlation.detection.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.socaas.correlation.detection.domain.Alert;
import io.socaas.correlation.detection.domain.IntelAlert;
import io.socaas.events.TenantId;
import jakarta.enterprise.context.ApplicationScoped;

/** Prometheus counters of the detection pipeline. */
@ApplicationScoped
class DetectionMetrics {

    private final MeterRegistry registry;

    DetectionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void evaluated(TenantId tenant) {
        Counter.builder("socaas.correlation.events.evaluated")
                .description("Events evaluated against the tenant's rules")
                .tag("tenant", tenant.value())
                .register(registry)
                .increment();
    }

    void raised(Alert alert) {
        Counter.builder("socaas.correlation.alerts.raised")
                .description("Alerts published, by rule level")
                .tag("level", alert.level().map(l -> l.sigmaName()).orElse("unspecified"))
                .register(registry)
                .increment();
    }

    void raised(IntelAlert alert) {
        Counter.builder("socaas.correlation.intel.matches")
                .description("Threat intelligence alerts published, by indicator type")
                .tag("type", alert.indicator().type().wireName())
                .register(registry)
                .increment();
    }

    void alertDeadLettered() {
        Counter.builder("socaas.correlation.alerts.dead.lettered")
                .description("Alerts that could not be produced, sent to soc.alerts.dlq.v1")
                .register(registry)
                .increment();
    }

    void deadLettered() {
        Counter.builder("socaas.correlation.events.dead.lettered")
                .description("Event records rejected to the dead-letter topic")
                .register(registry)
                .increment();
    }
}

package io.socaas.ingestion.intake.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.socaas.events.TenantId;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Intake counters: {@code socaas.ingestion.events.accepted{tenant}} and {@code
 * socaas.ingestion.requests.rejected{reason}} (reason = problem type slug).
 */
@ApplicationScoped
public class IntakeMetrics {

    static final String ACCEPTED = "socaas.ingestion.events.accepted";
    static final String REJECTED = "socaas.ingestion.requests.rejected";

    private final MeterRegistry registry;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(TenantId tenant, int events) {
        Counter.builder(ACCEPTED)
                .description("Events accepted (acknowledged by Kafka), per tenant")
                .tag("tenant", tenant.value())
                .register(registry)
                .increment(events);
    }

    void rejected(String reason) {
        Counter.builder(REJECTED)
                .description("Intake requests rejected, per reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}

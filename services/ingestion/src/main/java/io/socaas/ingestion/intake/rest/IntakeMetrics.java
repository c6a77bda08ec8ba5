package io.socaas.ingestion.intake.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.socaas.events.TenantId;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Intake counters: {@code socaas.ingestion.events.accepted{tenant}}, {@code
 * socaas.ingestion.events.refused.by.quota{tenant,transport=http}} and {@code
 * socaas.ingestion.requests.rejected{reason}} (reason = problem type slug).
 */
@ApplicationScoped
public class IntakeMetrics {

    static final String ACCEPTED = "socaas.ingestion.events.accepted";
    static final String REJECTED = "socaas.ingestion.requests.rejected";
    static final String REFUSED_BY_QUOTA = "socaas.ingestion.events.refused.by.quota";

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

    void refusedByQuota(TenantId tenant, int events) {
        Counter.builder(REFUSED_BY_QUOTA)
                .description("Events refused because they did not fit into the tenant's plan quota")
                .tag("tenant", tenant.value())
                .tag("transport", "http")
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

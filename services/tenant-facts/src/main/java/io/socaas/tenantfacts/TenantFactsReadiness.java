package io.socaas.tenantfacts;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health/ready} of every service that reads the tenant facts: down until everything
 * published on the topic before the start has been read, since until then the service would judge
 * a tenant by a configuration it has not seen.
 */
@Readiness
@ApplicationScoped
public class TenantFactsReadiness implements HealthCheck {

    private final TenantFactsReaders readers;

    TenantFactsReadiness(TenantFactsReaders readers) {
        this.readers = readers;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("tenant-facts");
        boolean up = true;
        for (TenantFactsReader<?> reader : readers.running()) {
            up &= reader.isCaughtUp();
            reader.status().forEach((key, value) -> response.withData(key, String.valueOf(value)));
        }
        return response.status(up).build();
    }
}

package io.socaas.entitlements;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health/ready} of every service that reads the analysts' entitlements: down until
 * everything published on the topic before the start has been read, since until then an entitled
 * analyst would be denied its tenants.
 */
@Readiness
@ApplicationScoped
public class EntitlementsReadiness implements HealthCheck {

    private final PublishedEntitlements entitlements;

    EntitlementsReadiness(PublishedEntitlements entitlements) {
        this.entitlements = entitlements;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("analyst-entitlements");
        entitlements.status().forEach((key, value) -> response.withData(key, String.valueOf(value)));
        return response.status(entitlements.isCaughtUp()).build();
    }
}

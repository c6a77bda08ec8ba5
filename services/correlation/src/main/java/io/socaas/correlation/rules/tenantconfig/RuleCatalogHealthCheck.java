package io.socaas.correlation.rules.tenantconfig;

import io.socaas.correlation.rules.domain.RuleCatalog;
import io.socaas.correlation.rules.domain.TenantRuleSet;
import io.socaas.correlation.rules.tenantfacts.TenantRuleCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the loaded rules on {@code /q/health/ready}: how many tenants, rules and load problems. It
 * names no tenant: the readiness endpoint answers anyone who reaches the service's port.
 */
@Readiness
@ApplicationScoped
class RuleCatalogHealthCheck implements HealthCheck {

    private final TenantRuleCatalog catalogs;

    RuleCatalogHealthCheck(TenantRuleCatalog catalogs) {
        this.catalogs = catalogs;
    }

    @Override
    public HealthCheckResponse call() {
        RuleCatalog catalog = catalogs.current();
        var response = HealthCheckResponse.named("rules")
                .up()
                .withData("tenants", catalog.tenants().size())
                .withData(
                        "rules",
                        catalog.tenants().values().stream()
                                .mapToLong(TenantRuleSet::size)
                                .sum())
                .withData("load-problems", catalog.failures().size());
        return response.build();
    }
}

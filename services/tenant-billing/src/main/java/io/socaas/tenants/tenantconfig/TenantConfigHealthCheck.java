package io.socaas.tenants.tenantconfig;

import io.socaas.tenants.tenantconfig.domain.SyncReport;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the tenant-config folder has been loaded. Skipped tenant files do not make the service
 * unready (they are reported here and logged at ERROR); an unusable folder does.
 */
@Readiness
@ApplicationScoped
public class TenantConfigHealthCheck implements HealthCheck {

    private final TenantConfigSync sync;
    private final TenantConfigSettings settings;

    TenantConfigHealthCheck(TenantConfigSync sync, TenantConfigSettings settings) {
        this.sync = sync;
        this.settings = settings;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("tenant-config")
                .withData("dir", settings.dir().toString());
        if (!settings.syncAtStartup()) {
            return response.up().withData("sync", "disabled").build();
        }
        return sync.lastReport()
                .map(report -> describe(report, response))
                .orElseGet(() -> response.down().withData("sync", "not yet run").build());
    }

    private static HealthCheckResponse describe(SyncReport report, HealthCheckResponseBuilder response) {
        if (!report.succeeded()) {
            return response.down().withData("failure", report.failure()).build();
        }
        response.up()
                .withData("tenants", report.loaded().size())
                .withData("skipped_files", report.errors().size());
        return response.build();
    }
}

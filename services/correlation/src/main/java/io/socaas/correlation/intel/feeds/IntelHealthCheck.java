package io.socaas.correlation.intel.feeds;

import io.socaas.correlation.intel.catalog.IntelCatalog;
import io.socaas.correlation.intel.tenantlists.TenantIntelLists;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports threat intelligence on {@code /q/health/ready}: down after a start until the tenants' own
 * lists have been read back in full from their topic ({@code tenant-lists-loaded}), then up (a feed
 * that cannot be fetched keeps its previous indicators; detection goes on): per global feed its indicators ({@code
 * feed.<name>}), entries skipped at its last read ({@code feed.<name>.skipped}) and the error of its
 * last read when it failed ({@code feed.<name>.error}); how many tenants have lists of their own and
 * their indicators in all ({@code tenants-with-lists}, {@code tenant-indicators}; no tenant is named) and the state of the reader of their topic.
 */
@Readiness
@ApplicationScoped
class IntelHealthCheck implements HealthCheck {

    private final GlobalFeeds feeds;
    private final IntelCatalog catalog;
    private final TenantIntelLists lists;

    IntelHealthCheck(GlobalFeeds feeds, IntelCatalog catalog, TenantIntelLists lists) {
        this.feeds = feeds;
        this.catalog = catalog;
        this.lists = lists;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("intel")
                .status(lists.loaded())
                .withData("tenant-lists-loaded", lists.loaded())
                .withData("global-indicators", catalog.current().globalSize());
        feeds.status().forEach((name, status) -> {
            response.withData("feed." + name, status.indicators());
            response.withData("feed." + name + ".skipped", status.skipped());
            if (!status.error().isEmpty()) {
                response.withData("feed." + name + ".error", status.error());
            }
        });
        // counts only: readiness answers anyone who reaches the port, and names no tenant
        Map<String, Integer> tenantSizes = catalog.tenantSizes();
        response.withData("tenants-with-lists", tenantSizes.size());
        response.withData(
                "tenant-indicators",
                tenantSizes.values().stream().mapToLong(Integer::longValue).sum());
        lists.status().forEach((key, value) -> response.withData("tenant-lists." + key, String.valueOf(value)));
        return response.build();
    }
}

package io.socaas.correlation.detection.grpc;

import static org.awaitility.Awaitility.await;

import io.socaas.correlation.rules.tenantfacts.TenantRuleCatalog;
import io.socaas.events.TenantId;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import java.time.Duration;

/** Tenants the DetectionService tests need correlation to know, published as tenant-billing would. */
final class KnownTenants {

    private KnownTenants() {}

    /** Publishes an active tenant with no rule packs and waits until correlation knows it. */
    static void publish(TenantRuleCatalog catalog, TenantFactsTestTopic tenants, TenantId tenant) {
        tenants.publish(
                tenant.value(),
                TenantConfig.newBuilder()
                        .setTenantId(tenant.value())
                        .setDisplayName("Tenant " + tenant.value())
                        .setStatus(TenantStatus.TENANT_STATUS_ACTIVE)
                        .setTimeZone("UTC")
                        .setRevision(TenantFactsTestTopic.newRevision())
                        .build()
                        .toByteArray());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> catalog.current().find(tenant).isPresent());
    }

    /**
     * Makes sure correlation knows the demo tenant {@code acme} (its users, e.g. alice, are in the
     * realm): published by tenant-billing when it ran first, else here.
     */
    static void acme(TenantRuleCatalog catalog) {
        TenantId acme = TenantId.of("acme");
        if (catalog.current().find(acme).isEmpty()) {
            try (var tenants = new TenantFactsTestTopic()) {
                publish(catalog, tenants, acme);
            }
        }
    }
}

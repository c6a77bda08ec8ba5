package io.socaas.tenantfacts.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Publishes the demo tenants acme and globex, active, on the tests' tenant facts topic before the
 * service under test starts, as tenant-billing publishes them from {@code tenant-config/tenants/}.
 * A service's tests extend it with the encoding of their own generated {@code TenantConfig}.
 */
public abstract class DemoTenantsResource implements QuarkusTestResourceLifecycleManager {

    /** The demo tenants: id to display name. */
    public static final Map<String, String> DEMO_TENANTS =
            Map.of("acme", "Acme Manufacturing GmbH", "globex", "Globex Logistics Ltd");

    /** An active tenant's configuration with the given revision, serialized. */
    protected abstract byte[] activeTenant(String id, String displayName, long revision);

    @Override
    public Map<String, String> start() {
        try (TenantFactsTestTopic topic = new TenantFactsTestTopic()) {
            DEMO_TENANTS.forEach(
                    (id, name) -> topic.publish(id, activeTenant(id, name, TenantFactsTestTopic.newRevision())));
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // the facts stay: the next run publishes newer revisions
    }

    /** After the local stack (Kafka) is up. */
    @Override
    public int order() {
        return 10;
    }
}

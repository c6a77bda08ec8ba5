package io.socaas.entitlements.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.socaas.access.TenantReach;
import java.util.List;
import java.util.Map;

/**
 * Publishes the demo analysts' entitlements on the tests' entitlements topic before the service
 * under test starts, as case-management publishes them from {@code tenant-config/analysts.yaml}:
 * ana and tom every tenant, lee acme only.
 */
public class DemoEntitlementsResource implements QuarkusTestResourceLifecycleManager {

    /** The demo analysts' entitlements. */
    public static final Map<String, TenantReach> DEMO_ENTITLEMENTS = Map.of(
            "ana", TenantReach.all(),
            "tom", TenantReach.all(),
            "lee", TenantReach.only(List.of("acme")));

    @Override
    public Map<String, String> start() {
        try (EntitlementsTestTopic topic = new EntitlementsTestTopic()) {
            DEMO_ENTITLEMENTS.forEach(topic::publish);
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // the entitlements stay: the next run publishes newer revisions
    }

    /** After the local stack (Kafka) is up. */
    @Override
    public int order() {
        return 10;
    }
}

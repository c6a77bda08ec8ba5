package io.socaas.reporting.portal.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import java.util.Map;

/**
 * Publishes the demo tenants acme and globex on the tests' tenant facts topic before the portal
 * starts, as tenant-billing publishes them from {@code tenant-config/tenants/}.
 */
public class DemoTenantFacts implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try (TenantFactsTestTopic topic = new TenantFactsTestTopic()) {
            publish(topic, tenant("acme", "Acme Manufacturing GmbH", TenantStatus.TENANT_STATUS_ACTIVE));
            publish(topic, tenant("globex", "Globex Logistics Ltd", TenantStatus.TENANT_STATUS_ACTIVE));
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // the facts stay: the next test run publishes newer revisions
    }

    /** After the local stack (Kafka) is up. */
    @Override
    public int order() {
        return 10;
    }

    public static TenantConfig tenant(String id, String name, TenantStatus status) {
        return TenantConfig.newBuilder()
                .setTenantId(id)
                .setDisplayName(name)
                .setStatus(status)
                .setTimeZone("Europe/Berlin")
                .setRevision(TenantFactsTestTopic.newRevision())
                .build();
    }

    public static void publish(TenantFactsTestTopic topic, TenantConfig config) {
        topic.publish(config.getTenantId(), config.toByteArray());
    }
}

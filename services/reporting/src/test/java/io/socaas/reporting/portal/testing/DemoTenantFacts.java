package io.socaas.reporting.portal.testing;

import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.testing.DemoTenantsResource;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;

/** The demo tenants acme and globex on the tests' tenant facts topic. */
public class DemoTenantFacts extends DemoTenantsResource {

    @Override
    protected byte[] activeTenant(String id, String displayName, long revision) {
        return tenant(id, displayName, TenantStatus.TENANT_STATUS_ACTIVE).toBuilder()
                .setRevision(revision)
                .build()
                .toByteArray();
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

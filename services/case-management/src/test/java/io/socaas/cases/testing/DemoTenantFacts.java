package io.socaas.cases.testing;

import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.testing.DemoTenantsResource;

/** The demo tenants acme and globex on the tests' tenant facts topic. */
public class DemoTenantFacts extends DemoTenantsResource {

    @Override
    protected byte[] activeTenant(String id, String displayName, long revision) {
        return TenantConfig.newBuilder()
                .setTenantId(id)
                .setDisplayName(displayName)
                .setStatus(TenantStatus.TENANT_STATUS_ACTIVE)
                .setRevision(revision)
                .build()
                .toByteArray();
    }
}

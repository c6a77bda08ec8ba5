package io.socaas.reporting.portal.testing;

import io.socaas.proto.tenant.v1.RuleOverride;
import io.socaas.proto.tenant.v1.RulePackSelection;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.testing.DemoTenantsResource;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;

/**
 * The demo tenants acme and globex on the tests' tenant facts topic. Both enable the windows-core
 * rule pack; acme turns its certutil download rule off, globex runs it.
 */
public class DemoTenantFacts extends DemoTenantsResource {

    public static final String RULE_PACK = "windows-core";
    /** "Suspicious Download Via Certutil.EXE" of windows-core: off for acme, on for globex. */
    public static final String CERTUTIL_RULE_ID = "19b08b1c-861d-4e75-a1ef-ea0c1baf202b";

    @Override
    protected byte[] activeTenant(String id, String displayName, long revision) {
        RulePackSelection.Builder pack = RulePackSelection.newBuilder().setPackId(RULE_PACK);
        if (id.equals("acme")) {
            pack.addOverrides(RuleOverride.newBuilder()
                    .setRuleId(CERTUTIL_RULE_ID)
                    .setDisabled(true)
                    .build());
        }
        return tenant(id, displayName, TenantStatus.TENANT_STATUS_ACTIVE).toBuilder()
                .addRulePacks(pack.build())
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

package io.socaas.correlation.detection.grpc;

import static org.awaitility.Awaitility.await;

import io.socaas.correlation.rules.tenantfacts.TenantRuleCatalog;
import io.socaas.events.TenantId;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import java.time.Duration;

/**
 * What the DetectionService tests share: a rule, the tenants correlation must know (published as
 * tenant-billing would), and the check of a refused call.
 */
final class DetectionTestSupport {

    /** A Sigma rule of two selections on process creations: whoami with /priv. */
    static final String WHOAMI_PRIV_RULE_YAML = """
            title: Whoami privileges
            id: 5a2f0b7e-3333-4c3e-9a55-0d1f1e2a3b4c
            logsource: {category: process_creation, product: windows}
            detection:
              selection_img:
                Image|endswith: '\\whoami.exe'
              selection_cli:
                CommandLine|contains: ' /priv'
              condition: all of selection_*
            """;

    private DetectionTestSupport() {}

    /** The call fails with exactly this gRPC status code. */
    static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, io.grpc.Status.Code code) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        io.grpc.StatusRuntimeException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(
                                        e.getStatus().getCode())
                                .as(e.getStatus().toString())
                                .isEqualTo(code));
    }

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

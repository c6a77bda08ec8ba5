package io.socaas.kafkarecords;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.events.RecordHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class TenantWallTest {

    @Test
    void aRecordWhoseHeaderKeyAndPayloadNameOneTenantPasses() {
        assertThat(TenantWall.ALERTS.check(tenant("acme"), "acme:dedup-1", "acme"))
                .isEmpty();
        assertThat(TenantWall.CASES.check(tenant("acme"), "acme:case-1", "acme"))
                .isEmpty();
        assertThat(TenantWall.USAGE.check(tenant("acme"), "acme", "acme")).isEmpty();
        assertThat(TenantWall.TENANTS.check(tenant("acme"), "acme", "acme")).isEmpty();
        assertThat(TenantWall.EVENTS.check(tenant("acme"), "acme:01J0", "acme")).isEmpty();
    }

    @Test
    void aRecordWithoutKeyIsJudgedByHeaderAndPayload() {
        assertThat(TenantWall.USAGE.check(tenant("acme"), null, "acme")).isEmpty();
        assertThat(TenantWall.USAGE.check(tenant("globex"), null, "acme"))
                .hasValueSatisfying(b -> assertThat(b.reason()).isEqualTo(TenantWall.TENANT_MISMATCH));
    }

    @Test
    void aMissingOrEmptyTenantHeaderIsMissingTenant() {
        var missing =
                TenantWall.ALERTS.check(new org.apache.kafka.common.header.internals.RecordHeaders(), "acme:x", "acme");
        assertThat(missing).hasValueSatisfying(b -> {
            assertThat(b.reason()).isEqualTo(TenantWall.MISSING_TENANT);
            assertThat(b.topic()).isEqualTo(RecordHeaders.TOPIC_ALERTS);
            assertThat(b.detail()).contains("no tenant header").contains("payload tenant 'acme'");
        });
        assertThat(TenantWall.USAGE.check(tenant(" "), "acme", "acme"))
                .hasValueSatisfying(b -> assertThat(b.reason()).isEqualTo(TenantWall.MISSING_TENANT));
    }

    @Test
    void aHeaderThatDisagreesWithThePayloadIsAMismatchNamingBothTenants() {
        assertThat(TenantWall.CASES.check(tenant("globex"), "acme:case-1", "acme"))
                .hasValueSatisfying(b -> {
                    assertThat(b.reason()).isEqualTo(TenantWall.TENANT_MISMATCH);
                    assertThat(b.headerTenant()).isEqualTo("globex");
                    assertThat(b.payloadTenant()).isEqualTo("acme");
                    assertThat(b.detail()).contains("'globex'").contains("'acme'");
                });
    }

    @Test
    void aKeyOfAnotherTenantIsAMismatchEvenWhenHeaderAndPayloadAgree() {
        assertThat(TenantWall.ALERTS.check(tenant("acme"), "globex:dedup-1", "acme"))
                .hasValueSatisfying(b -> assertThat(b.detail()).contains("key 'globex:dedup-1'"));
        // a prefix of another tenant's id is not that tenant
        assertThat(TenantWall.ALERTS.check(tenant("acme"), "acme-corp:dedup-1", "acme"))
                .isPresent();
        assertThat(TenantWall.USAGE.check(tenant("acme"), "acme:1", "acme")).isPresent();
        assertThat(TenantWall.TENANTS.check(tenant("acme"), "globex", "acme")).isPresent();
    }

    @Test
    void aPayloadThatNamesNoTenantIsAMismatch() {
        assertThat(TenantWall.EVENTS.check(tenant("acme"), "acme:1", null))
                .hasValueSatisfying(b -> assertThat(b.reason()).isEqualTo(TenantWall.TENANT_MISMATCH));
        assertThat(TenantWall.CASES.check(tenant("acme"), null, ""))
                .hasValueSatisfying(b -> assertThat(b.reason()).isEqualTo(TenantWall.TENANT_MISMATCH));
    }

    @Test
    void aTombstoneNeedsAKeyAndAHeaderNamingTheSameTenant() {
        assertThat(TenantWall.TENANTS.checkTombstone(tenant("acme"), "acme")).isEmpty();
        assertThat(TenantWall.TENANTS.checkTombstone(tenant("globex"), "acme"))
                .hasValueSatisfying(b -> assertThat(b.reason()).isEqualTo(TenantWall.TENANT_MISMATCH));
        assertThat(TenantWall.TENANTS.checkTombstone(tenant("acme"), null)).isPresent();
        assertThat(TenantWall.TENANTS.checkTombstone(
                        new org.apache.kafka.common.header.internals.RecordHeaders(), "acme"))
                .hasValueSatisfying(b -> assertThat(b.reason()).isEqualTo(TenantWall.MISSING_TENANT));
    }

    @Test
    void theWallOfATestTopicJudgesLikeItsLiveTopic() {
        TenantWall test = TenantWall.TENANTS.on("soc.tenants.test.v1");
        assertThat(test.topic()).isEqualTo("soc.tenants.test.v1");
        assertThat(test.check(tenant("acme"), "globex", "acme"))
                .hasValueSatisfying(b -> assertThat(b.topic()).isEqualTo("soc.tenants.test.v1"));
    }

    private static Headers tenant(String tenant) {
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(RecordHeaders.TENANT, tenant.getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}

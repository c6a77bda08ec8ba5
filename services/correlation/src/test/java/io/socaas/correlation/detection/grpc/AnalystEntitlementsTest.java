package io.socaas.correlation.detection.grpc;

import static io.socaas.correlation.detection.grpc.DetectionTestSupport.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.access.TenantReach;
import io.socaas.correlation.rules.tenantfacts.TenantRuleCatalog;
import io.socaas.entitlements.testing.DemoEntitlementsResource;
import io.socaas.entitlements.testing.EntitlementsTestTopic;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.localstack.testing.RealmTokens;
import io.socaas.proto.detection.v1.BacktestRequest;
import io.socaas.proto.detection.v1.DetectionServiceGrpc.DetectionServiceBlockingStub;
import io.socaas.proto.detection.v1.ListIntelRequest;
import io.socaas.proto.detection.v1.ListRulesRequest;
import io.socaas.proto.detection.v1.UploadIntelRequest;
import io.socaas.serviceidentity.UserToken;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An analyst reaches a tenant's rules, backtests and threat intelligence only when case-management
 * published an entitlement to it (here on the tests' soc.entitlements.test.v1): lee (acme only)
 * never globex, ana (all) every tenant, and a change of entitlement takes effect within 10 s.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoEntitlementsResource.class, restrictToAnnotatedClass = false)
class AnalystEntitlementsTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");

    @GrpcClient("detection")
    DetectionServiceBlockingStub anonymous;

    @Inject
    TenantRuleCatalog catalog;

    private final EntitlementsTestTopic entitlements = new EntitlementsTestTopic();

    @BeforeEach
    void tenants() {
        try (var tenants = new TenantFactsTestTopic()) {
            for (TenantId tenant : List.of(ACME, GLOBEX)) {
                if (catalog.current().find(tenant).isEmpty()) {
                    DetectionTestSupport.publish(catalog, tenants, tenant);
                }
            }
        }
    }

    @AfterEach
    void restore() {
        entitlements.publish("lee", DemoEntitlementsResource.DEMO_ENTITLEMENTS.get("lee"));
        entitlements.close();
    }

    @Test
    void leeEntitledToAcmeOnlyCannotReachGlobexThroughAnyTenantMethod() {
        DetectionServiceBlockingStub lee = as("lee");

        assertThat(lee.listRules(rules(ACME)).getTenantId()).isEqualTo("acme");
        assertThat(lee.listIntel(intel(ACME)).getTenantId()).isEqualTo("acme");
        assertThat(codeOf(() -> lee.backtest(badBacktest(ACME)))).isEqualTo(Status.Code.INVALID_ARGUMENT);

        assertCode(() -> lee.listRules(rules(GLOBEX)), Status.Code.PERMISSION_DENIED);
        assertCode(() -> lee.backtest(badBacktest(GLOBEX)), Status.Code.PERMISSION_DENIED);
        assertCode(() -> lee.listIntel(intel(GLOBEX)), Status.Code.PERMISSION_DENIED);
        assertCode(() -> lee.uploadIntel(upload(GLOBEX)), Status.Code.PERMISSION_DENIED);
    }

    @Test
    void anAnalystEntitledToAllTenantsAndASocManagerReachGlobex() {
        for (String user : List.of("ana", "mia")) {
            DetectionServiceBlockingStub caller = as(user);
            assertThat(caller.listRules(rules(GLOBEX)).getTenantId()).isEqualTo("globex");
            assertThat(caller.listIntel(intel(GLOBEX)).getTenantId()).isEqualTo("globex");
            assertThat(codeOf(() -> caller.backtest(badBacktest(GLOBEX)))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        }
    }

    @Test
    void anAnalystWithoutAPublishedEntitlementReachesNoTenant() {
        entitlements.remove("lee");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertCode(() -> as("lee").listRules(rules(ACME)), Status.Code.PERMISSION_DENIED));
        assertCode(() -> as("lee").listIntel(intel(ACME)), Status.Code.PERMISSION_DENIED);
    }

    @Test
    void aChangeOfEntitlementTakesEffectWithin10Seconds() {
        DetectionServiceBlockingStub lee = as("lee");
        assertCode(() -> lee.listRules(rules(GLOBEX)), Status.Code.PERMISSION_DENIED);

        long published = System.nanoTime();
        entitlements.publish("lee", TenantReach.only(List.of("acme", "globex")));
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> codeOf(() -> lee.listRules(rules(GLOBEX))) == Status.Code.OK);
        assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(10));

        entitlements.publish("lee", TenantReach.only(List.of("acme")));
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> codeOf(() -> lee.listRules(rules(GLOBEX))) == Status.Code.PERMISSION_DENIED);
    }

    private DetectionServiceBlockingStub as(String user) {
        return anonymous.withInterceptors(UserToken.bearer(RealmTokens.user(user)));
    }

    private static Status.Code codeOf(Runnable call) {
        try {
            call.run();
            return Status.Code.OK;
        } catch (StatusRuntimeException failure) {
            return failure.getStatus().getCode();
        }
    }

    private static ListRulesRequest rules(TenantId tenant) {
        return ListRulesRequest.newBuilder().setTenantId(tenant.value()).build();
    }

    private static ListIntelRequest intel(TenantId tenant) {
        return ListIntelRequest.newBuilder().setTenantId(tenant.value()).build();
    }

    /** Refused before the rule is read when not entitled; an unreadable rule otherwise. */
    private static BacktestRequest badBacktest(TenantId tenant) {
        return BacktestRequest.newBuilder()
                .setTenantId(tenant.value())
                .setRuleYaml("title: x\ndetection: [")
                .setHours(1)
                .build();
    }

    private static UploadIntelRequest upload(TenantId tenant) {
        return UploadIntelRequest.newBuilder()
                .setTenantId(tenant.value())
                .setListName("entitlement-test")
                .setFormat("plain")
                .setContent(ByteString.copyFrom("198.51.100.7\n", StandardCharsets.UTF_8))
                .build();
    }
}

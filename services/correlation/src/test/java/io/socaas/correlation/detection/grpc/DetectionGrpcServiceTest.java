package io.socaas.correlation.detection.grpc;

import static io.socaas.correlation.detection.grpc.DetectionTestSupport.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.correlation.rules.tenantfacts.TenantRuleCatalog;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.localstack.testing.RealmTokens;
import io.socaas.proto.alerts.v1.Level;
import io.socaas.proto.detection.v1.DetectionServiceGrpc.DetectionServiceBlockingStub;
import io.socaas.proto.detection.v1.ListRulesRequest;
import io.socaas.proto.detection.v1.ListRulesResponse;
import io.socaas.proto.detection.v1.ListedRule;
import io.socaas.proto.detection.v1.TestRuleRequest;
import io.socaas.proto.detection.v1.TestRuleResponse;
import io.socaas.proto.detection.v1.ValidateRuleRequest;
import io.socaas.proto.detection.v1.ValidateRuleResponse;
import io.socaas.proto.tenant.v1.RuleOverride;
import io.socaas.proto.tenant.v1.RulePackSelection;
import io.socaas.proto.tenant.v1.Severity;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.serviceidentity.UserToken;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DetectionService over a real gRPC call on the service's HTTP port. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class DetectionGrpcServiceTest {

    private static final String WHOAMI_PRIV_RULE = "97a80ec7-0e2f-4d05-9ef4-65760e634f6b";

    private static final String RULE = DetectionTestSupport.WHOAMI_PRIV_RULE_YAML;

    @GrpcClient("detection")
    DetectionServiceBlockingStub anonymous;

    /** As the portal calls for a signed-in analyst: with ana's own token. */
    private DetectionServiceBlockingStub detection() {
        return as(RealmTokens.user("ana"));
    }

    private DetectionServiceBlockingStub as(String token) {
        return anonymous.withInterceptors(UserToken.bearer(token));
    }

    @Inject
    TenantRuleCatalog catalog;

    private static String sysmon(String commandLine) {
        return """
                {"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational",
                 "Image":"C:\\\\Windows\\\\System32\\\\whoami.exe","CommandLine":"%s"}
                """.formatted(commandLine);
    }

    @Test
    void validatesARule() {
        ValidateRuleResponse ok = detection()
                .validateRule(ValidateRuleRequest.newBuilder().setRuleYaml(RULE).build());

        assertThat(ok.getValid()).isTrue();
        assertThat(ok.getRuleId()).isEqualTo("5a2f0b7e-3333-4c3e-9a55-0d1f1e2a3b4c");
        assertThat(ok.getProblemsList()).isEmpty();
    }

    @Test
    void answersTheProblemsOfARuleWithLineAndColumn() {
        ValidateRuleResponse bad = detection()
                .validateRule(ValidateRuleRequest.newBuilder()
                        .setRuleYaml(RULE.replace("condition: all of selection_*", "condition: selection_img and nope"))
                        .build());

        assertThat(bad.getValid()).isFalse();
        assertThat(bad.getProblemsList()).singleElement().satisfies(p -> {
            assertThat(p.getMessage()).contains("nope");
            assertThat(p.getLine()).isEqualTo(9);
            assertThat(p.getColumn()).isEqualTo(3);
        });
    }

    @Test
    void anEmptyRuleIsAnInvalidArgument() {
        assertThatThrownBy(() -> detection().validateRule(ValidateRuleRequest.getDefaultInstance()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void testsARuleOnSampleEventsAndNamesTheSelectionsThatMatched() {
        TestRuleResponse response = detection()
                .testRule(TestRuleRequest.newBuilder()
                        .setRuleYaml(RULE)
                        .addEventsJson(sysmon("whoami /priv"))
                        .addEventsJson(sysmon("whoami"))
                        .build());

        assertThat(response.getEventsList()).hasSize(2);
        assertThat(response.getEvents(0).getMatched()).isTrue();
        assertThat(response.getEvents(0).getMatchedSelectionsList()).containsExactly("selection_img", "selection_cli");
        assertThat(response.getEvents(1).getIndex()).isEqualTo(1);
        assertThat(response.getEvents(1).getMatched()).isFalse();
        assertThat(response.getEvents(1).getLogsourceMatched()).isTrue();
    }

    @Test
    void testingARuleThatDoesNotLoadOrABadSampleIsAnInvalidArgument() {
        assertThatThrownBy(() -> detection()
                        .testRule(TestRuleRequest.newBuilder()
                                .setRuleYaml("title: x\ndetection: [")
                                .addEventsJson(sysmon("whoami"))
                                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("line");
                });
        assertThatThrownBy(() -> detection()
                        .testRule(TestRuleRequest.newBuilder()
                                .setRuleYaml(RULE)
                                .addEventsJson("[1, 2]")
                                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("events_json[0]");
                });
    }

    @Test
    void listsTheRulesATenantRunsWithItsOverrides() {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        try (var tenants = new TenantFactsTestTopic()) {
            tenants.publish(
                    tenant,
                    TenantConfig.newBuilder()
                            .setTenantId(tenant)
                            .setDisplayName("Tenant " + tenant)
                            .setStatus(TenantStatus.TENANT_STATUS_ACTIVE)
                            .setTimeZone("Europe/Berlin")
                            .addRulePacks(RulePackSelection.newBuilder()
                                    .setPackId("windows-core")
                                    .addOverrides(RuleOverride.newBuilder()
                                            .setRuleId(WHOAMI_PRIV_RULE)
                                            .setSeverity(Severity.SEVERITY_CRITICAL)))
                            .setRevision(TenantFactsTestTopic.newRevision())
                            .build()
                            .toByteArray());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> catalog.current().find(TenantId.of(tenant)).isPresent());

            ListRulesResponse response = detection()
                    .listRules(ListRulesRequest.newBuilder().setTenantId(tenant).build());

            assertThat(response.getTenantId()).isEqualTo(tenant);
            assertThat(response.getPacksList()).singleElement().satisfies(pack -> {
                assertThat(pack.getPackId()).isEqualTo("windows-core");
                assertThat(pack.getLicense()).isEqualTo("DRL-1.1");
                assertThat(pack.getRulesList()).hasSizeGreaterThan(1);
                ListedRule whoami = pack.getRulesList().stream()
                        .filter(r -> r.getRule().getId().equals(WHOAMI_PRIV_RULE))
                        .findFirst()
                        .orElseThrow();
                assertThat(whoami.getRule().getTitle()).isNotBlank();
                assertThat(whoami.getRule().getAuthor()).isEqualTo("Florian Roth (Nextron Systems)");
                assertThat(whoami.getRule().getReferenceUrl()).endsWith("proc_creation_win_whoami_priv_discovery.yml");
                assertThat(whoami.getRule().getTagsList()).contains("attack.t1033");
                assertThat(whoami.getRule().getLevel()).isEqualTo(Level.LEVEL_HIGH);
                assertThat(whoami.getEffectiveLevel()).isEqualTo(Level.LEVEL_CRITICAL);
            });
            tenants.publish(tenant, null);
        }
    }

    @Test
    void listingTheRulesOfAnUnknownTenantIsNotFound() {
        for (String unknown :
                new String[] {"no-such-tenant-" + UUID.randomUUID().toString().substring(0, 8), "Bad Id"}) {
            assertThatThrownBy(() -> detection()
                            .listRules(ListRulesRequest.newBuilder()
                                    .setTenantId(unknown)
                                    .build()))
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        }
    }

    @Test
    void callersAreCheckedByTheirTokenAndTenant() {
        DetectionTestSupport.acme(catalog);
        ValidateRuleRequest validate =
                ValidateRuleRequest.newBuilder().setRuleYaml(RULE).build();
        ListRulesRequest acme =
                ListRulesRequest.newBuilder().setTenantId("acme").build();
        ListRulesRequest globex =
                ListRulesRequest.newBuilder().setTenantId("globex").build();
        String alice = RealmTokens.user("alice@acme.example");

        assertThat(as(alice).validateRule(validate).getValid()).isTrue();
        assertThat(as(alice).listRules(acme).getTenantId()).isEqualTo("acme");
        assertCode(() -> as(alice).listRules(globex), Status.Code.PERMISSION_DENIED);
        assertCode(() -> anonymous.validateRule(validate), Status.Code.UNAUTHENTICATED);
        assertCode(() -> anonymous.listRules(acme), Status.Code.UNAUTHENTICATED);
        // a platform service's token is not a user's: this client's tokens are not accepted here
        assertCode(() -> as(RealmTokens.client("socaas-ingestion")).listRules(acme), Status.Code.UNAUTHENTICATED);
        // sales onboards tenants; it neither writes rules nor reads a tenant's
        String sam = RealmTokens.user("sam");
        assertCode(() -> as(sam).validateRule(validate), Status.Code.PERMISSION_DENIED);
        assertCode(() -> as(sam).listRules(acme), Status.Code.PERMISSION_DENIED);
    }
}

package io.socaas.cases.analysts;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.socaas.cases.analysts.assignment.AutoAssigner;
import io.socaas.cases.casefile.kafka.AlertRecordDecoder;
import io.socaas.cases.casefile.persistence.PanacheCaseFileRepository;
import io.socaas.cases.testing.DemoTenantFacts;
import io.socaas.cases.testing.TestCases;
import io.socaas.cases.testing.Tokens;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.alerts.v1.Alert;
import io.socaas.proto.alerts.v1.Level;
import io.socaas.proto.alerts.v1.RuleLogsource;
import io.socaas.proto.alerts.v1.RuleRef;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.TenantFactsReader;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Auto-assignment prefers an eligible analyst whose skills match the rule: by the rule's logsource
 * (an alert of a rule for product linux goes to the linux analyst) as by its tags. The alerts are
 * {@code soc.alerts.v1} records as correlation writes them, read by the intake's decoder.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoTenantFacts.class, restrictToAnnotatedClass = false)
class SkillAssignmentTest {

    private static final String TENANT = "skl-" + UUID.randomUUID().toString().substring(0, 8);
    /** Both L1, idle, entitled to the tenant only; digits first so that a tie on load would go to them by name. */
    private static final String WINDOWS = "0" + TENANT + "-a-windows";

    private static final String LINUX = "0" + TENANT + "-b-linux";

    @Inject
    PanacheCaseFileRepository repository;

    @Inject
    AutoAssigner assigner;

    @Inject
    TenantFactsReader<TenantConfig> facts;

    @BeforeAll
    static void publishTheTenant() {
        try (TenantFactsTestTopic topic = new TenantFactsTestTopic()) {
            topic.publish(
                    TENANT,
                    TenantConfig.newBuilder()
                            .setTenantId(TENANT)
                            .setDisplayName("Skills test tenant")
                            .setStatus(TenantStatus.TENANT_STATUS_ACTIVE)
                            .setRevision(TenantFactsTestTopic.newRevision())
                            .build()
                            .toByteArray());
        }
    }

    @BeforeEach
    void twoIdleAnalystsWithDifferentSkills() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> facts.get(TenantId.of(TENANT)).isPresent());
        String mia = Tokens.of("mia");
        putProfile(mia, WINDOWS, List.of("windows"));
        putProfile(mia, LINUX, List.of("linux", "attack.credential_access"));
    }

    @Test
    void aCaseOfALinuxRuleGoesToTheAnalystSkilledInLinuxAndAWindowsOneToTheWindowsAnalyst() throws Throwable {
        // the Windows analyst comes first by name: only the skill can send the linux case elsewhere
        String linuxCase = open(RuleLogsource.newBuilder().setProduct("linux").setService("sshd"), List.of());
        String windowsCase =
                open(RuleLogsource.newBuilder().setProduct("windows").setCategory("process_creation"), List.of());
        // a rule without logsource is matched by its tags as before, even against a lighter load
        String taggedCase = open(RuleLogsource.newBuilder(), List.of("attack.credential_access"));

        VertxContextSupport.subscribeAndAwait(() -> assigner.assignWaiting());

        assertAssignee(linuxCase, LINUX);
        assertAssignee(windowsCase, WINDOWS);
        assertAssignee(taggedCase, LINUX);
    }

    private String open(RuleLogsource.Builder logsource, List<String> tags) throws Throwable {
        String alertId = "alert-" + UUID.randomUUID();
        String dedupKey = "skl-" + UUID.randomUUID();
        Alert alert = Alert.newBuilder()
                .setAlertId(alertId)
                .setTenantId(TENANT)
                .setRule(RuleRef.newBuilder()
                        .setId(UUID.randomUUID().toString())
                        .setTitle("A rule")
                        .setAuthor("tests")
                        .addAllTags(tags)
                        .setLogsource(logsource))
                .setLevel(Level.LEVEL_MEDIUM)
                .addEventIngestIds("event-" + UUID.randomUUID())
                .setDetectedTime(Instant.now().toString())
                .setSummary("a detection")
                .setDedupKey(dedupKey)
                .build();
        var decoded = AlertRecordDecoder.decode(TENANT + ":" + dedupKey, TENANT, alert.toByteArray(), Instant.now());
        return TestCases.open(repository, ((AlertRecordDecoder.Accepted) decoded).alert());
    }

    private static void assertAssignee(String caseId, String analyst) {
        given().auth()
                .oauth2(Tokens.of("mia"))
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("assignee", equalTo(analyst));
    }

    private static void putProfile(String token, String name, List<String> skills) {
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("tier", "l1", "tenants", List.of(TENANT), "skills", skills, "max_concurrent_cases", 50))
                .put("/api/v1/analysts/" + name)
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }
}

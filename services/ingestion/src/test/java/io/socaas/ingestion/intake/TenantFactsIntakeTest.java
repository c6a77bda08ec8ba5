package io.socaas.ingestion.intake;

import static io.restassured.RestAssured.given;
import static io.socaas.ingestion.intake.FakeTenantDirectory.REVOCABLE_KEY;
import static io.socaas.ingestion.intake.IntakeTestData.anEvent;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ingestion follows the tenant facts that tenant-billing publishes: a suspended tenant's keys are
 * refused and a changed tenant's cached key resolutions are dropped, each within 10 s of the change
 * and without a restart. The tenant directory here only answers which tenant a key belongs to; what
 * is under test is what ingestion does with the published facts.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TenantDirectoryOnTestPort.class, restrictToAnnotatedClass = false)
class TenantFactsIntakeTest {

    /** The promise: a tenant change reaches every service within 10 s. */
    private static final Duration TENANT_CHANGE_DEADLINE = Duration.ofSeconds(10);

    private TenantFactsTestTopic tenants;

    @BeforeEach
    void open() {
        tenants = new TenantFactsTestTopic();
    }

    @AfterEach
    void close() {
        tenants.close();
    }

    @Test
    void aSuspendedTenantsKeysAreRefusedWithinTenSecondsAndWorkAgainWhenItResumes() {
        publish("hooli", TenantStatus.TENANT_STATUS_ACTIVE);
        // the topic keeps hooli's last state of an earlier run (suspended, when one was cut short)
        await().atMost(TENANT_CHANGE_DEADLINE)
                .until(() -> post(FakeTenantDirectory.SUSPENDABLE_KEY).statusCode() == 202);

        publish("hooli", TenantStatus.TENANT_STATUS_SUSPENDED);
        await().atMost(TENANT_CHANGE_DEADLINE)
                .until(() -> post(FakeTenantDirectory.SUSPENDABLE_KEY).statusCode() == 401);
        post(FakeTenantDirectory.SUSPENDABLE_KEY)
                .then()
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/invalid-ingest-key"));

        publish("hooli", TenantStatus.TENANT_STATUS_ACTIVE);
        await().atMost(TENANT_CHANGE_DEADLINE)
                .until(() -> post(FakeTenantDirectory.SUSPENDABLE_KEY).statusCode() == 202);
    }

    @Test
    void aRevokedKeyStopsWorkingWithinTenSecondsOfTheTenantsNewRevision() {
        publish("initech", TenantStatus.TENANT_STATUS_ACTIVE);
        // a key of a tenant whose facts have not arrived yet is refused (the topic is read
        // asynchronously); once they have, the key is resolved, and from then on the resolution is
        // cached (for a minute by default)
        await().atMost(TENANT_CHANGE_DEADLINE).until(() -> post(REVOCABLE_KEY).statusCode() == 202);

        FakeTenantDirectory.revoke(REVOCABLE_KEY);
        // still cached: the directory is not asked again
        post(REVOCABLE_KEY).then().statusCode(202);

        // tenant-billing publishes a new revision of the tenant with every key revocation
        publish("initech", TenantStatus.TENANT_STATUS_ACTIVE);
        await().atMost(TENANT_CHANGE_DEADLINE).until(() -> post(REVOCABLE_KEY).statusCode() == 401);
    }

    private void publish(String tenant, TenantStatus status) {
        TenantConfig config = TenantConfig.newBuilder()
                .setTenantId(tenant)
                .setDisplayName(tenant)
                .setStatus(status)
                .setTimeZone("Europe/Berlin")
                .setRevision(TenantFactsTestTopic.newRevision())
                .build();
        tenants.publish(tenant, config.toByteArray());
    }

    private static Response post(String key) {
        return given().header("Authorization", "Bearer " + key)
                .contentType("application/x-ndjson")
                .body(anEvent("facts-" + UUID.randomUUID()).json().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events");
    }
}

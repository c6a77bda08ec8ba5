package io.socaas.tenants.onboarding;

import static io.restassured.RestAssured.given;
import static io.socaas.tenants.onboarding.OnboardingTestData.aRequest;
import static io.socaas.tenants.testing.OnboardingApi.awaitProvisioning;
import static io.socaas.tenants.testing.OnboardingApi.onboard;
import static io.socaas.tenants.testing.OnboardingApi.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.ResolveIngestKeyRequest;
import io.socaas.proto.tenant.v1.TenantDirectoryGrpc.TenantDirectoryBlockingStub;
import io.socaas.serviceidentity.UserToken;
import io.socaas.tenants.testing.AuditLog;
import io.socaas.tenants.testing.KeycloakTokens;
import io.socaas.tenants.testing.TenantFactsTopic;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Onboarding through the API against the real Keycloak, PostgreSQL and OpenSearch of the local stack:
 * the whole saga, idempotent replays, conflicts, refused callers, and a failed step with its retry.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class OnboardingTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    Keycloak keycloak;

    @GrpcClient("tenant-directory")
    TenantDirectoryBlockingStub anonymousDirectory;

    /** TenantDirectory as ingestion calls it: with ingestion's own token. */
    private TenantDirectoryBlockingStub directory() {
        return anonymousDirectory.withInterceptors(UserToken.bearer(KeycloakTokens.ingestionService()));
    }

    private final List<String> onboarded = new ArrayList<>();

    @AfterEach
    void removeKeycloakObjects() {
        RealmResource realm = keycloak.realm("socaas");
        for (String tenant : onboarded) {
            for (OrganizationRepresentation org : realm.organizations().searchByAttribute("socaas_tenant:" + tenant)) {
                realm.organizations()
                        .get(org.getId())
                        .members()
                        .getAll()
                        .forEach(m -> realm.users().delete(m.getId()).close());
                realm.organizations().get(org.getId()).delete().close();
            }
        }
    }

    @Test
    void salesOnboardsATenantThatEndsActiveWithOrganizationAdminKeyAndIndex() throws Exception {
        OnboardingTestData request = aRequest();
        onboarded.add(request.id());

        onboard(KeycloakTokens.sam(), UUID.randomUUID().toString(), request)
                .statusCode(202)
                .contentType(ContentType.JSON)
                .header("Location", endsWith("/api/v1/tenants/" + request.id()))
                .body("tenant_id", equalTo(request.id()))
                .body("status", equalTo("provisioning"))
                .body("source", equalTo("api"))
                .body("plan", equalTo("standard"))
                .body("provisioning.state", equalTo("running"))
                .body(
                        "provisioning.steps.name",
                        org.hamcrest.Matchers.contains(
                                "tenant-record",
                                "keycloak-organization",
                                "ingest-key",
                                "opensearch-index",
                                "kubernetes-namespace",
                                "publish"))
                .body("provisioning.steps[0].status", equalTo("done"))
                .body("provisioning.steps[1].status", equalTo("pending"))
                .body("$", not(hasKey("initial_credentials")));

        Map<String, String> credentials = new HashMap<>();
        JsonPath done = awaitProvisioning(request.id(), "done", credentials);

        assertThat(done.getString("status")).isEqualTo("active");
        assertThat(done.getList("provisioning.steps.status"))
                .containsExactly("done", "done", "done", "done", "skipped", "done");
        assertThat(done.getString("provisioning.steps[4].detail")).contains("no Kubernetes cluster");
        // the secrets came exactly once, and never again
        assertThat(credentials)
                .containsEntry("admin_username", request.contactEmail())
                .containsKeys("admin_initial_password", "ingest_key_id", "ingest_key");
        tenant(KeycloakTokens.sam(), request.id()).body("$", not(hasKey("initial_credentials")));

        // Keycloak: the organization with its admin, who must set a password at first login
        RealmResource realm = keycloak.realm("socaas");
        OrganizationRepresentation org =
                realm.organizations().searchByAttribute("socaas_tenant:" + request.id()).stream()
                        .findFirst()
                        .orElseThrow();
        assertThat(org.getAlias()).isEqualTo(request.id());
        assertThat(org.getName()).isEqualTo("Test " + request.id());
        UserRepresentation admin =
                realm.users().searchByEmail(request.contactEmail(), true).getFirst();
        assertThat(realm.organizations().get(org.getId()).members().getAll())
                .extracting(m -> m.getId())
                .containsExactly(admin.getId());
        assertThat(admin.getRequiredActions()).containsExactly("UPDATE_PASSWORD");
        assertThat(realm.users().get(admin.getId()).roles().realmLevel().listEffective())
                .extracting(r -> r.getName())
                .contains("customer-admin");
        assertThat(passwordGrantError(request.contactEmail(), credentials.get("admin_initial_password")))
                .as("the initial password is valid, and the first login must change it")
                .isEqualTo("Account is not fully set up");
        assertThat(passwordGrantError(request.contactEmail(), "wrong-" + credentials.get("admin_initial_password")))
                .isEqualTo("Invalid user credentials");

        // the first ingest key works for the active tenant
        var resolved = directory()
                .resolveIngestKey(ResolveIngestKeyRequest.newBuilder()
                        .setIngestKey(credentials.get("ingest_key"))
                        .build());
        assertThat(resolved.getTenantId()).isEqualTo(request.id());
        assertThat(resolved.getKeyId()).isEqualTo(credentials.get("ingest_key_id"));

        // published: the tenant's last fact on soc.tenants.v1 says active
        var fact = TenantFactsTopic.lastRecordOf(request.id()).orElseThrow();
        assertThat(io.socaas.proto.tenant.v1.TenantConfig.parseFrom(fact.value())
                        .getStatus())
                .isEqualTo(io.socaas.proto.tenant.v1.TenantStatus.TENANT_STATUS_ACTIVE);

        // OpenSearch: the template, today's index, and the alias on it
        given().when()
                .get("http://127.0.0.1:9200/_index_template/events-" + request.id())
                .then()
                .statusCode(200)
                .body("index_templates[0].index_template.index_patterns", hasItem("events-" + request.id() + "-*"));
        given().when()
                .get("http://127.0.0.1:9200/_alias/events-" + request.id())
                .then()
                .statusCode(200)
                .body(containsString("events-" + request.id() + "-"));
    }

    @Test
    void twoTenantsTradingUnderTheSameNameAreBothOnboarded() {
        OnboardingTestData first = aRequest().with("display_name", "Smith Dental");
        OnboardingTestData second = aRequest().with("display_name", "Smith Dental");
        onboarded.add(first.id());
        onboarded.add(second.id());

        onboard(KeycloakTokens.sam(), UUID.randomUUID().toString(), first).statusCode(202);
        awaitProvisioning(first.id(), "done", new HashMap<>());
        onboard(KeycloakTokens.sam(), UUID.randomUUID().toString(), second).statusCode(202);
        JsonPath done = awaitProvisioning(second.id(), "done", new HashMap<>());

        assertThat(done.getString("status")).isEqualTo("active");
        assertThat(done.getString("display_name")).isEqualTo("Smith Dental");
        RealmResource realm = keycloak.realm("socaas");
        assertThat(realm.organizations().searchByAttribute("socaas_tenant:" + second.id()))
                .extracting(OrganizationRepresentation::getAlias, OrganizationRepresentation::getName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(second.id(), "Smith Dental (" + second.id() + ")"));
    }

    @Test
    void theSameKeyReplaysTheFirstAnswerAndAnotherBodyIsRefused() {
        OnboardingTestData request = aRequest();
        onboarded.add(request.id());
        String key = UUID.randomUUID().toString();
        String sam = KeycloakTokens.sam();

        String first = onboard(sam, key, request)
                .statusCode(202)
                .header("Idempotent-Replayed", "false")
                .extract()
                .asString();
        String again = onboard(sam, key, request)
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/api/v1/tenants/" + request.id()))
                .extract()
                .asString();
        assertThat(again).isEqualTo(first);

        onboard(sam, key, request.with("display_name", "Something else"))
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://socaas.io/problems/idempotency-key-reused"));
    }

    @Test
    void anIdInUseIsAConflict() {
        onboard(KeycloakTokens.sam(), UUID.randomUUID().toString(), aRequest().with("id", "acme"))
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://socaas.io/problems/tenant-id-in-use"))
                .body("tenant_id", equalTo("acme"));

        OnboardingTestData request = aRequest();
        onboarded.add(request.id());
        onboard(KeycloakTokens.sam(), UUID.randomUUID().toString(), request).statusCode(202);
        onboard(KeycloakTokens.ops(), UUID.randomUUID().toString(), request)
                .statusCode(409)
                .body("type", equalTo("https://socaas.io/problems/tenant-id-in-use"));

        // acme-... would share acme's event index pattern events-acme-*: refused before anything is made
        String overlapping = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        onboard(KeycloakTokens.sam(), UUID.randomUUID().toString(), aRequest().with("id", overlapping))
                .statusCode(409)
                .body("type", equalTo("https://socaas.io/problems/tenant-id-in-use"))
                .body("detail", org.hamcrest.Matchers.containsString("overlap those of tenant 'acme'"));
    }

    @Test
    void requestsRacingForOneIdMakeOneTenant() throws Exception {
        OnboardingTestData request = aRequest();
        onboarded.add(request.id());
        String sam = KeycloakTokens.sam();
        List<java.util.concurrent.Callable<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(() -> onboard(sam, UUID.randomUUID().toString(), request)
                    .extract()
                    .statusCode());
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(racers.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (var answer : pool.invokeAll(racers)) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnlyOnce(202).containsOnly(202, 409);
        } finally {
            pool.shutdownNow();
        }
        awaitProvisioning(request.id(), "done", new HashMap<>());
    }

    @Test
    void everyBadMemberIsNamed() {
        onboard(
                        KeycloakTokens.sam(),
                        UUID.randomUUID().toString(),
                        aRequest()
                                .with("id", "x".repeat(41))
                                .with("plan", "platinum")
                                .with("contact_email", "not-an-address")
                                .with("time_zone", "Mars/Olympus")
                                .without("display_name"))
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://socaas.io/problems/invalid-request"))
                .body(
                        "violations.field",
                        containsInAnyOrder("id", "display_name", "plan", "contact_email", "time_zone"))
                .body("violations.find { it.field == 'plan' }.message", containsString("standard"));
    }

    @Test
    void anUnknownPlanAloneIsABadRequestNamingThePlan() {
        onboard(KeycloakTokens.sam(), UUID.randomUUID().toString(), aRequest().with("plan", "platinum"))
                .statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.contains("plan"));
    }

    @Test
    void anIdempotencyKeyIsRequired() {
        given().auth()
                .oauth2(KeycloakTokens.sam())
                .contentType(ContentType.JSON)
                .body(aRequest().build())
                .when()
                .post("/api/v1/tenants")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", org.hamcrest.Matchers.contains("Idempotency-Key"));
    }

    @Test
    void theCrmOnboardsWithItsClientCredentialsAndAloneTakesTheOneTimeCredentials() {
        OnboardingTestData request = aRequest();
        onboarded.add(request.id());
        onboard(KeycloakTokens.crm(), UUID.randomUUID().toString(), request)
                .statusCode(202)
                .body("tenant_id", equalTo(request.id()));
        tenant(KeycloakTokens.crm(), request.id())
                .statusCode(200)
                .body("provisioning.requested_by", equalTo("client crm"));

        // another sales caller sees the provisioning end, but never the credentials
        Map<String, String> seenBySam = new HashMap<>();
        awaitProvisioning(KeycloakTokens.sam(), request.id(), "done", seenBySam);
        assertThat(seenBySam).isEmpty();
        // the caller who asked for the onboarding takes them, once
        Map<String, String> taken = new HashMap<>();
        awaitProvisioning(KeycloakTokens.crm(), request.id(), "done", taken);
        assertThat(taken).containsKeys("admin_username", "admin_initial_password", "ingest_key_id", "ingest_key");
        tenant(KeycloakTokens.crm(), request.id()).body("$", not(hasKey("initial_credentials")));

        // the entries reach the trail through Kafka (soc.audit.test.v1)
        org.awaitility.Awaitility.await()
                .atMost(AuditLog.DEADLINE)
                .untilAsserted(() -> AuditLog.ofTenant(request.id())
                        .body("actor", org.hamcrest.Matchers.contains("client crm", "client crm"))
                        .body("client_id", org.hamcrest.Matchers.contains("crm", "crm"))
                        .body("action[0]", equalTo("POST /api/v1/tenants"))
                        .body("action[1]", containsString("took the one-time credentials"))
                        .body("target[1]", containsString(taken.get("ingest_key_id")))
                        .body("target[1]", not(containsString(taken.get("ingest_key"))))
                        .body("after[1]", equalTo(null)));
    }

    @Test
    void analystsAndCustomersMayNotOnboard() {
        for (String token : List.of(KeycloakTokens.ana(), KeycloakTokens.alice())) {
            onboard(token, UUID.randomUUID().toString(), aRequest())
                    .statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("https://socaas.io/problems/forbidden"));
        }
    }

    @Test
    void aTokenOfAnotherClientIsRefusedEvenForAnAdmin() {
        onboard(
                        KeycloakTokens.adminCliOfRealm("ops", "ops-dev-password"),
                        UUID.randomUUID().toString(),
                        aRequest())
                .statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aStepThatFailsLeavesTheTenantFailedAndItsRetryCompletesIt() {
        OnboardingTestData request = aRequest();
        onboarded.add(request.id());
        // a real precondition: the admin's e-mail already belongs to another Keycloak user
        RealmResource realm = keycloak.realm("socaas");
        UserRepresentation squatter = new UserRepresentation();
        squatter.setUsername("squatter-" + request.id());
        squatter.setEmail(request.contactEmail());
        squatter.setEnabled(true);
        String squatterId;
        try (Response created = realm.users().create(squatter)) {
            assertThat(created.getStatus()).isEqualTo(201);
            squatterId = CreatedResponseUtil.getCreatedId(created);
        }

        onboard(KeycloakTokens.sam(), UUID.randomUUID().toString(), request).statusCode(202);
        JsonPath failed = awaitProvisioning(request.id(), "failed", new HashMap<>());
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("provisioning.steps[1].name")).isEqualTo("keycloak-organization");
        assertThat(failed.getString("provisioning.steps[1].status")).isEqualTo("failed");
        assertThat(failed.getString("provisioning.steps[1].error")).contains("already exists", request.contactEmail());
        assertThat(failed.getList("provisioning.steps.status").subList(2, 6)).containsOnly("pending");

        // sales may read but not retry
        given().auth()
                .oauth2(KeycloakTokens.sam())
                .urlEncodingEnabled(false) // the ':' of the operation as clients send it, not as %3A
                .when()
                .post("/api/v1/tenants/" + request.id() + "/provisioning:retry")
                .then()
                .statusCode(403);

        realm.users().delete(squatterId).close();
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .urlEncodingEnabled(false) // the ':' of the operation as clients send it, not as %3A
                .when()
                .post("/api/v1/tenants/" + request.id() + "/provisioning:retry")
                .then()
                .statusCode(202)
                .body("status", equalTo("provisioning"))
                .body("provisioning.state", equalTo("running"))
                .body("provisioning.steps[1].status", equalTo("pending"));

        JsonPath done = awaitProvisioning(request.id(), "done", new HashMap<>());
        assertThat(done.getString("status")).isEqualTo("active");
        assertThat(done.getString("provisioning.steps[1].status")).isEqualTo("done");

        // a retry of a saga that has not failed is refused
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .urlEncodingEnabled(false) // the ':' of the operation as clients send it, not as %3A
                .when()
                .post("/api/v1/tenants/" + request.id() + "/provisioning:retry")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://socaas.io/problems/provisioning-not-retryable"));
    }

    @Test
    void theOpenApiDocumentDescribesOnboardingAndItsProblems() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/tenants'.post.responses.keySet()", hasItems("202", "400", "403", "409", "422"))
                .body("paths.'/api/v1/tenants'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/v1/tenants/{tenantId}/provisioning:retry'.post", notNullValue())
                .body("paths.'/api/v1/tenants/{tenantId}:offboard'.post.responses.keySet()", hasItem("503"))
                .body("paths.'/api/v1/audit'.get", notNullValue());
    }

    @Test
    void aTenantOfTheConfigFolderHasNoProvisioning() {
        tenant(KeycloakTokens.sam(), "acme")
                .statusCode(200)
                .body("tenant_id", equalTo("acme"))
                .body("$", not(hasKey("provisioning")));
    }

    // ---- helpers ----

    private static String passwordGrantError(String username, String password) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", "socaas-portal")
                .formParam("client_secret", "socaas-portal-dev-secret")
                .formParam("username", username)
                .formParam("password", password)
                .when()
                .post("http://127.0.0.1:8180/realms/socaas/protocol/openid-connect/token")
                .then()
                .extract()
                .path("error_description");
    }
}

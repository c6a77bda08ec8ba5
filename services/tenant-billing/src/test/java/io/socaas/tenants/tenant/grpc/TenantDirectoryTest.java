package io.socaas.tenants.tenant.grpc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.GetTenantRequest;
import io.socaas.proto.tenant.v1.ResolveIngestKeyRequest;
import io.socaas.proto.tenant.v1.ResolveIngestKeyResponse;
import io.socaas.proto.tenant.v1.TenantDirectoryGrpc.TenantDirectoryBlockingStub;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.serviceidentity.UserToken;
import io.socaas.tenants.facts.TenantsTopic;
import io.socaas.tenants.tenant.TenantService;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.tenantconfig.TenantConfigSync;
import io.socaas.tenants.tenantconfig.domain.SyncReport;
import io.socaas.tenants.testing.KeycloakTokens;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ingest keys over REST, resolved over gRPC, against the real PostgreSQL and Keycloak. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class TenantDirectoryTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @GrpcClient("tenant-directory")
    TenantDirectoryBlockingStub anonymousDirectory;

    /** TenantDirectory as ingestion calls it: with ingestion's own token. */
    private TenantDirectoryBlockingStub directory() {
        return anonymousDirectory.withInterceptors(UserToken.bearer(KeycloakTokens.ingestionService()));
    }

    @Inject
    TenantService tenants;

    @Inject
    TenantConfigSync sync;

    @Test
    void opsIssuesAKeyForAcmeThatResolvesToAcme() {
        String source = "firewall-" + UUID.randomUUID().toString().substring(0, 8);

        IssuedKey issued = issueKey("acme", source);

        ResolveIngestKeyResponse resolved = directory().resolveIngestKey(request(issued.ingestKey()));
        assertThat(resolved.getTenantId()).isEqualTo("acme");
        assertThat(resolved.getKeyId()).isEqualTo(issued.keyId());
        assertThat(resolved.getSourceName()).isEqualTo(source);
    }

    @Test
    void aKeysClockZoneResolvesWithItAndSurvivesRotation() {
        String source = "nxlog-" + UUID.randomUUID().toString().substring(0, 8);
        var issued = given().auth()
                .oauth2(KeycloakTokens.ops())
                .contentType(ContentType.JSON)
                .body("{\"source_name\":\"" + source + "\",\"time_zone\":\"Asia/Tokyo\"}")
                .when()
                .post("/api/v1/tenants/acme/ingest-keys")
                .then()
                .statusCode(201)
                .body("time_zone", equalTo("Asia/Tokyo"))
                .extract();

        assertThat(directory()
                        .resolveIngestKey(request(issued.path("ingest_key")))
                        .getTimeZone())
                .isEqualTo("Asia/Tokyo");
        String rotated = given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .post("/api/v1/tenants/acme/ingest-keys/" + issued.path("key_id") + "/rotate")
                .then()
                .statusCode(201)
                .extract()
                .path("new_key.ingest_key");
        assertThat(directory().resolveIngestKey(request(rotated)).getTimeZone()).isEqualTo("Asia/Tokyo");
        // a key issued without one: UTC, resolved as no zone
        assertThat(directory()
                        .resolveIngestKey(
                                request(issueKey("acme", source + "-utc").ingestKey()))
                        .getTimeZone())
                .isEmpty();

        given().auth()
                .oauth2(KeycloakTokens.ops())
                .contentType(ContentType.JSON)
                .body("{\"source_name\":\"" + source + "\",\"time_zone\":\"JST\"}")
                .when()
                .post("/api/v1/tenants/acme/ingest-keys")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("time_zone must be an IANA time zone"));
    }

    @Test
    void aKeysClockZoneChangesWithoutANewSecretAndIsPublished() {
        IssuedKey key = issueKey("acme", "nxlog-" + UUID.randomUUID().toString().substring(0, 8));
        long before = publishedRevision("acme").orElse(0L);

        changeKey("acme", key.keyId(), "{\"time_zone\":\"Europe/Berlin\"}")
                .statusCode(200)
                .body("key_id", equalTo(key.keyId()))
                .body("time_zone", equalTo("Europe/Berlin"))
                .body("state", equalTo("active"));

        // the same secret resolves with the new zone; ingestion learns of it from the next revision
        assertThat(directory().resolveIngestKey(request(key.ingestKey())).getTimeZone())
                .isEqualTo("Europe/Berlin");
        awaitRevisionAfter("acme", before);

        // null: back to UTC
        changeKey("acme", key.keyId(), "{\"time_zone\":null}").statusCode(200).body("time_zone", equalTo("UTC"));
        assertThat(directory().resolveIngestKey(request(key.ingestKey())).getTimeZone())
                .isEmpty();

        // refused: no IANA zone, a body that names nothing, another tenant's key, a revoked key
        for (String body : List.of("{\"time_zone\":\"CEST\"}", "{}")) {
            changeKey("acme", key.keyId(), body)
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("detail", containsString("time_zone"));
        }
        changeKey("globex", key.keyId(), "{\"time_zone\":\"Asia/Tokyo\"}")
                .statusCode(404)
                .contentType(PROBLEM_JSON);
        revokeKey("acme", key.keyId());
        changeKey("acme", key.keyId(), "{\"time_zone\":\"Asia/Tokyo\"}")
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("revoked"));
    }

    @Test
    void issuedKeyHasTheDocumentedShape() {
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .contentType(ContentType.JSON)
                .body("{\"source_name\":\"dc01\"}")
                .when()
                .post("/api/v1/tenants/globex/ingest-keys")
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("tenant_id", equalTo("globex"))
                .body("source_name", equalTo("dc01"))
                .body("key_id", matchesPattern("ik_[0-9a-z]{26}"))
                .body("ingest_key", matchesPattern("sk_[A-Za-z0-9_-]{43}"))
                .body("created_time", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"));
    }

    @Test
    void anUnknownKeyIsNotFound() {
        StatusRuntimeException failure = catchThrowableOfType(
                StatusRuntimeException.class, () -> directory().resolveIngestKey(request("sk_" + "A".repeat(43))));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(failure.getStatus().getDescription()).isEqualTo("ingest key not recognised");
    }

    @Test
    void aRevokedKeyIsNotFoundWithTheSameMessage() {
        IssuedKey issued = issueKey("acme", "to-revoke");
        assertThat(directory().resolveIngestKey(request(issued.ingestKey())).getTenantId())
                .isEqualTo("acme");

        revokeKey("acme", issued.keyId());

        StatusRuntimeException failure = catchThrowableOfType(
                StatusRuntimeException.class, () -> directory().resolveIngestKey(request(issued.ingestKey())));
        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(failure.getStatus().getDescription()).isEqualTo("ingest key not recognised");
    }

    @Test
    void theKeyOfASuspendedTenantIsNotFound() throws Throwable {
        String tenant = "suspended-" + UUID.randomUUID().toString().substring(0, 8);
        writeTenant(tenant, io.socaas.tenants.tenant.domain.TenantStatus.ACTIVE);
        IssuedKey issued = issueKey(tenant, "edr");
        assertThat(directory().resolveIngestKey(request(issued.ingestKey())).getTenantId())
                .isEqualTo(tenant);

        writeTenant(tenant, io.socaas.tenants.tenant.domain.TenantStatus.SUSPENDED);

        StatusRuntimeException failure = catchThrowableOfType(
                StatusRuntimeException.class, () -> directory().resolveIngestKey(request(issued.ingestKey())));
        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(failure.getStatus().getDescription()).isEqualTo("ingest key not recognised");
    }

    @Test
    void onlyAPlatformServiceWithTheRightRoleMayResolveKeysOrReadTenants() {
        IssuedKey issued = issueKey("acme", "directory-roles");
        var resolve = request(issued.ingestKey());
        var read = io.socaas.proto.tenant.v1.GetTenantRequest.newBuilder()
                .setTenantId("acme")
                .build();

        assertThat(directory().resolveIngestKey(resolve).getTenantId()).isEqualTo("acme");
        assertThat(directory().getTenant(read).getTenantId()).isEqualTo("acme");
        assertThat(code(() -> anonymousDirectory.resolveIngestKey(resolve)))
                .as("no token")
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(code(() -> anonymousDirectory.getTenant(read))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(code(() -> as(KeycloakTokens.adminCliOfRealm("ops", "ops-dev-password"))
                        .resolveIngestKey(resolve)))
                .as("a token of a client the service does not accept")
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(code(() -> as(KeycloakTokens.ops()).resolveIngestKey(resolve)))
                .as("even an MSSP admin does not resolve keys: only ingestion does")
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(as(KeycloakTokens.ops()).getTenant(read).getTenantId()).isEqualTo("acme");
        assertThat(code(() -> as(KeycloakTokens.alice()).getTenant(read)))
                .as("a customer does not read the directory")
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> as(KeycloakTokens.crm()).resolveIngestKey(resolve)))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    private TenantDirectoryBlockingStub as(String token) {
        return anonymousDirectory.withInterceptors(UserToken.bearer(token));
    }

    private static Status.Code code(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(StatusRuntimeException.class, call)
                .getStatus()
                .getCode();
    }

    @Test
    void anEmptyKeyIsAnInvalidArgument() {
        StatusRuntimeException failure = catchThrowableOfType(
                StatusRuntimeException.class, () -> directory().resolveIngestKey(request("")));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void aCustomerAdminMayNotIssueKeys() {
        given().auth()
                .oauth2(KeycloakTokens.alice())
                .contentType(ContentType.JSON)
                .body("{\"source_name\":\"firewall-hq\"}")
                .when()
                .post("/api/v1/tenants/acme/ingest-keys")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://socaas.io/problems/forbidden"))
                .body("status", equalTo(403));
    }

    @Test
    void issuingWithoutATokenIsUnauthenticated() {
        given().contentType(ContentType.JSON)
                .body("{\"source_name\":\"firewall-hq\"}")
                .when()
                .post("/api/v1/tenants/acme/ingest-keys")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://socaas.io/problems/unauthenticated"))
                .body("instance", equalTo("/api/v1/tenants/acme/ingest-keys"));
    }

    @Test
    void aGarbageTokenIsUnauthenticated() {
        given().auth()
                .oauth2("not-a-jwt")
                .when()
                .get("/api/v1/tenants")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void issuingForAnUnknownTenantIsNotFound() {
        String tenant = "no-such-tenant-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .contentType(ContentType.JSON)
                .body("{\"source_name\":\"firewall-hq\"}")
                .when()
                .post("/api/v1/tenants/" + tenant + "/ingest-keys")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://socaas.io/problems/tenant-not-found"))
                .body("title", equalTo("Tenant not found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("tenant '" + tenant + "' does not exist"))
                .body("instance", equalTo("/api/v1/tenants/" + tenant + "/ingest-keys"))
                .body("tenant_id", equalTo(tenant))
                .body("$", not(hasKey("extensions")));
    }

    @Test
    void jsonOfTheWrongShapeIsAMalformedRequestProblem() {
        String ops = KeycloakTokens.ops();
        for (String body :
                List.of("42", "\"x\"", "[1,2]", "{\"source_name\":[\"a\"]}", "{\"source_name\":{}}", "{\"source_")) {
            given().auth()
                    .oauth2(ops)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/v1/tenants/acme/ingest-keys")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("https://socaas.io/problems/malformed-request"));
        }
    }

    @Test
    void aMissingOrTooLongSourceNameIsABadRequest() {
        String ops = KeycloakTokens.ops();
        for (String body : List.of("{}", "{\"source_name\":\"\"}", "{\"source_name\":\"" + "x".repeat(65) + "\"}")) {
            given().auth()
                    .oauth2(ops)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/v1/tenants/acme/ingest-keys")
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("https://socaas.io/problems/invalid-request"))
                    .body("violations.field", hasItems("source_name"));
        }
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .contentType(ContentType.JSON)
                .body("{\"source_name\":")
                .when()
                .post("/api/v1/tenants/acme/ingest-keys")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void revokingAnotherTenantsKeyIsNotFound() {
        IssuedKey acmeKey = issueKey("acme", "cross-tenant");

        given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .delete("/api/v1/tenants/globex/ingest-keys/" + acmeKey.keyId())
                .then()
                .statusCode(404)
                .body("type", equalTo("https://socaas.io/problems/ingest-key-not-found"));
        assertThat(directory().resolveIngestKey(request(acmeKey.ingestKey())).getTenantId())
                .isEqualTo("acme");
    }

    @Test
    void demoTenantsArePresentAfterStartupSync() {
        given().auth()
                .oauth2(KeycloakTokens.ana())
                .when()
                .get("/api/v1/tenants")
                .then()
                .statusCode(200)
                .body("tenant_id", hasItems("acme", "globex"))
                .body("find { it.tenant_id == 'acme' }.source", equalTo("file"));

        given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .get("/api/v1/tenants/globex")
                .then()
                .statusCode(200)
                .body("display_name", equalTo("Globex Logistics Ltd"))
                .body("plan", equalTo("essentials"))
                .body("time_zone", equalTo("Europe/London"))
                .body("status", equalTo("active"));

        var acme = directory()
                .getTenant(GetTenantRequest.newBuilder().setTenantId("acme").build());
        assertThat(acme.getPlan()).isEqualTo("standard");
        assertThat(acme.getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(acme.getStatus()).isEqualTo(TenantStatus.TENANT_STATUS_ACTIVE);
        assertThat(acme.getRulePacksList()).contains("windows-core");
    }

    @Test
    void anUnknownTenantIsNotFoundOverGrpc() {
        StatusRuntimeException failure = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> directory()
                        .getTenant(GetTenantRequest.newBuilder()
                                .setTenantId("initech")
                                .build()));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void aCustomerCannotListTenants() {
        given().auth()
                .oauth2(KeycloakTokens.alice())
                .when()
                .get("/api/v1/tenants")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void resyncingAnUnchangedFolderChangesNothing() throws Throwable {
        SyncReport again = VertxContextSupport.subscribeAndAwait(() -> sync.sync());

        assertThat(again.succeeded()).isTrue();
        assertThat(again.loaded()).contains("acme", "globex");
        assertThat(again.changed()).doesNotContain("acme", "globex");
    }

    private void writeTenant(String tenant, io.socaas.tenants.tenant.domain.TenantStatus status) throws Throwable {
        TenantSpec spec =
                new TenantSpec(TenantId.of(tenant), "Test " + tenant, "standard", ZoneId.of("UTC"), status, List.of());
        VertxContextSupport.subscribeAndAwait(() -> tenants.apply(spec));
    }

    private static IssuedKey issueKey(String tenant, String source) {
        var body = given().auth()
                .oauth2(KeycloakTokens.ops())
                .contentType(ContentType.JSON)
                .body("{\"source_name\":\"" + source + "\"}")
                .when()
                .post("/api/v1/tenants/" + tenant + "/ingest-keys")
                .then()
                .statusCode(201)
                .body("tenant_id", equalTo(tenant))
                .extract();
        return new IssuedKey(body.path("key_id"), body.path("ingest_key"));
    }

    @Test
    void aRotatedKeyWorksBesideItsReplacementUntilRevokedAndTheListShowsBothWithoutSecrets() {
        String source = "proxy-" + UUID.randomUUID().toString().substring(0, 8);
        IssuedKey old = issueKey("acme", source);
        directory().resolveIngestKey(request(old.ingestKey()));

        var rotated = given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .post("/api/v1/tenants/acme/ingest-keys/" + old.keyId() + "/rotate")
                .then()
                .statusCode(201)
                .body("old_key_id", equalTo(old.keyId()))
                .body("new_key.source_name", equalTo(source))
                .body("old_key_expires_time", matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*"))
                .extract();
        IssuedKey replacement = new IssuedKey(rotated.path("new_key.key_id"), rotated.path("new_key.ingest_key"));

        assertThat(directory()
                        .resolveIngestKey(request(replacement.ingestKey()))
                        .getKeyId())
                .isEqualTo(replacement.keyId());
        assertThat(directory().resolveIngestKey(request(old.ingestKey())).getKeyId())
                .isEqualTo(old.keyId());

        String listed = given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .get("/api/v1/tenants/acme/ingest-keys")
                .then()
                .statusCode(200)
                .body("find { it.key_id == '" + old.keyId() + "' }.state", equalTo("expiring"))
                .body("find { it.key_id == '" + old.keyId() + "' }.replaced_by", equalTo(replacement.keyId()))
                .body("find { it.key_id == '" + old.keyId() + "' }.last_used_time", startsWith("20"))
                .body("find { it.key_id == '" + replacement.keyId() + "' }.state", equalTo("active"))
                .extract()
                .asString();
        assertThat(listed).doesNotContain(old.ingestKey()).doesNotContain(replacement.ingestKey());

        revokeKey("acme", old.keyId());
        StatusRuntimeException refused = catchThrowableOfType(
                StatusRuntimeException.class, () -> directory().resolveIngestKey(request(old.ingestKey())));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .post("/api/v1/tenants/acme/ingest-keys/" + old.keyId() + "/rotate")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void revokingAKeyPublishesTheTenantsNextRevisionSoIngestionDropsItsCache() {
        IssuedKey key =
                issueKey("acme", "syslog-" + UUID.randomUUID().toString().substring(0, 8));
        long before = publishedRevision("acme").orElse(0L);

        revokeKey("acme", key.keyId());

        awaitRevisionAfter("acme", before);
    }

    private static void revokeKey(String tenant, String keyId) {
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .delete("/api/v1/tenants/" + tenant + "/ingest-keys/" + keyId)
                .then()
                .statusCode(204);
    }

    /** PATCH of one of the tenant's keys by ops. */
    private static io.restassured.response.ValidatableResponse changeKey(String tenant, String keyId, String body) {
        return given().auth()
                .oauth2(KeycloakTokens.ops())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .patch("/api/v1/tenants/" + tenant + "/ingest-keys/" + keyId)
                .then();
    }

    /** The tenant's revision last published on soc.tenants.v1. */
    private static java.util.Optional<Long> publishedRevision(String tenant) {
        return TenantsTopic.latest(tenant)
                .flatMap(TenantsTopic.Published::config)
                .map(io.socaas.proto.tenant.v1.TenantConfig::getRevision);
    }

    private static void awaitRevisionAfter(String tenant, long before) {
        await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(publishedRevision(tenant))
                        .hasValueSatisfying(revision -> assertThat(revision).isGreaterThan(before)));
    }

    private static ResolveIngestKeyRequest request(String key) {
        return ResolveIngestKeyRequest.newBuilder().setIngestKey(key).build();
    }

    private record IssuedKey(String keyId, String ingestKey) {}
}

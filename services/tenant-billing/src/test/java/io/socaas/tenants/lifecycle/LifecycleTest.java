package io.socaas.tenants.lifecycle;

import static io.restassured.RestAssured.given;
import static io.socaas.tenants.onboarding.OnboardingTestData.aRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.ResolveIngestKeyRequest;
import io.socaas.proto.tenant.v1.TenantDirectoryGrpc.TenantDirectoryBlockingStub;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.serviceidentity.UserToken;
import io.socaas.tenants.onboarding.OnboardingService;
import io.socaas.tenants.onboarding.OnboardingTestData;
import io.socaas.tenants.tenant.TenantService;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.tenant.domain.TenantStatus;
import io.socaas.tenants.tenant.persistence.TenantRepository;
import io.socaas.tenants.testing.AuditLog;
import io.socaas.tenants.testing.KeycloakTokens;
import io.socaas.tenants.testing.OnboardingApi;
import io.socaas.tenants.testing.TenantFactsTopic;
import io.socaas.tenants.usage.UsageService;
import io.socaas.tenants.usage.domain.MeteredMinute;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

/**
 * Suspend, resume and offboard through the API against the real PostgreSQL, Keycloak and OpenSearch
 * (case-management's CaseService is the test application's {@link CaseServiceStandIn}).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class LifecycleTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @GrpcClient("tenant-directory")
    TenantDirectoryBlockingStub anonymousDirectory;

    /** TenantDirectory as ingestion calls it: with ingestion's own token. */
    private TenantDirectoryBlockingStub directory() {
        return anonymousDirectory.withInterceptors(UserToken.bearer(KeycloakTokens.ingestionService()));
    }

    @Inject
    ScopedTransactions scoped;

    @Inject
    Keycloak keycloak;

    @Inject
    TenantService tenants;

    @Inject
    TenantRepository tenantRows;

    @Inject
    OnboardingService onboarding;

    @Inject
    UsageService usage;

    @Test
    void aSuspendedTenantsKeysAreRefusedUntilItIsResumed() {
        Onboarded tenant = onboardAndWait();
        assertThat(resolve(tenant.ingestKey())).isEqualTo(tenant.id());

        lifecycle(KeycloakTokens.ops(), tenant.id(), "suspend").statusCode(200).body("status", equalTo("suspended"));
        assertThat(refusal(tenant.ingestKey())).isEqualTo(Status.Code.NOT_FOUND);
        // suspending again changes nothing
        lifecycle(KeycloakTokens.ops(), tenant.id(), "suspend").statusCode(200).body("status", equalTo("suspended"));

        lifecycle(KeycloakTokens.ops(), tenant.id(), "resume").statusCode(200).body("status", equalTo("active"));
        assertThat(resolve(tenant.ingestKey())).isEqualTo(tenant.id());
        // resuming an active tenant changes nothing
        lifecycle(KeycloakTokens.ops(), tenant.id(), "resume").statusCode(200).body("status", equalTo("active"));

        removeFromKeycloak(tenant.id());
    }

    @Test
    void aSuspensionThroughTheApiSurvivesTheFileSync() throws Throwable {
        // a tenant of tenant-config/, written the way the sync (at start and on demand) writes files
        String id = OnboardingTestData.newTenantId();
        applyFile(id, "File " + id);

        lifecycle(KeycloakTokens.ops(), id, "suspend").statusCode(200).body("status", equalTo("suspended"));
        applyFile(id, "Renamed " + id);

        tenant(id).body("display_name", equalTo("Renamed " + id)).body("status", equalTo("suspended"));

        // the saga's last step activates only a tenant that is still provisioning
        assertThat(VertxContextSupport.subscribeAndAwait(() -> onboarding.activate(TenantId.of(id))))
                .isEqualTo(TenantStatus.SUSPENDED);
        tenant(id).body("status", equalTo("suspended"));
        VertxContextSupport.subscribeAndAwait(
                () -> scoped.transaction(TenantScope.of(id), () -> tenantRows.deleteById(id)));
    }

    @Test
    void onlyAnMsspAdminManagesTheLifecycle() {
        String sam = KeycloakTokens.sam();
        for (String action : new String[] {"suspend", "resume", "offboard"}) {
            lifecycle(sam, "acme", action)
                    .statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("https://socaas.io/problems/forbidden"));
        }
        given().auth()
                .oauth2(sam)
                .when()
                .get("/api/v1/tenants/acme/export")
                .then()
                .statusCode(403);
        tenant("acme").body("status", equalTo("active"));
    }

    @Test
    void anUnknownTenantIsNotFound() {
        lifecycle(
                        KeycloakTokens.ops(),
                        "no-such-" + UUID.randomUUID().toString().substring(0, 8),
                        "suspend")
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://socaas.io/problems/tenant-not-found"));
    }

    @Test
    void aTenantOfTheConfigFolderIsOffboardedAndItsFileDoesNotBringItBack() throws Throwable {
        String id = OnboardingTestData.newTenantId();
        applyFile(id, "File " + id);

        lifecycle(KeycloakTokens.ops(), id, "offboard").statusCode(200).body("status", equalTo("purged"));
        tenant(id).body("status", equalTo("offboarded")).body("source", equalTo("file"));

        // the next sync finds its file still there: the tenant stays offboarded and unpublished
        applyFile(id, "Renamed " + id);
        tenant(id).body("status", equalTo("offboarded")).body("display_name", equalTo("File " + id));
        assertThat(TenantFactsTopic.lastRecordOf(id).orElseThrow().value()).isNull();
        // and offboarding it again is a conflict, not a second export
        lifecycle(KeycloakTokens.ops(), id, "offboard")
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://socaas.io/problems/lifecycle-conflict"));
    }

    @Test
    void offboardingExportsTheTenantThenPurgesEverythingItHad() throws Throwable {
        Onboarded tenant = onboardAndWait();
        // 2.5 GB metered this minute: the export's usage and the last invoice show it
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        VertxContextSupport.subscribeAndAwait(() -> usage.record(new MeteredMinute(
                "lifecycle-test:" + tenant.id(),
                TenantId.of(tenant.id()),
                "lifecycle-test",
                minute,
                1000,
                2_500_000_000L,
                0)));

        lifecycle(KeycloakTokens.ops(), tenant.id(), "offboard")
                .statusCode(200)
                .body("tenant_id", equalTo(tenant.id()))
                .body("status", equalTo("purged"))
                .body("export", equalTo("/api/v1/tenants/" + tenant.id() + "/export"))
                .body("purged", contains("opensearch", "keycloak", "ingest-keys", "tenant-fact", "status"));

        // the export: record, key metadata (never a secret), cases
        byte[] zip = given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .get("/api/v1/tenants/" + tenant.id() + "/export")
                .then()
                .statusCode(200)
                .contentType("application/zip")
                .extract()
                .asByteArray();
        String month = YearMonth.now(ZoneId.of("Europe/Berlin")).toString();
        Map<String, JsonNode> entries = unzip(zip);
        assertThat(entries)
                .containsOnlyKeys(
                        "tenant.json",
                        "ingest-keys.json",
                        "cases.json",
                        "usage.json",
                        "invoices.json",
                        "invoices/" + month + ".csv");
        assertThat(entries.get("invoices/" + month + ".csv").asText()).contains(month);
        assertThat(entries.get("tenant.json").path("tenant_id").asText()).isEqualTo(tenant.id());
        assertThat(entries.get("tenant.json").path("status").asText()).isEqualTo("offboarding");
        assertThat(entries.get("ingest-keys.json").get(0).path("key_id").asText())
                .isEqualTo(tenant.keyId());
        assertThat(new String(zip, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(tenant.ingestKey());
        // read with tenant-billing's own token, whose service account may read any tenant's cases
        String authorization = CaseServiceStandIn.AUTHORIZATIONS.getLast();
        assertThat(authorization).startsWith("Bearer ");
        JsonNode claims = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.util.Base64.getUrlDecoder()
                        .decode(authorization.substring(7).split("\\.")[1]));
        assertThat(claims.path("azp").asText()).isEqualTo("socaas-tenant-billing");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"svc-case-reader\"");
        // every case, over the pages case-management answers
        assertThat(entries.get("cases.json").findValuesAsText("case_id"))
                .containsExactly("case-1-of-" + tenant.id(), "case-2-of-" + tenant.id(), "case-3-of-" + tenant.id());
        assertThat(entries.get("usage.json").get(0).path("raw_bytes").asLong()).isEqualTo(2_500_000_000L);
        // the offboarding month is invoiced at once: 2.5 GB, the fee prorated to the days active
        JsonNode last = entries.get("invoices.json").get(0);
        assertThat(last.path("period").asText()).isEqualTo(month);
        assertThat(last.path("status").asText()).isEqualTo("issued");
        assertThat(last.path("usage_gb").asText()).isEqualTo("2.5");
        assertThat(last.path("days_active").asInt()).isEqualTo(1);

        // the row stays, offboarded, with its invoices: billing records outlive the tenant
        tenant(tenant.id()).body("status", equalTo("offboarded"));
        // the audit trail keeps what offboarding changed: the active tenant before, its export and
        // what was purged after
        org.awaitility.Awaitility.await()
                .atMost(AuditLog.DEADLINE)
                .untilAsserted(() -> AuditLog.ofTenant(tenant.id())
                        .body(
                                "find { it.action.endsWith(':offboard') }.before",
                                org.hamcrest.Matchers.containsString("\"status\":\"active\""))
                        .body(
                                "find { it.action.endsWith(':offboard') }.after",
                                allOf(
                                        org.hamcrest.Matchers.containsString("\"status\":\"purged\""),
                                        org.hamcrest.Matchers.containsString("\"export_sha256\""),
                                        org.hamcrest.Matchers.containsString("\"keycloak\""))));
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .get("/api/v1/tenants/" + tenant.id() + "/invoices/" + month)
                .then()
                .statusCode(200)
                .body("status", equalTo("issued"))
                .body("total_minor", equalTo(last.path("total_minor").asInt()));
        // purged: its key, its Keycloak organization and admin, its indices and template
        assertThat(refusal(tenant.ingestKey())).isEqualTo(Status.Code.NOT_FOUND);
        var realm = keycloak.realm("socaas");
        assertThat(realm.organizations().searchByAttribute("socaas_tenant:" + tenant.id()))
                .isEmpty();
        assertThat(realm.users().searchByEmail(tenant.contactEmail(), true)).isEmpty();
        given().when()
                .get("http://127.0.0.1:9200/_alias/events-" + tenant.id())
                .then()
                .statusCode(404);
        given().when()
                .get("http://127.0.0.1:9200/_index_template/events-" + tenant.id())
                .then()
                .statusCode(404);
        given().when()
                .get("http://127.0.0.1:9200/_cat/indices/events-" + tenant.id() + "-*?format=json")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));

        // every service learns it is gone: its last fact on soc.tenants.v1 is a tombstone
        assertThat(TenantFactsTopic.lastRecordOf(tenant.id()).orElseThrow().value())
                .isNull();

        // the id stays taken (its invoices are filed under it), and nothing of it comes back
        OnboardingApi.onboard(
                        KeycloakTokens.sam(),
                        UUID.randomUUID().toString(),
                        aRequest().with("id", tenant.id()))
                .statusCode(409);
        lifecycle(KeycloakTokens.ops(), tenant.id(), "resume").statusCode(409);
    }

    @Test
    void everyLifecycleCallIsInTheAuditLog() {
        Onboarded tenant = onboardAndWait();
        String requestId = "req-" + UUID.randomUUID();
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .header("X-Request-Id", requestId)
                .urlEncodingEnabled(false)
                .when()
                .post("/api/v1/tenants/" + tenant.id() + ":suspend")
                .then()
                .statusCode(200)
                .header("X-Request-Id", requestId);
        lifecycle(KeycloakTokens.sam(), tenant.id(), "resume").statusCode(403);

        // the entries reach the trail through Kafka (soc.audit.test.v1), like every service's
        org.awaitility.Awaitility.await()
                .atMost(AuditLog.DEADLINE)
                .untilAsserted(() -> AuditLog.ofTenant(tenant.id())
                        // the one-time credentials may be picked up in one read or, when the first ingest key
                        // is stored after the admin's, in two: each pick-up is audited
                        .body(
                                "findAll { it.action.startsWith('GET ') }.action",
                                everyItem(startsWith("GET /api/v1/tenants/{tenantId} took the one-time credentials")))
                        .body("findAll { it.action.startsWith('GET ') }.actor", everyItem(equalTo("sam")))
                        .body("findAll { it.action.startsWith('GET ') }.size()", greaterThanOrEqualTo(1))
                        .body(
                                "findAll { !it.action.startsWith('GET ') }.action",
                                contains(
                                        "POST /api/v1/tenants",
                                        "POST /api/v1/tenants/{tenantId}:suspend",
                                        "POST /api/v1/tenants/{tenantId}:resume"))
                        .body("findAll { !it.action.startsWith('GET ') }.actor", contains("sam", "ops", "sam"))
                        .body("client_id", hasItems("socaas-portal"))
                        .body(
                                "findAll { !it.action.startsWith('GET ') }.outcome",
                                contains("succeeded", "succeeded", "refused"))
                        .body("findAll { !it.action.startsWith('GET ') }.status", contains(202, 200, 403))
                        .body("find { it.action.endsWith(':suspend') }.request_id", equalTo(requestId))
                        // what the suspension changed: the status (and the tenant's revision and time)
                        .body(
                                "find { it.action.endsWith(':suspend') }.before",
                                org.hamcrest.Matchers.containsString("\"status\":\"active\""))
                        .body(
                                "find { it.action.endsWith(':suspend') }.after",
                                org.hamcrest.Matchers.containsString("\"status\":\"suspended\""))
                        .body(
                                "find { it.action.endsWith(':suspend') }.after",
                                not(org.hamcrest.Matchers.containsString("display_name"))));

        given().auth()
                .oauth2(KeycloakTokens.sam())
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(403);
        removeFromKeycloak(tenant.id());
    }

    // ---- helpers ----

    /** Writes an active tenant of tenant-config/ the way the sync (at start and on demand) writes files. */
    private void applyFile(String id, String displayName) throws Throwable {
        TenantSpec file = new TenantSpec(
                TenantId.of(id), displayName, "standard", ZoneId.of("UTC"), TenantStatus.ACTIVE, List.of());
        VertxContextSupport.subscribeAndAwait(() -> tenants.applyAll(List.of(file)));
    }

    record Onboarded(String id, String contactEmail, String ingestKey, String keyId) {}

    private static Onboarded onboardAndWait() {
        OnboardingTestData request = aRequest();
        OnboardingApi.onboard(KeycloakTokens.sam(), UUID.randomUUID().toString(), request)
                .statusCode(202);
        Map<String, String> credentials = new HashMap<>();
        OnboardingApi.awaitProvisioning(KeycloakTokens.sam(), request.id(), "done", credentials);
        return new Onboarded(
                request.id(), request.contactEmail(), credentials.get("ingest_key"), credentials.get("ingest_key_id"));
    }

    private void removeFromKeycloak(String tenant) {
        var realm = keycloak.realm("socaas");
        for (var org : realm.organizations().searchByAttribute("socaas_tenant:" + tenant)) {
            realm.organizations()
                    .get(org.getId())
                    .members()
                    .getAll()
                    .forEach(m -> realm.users().delete(m.getId()).close());
            realm.organizations().get(org.getId()).delete().close();
        }
    }

    private static io.restassured.response.ValidatableResponse lifecycle(String token, String tenant, String action) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .urlEncodingEnabled(false) // the ':' of the operation as clients send it, not as %3A
                .when()
                .post("/api/v1/tenants/" + tenant + ":" + action)
                .then();
    }

    private static io.restassured.response.ValidatableResponse tenant(String id) {
        return given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .get("/api/v1/tenants/" + id)
                .then()
                .statusCode(200);
    }

    private String resolve(String key) {
        return directory()
                .resolveIngestKey(
                        ResolveIngestKeyRequest.newBuilder().setIngestKey(key).build())
                .getTenantId();
    }

    private Status.Code refusal(String key) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> resolve(key));
        return e.getStatus().getCode();
    }

    private static Map<String, JsonNode> unzip(byte[] zip) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                entries.put(
                        e.getName(),
                        e.getName().endsWith(".csv")
                                ? json.getNodeFactory().textNode(new String(content, StandardCharsets.UTF_8))
                                : json.readTree(content));
            }
        }
        return entries;
    }
}

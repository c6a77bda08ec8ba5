package io.socaas.tenants.syslogsource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.tenants.facts.TenantsTopic;
import io.socaas.tenants.tenant.domain.TenantSource;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.tenant.domain.TenantStatus;
import io.socaas.tenants.tenant.persistence.TenantRepository;
import io.socaas.tenants.testing.AuditLog;
import io.socaas.tenants.testing.KeycloakTokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Syslog sources of API tenants through the REST API, against the real PostgreSQL, Kafka and
 * Keycloak: validated, refused when another source holds the port or certificate, published on the
 * tenant facts topic (which ingestion reads to open the port) and audited.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class SyslogSourceApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    ScopedTransactions scoped;

    @Inject
    TenantRepository repository;

    private String tenant;
    private String other;
    private int port;

    @BeforeEach
    void twoApiTenants() throws Throwable {
        tenant = apiTenant();
        other = apiTenant();
        // unique per run: the facts topic keeps earlier runs' tenants
        port = 20_000 + ThreadLocalRandom.current().nextInt(40_000);
    }

    @Test
    void aSourceAddedThroughTheApiIsPublishedWithItsPortWithinTenSeconds() {
        String fingerprint = fingerprint();
        put(
                        KeycloakTokens.ops(),
                        tenant,
                        "hq-firewall",
                        body(port, fingerprint.toUpperCase(), "CN=fw01.example,O=Example"))
                .statusCode(201)
                .header("Location", containsString("/api/v1/tenants/" + tenant + "/syslog-sources/hq-firewall"))
                .body("name", equalTo("hq-firewall"))
                .body("port", equalTo(port))
                .body("client_certificates[0].sha256_fingerprint", equalTo(fingerprint))
                .body("managed_by", equalTo("api"));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(published(tenant).getSyslogSourcesList())
                        .singleElement()
                        .satisfies(source -> {
                            assertThat(source.getName()).isEqualTo("hq-firewall");
                            assertThat(source.getPort()).isEqualTo(port);
                            assertThat(source.getClientCertificates(0).getSha256Fingerprint())
                                    .isEqualTo(fingerprint);
                            assertThat(source.getClientCertificates(0).getSubjectDn())
                                    .isEqualTo("CN=fw01.example,O=Example");
                        }));

        // sales reads, as mssp-admin does
        given().auth()
                .oauth2(KeycloakTokens.sam())
                .when()
                .get("/api/v1/tenants/" + tenant + "/syslog-sources")
                .then()
                .statusCode(200)
                .body("name", containsInAnyOrder("hq-firewall"))
                .body("[0].port", equalTo(port));
        given().auth()
                .oauth2(KeycloakTokens.sam())
                .when()
                .get("/api/v1/tenants/" + tenant + "/syslog-sources/hq-firewall")
                .then()
                .statusCode(200)
                .body("port", equalTo(port));
    }

    @Test
    void aChangedPortIsPublishedAndARemovedSourceLeavesTheFacts() {
        put(KeycloakTokens.ops(), tenant, "edge", body(port, null, null))
                .statusCode(201)
                .body("time_zone", equalTo("UTC"));
        put(KeycloakTokens.ops(), tenant, "edge", "{\"port\":" + (port + 1) + ",\"time_zone\":\"America/Chicago\"}")
                .statusCode(200)
                .body("port", equalTo(port + 1))
                .body("time_zone", equalTo("America/Chicago"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(published(tenant).getSyslogSourcesList())
                        .singleElement()
                        .satisfies(source -> {
                            assertThat(source.getPort()).isEqualTo(port + 1);
                            // the device's clock zone, for ingestion to read its local times in
                            assertThat(source.getTimeZone()).isEqualTo("America/Chicago");
                        }));
        given().auth()
                .oauth2(KeycloakTokens.sam())
                .when()
                .get("/api/v1/tenants/" + tenant + "/syslog-sources/edge")
                .then()
                .statusCode(200)
                .body("time_zone", equalTo("America/Chicago"));

        given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .delete("/api/v1/tenants/" + tenant + "/syslog-sources/edge")
                .then()
                .statusCode(204);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(published(tenant).getSyslogSourcesList()).isEmpty());
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .delete("/api/v1/tenants/" + tenant + "/syslog-sources/edge")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://socaas.io/problems/syslog-source-not-found"));
        // the port is free again for another tenant
        put(KeycloakTokens.ops(), other, "edge", body(port + 1, null, null)).statusCode(201);
    }

    @Test
    void aPortOrCertificateAnotherTenantHoldsIsAConflictNamingTheHoldersSource() {
        String fingerprint = fingerprint();
        put(KeycloakTokens.ops(), tenant, "hq-firewall", body(port, fingerprint, null))
                .statusCode(201);

        put(KeycloakTokens.ops(), other, "mine", body(port, null, null))
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://socaas.io/problems/syslog-source-claimed"))
                .body("claims[0].claim", equalTo("port " + port))
                .body("claims[0].holder", equalTo("/api/v1/tenants/" + tenant + "/syslog-sources/hq-firewall"));
        put(KeycloakTokens.ops(), other, "mine", body(null, fingerprint, null))
                .statusCode(409)
                .body("claims[0].claim", equalTo("certificate fingerprint " + fingerprint));
        // two sources of one tenant on one port would leave ingestion to pick one
        put(KeycloakTokens.ops(), tenant, "second", body(port, null, null))
                .statusCode(409)
                .body("claims[0].holder", equalTo("/api/v1/tenants/" + tenant + "/syslog-sources/hq-firewall"));

        given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .get("/api/v1/tenants/" + other + "/syslog-sources")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void badMembersAreNamed() {
        put(
                        KeycloakTokens.ops(),
                        tenant,
                        "bad",
                        "{\"port\":80,\"time_zone\":\"Mars/Olympus_Mons\",\"client_certificates\":["
                                + "{\"sha256_fingerprint\":\"3A:7F\"},{\"subject_dn\":\"not a dn\"},{}]}")
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body(
                        "violations.field",
                        containsInAnyOrder(
                                "port",
                                "time_zone",
                                "client_certificates[0].sha256_fingerprint",
                                "client_certificates[1].subject_dn",
                                "client_certificates[2]"));
        put(KeycloakTokens.ops(), tenant, "bad", "{}")
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("port"));
        put(KeycloakTokens.ops(), tenant, "bad", "{\"port\":\"five\"}").statusCode(400);
    }

    @Test
    void thePlatformsOwnListenersAreNeverATenantsPort() {
        for (int reserved : new int[] {8081, 5140, 6514, 2514, 2515}) {
            put(KeycloakTokens.ops(), tenant, "listener", body(reserved, null, null))
                    .statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("violations[0].field", equalTo("port"))
                    .body("violations[0].message", containsString("port " + reserved + " is reserved by the platform"));
        }
    }

    @Test
    void aFileTenantsSourcesStayItsFiles() {
        // acme comes from tenant-config/tenants/acme.yaml
        put(KeycloakTokens.ops(), "acme", "hq-firewall", body(port, null, null))
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://socaas.io/problems/tenant-file-managed"))
                .body("file", equalTo("tenant-config/tenants/acme.yaml"));
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .delete("/api/v1/tenants/acme/syslog-sources/hq-firewall")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://socaas.io/problems/tenant-file-managed"));
        given().auth()
                .oauth2(KeycloakTokens.sam())
                .when()
                .get("/api/v1/tenants/acme/syslog-sources")
                .then()
                .statusCode(200)
                .body("managed_by", not(hasItem("api")));
    }

    @Test
    void onlyMsspAdminsWriteAndCustomersReadNothing() {
        put(KeycloakTokens.sam(), tenant, "fw", body(port, null, null))
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        given().auth()
                .oauth2(KeycloakTokens.sam())
                .when()
                .delete("/api/v1/tenants/" + tenant + "/syslog-sources/fw")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(KeycloakTokens.alice())
                .when()
                .get("/api/v1/tenants/acme/syslog-sources")
                .then()
                .statusCode(403);
        given().when().get("/api/v1/tenants/acme/syslog-sources").then().statusCode(401);
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .get("/api/v1/tenants/no-such-tenant/syslog-sources")
                .then()
                .statusCode(404);
    }

    @Test
    void everyChangeIsInTheAuditLog() {
        String requestId = "req-" + UUID.randomUUID();
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .header("X-Request-Id", requestId)
                .contentType(ContentType.JSON)
                .body(body(port, null, null))
                .when()
                .put("/api/v1/tenants/" + tenant + "/syslog-sources/audited")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .delete("/api/v1/tenants/" + tenant + "/syslog-sources/audited")
                .then()
                .statusCode(204);
        put(KeycloakTokens.sam(), tenant, "audited", body(port, null, null)).statusCode(403);

        AuditLog.ofTenant(tenant)
                .body(
                        "action",
                        hasItems(
                                "PUT /api/v1/tenants/{tenantId}/syslog-sources/{name}",
                                "DELETE /api/v1/tenants/{tenantId}/syslog-sources/{name}"))
                .body("find { it.request_id == '" + requestId + "' }.actor", equalTo("ops"))
                .body("find { it.request_id == '" + requestId + "' }.status", equalTo(201))
                .body("find { it.actor == 'sam' }.outcome", equalTo("refused"))
                .body("find { it.actor == 'sam' }.tenant_id", not(nullValue()));
    }

    private String apiTenant() throws Throwable {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        TenantSpec spec = new TenantSpec(
                TenantId.of(id), "Api " + id, "standard", ZoneId.of("UTC"), TenantStatus.ACTIVE, List.of());
        VertxContextSupport.subscribeAndAwait(() ->
                scoped.transaction(TenantScope.of(id), () -> repository.upsert(spec, TenantSource.API, Instant.now())));
        return id;
    }

    private static ValidatableResponse put(String token, String tenant, String name, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/v1/tenants/" + tenant + "/syslog-sources/" + name)
                .then();
    }

    private static String body(Integer port, String fingerprint, String subject) {
        StringBuilder json = new StringBuilder("{");
        if (port != null) {
            json.append("\"port\":").append(port);
        }
        if (fingerprint != null || subject != null) {
            json.append(port != null ? "," : "").append("\"client_certificates\":[{");
            if (fingerprint != null) {
                json.append("\"sha256_fingerprint\":\"").append(fingerprint).append('"');
            }
            if (subject != null) {
                json.append(fingerprint != null ? "," : "")
                        .append("\"subject_dn\":\"")
                        .append(subject)
                        .append('"');
            }
            json.append("}]");
        }
        return json.append('}').toString();
    }

    /** 64 lower-case hex digits, unique per run. */
    private static String fingerprint() {
        return (UUID.randomUUID().toString() + UUID.randomUUID())
                .replace("-", "")
                .substring(0, 64);
    }

    private static TenantConfig published(String tenant) {
        return TenantsTopic.latest(tenant)
                .flatMap(TenantsTopic.Published::config)
                .orElseThrow(() -> new AssertionError("tenant " + tenant + " not published"));
    }
}

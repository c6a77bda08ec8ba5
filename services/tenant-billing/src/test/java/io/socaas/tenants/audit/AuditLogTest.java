package io.socaas.tenants.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.tenants.testing.KeycloakTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit log against the real PostgreSQL: ingest key calls are in it, and nothing in it changes. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class AuditLogTest {

    @Test
    void issuingAndRevokingAnIngestKeyAreAudited() {
        String requestId = "req-" + UUID.randomUUID();
        String keyId = given().auth()
                .oauth2(KeycloakTokens.ops())
                .header("X-Request-Id", requestId)
                .contentType(ContentType.JSON)
                .body("{\"source_name\":\"audited\"}")
                .when()
                .post("/api/v1/tenants/globex/ingest-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key_id");
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .delete("/api/v1/tenants/globex/ingest-keys/" + keyId)
                .then()
                .statusCode(204);

        given().auth()
                .oauth2(KeycloakTokens.ops())
                .queryParam("tenant", "globex")
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("action", hasItem("POST /api/v1/tenants/{tenantId}/ingest-keys"))
                .body("action", hasItem("DELETE /api/v1/tenants/{tenantId}/ingest-keys/{keyId}"))
                .body("find { it.request_id == '" + requestId + "' }.actor", equalTo("ops"))
                .body("find { it.request_id == '" + requestId + "' }.status", equalTo(201));
    }

    @Test
    void entriesCanBeNeitherChangedNorRemoved() {
        // at least one entry (a refused call is audited too): row triggers fire only on existing rows
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .contentType(ContentType.JSON)
                .body("{\"source_name\":\"x\"}")
                .when()
                .post("/api/v1/tenants/no-such-tenant/ingest-keys")
                .then()
                .statusCode(404);

        for (String statement : new String[] {
            "update audit_log set actor = 'someone else'", "delete from audit_log", "truncate audit_log"
        }) {
            Throwable refused = catchThrowable(() ->
                    VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                            .flatMap(s -> s.createNativeQuery(statement).executeUpdate()))));
            assertThat(refused).as(statement).isNotNull();
            // the service's role may only read and append (V7); the owner is stopped by the table's triggers
            assertThat(rootMessage(refused)).as(statement).contains("permission denied for table audit_log");
        }
    }

    @Test
    void timesThatAreNotRfc3339AreNamed() {
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .queryParam("from", "yesterday")
                .queryParam("to", "2026-13-01")
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("from", "to"));
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}

package io.socaas.tenants.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;

/** The audit trail as an mssp-admin reads it through the API ({@code GET /api/v1/audit}). */
public final class AuditLog {

    /** How long an entry may take to reach the trail: it goes through Kafka, like every service's. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private AuditLog() {}

    /** The entries about one tenant, read by {@code ops} (mssp-admin): the answer to assert on. */
    public static ValidatableResponse ofTenant(String tenant) {
        return given().auth()
                .oauth2(KeycloakTokens.ops())
                .queryParam("tenant", tenant)
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(200);
    }
}

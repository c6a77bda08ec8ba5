package io.socaas.tenants.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

/** Access tokens of the demo users of realm {@code socaas} (docs/contracts.md), by password grant. */
public final class KeycloakTokens {

    private static final String TOKEN_URL = "http://127.0.0.1:8180/realms/socaas/protocol/openid-connect/token";

    private KeycloakTokens() {}

    /** mssp-admin, soc-manager. */
    public static String ops() {
        return accessToken("ops", "ops-dev-password");
    }

    /** analyst, analyst-l1. */
    public static String ana() {
        return accessToken("ana", "ana-dev-password");
    }

    /** customer-admin of acme. */
    public static String alice() {
        return accessToken("alice@acme.example", "alice-dev-password");
    }

    /** sales. */
    public static String sam() {
        return accessToken("sam", "sam-dev-password");
    }

    /** The CRM's service account (role sales), by client credentials. */
    public static String crm() {
        return clientToken("crm", "crm-dev-secret");
    }

    /** ingestion's own token (svc-ingest-keys, svc-tenant-reader), by client credentials. */
    public static String ingestionService() {
        return clientToken("socaas-ingestion", "socaas-ingestion-dev-secret");
    }

    public static String clientToken(String clientId, String secret) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .when()
                .post(TOKEN_URL)
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** A valid token of the realm's administrator, issued to admin-cli (a client the APIs refuse). */
    public static String adminCliOfRealm(String username, String password) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", username)
                .formParam("password", password)
                .when()
                .post(TOKEN_URL)
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    public static String accessToken(String username, String password) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", "socaas-portal")
                .formParam("client_secret", "socaas-portal-dev-secret")
                .formParam("username", username)
                .formParam("password", password)
                .formParam("scope", "openid")
                .when()
                .post(TOKEN_URL)
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}

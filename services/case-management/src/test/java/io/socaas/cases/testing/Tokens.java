package io.socaas.cases.testing;

import static io.restassured.RestAssured.given;

/** Access tokens of the local realm's demo users, from the real Keycloak (password grant). */
public final class Tokens {

    public static final String TOKEN_URL = "http://127.0.0.1:8180/realms/socaas/protocol/openid-connect/token";

    private Tokens() {}

    /** A token of {@code username}, whose password is {@code <username>-dev-password}. */
    public static String of(String username) {
        String user = username.contains("@") ? username.substring(0, username.indexOf('@')) : username;
        return of(username, user + "-dev-password");
    }

    /** A client-credentials token of a confidential client of the realm (a platform service). */
    public static String ofClient(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(TOKEN_URL)
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** tenant-billing's own token: its service account reads any tenant's cases (svc-case-reader). */
    public static String tenantBillingService() {
        return ofClient("socaas-tenant-billing", "socaas-tenant-billing-dev-secret");
    }

    public static String of(String username, String password) {
        return given().formParam("grant_type", "password")
                .formParam("client_id", "socaas-portal")
                .formParam("client_secret", "socaas-portal-dev-secret")
                .formParam("username", username)
                .formParam("password", password)
                .formParam("scope", "openid")
                .post(TOKEN_URL)
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}

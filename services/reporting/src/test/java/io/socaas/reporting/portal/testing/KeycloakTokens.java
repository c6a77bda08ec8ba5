package io.socaas.reporting.portal.testing;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens from the real Keycloak (realm socaas) through the password grant. */
public final class KeycloakTokens {

    public static final String TOKEN_URL = "http://127.0.0.1:8180/realms/socaas/protocol/openid-connect/token";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private KeycloakTokens() {}

    public static String alice() {
        return token("alice@acme.example", "alice-dev-password");
    }

    public static String bob() {
        return token("bob@globex.example", "bob-dev-password");
    }

    public static String ana() {
        return token("ana", "ana-dev-password");
    }

    /** An analyst (analyst-l2) whom the case service stand-in entitles to acme only. */
    public static String lee() {
        return token("lee", "lee-dev-password");
    }

    /** alice's token issued to another client of the realm (Keycloak's own admin-cli). */
    public static String aliceThroughAdminCli() {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "alice@acme.example")
                .formParam("password", "alice-dev-password")
                .when()
                .post(TOKEN_URL)
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    private static String token(String user, String password) {
        return TOKENS.computeIfAbsent(
                user,
                u -> given().contentType("application/x-www-form-urlencoded")
                        .formParam("grant_type", "password")
                        .formParam("client_id", "socaas-portal")
                        .formParam("client_secret", "socaas-portal-dev-secret")
                        .formParam("username", u)
                        .formParam("password", password)
                        .formParam("scope", "openid")
                        .when()
                        .post(TOKEN_URL)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("access_token"));
    }
}

package io.socaas.reporting.portal.testing;

import io.socaas.localstack.testing.RealmTokens;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of the demo users from the real Keycloak (realm socaas), kept for the test run
 * (the portal's tests take well under a token's 5 minutes).
 */
public final class KeycloakTokens {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private KeycloakTokens() {}

    public static String alice() {
        return token("alice@acme.example");
    }

    public static String bob() {
        return token("bob@globex.example");
    }

    public static String ana() {
        return token("ana");
    }

    /** An analyst (analyst-l2) whom the case service stand-in entitles to acme only. */
    public static String lee() {
        return token("lee");
    }

    /** alice's token issued to another client of the realm (Keycloak's own admin-cli). */
    public static String aliceThroughAdminCli() {
        return RealmTokens.throughAdminCli("alice@acme.example", "alice-dev-password");
    }

    private static String token(String user) {
        return TOKENS.computeIfAbsent(user, RealmTokens::user);
    }
}

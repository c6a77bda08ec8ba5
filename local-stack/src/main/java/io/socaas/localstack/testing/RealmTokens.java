package io.socaas.localstack.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.localstack.StackSettings;
import io.socaas.localstack.Totp;
import io.socaas.localstack.process.Net;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Access tokens of the local realm for tests, from the real Keycloak: a demo user's (password
 * grant of the portal's client, password {@code <user>-dev-password}) or a platform service's
 * (client credentials, secret {@code <client>-dev-secret}); demo MSSP staff also give the current
 * code of the authenticator the realm file gives them. The local realm file only: no deployment has
 * these passwords or seeds.
 */
public final class RealmTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PORTAL = "socaas-portal";

    private RealmTokens() {}

    /** A demo user's token ({@code alice@acme.example}, {@code ana}, {@code ops}...). */
    public static String user(String username) {
        String local = username.contains("@") ? username.substring(0, username.indexOf('@')) : username;
        return user(username, local + "-dev-password");
    }

    /**
     * A user's token, issued to the platform's own client {@code socaas-portal}; a demo staff user
     * also sends the current code of its authenticator ({@link Totp}), which the realm requires of
     * MSSP staff.
     */
    public static String user(String username, String password) {
        Map<String, String> form = new HashMap<>(Net.passwordGrant(PORTAL, username, password));
        form.put("client_secret", PORTAL + "-dev-secret");
        form.put("scope", "openid");
        return token(Totp.withCurrentCode(username, form));
    }

    /**
     * A valid token of the same realm and user, issued to another client ({@code admin-cli}, public):
     * the platform's services must refuse it.
     */
    public static String throughAdminCli(String username, String password) {
        return token(Totp.withCurrentCode(username, Net.passwordGrant("admin-cli", username, password)));
    }

    /** A platform service's own token ({@code socaas-ingestion}, {@code socaas-tenant-billing}...). */
    public static String client(String clientId) {
        return client(clientId, clientId + "-dev-secret");
    }

    /** A client-credentials token of a confidential client of the realm. */
    public static String client(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private static String token(Map<String, String> form) {
        String url = StackSettings.fromEnvironment().keycloakUrl() + "/realms/" + StackSettings.REALM
                + "/protocol/openid-connect/token";
        Net.Response response = Net.postForm(url, form);
        if (!response.ok()) {
            throw new IllegalStateException(
                    "no token from " + url + ": HTTP " + response.status() + " " + response.body());
        }
        try {
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

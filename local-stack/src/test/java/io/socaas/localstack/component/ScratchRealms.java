package io.socaas.localstack.component;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.localstack.LocalStack;
import io.socaas.localstack.StackSettings;
import io.socaas.localstack.process.Net;
import java.io.IOException;
import java.util.Map;

/**
 * The Keycloak of the local stack for tests that work on realms of their own: a Keycloak that
 * already runs is used as it is (its platform realm is neither synced nor touched), one that does not
 * run is started as the launcher starts it.
 */
final class ScratchRealms {

    private ScratchRealms() {}

    /** An access token of Keycloak's administrator (realm master), as the launcher logs in. */
    static String adminToken(StackSettings settings) throws IOException {
        Net.Response r = Net.postForm(
                settings.keycloakUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        Keycloak.ADMIN_USER,
                        "password",
                        Keycloak.ADMIN_PASSWORD));
        return new ObjectMapper().readTree(r.body()).path("access_token").asText();
    }

    static void ensureKeycloak(StackSettings settings) {
        if (!new Keycloak(settings, null).isHealthy()) {
            LocalStack.fromEnvironment().ensureInfrastructure();
        }
    }
}

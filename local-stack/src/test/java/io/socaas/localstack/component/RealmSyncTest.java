package io.socaas.localstack.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.localstack.StackSettings;
import io.socaas.localstack.Totp;
import io.socaas.localstack.process.Net;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Against the real Keycloak of the local stack: a realm made from an older realm file (no role
 * {@code sales}, no client {@code crm}, no user {@code sam}) gains them from the current file, the
 * CRM's service account with its role; a second run adds nothing; what existed is left alone. Each
 * test works on a realm of its own; the platform's realm is left alone.
 */
class RealmSyncTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackSettings settings = StackSettings.fromEnvironment();
    private final String realmName =
            "realm-sync-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void deleteRealm() throws Exception {
        HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(settings.keycloakUrl() + "/admin/realms/" + realmName))
                                .header("Authorization", "Bearer " + adminToken())
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void anExistingRealmGainsWhatTheFileAddedAndKeepsWhatItHad() throws IOException {
        ScratchRealms.ensureKeycloak(settings);
        JsonNode current = renamed(RealmSync.realmFile());
        ObjectNode older = current.deepCopy();
        remove(
                (ArrayNode) older.path("roles").path("realm"),
                r -> r.path("name").asText().equals("sales"));
        remove(
                (ArrayNode) older.path("clients"),
                c -> c.path("clientId").asText().equals("crm"));
        remove(
                (ArrayNode) older.path("users"),
                u -> u.path("username").asText().equals("sam")
                        || u.path("serviceAccountClientId").asText().equals("crm"));
        // the older realm was created from the older file (as --import-realm did on its first start)
        assertThat(new RealmSync(settings, realmName, older).apply()).isEqualTo(1);
        assertThat(clientToken("crm", "crm-dev-secret").status()).isEqualTo(401);

        int added = new RealmSync(settings, realmName, current).apply();

        assertThat(added)
                .as("role sales, client crm, its service account, user sam")
                .isEqualTo(4);
        Net.Response crm = clientToken("crm", "crm-dev-secret");
        assertThat(crm.status()).isEqualTo(200);
        assertThat(claims(crm).path("realm_access").path("roles").toString()).contains("\"sales\"");
        assertThat(new RealmSync(settings, realmName, current).apply()).isZero();
        assertThat(passwordToken("ops", "ops-dev-password").status()).isEqualTo(200);
        assertThat(passwordToken("sam", "sam-dev-password").status()).isEqualTo(200);
    }

    @Test
    void anExistingServiceAccountGainsTheRolesTheFileGaveIt() throws IOException {
        ScratchRealms.ensureKeycloak(settings);
        JsonNode current = renamed(RealmSync.realmFile());
        ObjectNode older = current.deepCopy();
        for (JsonNode user : older.path("users")) {
            if (user.path("username").asText().equals("service-account-socaas-tenant-billing")) {
                remove((ArrayNode) user.path("realmRoles"), r -> r.asText().equals("svc-case-reader"));
            }
        }
        new RealmSync(settings, realmName, older).apply();
        assertThat(roles(clientToken("socaas-tenant-billing", "socaas-tenant-billing-dev-secret")))
                .doesNotContain("svc-case-reader");

        int added = new RealmSync(settings, realmName, current).apply();

        assertThat(added).as("the one role mapping the file added").isEqualTo(1);
        assertThat(roles(clientToken("socaas-tenant-billing", "socaas-tenant-billing-dev-secret")))
                .contains("svc-case-reader");
        assertThat(roles(clientToken("socaas-ingestion", "socaas-ingestion-dev-secret")))
                .contains("svc-ingest-keys", "svc-tenant-reader")
                .doesNotContain("svc-case-reader");
        assertThat(new RealmSync(settings, realmName, current).apply()).isZero();
    }

    private static java.util.List<String> roles(Net.Response token) throws IOException {
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        java.util.List<String> roles = new java.util.ArrayList<>();
        claims(token).path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    @Test
    void anExistingRealmTakesTheFilesSecuritySettings() throws IOException {
        ScratchRealms.ensureKeycloak(settings);
        JsonNode current = renamed(RealmSync.realmFile());
        ObjectNode older = current.deepCopy();
        older.put("sslRequired", "none");
        older.put("accessTokenLifespan", 3600);
        older.remove("passwordPolicy");
        older.put("bruteForceProtected", false);
        new RealmSync(settings, realmName, older).apply();

        new RealmSync(settings, realmName, current).apply();

        JsonNode realm =
                JSON.readTree(Net.getWithBearer(settings.keycloakUrl() + "/admin/realms/" + realmName, adminToken())
                        .body());
        assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
        assertThat(realm.path("accessTokenLifespan").asInt()).isEqualTo(300);
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("passwordPolicy").asText())
                .contains("length(12)", "notUsername", "passwordHistory(5)", "passwordBlacklist(");
    }

    @Test
    void thePasswordPolicyRefusesShortCommonAndUserNamePasswords() throws IOException {
        ScratchRealms.ensureKeycloak(settings);
        new RealmSync(settings, realmName, renamed(RealmSync.realmFile())).apply();
        String userUrl = userUrl("sam");

        assertThat(resetPassword(userUrl, "Sh0rt!pass").status())
                .as("11 characters")
                .isEqualTo(400);
        assertThat(resetPassword(userUrl, "Password1234").status())
                .as("on the deny list")
                .isEqualTo(400);
        assertThat(resetPassword(userUrl, "Qwertyuiop123").status())
                .as("on the deny list")
                .isEqualTo(400);
        assertThat(resetPassword(userUrl, "sam@mssp.example").status())
                .as("the user's e-mail")
                .isEqualTo(400);
        assertThat(resetPassword(userUrl("alice@acme.example"), "alice@acme.example")
                        .status())
                .as("the user name")
                .isEqualTo(400);
        String strong = "river-" + UUID.randomUUID();
        assertThat(resetPassword(userUrl, strong).status()).isEqualTo(204);
        assertThat(resetPassword(userUrl, strong).status()).as("recently used").isEqualTo(400);
        assertThat(passwordToken("sam", strong).status()).isEqualTo(200);
    }

    @Test
    void repeatedFailedLoginsLockTheAccountForAWhile() throws IOException {
        ScratchRealms.ensureKeycloak(settings);
        new RealmSync(settings, realmName, renamed(RealmSync.realmFile())).apply();
        // five failures lock the account; failures in quick succession (under a second apart) lock
        // it at once
        for (int i = 0; i < 5; i++) {
            assertThat(passwordToken("mia", "wrong-password-" + i).status()).isIn(400, 401);
        }

        assertThat(passwordToken("mia", "mia-dev-password").status())
                .as("the right password while locked")
                .isNotEqualTo(200);
        String userId = JSON.readTree(userRepresentation("mia")).path("id").asText();
        JsonNode status = JSON.readTree(Net.getWithBearer(
                        settings.keycloakUrl() + "/admin/realms/" + realmName + "/attack-detection/brute-force/users/"
                                + userId,
                        adminToken())
                .body());
        assertThat(status.path("disabled").asBoolean()).isTrue();
        assertThat(status.path("numFailures").asInt()).isPositive();
        // a user that was not attacked is unaffected
        assertThat(passwordToken("ops", "ops-dev-password").status()).isEqualTo(200);
    }

    private String userRepresentation(String username) throws IOException {
        String body = Net.getWithBearer(
                        settings.keycloakUrl() + "/admin/realms/" + realmName + "/users?exact=true&username="
                                + username,
                        adminToken())
                .body();
        return JSON.readTree(body).get(0).toString();
    }

    private String userUrl(String username) throws IOException {
        return settings.keycloakUrl() + "/admin/realms/" + realmName + "/users/"
                + JSON.readTree(userRepresentation(username)).path("id").asText();
    }

    private Net.Response resetPassword(String userUrl, String password) throws IOException {
        ObjectNode credential = JSON.createObjectNode();
        credential.put("type", "password");
        credential.put("value", password);
        credential.put("temporary", false);
        return Net.putJson(userUrl + "/reset-password", adminToken(), credential.toString());
    }

    private ObjectNode renamed(JsonNode realm) {
        ObjectNode copy = realm.deepCopy();
        copy.put("realm", realmName);
        return copy;
    }

    private static void remove(ArrayNode array, Predicate<JsonNode> which) {
        for (int i = array.size() - 1; i >= 0; i--) {
            if (which.test(array.get(i))) {
                array.remove(i);
            }
        }
    }

    private String tokenUrl() {
        return settings.keycloakUrl() + "/realms/" + realmName + "/protocol/openid-connect/token";
    }

    private Net.Response clientToken(String client, String secret) {
        return Net.postForm(
                tokenUrl(), Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret));
    }

    private Net.Response passwordToken(String user, String password) {
        // demo staff give the current code of their authenticator, as the realm requires
        return Net.postForm(
                tokenUrl(),
                Totp.withCurrentCode(
                        user,
                        Map.of(
                                "grant_type", "password",
                                "client_id", "socaas-portal",
                                "client_secret", "socaas-portal-dev-secret",
                                "username", user,
                                "password", password)));
    }

    private static JsonNode claims(Net.Response token) throws IOException {
        String jwt = JSON.readTree(token.body()).path("access_token").asText();
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private String adminToken() throws IOException {
        return RealmSync.adminToken(settings);
    }
}

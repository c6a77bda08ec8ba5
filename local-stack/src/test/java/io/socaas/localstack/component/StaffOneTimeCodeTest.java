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
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the real Keycloak of the local stack, on a realm of its own made from the realm file (the
 * platform's realm is left alone): MSSP staff get a token only with the current code of their
 * authenticator, customers need none, and a realm made from an older file (no flows, no OTP policy,
 * no staff role, no authenticators) gets all of it from the realm sync.
 */
class StaffOneTimeCodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackSettings settings = StackSettings.fromEnvironment();
    private final String realmName =
            "socaas-otp-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void keycloak() {
        ScratchRealms.ensureKeycloak(settings);
    }

    @AfterEach
    void deleteRealm() throws IOException {
        Net.Response deleted = Net.delete(settings.keycloakUrl() + "/admin/realms/" + realmName, adminToken());
        assertThat(deleted.status()).isIn(204, 404);
    }

    @Test
    void staffGetATokenOnlyWithTheCurrentCodeOfTheirAuthenticatorAndCustomersNeedNone() throws IOException {
        new RealmSync(settings, realmName, renamed(RealmSync.realmFile())).apply();

        Net.Response noCode = passwordToken("lee", "lee-dev-password", null);
        assertThat(noCode.status()).as(noCode.body()).isIn(400, 401);
        assertThat(noCode.body()).doesNotContain("access_token");
        Net.Response wrongCode = passwordToken("mia", "mia-dev-password", otherThan(code("mia")));
        assertThat(wrongCode.status()).as(wrongCode.body()).isIn(400, 401);
        assertThat(wrongCode.body()).doesNotContain("access_token");

        Net.Response withCode = passwordToken("ana", "ana-dev-password", code("ana"));
        assertThat(withCode.status()).as(withCode.body()).isEqualTo(200);
        assertThat(roles(withCode)).contains("analyst", "mssp-staff");
        assertThat(passwordToken("ops", "ops-dev-password", code("ops")).status())
                .as("mssp-admin with its code")
                .isEqualTo(200);

        Net.Response customer = passwordToken("alice@acme.example", "alice-dev-password", null);
        assertThat(customer.status()).as(customer.body()).isEqualTo(200);
        assertThat(roles(customer)).contains("customer-admin").doesNotContain("mssp-staff");
        assertThat(passwordToken("sam", "sam-dev-password", null).status())
                .as("sales holds no staff role")
                .isEqualTo(200);
    }

    @Test
    void staffWithoutAnAuthenticatorGetNoTokenEvenWithTheRightPassword() throws IOException {
        new RealmSync(settings, realmName, renamed(RealmSync.realmFile())).apply();
        String userUrl = userUrl("tom");
        for (JsonNode credential : json(Net.getWithBearer(userUrl + "/credentials", adminToken()))) {
            if (credential.path("type").asText().equals("otp")) {
                Net.delete(userUrl + "/credentials/" + credential.path("id").asText(), adminToken());
            }
        }

        Net.Response refused = passwordToken("tom", "tom-dev-password", null);

        // Keycloak ends a direct grant that needs a credential the user has not set up with a 500;
        // what matters here is that no token comes out
        assertThat(refused.status()).as(refused.body()).isNotEqualTo(200);
        assertThat(refused.body()).doesNotContain("access_token");
        // a customer without an authenticator is let in
        assertThat(passwordToken("bob@globex.example", "bob-dev-password", null).status())
                .isEqualTo(200);
    }

    @Test
    void aRealmFromAnOlderFileGetsTheStaffOneTimeCodeFromTheSync() throws IOException {
        ObjectNode current = renamed(RealmSync.realmFile());
        new RealmSync(settings, realmName, olderFile(current)).apply();
        assertThat(passwordToken("ana", "ana-dev-password", null).status())
                .as("before: staff sign in with their password alone")
                .isEqualTo(200);

        int added = new RealmSync(settings, realmName, current).apply();

        assertThat(added)
                .as("2 top-level login flows, role mssp-staff, 6 composites, 5 authenticators")
                .isEqualTo(14);
        JsonNode realm = json(Net.getWithBearer(settings.keycloakUrl() + "/admin/realms/" + realmName, adminToken()));
        assertThat(realm.path("browserFlow").asText()).isEqualTo("socaas browser");
        assertThat(realm.path("directGrantFlow").asText()).isEqualTo("socaas direct grant");
        assertThat(realm.path("otpPolicyDigits").asInt()).isEqualTo(6);
        assertThat(realm.path("otpPolicyPeriod").asInt()).isEqualTo(30);
        assertThat(passwordToken("lee", "lee-dev-password", null).status())
                .as("after: staff without a code")
                .isIn(400, 401);
        assertThat(passwordToken("ana", "ana-dev-password", code("ana")).status())
                .as("after: staff with the code of the authenticator the sync gave them")
                .isEqualTo(200);
        assertThat(passwordToken("alice@acme.example", "alice-dev-password", null)
                        .status())
                .as("after: customers as before")
                .isEqualTo(200);
        assertThat(new RealmSync(settings, realmName, current).apply()).isZero();
    }

    /** The realm file as it was before staff had to give a one-time code. */
    private static ObjectNode olderFile(ObjectNode current) {
        ObjectNode older = current.deepCopy();
        older.remove(java.util.List.of("authenticationFlows", "authenticatorConfig", "browserFlow", "directGrantFlow"));
        java.util.List<String> otpPolicy = new java.util.ArrayList<>();
        older.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("otpPolicy")) {
                otpPolicy.add(name);
            }
        });
        older.remove(otpPolicy);
        ArrayNode roles = (ArrayNode) older.path("roles").path("realm");
        for (int i = roles.size() - 1; i >= 0; i--) {
            ObjectNode role = (ObjectNode) roles.get(i);
            if (role.path("name").asText().equals("mssp-staff")) {
                roles.remove(i);
            }
            role.remove(java.util.List.of("composite", "composites"));
        }
        for (JsonNode user : older.path("users")) {
            if (!user.path("credentials").isArray()) {
                continue;
            }
            ArrayNode credentials = (ArrayNode) user.path("credentials");
            for (int i = credentials.size() - 1; i >= 0; i--) {
                if (credentials.get(i).path("type").asText().equals("otp")) {
                    credentials.remove(i);
                }
            }
        }
        return older;
    }

    private static String code(String username) {
        return Totp.ofDemoUser(username).orElseThrow().codeAt(Instant.now());
    }

    private static String otherThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 500_000) % 1_000_000);
    }

    private ObjectNode renamed(JsonNode realm) {
        ObjectNode copy = realm.deepCopy();
        copy.put("realm", realmName);
        return copy;
    }

    private Net.Response passwordToken(String user, String password, String code) {
        Map<String, String> form = new HashMap<>(Map.of(
                "grant_type", "password",
                "client_id", "socaas-portal",
                "client_secret", "socaas-portal-dev-secret",
                "username", user,
                "password", password));
        if (code != null) {
            form.put("totp", code);
        }
        return Net.postForm(settings.keycloakUrl() + "/realms/" + realmName + "/protocol/openid-connect/token", form);
    }

    private static java.util.List<String> roles(Net.Response token) throws IOException {
        String jwt = JSON.readTree(token.body()).path("access_token").asText();
        JsonNode claims = JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        java.util.List<String> roles = new java.util.ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private String userUrl(String username) throws IOException {
        JsonNode found = json(Net.getWithBearer(
                settings.keycloakUrl() + "/admin/realms/" + realmName + "/users?exact=true&username=" + username,
                adminToken()));
        return settings.keycloakUrl() + "/admin/realms/" + realmName + "/users/"
                + found.get(0).path("id").asText();
    }

    private static JsonNode json(Net.Response response) throws IOException {
        assertThat(response.ok()).as(response.body()).isTrue();
        return JSON.readTree(response.body());
    }

    private String adminToken() throws IOException {
        return RealmSync.adminToken(settings);
    }
}

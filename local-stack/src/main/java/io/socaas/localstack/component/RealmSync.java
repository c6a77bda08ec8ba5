package io.socaas.localstack.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.localstack.StackException;
import io.socaas.localstack.StackSettings;
import io.socaas.localstack.process.Net;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Brings a running Keycloak's {@code socaas} realm up to the realm file of this checkout.
 *
 * <p>Keycloak imports a realm file only when the realm does not exist yet ({@code --import-realm}
 * skips existing realms), so a data folder made by an older checkout, or a Keycloak that was already
 * running, would never see roles, clients and users added to the file later. After every start or
 * reuse the launcher therefore sends the file's roles, clients and users to the admin API's partial
 * import with {@code ifResourceExists=SKIP}: what is missing is created (service accounts with their
 * role mappings included), what exists is left exactly as it is. The realm's own settings (password
 * policy, brute-force detection, token lifetimes, SSL requirement) are set to the file's. Running it
 * again changes nothing.
 */
final class RealmSync {

    static final String REALM_RESOURCE = "/keycloak/socaas-realm.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 3;

    private final StackSettings settings;
    private final String realmName;
    private final JsonNode realm;

    RealmSync(StackSettings settings, String realmName, JsonNode realm) {
        this.settings = settings;
        this.realmName = realmName;
        this.realm = realm;
    }

    /** The platform's realm {@code socaas} and its file on the launcher's classpath. */
    static RealmSync platform(StackSettings settings) {
        return new RealmSync(settings, StackSettings.REALM, realmFile());
    }

    /** Creates what the realm file declares and the realm lacks; returns how many resources were added. */
    int apply() {
        String token = adminToken();
        String realmUrl = settings.keycloakUrl() + "/admin/realms/" + realmName;
        if (Net.getWithBearer(realmUrl, token).status() == 404) {
            Net.Response created = Net.postJson(settings.keycloakUrl() + "/admin/realms", token, realm.toString());
            if (!created.ok()) {
                throw failure(
                        "creating realm " + realmName + " failed: HTTP " + created.status() + " " + created.body());
            }
            return 1;
        }
        Net.Response updated = Net.putJson(realmUrl, token, settingsOfFile().toString());
        if (!updated.ok()) {
            throw failure("applying the realm file's settings to realm " + realmName + " failed: HTTP "
                    + updated.status() + " " + updated.body());
        }
        ObjectNode partial = JSON.createObjectNode();
        partial.put("ifResourceExists", "SKIP");
        for (String part : new String[] {"roles", "clients", "users"}) {
            if (realm.has(part)) {
                partial.set(part, realm.get(part));
            }
        }
        Net.Response last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            // several test JVMs may reuse the same Keycloak at once: a concurrent import of the same
            // resource fails one of them with a conflict, and the next attempt finds it and skips it
            last = Net.postJson(realmUrl + "/partialImport", token, partial.toString());
            if (last.ok()) {
                return added(last.body()) + grantServiceAccountRoles(realmUrl, token);
            }
        }
        throw failure(
                "updating realm " + realmName + " from its file failed: HTTP " + last.status() + " " + last.body());
    }

    /**
     * Gives the platform's service accounts the realm roles the file lists for them and they lack:
     * the partial import skips users that exist, so a role a service gained (a new gRPC permission,
     * say) would otherwise never reach an existing realm. Roles are only added, never removed, and
     * only for service accounts: people's roles are the administrators' business.
     *
     * @return how many role mappings were added
     */
    int grantServiceAccountRoles(String realmUrl, String token) {
        int granted = 0;
        for (JsonNode user : realm.path("users")) {
            if (!user.hasNonNull("serviceAccountClientId") || !user.has("realmRoles")) {
                continue;
            }
            String username = user.path("username").asText();
            JsonNode found = json(Net.getWithBearer(
                    realmUrl + "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8),
                    token));
            if (found.size() != 1) {
                throw failure("service account " + username + " of the realm file is missing from realm " + realmName);
            }
            String id = found.get(0).path("id").asText();
            Set<String> held = new HashSet<>();
            json(Net.getWithBearer(realmUrl + "/users/" + id + "/role-mappings/realm/composite", token))
                    .forEach(role -> held.add(role.path("name").asText()));
            ArrayNode missing = JSON.createArrayNode();
            for (JsonNode role : user.path("realmRoles")) {
                if (!held.contains(role.asText())) {
                    missing.add(json(Net.getWithBearer(
                            realmUrl + "/roles/"
                                    + URLEncoder.encode(role.asText(), StandardCharsets.UTF_8)
                                            .replace("+", "%20"),
                            token)));
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            Net.Response added =
                    Net.postJson(realmUrl + "/users/" + id + "/role-mappings/realm", token, missing.toString());
            if (!added.ok()) {
                throw failure("granting service account " + username + " its roles failed: HTTP " + added.status() + " "
                        + added.body());
            }
            granted += missing.size();
        }
        return granted;
    }

    private JsonNode json(Net.Response response) {
        if (!response.ok()) {
            throw failure("Keycloak's admin API answered HTTP " + response.status() + " " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw failure("unexpected answer of Keycloak's admin API: " + response.body());
        }
    }

    /**
     * The realm's own settings in the file (every top-level value that is not a list or an object:
     * SSL requirement, password policy, brute-force detection, token and session lifetimes), which
     * the file imposes on an existing realm: security settings added to the file reach it too.
     */
    ObjectNode settingsOfFile() {
        ObjectNode settings = JSON.createObjectNode();
        realm.properties().forEach(e -> {
            if (e.getValue().isValueNode()) {
                settings.set(e.getKey(), e.getValue());
            }
        });
        return settings;
    }

    private static int added(String body) {
        try {
            return JSON.readTree(body).path("added").asInt();
        } catch (IOException e) {
            return 0;
        }
    }

    private String adminToken() {
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
        if (!r.ok()) {
            throw failure("the Keycloak administrator cannot log in: HTTP " + r.status() + " " + r.body());
        }
        try {
            return JSON.readTree(r.body()).path("access_token").asText();
        } catch (IOException e) {
            throw failure("unexpected token answer: " + r.body());
        }
    }

    static JsonNode realmFile() {
        try (InputStream in = RealmSync.class.getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(REALM_RESOURCE + " is missing from the launcher's classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + REALM_RESOURCE, e);
        }
    }

    private StackException failure(String what) {
        return new StackException(
                "keycloak",
                what,
                settings.logOf("keycloak"),
                "a Keycloak data folder from an incompatible checkout can be reset with ./soc down --purge");
    }
}

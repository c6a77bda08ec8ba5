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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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
 * policy, brute-force detection, token lifetimes, SSL requirement, OTP policy, login flows) are set to
 * the file's. The partial import knows neither authentication flows nor what an existing role or user
 * gained, so the sync also creates the file's top-level login flows the realm lacks (a flow that
 * exists is left as it is: a changed flow takes a new alias in the file), adds the composites the
 * file gives existing roles (the staff roles include {@code mssp-staff}, which makes their holders
 * give a one-time code) and gives existing demo users the authenticator the file gives them when
 * they have none. Running it again changes nothing.
 */
public final class RealmSync {

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
        // the settings name the login flows (browserFlow, directGrantFlow): they must exist first
        int flows = createMissingFlows(realmUrl, token);
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
                return flows
                        + added(last.body())
                        + grantServiceAccountRoles(realmUrl, token)
                        + addRoleComposites(realmUrl, token)
                        + addClientRedirectUris(realmUrl, token)
                        + giveDemoStaffTheirAuthenticators(realmUrl, token);
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
            JsonNode found = usersNamed(realmUrl, token, username);
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

    /**
     * Adds to each existing client the redirect URIs the file gives it and it lacks (the portal's
     * HTTPS addresses, say, for a realm made before the platform ran with TLS). URIs are only added:
     * what an administrator added stays.
     *
     * @return how many clients were changed
     */
    int addClientRedirectUris(String realmUrl, String token) {
        int changed = 0;
        for (JsonNode client : realm.path("clients")) {
            if (!client.has("redirectUris")) {
                continue;
            }
            String clientId = client.path("clientId").asText();
            JsonNode found = json(Net.getWithBearer(
                    realmUrl + "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8), token));
            if (found.size() != 1) {
                continue;
            }
            ObjectNode existing = (ObjectNode) found.get(0);
            Set<String> held = new HashSet<>();
            existing.path("redirectUris").forEach(uri -> held.add(uri.asText()));
            ArrayNode uris = existing.putArray("redirectUris");
            held.stream().sorted().forEach(uris::add);
            boolean missing = false;
            for (JsonNode uri : client.path("redirectUris")) {
                if (held.add(uri.asText())) {
                    uris.add(uri.asText());
                    missing = true;
                }
            }
            if (!missing) {
                continue;
            }
            expect(
                    Net.putJson(realmUrl + "/clients/" + existing.path("id").asText(), token, existing.toString()),
                    "adding client " + clientId + "'s redirect URIs");
            changed++;
        }
        return changed;
    }

    /**
     * Creates the file's top-level authentication flows the realm lacks, with their executions,
     * requirements, configurations and subflows, through the admin API (the partial import has no
     * flows).
     *
     * @return how many top-level flows were created
     */
    int createMissingFlows(String realmUrl, String token) {
        Set<String> existing = new HashSet<>();
        json(Net.getWithBearer(realmUrl + "/authentication/flows", token))
                .forEach(flow -> existing.add(flow.path("alias").asText()));
        int created = 0;
        for (JsonNode flow : realm.path("authenticationFlows")) {
            String alias = flow.path("alias").asText();
            if (!flow.path("topLevel").asBoolean() || existing.contains(alias)) {
                continue;
            }
            ObjectNode top = JSON.createObjectNode();
            top.put("alias", alias);
            top.put("description", flow.path("description").asText());
            top.put("providerId", flow.path("providerId").asText());
            top.put("topLevel", true);
            top.put("builtIn", false);
            Net.Response response = Net.postJson(realmUrl + "/authentication/flows", token, top.toString());
            if (response.status() == 409) {
                // a built-in flow the list leaves out (saml ecp)
                continue;
            }
            expect(response, "creating login flow " + alias);
            addExecutions(realmUrl, token, flow);
            created++;
        }
        return created;
    }

    private void addExecutions(String realmUrl, String token, JsonNode flow) {
        String executionsUrl = realmUrl + "/authentication/flows/"
                + pathSegment(flow.path("alias").asText()) + "/executions";
        List<JsonNode> executions = new ArrayList<>();
        flow.path("authenticationExecutions").forEach(executions::add);
        executions.sort(Comparator.comparingInt(e -> e.path("priority").asInt()));
        for (JsonNode execution : executions) {
            JsonNode subflow = null;
            if (execution.path("authenticatorFlow").asBoolean()) {
                subflow = flowOfFile(execution.path("flowAlias").asText());
                ObjectNode add = JSON.createObjectNode();
                add.put("alias", subflow.path("alias").asText());
                add.put("type", subflow.path("providerId").asText());
                add.put("description", subflow.path("description").asText());
                expect(
                        Net.postJson(executionsUrl + "/flow", token, add.toString()),
                        "adding subflow " + subflow.path("alias").asText());
            } else {
                ObjectNode add = JSON.createObjectNode();
                add.put("provider", execution.path("authenticator").asText());
                expect(
                        Net.postJson(executionsUrl + "/execution", token, add.toString()),
                        "adding " + execution.path("authenticator").asText() + " to "
                                + flow.path("alias").asText());
            }
            // the execution just added is the flow's last direct child
            ObjectNode added = null;
            for (JsonNode info : json(Net.getWithBearer(executionsUrl, token))) {
                if (info.path("level").asInt() == 0) {
                    added = (ObjectNode) info;
                }
            }
            if (added == null) {
                throw failure("the execution added to login flow "
                        + flow.path("alias").asText() + " is missing");
            }
            added.put("requirement", execution.path("requirement").asText());
            expect(Net.putJson(executionsUrl, token, added.toString()), "setting a requirement");
            if (execution.hasNonNull("authenticatorConfig")) {
                expect(
                        Net.postJson(
                                realmUrl + "/authentication/executions/"
                                        + added.path("id").asText() + "/config",
                                token,
                                configOfFile(execution
                                                .path("authenticatorConfig")
                                                .asText())
                                        .toString()),
                        "configuring " + execution.path("authenticator").asText());
            }
            if (subflow != null) {
                addExecutions(realmUrl, token, subflow);
            }
        }
    }

    private JsonNode flowOfFile(String alias) {
        for (JsonNode flow : realm.path("authenticationFlows")) {
            if (flow.path("alias").asText().equals(alias)) {
                return flow;
            }
        }
        throw new IllegalStateException("the realm file names login flow " + alias + " without declaring it");
    }

    private ObjectNode configOfFile(String alias) {
        for (JsonNode config : realm.path("authenticatorConfig")) {
            if (config.path("alias").asText().equals(alias)) {
                ObjectNode copy = JSON.createObjectNode();
                copy.put("alias", alias);
                copy.set("config", config.path("config"));
                return copy;
            }
        }
        throw new IllegalStateException(
                "the realm file names authenticator configuration " + alias + " without declaring it");
    }

    /**
     * Adds to existing realm roles the composites the file gives them (the partial import skips
     * roles that exist); composites are only added, never removed.
     *
     * @return how many composites were added
     */
    int addRoleComposites(String realmUrl, String token) {
        int added = 0;
        for (JsonNode role : realm.path("roles").path("realm")) {
            if (!role.path("composites").path("realm").isArray()) {
                continue;
            }
            String roleUrl =
                    realmUrl + "/roles/" + pathSegment(role.path("name").asText());
            Set<String> held = new HashSet<>();
            json(Net.getWithBearer(roleUrl + "/composites/realm", token))
                    .forEach(composite -> held.add(composite.path("name").asText()));
            ArrayNode missing = JSON.createArrayNode();
            for (JsonNode composite : role.path("composites").path("realm")) {
                if (!held.contains(composite.asText())) {
                    missing.add(json(Net.getWithBearer(realmUrl + "/roles/" + pathSegment(composite.asText()), token)));
                }
            }
            if (!missing.isEmpty()) {
                expect(
                        Net.postJson(roleUrl + "/composites", token, missing.toString()),
                        "adding composites to role " + role.path("name").asText());
                added += missing.size();
            }
        }
        return added;
    }

    /**
     * Gives each existing user of the file its one-time-code authenticator (the demo staff's, whose
     * seeds the tests and the demo use) when it has none; a user who set up an authenticator of its
     * own keeps it.
     *
     * @return how many authenticators were added
     */
    int giveDemoStaffTheirAuthenticators(String realmUrl, String token) {
        int given = 0;
        for (JsonNode user : realm.path("users")) {
            JsonNode otp = null;
            for (JsonNode credential : user.path("credentials")) {
                if (credential.path("type").asText().equals("otp")) {
                    otp = credential;
                }
            }
            if (otp == null) {
                continue;
            }
            String username = user.path("username").asText();
            JsonNode found = usersNamed(realmUrl, token, username);
            if (found.size() != 1) {
                continue;
            }
            String userUrl = realmUrl + "/users/" + found.get(0).path("id").asText();
            boolean hasOne = false;
            for (JsonNode credential : json(Net.getWithBearer(userUrl + "/credentials", token))) {
                hasOne |= credential.path("type").asText().equals("otp");
            }
            if (hasOne) {
                continue;
            }
            // an update of the whole user (as read) carrying the credential: the admin API has no
            // other way to store a credential with a known secret
            ObjectNode representation = (ObjectNode) json(Net.getWithBearer(userUrl, token));
            representation.set("credentials", JSON.createArrayNode().add(otp));
            expect(Net.putJson(userUrl, token, representation.toString()), "giving " + username + " its authenticator");
            given++;
        }
        return given;
    }

    /** The realm's users of exactly this name (none or one). */
    private JsonNode usersNamed(String realmUrl, String token, String username) {
        return json(Net.getWithBearer(
                realmUrl + "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8), token));
    }

    private static String pathSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void expect(Net.Response response, String what) {
        if (!response.ok()) {
            throw failure(
                    what + " in realm " + realmName + " failed: HTTP " + response.status() + " " + response.body());
        }
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
        return adminToken(settings);
    }

    /**
     * An access token of Keycloak's administrator (realm {@code master}, client {@code admin-cli}),
     * for the admin API of the local stack's Keycloak.
     */
    public static String adminToken(StackSettings settings) {
        Net.Response r = Net.postForm(
                settings.keycloakUrl() + "/realms/master/protocol/openid-connect/token",
                Net.passwordGrant("admin-cli", Keycloak.ADMIN_USER, Keycloak.ADMIN_PASSWORD));
        try {
            if (r.ok()) {
                return JSON.readTree(r.body()).path("access_token").asText();
            }
        } catch (IOException e) {
            // reported below
        }
        throw failure(settings, "the Keycloak administrator cannot log in: HTTP " + r.status() + " " + r.body());
    }

    /** The realm file of this checkout, as the launcher imports and syncs it. */
    public static JsonNode realmFile() {
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
        return failure(settings, what);
    }

    private static StackException failure(StackSettings settings, String what) {
        return new StackException(
                "keycloak",
                what,
                settings.logOf("keycloak"),
                "a Keycloak data folder from an incompatible checkout can be reset with ./soc down --purge");
    }
}

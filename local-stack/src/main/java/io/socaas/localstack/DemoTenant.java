package io.socaas.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.localstack.process.Net;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;

/**
 * Seeds the demo: an ingest key for the demo tenant, issued through tenant-billing's API with the
 * MSSP operator's token, kept under the stack's home and reused while it stays valid.
 */
public final class DemoTenant {

    public static final String TENANT = "acme";
    public static final String OPERATOR = "ops";
    public static final String OPERATOR_PASSWORD = "ops-dev-password";
    public static final String CLIENT = "socaas-portal";
    public static final String CLIENT_SECRET = "socaas-portal-dev-secret";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackSettings settings;

    public DemoTenant(StackSettings settings) {
        this.settings = settings;
    }

    private Path keyFile() {
        return settings.home().resolve("demo-ingest-key");
    }

    /** The demo tenant's ingest key: the saved one if ingestion still accepts it, else a new one. */
    public String ingestKey() {
        Path file = keyFile();
        try {
            if (Files.isRegularFile(file)) {
                String saved = Files.readString(file).trim();
                if (!saved.isEmpty() && stillValid(saved)) {
                    return saved;
                }
            }
            String key = issueKey();
            Files.createDirectories(file.getParent());
            Files.writeString(file, key + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return key;
        } catch (IOException e) {
            throw new StackException("demo", "cannot keep the demo key in " + file + ": " + e.getMessage(), null);
        }
    }

    /** Ingestion checks the key before the body: 400 for a malformed body means the key is valid. */
    private boolean stillValid(String key) {
        Net.Response r = Net.postJson(settings.serviceUrl(8081) + "/api/v1/events", key, "{");
        return r.status() == 400;
    }

    private String issueKey() {
        String token = accessToken(OPERATOR, OPERATOR_PASSWORD);
        Net.Response r = Net.postJson(
                settings.serviceUrl(8084) + "/api/v1/tenants/" + TENANT + "/ingest-keys",
                token,
                "{\"source_name\":\"demo\"}");
        if (r.status() != 201 && r.status() != 200) {
            throw new StackException(
                    "tenant-billing",
                    "issuing the demo ingest key failed: HTTP " + r.status() + " " + r.body(),
                    settings.logOf("tenant-billing"),
                    "check that tenant " + TENANT + " exists in tenant-config/tenants and read the log");
        }
        try {
            return JSON.readTree(r.body()).path("ingest_key").asText();
        } catch (IOException e) {
            throw new StackException("tenant-billing", "unexpected answer: " + r.body(), null);
        }
    }

    /**
     * The README's sample event (docs/samples/whoami-priv.json, a JSON array) with a host name of its
     * own, so that it opens a new case instead of joining one.
     */
    public String sampleWithFreshHost() {
        Path sample = settings.root().resolve("docs/samples/whoami-priv.json");
        try {
            ArrayNode events = (ArrayNode) JSON.readTree(Files.readString(sample));
            String host = "DEMO-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + ".acme.local";
            events.forEach(e -> ((ObjectNode) e).put("Computer", host));
            return JSON.writeValueAsString(events);
        } catch (IOException | ClassCastException e) {
            throw new StackException("demo", "cannot read " + sample + ": " + e.getMessage(), null);
        }
    }

    /**
     * An access token of a realm user (password grant of the portal client); demo MSSP staff give
     * the current code of their authenticator ({@link Totp}).
     */
    public String accessToken(String user, String password) {
        Net.Response r = Net.postForm(
                settings.issuer() + "/protocol/openid-connect/token",
                Totp.withCurrentCode(
                        user,
                        Map.of(
                                "grant_type", "password",
                                "client_id", CLIENT,
                                "client_secret", CLIENT_SECRET,
                                "username", user,
                                "password", password)));
        if (!r.ok()) {
            throw new StackException(
                    "keycloak",
                    "login of " + user + " failed: HTTP " + r.status() + " " + r.body(),
                    settings.logOf("keycloak"),
                    "the realm may be outdated: ./soc down --purge-keycloak, then ./soc up");
        }
        try {
            JsonNode node = JSON.readTree(r.body());
            return node.path("access_token").asText();
        } catch (IOException e) {
            throw new StackException("keycloak", "unexpected token answer", null);
        }
    }
}

package io.socaas.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.localstack.process.Net;
import java.io.IOException;

/**
 * {@code ./soc tenants apply}: asks tenant-billing to apply the tenant-config folder now, as the
 * platform operator, and prints what changed or, when a file is invalid, each file and reason
 * (nothing is applied then).
 */
final class TenantConfigApply {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackSettings settings;

    TenantConfigApply(StackSettings settings) {
        this.settings = settings;
    }

    int run() {
        String token = new DemoTenant(settings).accessToken(DemoTenant.OPERATOR, DemoTenant.OPERATOR_PASSWORD);
        Net.Response response = Net.postJson(settings.serviceUrl(8084) + "/api/v1/tenant-config/sync", token, "");
        JsonNode body = parse(response.body());
        if (response.status() == 200) {
            System.out.println("tenant-config applied: " + body.path("tenants").size() + " tenants");
            if (body.path("changed").isEmpty()) {
                System.out.println("  nothing changed");
            }
            body.path("changed").forEach(t -> System.out.println("  changed and published: " + t.asText()));
            return 0;
        }
        if (response.status() == 422) {
            System.out.println("tenant-config refused, nothing applied: "
                    + body.path("detail").asText());
            body.path("errors")
                    .forEach(e -> System.out.println("  " + e.path("file").asText() + ": "
                            + e.path("reason").asText()));
            return 1;
        }
        throw new StackException(
                "tenant-billing",
                "applying tenant-config answered " + response.status() + ": " + response.body(),
                "check that the platform is up (./soc status) and read ./soc logs tenant-billing");
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}

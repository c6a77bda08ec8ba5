package io.socaas.tenants.provisioning.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.socaas.events.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart grants tenant-billing exactly what its applier does in the cluster: the applier
 * runs against fabric8's mock API server (CRUD mode), every request is recorded as the RBAC
 * permission it needs (API group, resource, verb), and that set must equal the chart's rules in
 * {@code helm/socaas/files/tenant-namespace-rules.yaml}, no more and no less.
 */
class TenantNamespacesRbacTest {

    private static final Path CHART_RULES = Path.of("../../helm/socaas/files/tenant-namespace-rules.yaml");

    private KubernetesMockServer server;
    private KubernetesClient client;

    @BeforeEach
    void startApiServer() {
        server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(List.of()), false);
        server.init();
        client = server.createClient();
    }

    @AfterEach
    void stopApiServer() {
        client.close();
        server.destroy();
    }

    @Test
    void theChartGrantsExactlyThePermissionsOfOnboardingAndPurge() throws Exception {
        TenantNamespaces namespaces = new TenantNamespaces(client);
        namespaces.apply(TenantId.of("acme")); // everything new: created
        namespaces.apply(TenantId.of("acme")); // everything there: updated
        namespaces.purge(TenantId.of("acme"));

        assertThat(granted()).isEqualTo(used());
    }

    @Test
    void aPermissionOutsideTheChartIsNoticed() throws Exception {
        TenantNamespaces namespaces = new TenantNamespaces(client);
        namespaces.apply(TenantId.of("acme"));
        client.namespaces().list();

        assertThat(used()).contains("/namespaces/list");
        assertThat(granted()).doesNotContain("/namespaces/list");
    }

    /** "group/resource/verb" of every request the API server received. */
    private Set<String> used() throws InterruptedException {
        Set<String> permissions = new TreeSet<>();
        RecordedRequest request;
        while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            permissions.add(permission(request.getMethod(), request.getPath()));
        }
        return permissions;
    }

    private static Set<String> granted() throws Exception {
        PolicyRule[] rules =
                new ObjectMapper(new YAMLFactory()).readValue(Files.readString(CHART_RULES), PolicyRule[].class);
        Set<String> permissions = new TreeSet<>();
        for (PolicyRule rule : rules) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        permissions.add(group + "/" + resource + "/" + verb);
                    }
                }
            }
        }
        return permissions;
    }

    /** The RBAC permission a request needs, as the API server's authorizer sees it. */
    static String permission(String method, String pathAndQuery) {
        String path = pathAndQuery.split("\\?", 2)[0];
        String query = pathAndQuery.contains("?") ? pathAndQuery.split("\\?", 2)[1] : "";
        List<String> segments =
                new ArrayList<>(List.of(path.replaceFirst("^/", "").split("/")));
        String group;
        if (segments.getFirst().equals("api")) {
            group = "";
            segments = segments.subList(2, segments.size());
        } else if (segments.getFirst().equals("apis")) {
            group = segments.get(1);
            segments = segments.subList(3, segments.size());
        } else {
            throw new IllegalArgumentException("not a resource request: " + pathAndQuery);
        }
        // namespaces[/name] or namespaces/<ns>/<resource>[/name]
        String resource = segments.size() <= 2 ? segments.getFirst() : segments.get(2);
        boolean named = segments.size() == 2 || segments.size() == 4;
        String verb = switch (method) {
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            case "GET" -> named ? "get" : query.contains("watch=true") ? "watch" : "list";
            default -> throw new IllegalArgumentException("unexpected method " + method);
        };
        return group + "/" + resource + "/" + verb;
    }
}

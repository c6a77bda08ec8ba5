package io.socaas.tenants.provisioning.kubernetes;

import static io.restassured.RestAssured.given;
import static io.socaas.tenants.onboarding.OnboardingTestData.aRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.path.json.JsonPath;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.tenants.onboarding.OnboardingTestData;
import io.socaas.tenants.testing.KeycloakTokens;
import io.socaas.tenants.testing.OnboardingApi;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

/**
 * With a cluster configured, onboarding makes the tenant's namespace, quota, limits and default-deny
 * policy, and offboarding deletes the namespace. The Kubernetes API is fabric8's mock server in CRUD
 * mode; everything else is the real local stack.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@TestProfile(TenantNamespacesTest.WithCluster.class)
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class TenantNamespacesTest {

    /** The namespace step runs instead of being skipped. */
    public static class WithCluster implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("socaas.onboarding.kubernetes.enabled", "true");
        }
    }

    @Inject
    KubernetesClient kubernetes;

    @Inject
    Keycloak keycloak;

    @Test
    void onboardingMakesTheNamespaceAndOffboardingDeletesIt() {
        OnboardingTestData request = aRequest();
        OnboardingApi.onboard(KeycloakTokens.sam(), UUID.randomUUID().toString(), request)
                .statusCode(202);
        JsonPath done = OnboardingApi.awaitProvisioning(request.id(), "done", new HashMap<>());
        assertThat(done.getString("provisioning.steps[4].name")).isEqualTo("kubernetes-namespace");
        assertThat(done.getString("provisioning.steps[4].status")).isEqualTo("done");

        String namespace = "tenant-" + request.id();
        assertThat(kubernetes
                        .namespaces()
                        .withName(namespace)
                        .get()
                        .getMetadata()
                        .getLabels())
                .containsEntry("socaas.io/tenant", request.id());
        assertThat(kubernetes
                        .resourceQuotas()
                        .inNamespace(namespace)
                        .withName("tenant-quota")
                        .get()
                        .getSpec()
                        .getHard())
                .containsEntry("pods", new Quantity("10"));
        assertThat(kubernetes
                        .limitRanges()
                        .inNamespace(namespace)
                        .withName("tenant-limits")
                        .get())
                .isNotNull();
        assertThat(kubernetes
                        .network()
                        .networkPolicies()
                        .inNamespace(namespace)
                        .withName("default-deny")
                        .get()
                        .getSpec()
                        .getPolicyTypes())
                .containsExactlyInAnyOrder("Ingress", "Egress");

        given().auth()
                .oauth2(KeycloakTokens.ops())
                .urlEncodingEnabled(false)
                .when()
                .post("/api/v1/tenants/" + request.id() + ":offboard")
                .then()
                .statusCode(200)
                .body("purged", hasItem("kubernetes"));
        assertThat(kubernetes.namespaces().withName(namespace).get()).isNull();
        assertThat(keycloak.realm("socaas").organizations().searchByAttribute("socaas_tenant:" + request.id()))
                .isEmpty();
    }
}

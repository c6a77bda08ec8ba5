package io.socaas.tenants.lifecycle;

import static io.restassured.RestAssured.given;
import static io.socaas.tenants.onboarding.OnboardingTestData.aRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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

/** When case-management cannot be reached the export fails visibly and nothing is purged. */
@QuarkusTest
@TestProfile(OffboardingWithoutCaseManagementTest.CaseManagementDown.class)
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class OffboardingWithoutCaseManagementTest {

    /** CaseService on a port where nothing listens. */
    public static class CaseManagementDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.grpc.clients.case-service.test-port", "1");
        }
    }

    @Inject
    Keycloak keycloak;

    @Test
    void theExportFailsAndNothingIsPurged() {
        OnboardingTestData request = aRequest();
        OnboardingApi.onboard(KeycloakTokens.sam(), UUID.randomUUID().toString(), request)
                .statusCode(202);
        OnboardingApi.awaitProvisioning(request.id(), "done", new HashMap<>());

        given().auth()
                .oauth2(KeycloakTokens.ops())
                .urlEncodingEnabled(false)
                .when()
                .post("/api/v1/tenants/" + request.id() + ":offboard")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://socaas.io/problems/offboarding-incomplete"))
                .body("stage", equalTo("export"))
                .body("detail", containsString("nothing was purged"));

        // still there, offboarding, with its organization and its alias; no export to download
        OnboardingApi.tenant(KeycloakTokens.ops(), request.id()).statusCode(200).body("status", equalTo("offboarding"));
        var realm = keycloak.realm("socaas");
        var organizations = realm.organizations().searchByAttribute("socaas_tenant:" + request.id());
        assertThat(organizations).hasSize(1);
        given().when()
                .get("http://127.0.0.1:9200/_alias/events-" + request.id())
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(KeycloakTokens.ops())
                .when()
                .get("/api/v1/tenants/" + request.id() + "/export")
                .then()
                .statusCode(404)
                .body("type", equalTo("https://socaas.io/problems/export-not-found"));

        var org = realm.organizations().get(organizations.getFirst().getId());
        org.members().getAll().forEach(m -> realm.users().delete(m.getId()).close());
        org.delete().close();
    }
}

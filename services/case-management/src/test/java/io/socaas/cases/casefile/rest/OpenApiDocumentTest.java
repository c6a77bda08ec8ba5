package io.socaas.cases.casefile.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.cases.testing.DemoTenantFacts;
import io.socaas.localstack.testing.LocalStackResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document: every REST operation says how it fails (401, 403, 429 of the rate limits), as
 * problem+json; the console is no API.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoTenantFacts.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {

    @Test
    void everyOperationDocumentsItsAuthenticationAndAccessProblems() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");

        assertThat(paths).containsKeys("/api/v1/analysts", "/api/v1/notifications", "/api/v1/queue");
        assertThat(paths.keySet()).noneMatch(p -> p.startsWith("/console"));
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            for (String status : new String[] {"401", "403", "429"}) {
                assertThat(responses).as("%s %s", method, path).containsKey(status);
                Object content = responses.get(status).get("content");
                assertThat(content).as("%s %s %s", method, path, status).isInstanceOf(Map.class);
                assertThat(((Map<?, ?>) content).keySet())
                        .as("%s %s %s", method, path, status)
                        .map(String::valueOf)
                        .contains("application/problem+json");
            }
        }));
    }
}

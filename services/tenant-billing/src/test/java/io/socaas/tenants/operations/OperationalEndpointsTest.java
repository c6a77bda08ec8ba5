package io.socaas.tenants.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.ResolveIngestKeyRequest;
import io.socaas.proto.tenant.v1.TenantDirectoryGrpc.TenantDirectoryBlockingStub;
import io.socaas.serviceidentity.UserToken;
import io.socaas.tenants.testing.KeycloakTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health, metrics and OpenAPI as operators and API clients see them. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class OperationalEndpointsTest {

    @GrpcClient("tenant-directory")
    TenantDirectoryBlockingStub anonymousDirectory;

    /** TenantDirectory as ingestion calls it: with ingestion's own token. */
    private TenantDirectoryBlockingStub directory() {
        return anonymousDirectory.withInterceptors(UserToken.bearer(KeycloakTokens.ingestionService()));
    }

    @Test
    void readinessReportsTheDatabaseAndTheTenantConfigSync() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("tenant-config"))
                .body("checks.find { it.name == 'tenant-config' }.data.skipped_files", equalTo(0))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
    }

    @Test
    void metricsCountIngestKeyResolutionsByOutcome() {
        try {
            directory()
                    .resolveIngestKey(ResolveIngestKeyRequest.newBuilder()
                            .setIngestKey("sk_unknown-for-metrics")
                            .build());
        } catch (StatusRuntimeException expected) {
            // NOT_FOUND: counted as outcome "unknown"
        }

        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("socaas_ingest_key_resolutions_total{outcome=\"unknown\""));
    }

    @Test
    void openApiDocumentsTheIngestKeyOperationsAndTheirProblems() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/tenants/{tenantId}/ingest-keys'.post.responses.'201'", notNullValue())
                .body(
                        "paths.'/api/v1/tenants/{tenantId}/ingest-keys'.post.responses.'404'.content.'application/problem+json'",
                        notNullValue())
                .body("paths.'/api/v1/tenants/{tenantId}/ingest-keys/{keyId}'.delete.responses.'204'", notNullValue())
                .body("components.schemas.IssuedIngestKey.properties.ingest_key", notNullValue());
    }

    @Test
    void everyApiOperationDocumentsItsAuthenticationAndTenantProblems() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            operations.forEach((method, operation) -> {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses =
                        (Map<String, Map<String, Object>>) operation.get("responses");
                List<String> expected =
                        path.contains("{tenantId}") ? List.of("401", "403", "404") : List.of("401", "403");
                for (String status : expected) {
                    Map<String, Object> answer = responses.get(status);
                    if (answer == null || !String.valueOf(answer.get("content")).contains("application/problem+json")) {
                        undocumented.add(method + " " + path + " " + status);
                    }
                }
            });
        });
        assertThat(paths).containsKey("/api/v1/tenants/{tenantId}/ingest-keys");
        assertThat(undocumented).isEmpty();
    }
}

package io.socaas.ingestion.intake;

import static io.restassured.RestAssured.given;
import static io.socaas.ingestion.intake.IntakeTestData.aMarker;
import static io.socaas.ingestion.intake.IntakeTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.socaas.localstack.testing.LocalStackResource;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An address that keeps sending with unknown keys spends its budget of failed calls and is then
 * refused with 429 before its key is resolved; the health endpoint stays open.
 */
@QuarkusTest
@TestProfile(FailedCallsRateLimitTest.ThreeFailures.class)
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TenantDirectoryOnTestPort.class, restrictToAnnotatedClass = false)
class FailedCallsRateLimitTest {

    /** Three failed calls per address per hour. */
    public static class ThreeFailures implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String prefix = "socaas.rate-limit.routes.events-api.per-ip-failures.";
            return Map.of(
                    prefix + "requests", "3",
                    prefix + "period", "1h",
                    "%test." + prefix + "burst", "3");
        }
    }

    @Test
    void anAddressSendingUnknownKeysIsHeldBackAfterItsBudgetOfFailures() {
        for (int i = 0; i < 3; i++) {
            post("sk_test_nobody_knows_this_" + i).then().statusCode(401);
        }

        Response refused = post("sk_test_nobody_knows_this_either");

        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://socaas.io/problems/rate-limited"))
                .body("rate_limit", equalTo("events-api"))
                .body("limit", equalTo("per-ip-failures"))
                .body("instance", equalTo("/api/v1/events"));
        // one failure is forgiven every 20 minutes
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 1200L);
        given().get("/q/health/live").then().statusCode(200);
    }

    private static Response post(String key) {
        return given().header("Authorization", "Bearer " + key)
                .contentType("application/json")
                .body(anEvent(aMarker()).json().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events");
    }
}

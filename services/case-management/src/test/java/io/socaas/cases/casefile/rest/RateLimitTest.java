package io.socaas.cases.casefile.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.socaas.cases.testing.DemoTenantFacts;
import io.socaas.cases.testing.Tokens;
import io.socaas.localstack.testing.LocalStackResource;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The rate limits of the cases API with small budgets: one caller at its limit gets 429
 * problem+json with Retry-After while another goes on. The tests run in order: the last spends the
 * address's budget of failed calls, which then holds every caller from this address.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBudgets.class)
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoTenantFacts.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest {

    /** Three requests per user and two per anonymous address per hour; five failed calls per address. */
    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>();
            put(overrides, "socaas.rate-limit.routes.cases-api.per-user.requests", "3");
            put(overrides, "socaas.rate-limit.routes.cases-api.per-user.period", "1h");
            put(overrides, "socaas.rate-limit.routes.cases-api.per-user.burst", "3");
            put(overrides, "socaas.rate-limit.routes.cases-api.per-ip.requests", "2");
            put(overrides, "socaas.rate-limit.routes.cases-api.per-ip.period", "1h");
            put(overrides, "socaas.rate-limit.routes.cases-api.per-ip.burst", "2");
            put(overrides, "socaas.rate-limit.routes.cases-api.per-ip-failures.requests", "5");
            put(overrides, "socaas.rate-limit.routes.cases-api.per-ip-failures.period", "1h");
            put(overrides, "socaas.rate-limit.routes.cases-api.per-ip-failures.burst", "5");
            return overrides;
        }

        private static void put(Map<String, String> overrides, String key, String value) {
            overrides.put(key, value);
            // the %test values of application.properties would otherwise keep their large buckets
            overrides.put("%test." + key, value);
        }
    }

    @Test
    @Order(1)
    void aUserAtItsLimitGets429WhileAnotherUserStillGetsAnswers() {
        String ana = Tokens.of("ana");
        String lee = Tokens.of("lee");

        for (int i = 0; i < 3; i++) {
            queue(ana).then().statusCode(200).header("X-RateLimit-Remaining", String.valueOf(2 - i));
            queue(lee).then().statusCode(200);
        }
        Response refused = queue(ana);
        Response other = queue(mia());

        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://socaas.io/problems/rate-limited"))
                .body("status", equalTo(429))
                .body("rate_limit", equalTo("cases-api"))
                .body("limit", equalTo("per-user"))
                .body("detail", containsString("3 requests per 1h"))
                .body("instance", equalTo("/api/v1/queue"));
        // one token comes back every 20 minutes
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 1200L);
        other.then().statusCode(200);
        // the health and metrics paths are never limited
        for (int i = 0; i < 5; i++) {
            given().get("/q/health/ready").then().statusCode(200);
        }
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("socaas_rate_limit_refused_total{limit=\"per-user\",route=\"cases-api\"}"));
    }

    @Test
    @Order(2)
    void anonymousCallersAreCountedByTheirConnectionsAddressNotByForwardedHeaders() {
        given().header("X-Forwarded-For", "198.51.100.1")
                .get("/api/v1/queue")
                .then()
                .statusCode(401);
        given().header("X-Forwarded-For", "198.51.100.2")
                .get("/api/v1/queue")
                .then()
                .statusCode(401);

        given().header("X-Forwarded-For", "198.51.100.3")
                .get("/api/v1/queue")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("limit", equalTo("per-ip"));
    }

    @Test
    @Order(3)
    void anAddressThatSpentItsFailedCallsIsRefusedBeforeItsTokenIsChecked() {
        int unauthorized = 0;
        Response answer;
        do {
            answer = given().auth().oauth2("not-a-token").get("/api/v1/queue");
            if (answer.statusCode() == 401) {
                unauthorized++;
                answer.then().contentType("application/problem+json");
            }
        } while (answer.statusCode() == 401 && unauthorized < 10);

        // five failures in all, two of them anonymous calls of the test before
        assertThat(unauthorized).isEqualTo(3);
        answer.then().statusCode(429).contentType("application/problem+json").body("limit", equalTo("per-ip-failures"));
        assertThat(answer.header("Retry-After")).isNotBlank();
        // a valid token from the same address waits too
        queue(Tokens.of("tom")).then().statusCode(429).body("limit", equalTo("per-ip-failures"));
    }

    private static String mia() {
        return Tokens.of("mia");
    }

    private static Response queue(String token) {
        return given().auth().oauth2(token).get("/api/v1/queue");
    }
}

package io.socaas.tenants.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.socaas.tenants.onboarding.OnboardingTestData;
import java.time.Duration;
import java.util.Map;

/** Calls of the onboarding API as tests make them. */
public final class OnboardingApi {

    /** Provisioning against the local stack takes a few seconds; retries back off for at most a second. */
    public static final Duration PROVISIONING_DEADLINE = Duration.ofSeconds(60);

    private OnboardingApi() {}

    public static ValidatableResponse onboard(String token, String key, OnboardingTestData request) {
        return given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(request.build())
                .when()
                .post("/api/v1/tenants")
                .then();
    }

    public static ValidatableResponse tenant(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/v1/tenants/" + id).then();
    }

    /**
     * Reads the tenant (as mssp-admin) until its provisioning reaches {@code state}, collecting the
     * one-time credentials from whichever read carried them; fails if one is shown twice.
     */
    public static JsonPath awaitProvisioning(String id, String state, Map<String, String> credentials) {
        return awaitProvisioning(KeycloakTokens.ops(), id, state, credentials);
    }

    /** {@link #awaitProvisioning(String, String, Map)} as the caller of {@code token}. */
    public static JsonPath awaitProvisioning(String token, String id, String state, Map<String, String> credentials) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(PROVISIONING_DEADLINE)
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    JsonPath body = tenant(token, id).statusCode(200).extract().jsonPath();
                    Map<String, String> taken = body.getMap("initial_credentials");
                    if (taken != null) {
                        taken.forEach((k, v) -> assertThat(credentials.put(k, v))
                                .as("credential %s shown twice", k)
                                .isNull());
                    }
                    last[0] = body;
                    assertThat(body.getString("provisioning.state")).isEqualTo(state);
                });
        return last[0];
    }
}

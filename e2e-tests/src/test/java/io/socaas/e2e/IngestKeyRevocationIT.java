package io.socaas.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A revoked ingest key stops working at ingestion within 10 s: tenant-billing publishes the tenant's
 * next revision on soc.tenants.v1 and ingestion drops its cached resolutions of the tenant's keys
 * (which it would otherwise keep for a minute).
 */
class IngestKeyRevocationIT {

    private static final Duration PROMISED = Duration.ofSeconds(10);

    @BeforeAll
    static void platform() {
        Platform.ensureRunning();
    }

    @Test
    void aRevokedKeyIsRefusedByIngestionWithinTenSeconds() {
        JsonPath issued = given().auth()
                .oauth2(Platform.ops())
                .contentType(ContentType.JSON)
                .body(Map.of("source_name", "e2e-revoked-" + System.nanoTime()))
                .post(Platform.TENANTS + "/api/v1/tenants/acme/ingest-keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String key = issued.getString("ingest_key");
        // resolved and cached by ingestion
        assertThat(send(key)).isEqualTo(202);
        assertThat(send(key)).isEqualTo(202);

        Instant revoked = Instant.now();
        given().auth()
                .oauth2(Platform.ops())
                .delete(Platform.TENANTS + "/api/v1/tenants/acme/ingest-keys/" + issued.getString("key_id"))
                .then()
                .statusCode(204);

        await().atMost(PROMISED).pollInterval(Duration.ofMillis(100)).until(() -> send(key) == 401);
        System.out.printf(
                "ingest key refused by ingestion %d ms after its revocation%n",
                Duration.between(revoked, Instant.now()).toMillis());
    }

    private static int send(String key) {
        return given().header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON)
                .body(List.of(Map.of("EventID", 4624, "Computer", "e2e-revocation.acme.local")))
                .post(Platform.INGESTION + "/api/v1/events")
                .then()
                .extract()
                .statusCode();
    }
}

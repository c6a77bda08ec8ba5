package io.socaas.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first real flow through all five services: an event sent with tenant A's ingest key becomes
 * a case of tenant A, visible to A's users (API and portal) and to analysts, never to tenant B.
 */
class IngestToCaseIT {

    private static final String WHOAMI_PRIV_RULE = "97a80ec7-0e2f-4d05-9ef4-65760e634f6b";

    private static String acmeKey;

    @BeforeAll
    static void platform() {
        Platform.ensureRunning();
        acmeKey = Platform.issueIngestKey("acme");
    }

    private static Map<String, Object> whoamiPrivEvent(String host) {
        return Map.of(
                "EventID", 1,
                "Channel", "Microsoft-Windows-Sysmon/Operational",
                "Computer", host,
                "Image", "C:\\Windows\\System32\\whoami.exe",
                "OriginalFileName", "whoami.exe",
                "CommandLine", "whoami /priv",
                "ParentImage", "C:\\Windows\\System32\\cmd.exe",
                "User", "ACME\\e2e");
    }

    @Test
    void eventOfTenantABecomesACaseOfTenantAVisibleToAOnly() {
        String host = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + ".acme.local";
        Instant sent = Instant.now();
        String ingestId = Platform.ingestOne(acmeKey, List.of(whoamiPrivEvent(host)));

        Map<String, Object> acmeCase = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> caseWithEvent(Platform.alice(), ingestId), c -> c != null);
        System.out.printf(
                "event %s became case %s after %d ms%n",
                ingestId,
                acmeCase.get("id"),
                Duration.between(sent, Instant.now()).toMillis());

        assertThat(acmeCase.get("tenant_id")).isEqualTo("acme");
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = (Map<String, Object>) acmeCase.get("rule");
        assertThat(rule.get("id")).isEqualTo(WHOAMI_PRIV_RULE);
        assertThat(rule.get("author")).isEqualTo("Florian Roth (Nextron Systems)");
        assertThat(acmeCase.get("severity")).isEqualTo("high");
        String caseId = Platform.opened((String) acmeCase.get("id"));

        // Tenant B's user neither lists it nor can fetch it.
        assertThat(caseWithEvent(Platform.bob(), ingestId)).isNull();
        given().auth()
                .oauth2(Platform.bob())
                .get(Platform.CASES + "/api/v1/cases/{id}", caseId)
                .then()
                .statusCode(404);

        // The MSSP analyst sees it.
        assertThat(caseWithEvent(Platform.ana(), ingestId)).isNotNull();

        // The customer portal shows it to acme's user and not to globex's.
        Platform.portalAs(Platform.alice()).body(containsString(caseId)).body(containsString("Florian Roth"));
        String bobsPortal = Platform.portalAs(Platform.bob()).extract().asString();
        assertThat(bobsPortal).doesNotContain(caseId);
    }

    @Test
    void unknownIngestKeyIsRefusedWith401() {
        given().header("Authorization", "Bearer sk_not-a-real-key-" + UUID.randomUUID())
                .contentType(ContentType.JSON)
                .body(List.of(whoamiPrivEvent("ws-unknown-key")))
                .post(Platform.INGESTION + "/api/v1/events")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void malformedNdjsonIsRefusedWith400NamingTheBadLine() {
        String body = "{\"EventID\":1,\"Image\":\"a.exe\"}\n{\"EventID\":2}\n{\"EventID\": 3, oops}\n";
        given().header("Authorization", "Bearer " + acmeKey)
                .contentType("application/x-ndjson")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(Platform.INGESTION + "/api/v1/events")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("line 3"));
    }

    /** The case (as the given user sees it through the cases API) that holds the event, or null. */
    private static Map<String, Object> caseWithEvent(String token, String ingestId) {
        JsonPath cases = given().auth()
                .oauth2(token)
                .queryParam("limit", 500)
                .get(Platform.CASES + "/api/v1/cases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> all = cases.getList("$");
        return all.stream()
                .filter(c -> ((List<?>) c.getOrDefault("event_ingest_ids", List.of())).contains(ingestId))
                .findFirst()
                .orElse(null);
    }
}

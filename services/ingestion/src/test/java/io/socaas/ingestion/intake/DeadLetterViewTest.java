package io.socaas.ingestion.intake;

import static io.restassured.RestAssured.given;
import static io.socaas.ingestion.intake.FakeTenantDirectory.ACME_KEY;
import static io.socaas.ingestion.intake.FakeTenantDirectory.GLOBEX_KEY;
import static io.socaas.ingestion.intake.IntakeTestData.aMarker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.socaas.events.TenantId;
import io.socaas.ingestion.intake.domain.DeadLetter;
import io.socaas.ingestion.intake.kafka.KafkaDeadLetterPublisher;
import io.socaas.localstack.testing.LocalStackResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Against the local Kafka: what was kept on the dead-letter topic is shown to the tenant it belongs
 * to (by its ingest key), newest first, with the reason and the start of what was received; never to
 * another tenant.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TenantDirectoryOnTestPort.class, restrictToAnnotatedClass = false)
class DeadLetterViewTest {

    private static final String DEAD_LETTERS = "/api/v1/dead-letters";

    @Inject
    KafkaDeadLetterPublisher deadLetters;

    @Test
    void aTenantSeesItsOwnDeadLettersNewestFirstAndNeverAnotherTenants() {
        String marker = aMarker();
        deadLetters.publish(List.of(
                new DeadLetter(
                        TenantId.of("acme"),
                        "syslog priority <999> is out of range (0-191)",
                        ("<999>Mar  1 09:15:02 fw01 kernel: DROP " + marker + " first")
                                .getBytes(StandardCharsets.UTF_8)),
                new DeadLetter(
                        TenantId.of("globex"),
                        "not UTF-8 text",
                        ("globex " + marker).getBytes(StandardCharsets.UTF_8))));
        deadLetters.publish(List.of(new DeadLetter(
                TenantId.of("acme"),
                "normalization failed: IllegalStateException",
                ("{\"marker\":\"" + marker + " second\"}").getBytes(StandardCharsets.UTF_8))));

        // acme: both of its own, the latest first; globex's is not among them
        List<String> acme =
                await().atMost(Duration.ofSeconds(20)).until(() -> previews(ACME_KEY, 100, marker), p -> p.size() == 2);
        assertThat(acme.get(0)).endsWith(marker + " second\"}");
        assertThat(acme.get(1)).startsWith("<999>Mar  1 09:15:02 fw01").endsWith(marker + " first");
        JsonPath first = latest(ACME_KEY, 100);
        assertThat(first.getString("tenant")).isEqualTo("acme");
        assertThat(first.getList("dead_letters.preview", String.class)).noneMatch(p -> p.startsWith("globex"));

        // globex: its own only
        List<String> globex = await().atMost(Duration.ofSeconds(20))
                .until(() -> previews(GLOBEX_KEY, 100, marker), p -> p.size() == 1);
        assertThat(globex).containsExactly("globex " + marker);
        JsonPath own = latest(GLOBEX_KEY, 100);
        assertThat(own.getList("dead_letters.preview", String.class)).noneMatch(p -> p.contains(marker + " first"));
        int i = own.getList("dead_letters.preview", String.class).indexOf("globex " + marker);
        assertThat(own.getString("dead_letters[" + i + "].reason")).isEqualTo("not UTF-8 text");
        assertThat(own.getInt("dead_letters[" + i + "].bytes")).isEqualTo(("globex " + marker).length());
        assertThat(own.getString("dead_letters[" + i + "].time")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

        // the limit keeps the latest
        JsonPath one = latest(ACME_KEY, 1);
        assertThat(one.getList("dead_letters")).hasSize(1);
        assertThat(one.getString("dead_letters[0].reason")).isEqualTo("normalization failed: IllegalStateException");
    }

    @Test
    void withoutAValidKeyOrWithALimitOutOfRangeTheAnswerIsAProblem() {
        given().when().get(DEAD_LETTERS).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer sk_test_nobody_0000")
                .when()
                .get(DEAD_LETTERS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + ACME_KEY)
                .queryParam("limit", 0)
                .when()
                .get(DEAD_LETTERS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", startsWith("limit must be 1 to 100"));
    }

    @Test
    void theViewIsDocumentedWithItsProblemAnswers() {
        String get = "paths.'/api/v1/dead-letters'.get.";
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(get + "security[0].ingestKey", org.hamcrest.Matchers.notNullValue())
                .body(
                        get + "responses.'200'.content.'application/json'.schema.'$ref'",
                        org.hamcrest.Matchers.containsString("DeadLetters"))
                .body(
                        get + "responses.'401'.content.'application/problem+json'.schema.'$ref'",
                        org.hamcrest.Matchers.containsString("ProblemDetail"))
                .body(
                        get + "responses.'503'.content.'application/problem+json'.schema.'$ref'",
                        org.hamcrest.Matchers.containsString("ProblemDetail"))
                .body(
                        get + "responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        org.hamcrest.Matchers.containsString("ProblemDetail"));
    }

    private static JsonPath latest(String key, int limit) {
        return given().header("Authorization", "Bearer " + key)
                .queryParam("limit", limit)
                .when()
                .get(DEAD_LETTERS)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
    }

    /** This test's dead letters the key's tenant is shown, newest first. */
    private static List<String> previews(String key, int limit, String marker) {
        return latest(key, limit).getList("dead_letters.preview", String.class).stream()
                .filter(p -> p.contains(marker))
                .toList();
    }
}

package io.socaas.cases.casefile.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.socaas.cases.casefile.persistence.PanacheCaseFileRepository;
import io.socaas.cases.testing.DemoTenantFacts;
import io.socaas.cases.testing.TestCases;
import io.socaas.cases.testing.Tokens;
import io.socaas.events.RecordHeaders;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.cases.v1.CaseEvent;
import io.socaas.proto.cases.v1.CaseEventType;
import io.socaas.tenantfacts.testing.TestTopics;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Analysts work cases through REST against the real PostgreSQL and Keycloak; every change lands in
 * the timeline and, through the outbox, on the cases topic of the real broker (the tests' own).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoTenantFacts.class, restrictToAnnotatedClass = false)
class CaseCommandsTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    PanacheCaseFileRepository repository;

    @Test
    void anAnalystWorksACaseFromOpenToClosedWithEtagsAndATimeline() throws Throwable {
        String id = openCase("acme", "k-" + UUID.randomUUID());
        String ana = Tokens.of("ana");
        String lee = Tokens.of("lee");

        given().auth()
                .oauth2(ana)
                .get("/api/v1/cases/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        command(ana, id, "claim", "\"1\"", null)
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("assignee", equalTo("ana"))
                .body("status", equalTo("acknowledged"))
                .body("version", equalTo(2));
        // someone else's case is not taken over, and a stale copy is refused
        command(lee, id, "claim", null, null)
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://socaas.io/problems/case-conflict"));
        command(ana, id, "start", "\"1\"", null)
                .statusCode(412)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://socaas.io/problems/stale-case"))
                .body("current_version", equalTo(2));
        command(ana, id, "start", "\"2\"", null).statusCode(200).body("status", equalTo("in_progress"));
        // bad commands name their field
        command(ana, id, "wait-on-customer", null, Map.of())
                .statusCode(400)
                .body("type", equalTo("https://socaas.io/problems/invalid-request"))
                .body("field", equalTo("reason"));
        command(ana, id, "resolve", null, Map.of("verdict", "probably-fine"))
                .statusCode(400)
                .body("field", equalTo("verdict"));
        command(ana, id, "comments", null, Map.of("text", "EDR shows the parent was the backup agent"))
                .statusCode(200);
        command(
                        ana,
                        id,
                        "comments",
                        null,
                        Map.of("text", "We are checking the backup server", "visibility", "customer"))
                .statusCode(200);
        command(ana, id, "resolve", null, Map.of("verdict", "benign", "note", "backup job"))
                .statusCode(200)
                .body("status", equalTo("resolved"))
                .body("verdict", equalTo("benign"));
        command(ana, id, "close", null, null).statusCode(200).body("status", equalTo("closed"));
        command(ana, id, "close", null, null).statusCode(409);

        given().auth()
                .oauth2(ana)
                .get("/api/v1/cases/" + id + "/timeline")
                .then()
                .statusCode(200)
                .body("action", contains("opened", "claim", "start", "comment", "comment", "resolve", "close"))
                .body("actor", contains("system", "ana", "ana", "ana", "ana", "ana", "ana"))
                .body("[2].before", equalTo("acknowledged"))
                .body("[2].after", equalTo("in_progress"))
                .body("[5].detail", equalTo("benign: backup job"));
        // the customer sees its case's timeline without the internal comment
        given().auth()
                .oauth2(Tokens.of("alice@acme.example"))
                .get("/api/v1/cases/" + id + "/timeline")
                .then()
                .statusCode(200)
                .body("action", contains("opened", "claim", "start", "comment", "resolve", "close"))
                .body("detail", hasItem("We are checking the backup server"))
                .body("detail", not(hasItem("EDR shows the parent was the backup agent")));
        // and another tenant's user sees nothing of it
        given().auth()
                .oauth2(Tokens.of("bob@globex.example"))
                .get("/api/v1/cases/" + id + "/timeline")
                .then()
                .statusCode(404);
    }

    @Test
    void twoAnalystsClaimingOneCaseAtOnceMakeOneWinnerAndOneConflict() throws Throwable {
        String id = openCase("acme", "k-" + UUID.randomUUID());
        String ana = Tokens.of("ana");
        String lee = Tokens.of("lee");
        CountDownLatch start = new CountDownLatch(1);

        CompletableFuture<Integer> byAna = CompletableFuture.supplyAsync(() -> claimAfter(start, ana, id));
        CompletableFuture<Integer> byLee = CompletableFuture.supplyAsync(() -> claimAfter(start, lee, id));
        start.countDown();

        assertThat(List.of(byAna.join(), byLee.join())).containsExactlyInAnyOrder(200, 409);
        String winner = byAna.join() == 200 ? "ana" : "lee";
        given().auth()
                .oauth2(ana)
                .get("/api/v1/cases/" + id)
                .then()
                .body("assignee", equalTo(winner))
                .body("version", equalTo(2));
    }

    @Test
    void customersDoNotRunAnalystCommands() throws Throwable {
        String id = openCase("acme", "k-" + UUID.randomUUID());

        command(Tokens.of("alice@acme.example"), id, "claim", null, null)
                .statusCode(403)
                .contentType(PROBLEM_JSON);
        given().urlEncodingEnabled(false)
                .when()
                .post("/api/v1/cases/" + id + ":claim")
                .then()
                .statusCode(401);
    }

    @Test
    void aClosedCaseIsNotReopenedWhileAnotherCaseTakesItsAlerts() throws Throwable {
        String key = "k-" + UUID.randomUUID();
        String first = openCase("acme", key);
        String ana = Tokens.of("ana");
        command(ana, first, "resolve", null, Map.of("verdict", "false_positive"))
                .statusCode(200);
        command(ana, first, "close", null, null).statusCode(200);
        // the key is free once the case is closed: the next alert opens a second case
        String second = openCase("acme", key);

        command(ana, first, "reopen", null, Map.of("reason", "it came back"))
                .statusCode(409)
                .body("type", equalTo("https://socaas.io/problems/case-conflict"))
                .body("detail", org.hamcrest.Matchers.containsString(key));
        command(ana, second, "resolve", null, Map.of("verdict", "false_positive"))
                .statusCode(200);
        command(ana, second, "close", null, null).statusCode(200);
        // back to whoever resolved it
        command(ana, first, "reopen", null, Map.of("reason", "it came back"))
                .statusCode(200)
                .body("status", equalTo("in_progress"))
                .body("assignee", equalTo("ana"))
                .body("verdict", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void everyChangeIsPublishedOnceInOrderOnSocCasesV1() throws Throwable {
        try (KafkaConsumer<String, byte[]> consumer = consumerAtEnd()) {
            String id = openCase("globex", "k-" + UUID.randomUUID());
            String ana = Tokens.of("ana");
            command(ana, id, "claim", null, null).statusCode(200);
            command(ana, id, "change-severity", null, Map.of("severity", "critical", "reason", "domain admin"))
                    .statusCode(200);
            command(ana, id, "comments", null, Map.of("text", "not published")).statusCode(200);
            command(ana, id, "resolve", null, Map.of("verdict", "true_positive"))
                    .statusCode(200);

            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().equals("globex:" + id)) {
                        seen.add(r);
                    }
                });
                assertThat(seen).hasSizeGreaterThanOrEqualTo(4);
            });
            List<CaseEvent> events = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : seen) {
                events.add(CaseEvent.parseFrom(r.value()));
                assertThat(header(r, RecordHeaders.TENANT)).isEqualTo("globex");
                assertThat(header(r, RecordHeaders.ID))
                        .isEqualTo(events.getLast().getEventId());
                assertThat(header(r, RecordHeaders.TYPE)).isEqualTo(RecordHeaders.TYPE_CASE_CHANGED);
            }
            assertThat(events)
                    .extracting(CaseEvent::getType)
                    .containsExactly(
                            CaseEventType.CASE_EVENT_TYPE_OPENED,
                            CaseEventType.CASE_EVENT_TYPE_ASSIGNED,
                            CaseEventType.CASE_EVENT_TYPE_SEVERITY_CHANGED,
                            CaseEventType.CASE_EVENT_TYPE_STATUS_CHANGED);
            assertThat(events).extracting(CaseEvent::getCaseVersion).containsExactly(1L, 2L, 3L, 5L);
            assertThat(events.get(2).getSeverity()).isEqualTo("critical");
            assertThat(events.get(2).getReason()).isEqualTo("domain admin");
            assertThat(events.get(3).getVerdict()).isEqualTo("true_positive");
            assertThat(events).extracting(CaseEvent::getEventId).doesNotHaveDuplicates();
        }
    }

    // ---- helpers ----

    private String openCase(String tenant, String dedupKey) throws Throwable {
        return TestCases.open(repository, tenant, dedupKey);
    }

    private static ValidatableResponse command(
            String token, String id, String verb, String ifMatch, Map<String, ?> body) {
        var request = given().auth().oauth2(token).urlEncodingEnabled(false);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        String path =
                verb.equals("comments") ? "/api/v1/cases/" + id + "/comments" : "/api/v1/cases/" + id + ":" + verb;
        return request.when().post(path).then();
    }

    private static int claimAfter(CountDownLatch start, String token, String id) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return command(token, id, "claim", null, null).extract().statusCode();
    }

    private static KafkaConsumer<String, byte[]> consumerAtEnd() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions =
                consumer.partitionsFor(TestTopics.configured("mp.messaging.outgoing.cases-out.topic")).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

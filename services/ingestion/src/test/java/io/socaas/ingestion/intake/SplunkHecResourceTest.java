package io.socaas.ingestion.intake;

import static io.restassured.RestAssured.given;
import static io.socaas.ingestion.intake.EventsTopic.header;
import static io.socaas.ingestion.intake.EventsTopic.value;
import static io.socaas.ingestion.intake.FakeTenantDirectory.ACME_KEY;
import static io.socaas.ingestion.intake.FakeTenantDirectory.GLOBEX_KEY;
import static io.socaas.ingestion.intake.IntakeTestData.JSON;
import static io.socaas.ingestion.intake.IntakeTestData.aMarker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.socaas.localstack.testing.LocalStackResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Splunk HTTP Event Collector clients (Fluent Bit, Vector, the OpenTelemetry Collector, Docker's
 * splunk driver) send to a tenant with its ingest key as the HEC token; their events reach the
 * event bus normalized, under the key's tenant, through a real broker.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TenantDirectoryOnTestPort.class, restrictToAnnotatedClass = false)
class SplunkHecResourceTest {

    private static final String SSHD_LINE =
            "Mar  1 09:59:59 web01 sshd[123]: Failed password for root from 203.0.113.9 port 4444 ssh2";

    private static JsonNode tree(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> published(EventsTopic topic, String tenant, Response answer) {
        List<String> ids = answer.jsonPath().getList("ingest_ids", String.class);
        return topic.awaitKeys(ids.stream().map(id -> tenant + ":" + id).toList());
    }

    /** A later batch is published (the topic has caught up with it) and no record holds {@code refused}. */
    private static void assertNeverPublished(EventsTopic topic, String refused) {
        String later = aMarker();
        published(
                topic,
                "acme",
                given().header("Authorization", "Splunk " + ACME_KEY)
                        .body("{\"event\": \"" + later + "\"}")
                        .post("/services/collector/event"));
        assertThat(topic.awaitUntil(
                        all -> all.stream().anyMatch(r -> value(r).contains(later)), Duration.ofSeconds(30)))
                .noneMatch(r -> value(r).contains(refused));
    }

    @Test
    void envelopesOfTheEventEndpointAreNormalizedUnderTheTokensTenant() throws Exception {
        String marker = aMarker();
        // as Vector sends them: gzip, envelopes one after another, a text and an object event
        String body = "{\"time\": 1772356799.5, \"host\": \"web01\", \"sourcetype\": \"linux_secure\", \"event\": \""
                + SSHD_LINE + "\", \"fields\": {\"marker\": \"" + marker + "\"}}"
                + "{\"host\": \"dc01\", \"event\": {\"Channel\": \"Security\", \"EventID\": 4625, \"tenant\": \"globex\","
                + " \"TargetUserName\": \"administrator\", \"IpAddress\": \"203.0.113.7\", \"marker\": \"" + marker
                + "\"}}";
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(body.getBytes(StandardCharsets.UTF_8));
        }
        try (EventsTopic topic = EventsTopic.fromNow()) {
            Response answer = given().header("Authorization", "Splunk " + ACME_KEY)
                    .header("Content-Encoding", "gzip")
                    .contentType("application/json")
                    .body(gzipped.toByteArray())
                    .post("/services/collector/event");
            answer.then()
                    .statusCode(200)
                    .body("text", equalTo("Success"))
                    .body("code", equalTo(0))
                    .body("accepted", equalTo(2))
                    .body("ingest_ids", hasSize(2));
            List<ConsumerRecord<String, byte[]>> records = published(topic, "acme", answer);
            // the payload's "tenant" does not choose the tenant: the token does
            assertThat(records).allSatisfy(r -> assertThat(header(r, "tenant")).isEqualTo("acme"));
            JsonNode line = tree(records.get(0));
            assertThat(line.get("class_uid").asInt()).isEqualTo(3002);
            assertThat(line.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
            assertThat(line.at("/unmapped/splunk_hec/host").asText()).isEqualTo("web01");
            assertThat(line.at("/unmapped/splunk_hec/fields/marker").asText()).isEqualTo(marker);
            JsonNode windows = tree(records.get(1));
            assertThat(windows.get("class_uid").asInt()).isEqualTo(3002);
            assertThat(windows.at("/user/name").asText()).isEqualTo("administrator");
            assertThat(windows.get("tenant").asText()).isEqualTo("acme");
        }
    }

    @Test
    void theVersionedAndBarePathsAndABearerTokenAreAcceptedToo() {
        String marker = aMarker();
        String envelope = "{\"event\": {\"message\": \"" + marker + "\"}}";
        try (EventsTopic topic = EventsTopic.fromNow()) {
            for (String path : List.of("/services/collector", "/services/collector/event/1.0")) {
                Response answer = given().header("Authorization", "Bearer " + GLOBEX_KEY)
                        .body(envelope)
                        .post(path);
                answer.then().statusCode(200).body("code", equalTo(0));
                assertThat(published(topic, "globex", answer))
                        .allSatisfy(r -> assertThat(value(r)).contains(marker));
            }
        }
    }

    @Test
    void eachLineOfTheRawEndpointIsALogLineWithTheQuerysMetadata() {
        String marker = aMarker();
        String body = "<34>1 2026-03-01T09:59:59Z fw01 sshd 123 - - Failed password for invalid user " + marker
                + " from 198.51.100.4 port 2222 ssh2\r\n\nplain text " + marker + "\n";
        try (EventsTopic topic = EventsTopic.fromNow()) {
            Response answer = given().header("Authorization", "Splunk " + ACME_KEY)
                    .contentType("text/plain")
                    .queryParam("host", "fw01")
                    .queryParam("sourcetype", "syslog")
                    .body(body)
                    .post("/services/collector/raw");
            answer.then().statusCode(200).body("accepted", equalTo(2));
            List<ConsumerRecord<String, byte[]>> records = published(topic, "acme", answer);
            JsonNode first = tree(records.get(0));
            assertThat(first.get("class_uid").asInt()).isEqualTo(3002);
            assertThat(first.at("/user/name").asText()).isEqualTo(marker);
            assertThat(first.at("/unmapped/splunk_hec/host").asText()).isEqualTo("fw01");
            assertThat(first.at("/unmapped/splunk_hec/sourcetype").asText()).isEqualTo("syslog");
            assertThat(tree(records.get(1)).get("message").asText()).isEqualTo("plain text " + marker);
        }
    }

    @Test
    void aMissingTokenOrAnEnvelopeWithoutAnEventIsRefusedAsAProblemAndNothingIsPublished() {
        String marker = aMarker();
        given().body("{\"event\": \"" + marker + "\"}")
                .post("/services/collector/event")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", "Splunk not-a-key")
                .body("{\"event\": \"" + marker + "\"}")
                .post("/services/collector/event")
                .then()
                .statusCode(401);
        try (EventsTopic topic = EventsTopic.fromNow()) {
            given().header("Authorization", "Splunk " + ACME_KEY)
                    .body("{\"event\": \"" + marker + " first\"}\n{\"host\": \"web01\", \"time\": 1772356799}")
                    .post("/services/collector/event")
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("line", equalTo(2));
            // a later batch is published; the refused one's event never was
            assertNeverPublished(topic, marker);
        }
    }

    @Test
    void refusalsCarryHecsTextAndCodeAndTheEventAtFaultSoThatHecClientsCanReportThem() {
        // Fluentd's, Fluent Bit's and Vector's Splunk outputs log these members of a refusal
        String marker = aMarker();
        given().body("{\"event\": \"" + marker + "\"}")
                .post("/services/collector/event")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("code", equalTo(2))
                .body("text", equalTo("Token is required"));
        given().header("Authorization", "Splunk not-a-key")
                .body("{\"event\": \"" + marker + "\"}")
                .post("/services/collector/raw")
                .then()
                .statusCode(401)
                .body("code", equalTo(4))
                .body("text", equalTo("Invalid token"));
        try (EventsTopic topic = EventsTopic.fromNow()) {
            for (var refused : List.of(
                    List.of("{\"event\": \"" + marker + "\"}\n{\"event\": \"x\"} {\"event\": ", 6, 2),
                    List.of("{\"event\": \"" + marker + "\"}{\"host\": \"web01\"}", 12, 1),
                    List.of("{\"event\": \"" + marker + "\"} {\"event\": \"\"}", 13, 1))) {
                given().header("Authorization", "Splunk " + ACME_KEY)
                        .body((String) refused.get(0))
                        .post("/services/collector/event")
                        .then()
                        .statusCode(400)
                        .contentType(startsWith("application/problem+json"))
                        .body("code", equalTo(refused.get(1)))
                        .body("'invalid-event-number'", equalTo(refused.get(2)))
                        .body("detail", not(org.hamcrest.Matchers.emptyOrNullString()));
            }
            given().header("Authorization", "Splunk " + ACME_KEY)
                    .body("  \n")
                    .post("/services/collector/event")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo(5))
                    .body("text", equalTo("No data"));
            // a later batch is published; none of the refused ones' events ever was
            assertNeverPublished(topic, marker);
        }
        // the platform's own API keeps its problem documents without HEC's members
        given().header("Authorization", "Bearer not-a-key")
                .body("{\"message\": \"x\"}")
                .post("/api/v1/events")
                .then()
                .statusCode(401)
                .body("$", not(hasKey("code")));
    }

    @Test
    void basicCredentialsWithTheKeyAsPasswordAreAcceptedAndATokenInTheQueryIsNot() {
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            // curl -u x:<token>, as Splunk's documentation shows for HEC
            Response answer = given().auth()
                    .preemptive()
                    .basic("x", GLOBEX_KEY)
                    .body("{\"event\": \"basic " + marker + "\"}")
                    .post("/services/collector/event");
            answer.then().statusCode(200).body("code", equalTo(0));
            assertThat(published(topic, "globex", answer))
                    .singleElement()
                    .satisfies(r -> assertThat(header(r, "tenant")).isEqualTo("globex"));

            // a token in a URL ends up in proxies' logs: refused as a stock Splunk refuses it
            given().queryParam("token", ACME_KEY)
                    .body("{\"event\": \"query " + marker + "\"}")
                    .post("/services/collector/event")
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("code", equalTo(16))
                    .body("detail", containsString("Authorization header"));
            given().header(
                            "Authorization",
                            "Basic "
                                    + java.util.Base64.getEncoder()
                                            .encodeToString(("x:not-a-key").getBytes(StandardCharsets.UTF_8)))
                    .body("{\"event\": \"basic " + marker + "\"}")
                    .post("/services/collector/event")
                    .then()
                    .statusCode(401)
                    .body("code", equalTo(4));
            assertNeverPublished(topic, "query " + marker);
        }
    }

    @Test
    void aClientWaitingForIndexerAcknowledgementGetsAckIdsThatAreAcknowledged() {
        // as Amazon Data Firehose and Vector do: a data channel per client, ack ids polled afterwards
        String channel = java.util.UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            Response first = given().header("Authorization", "Splunk " + ACME_KEY)
                    .header("X-Splunk-Request-Channel", channel)
                    .body("{\"event\": \"" + SSHD_LINE + " " + marker + "\"}")
                    .post("/services/collector/event");
            first.then().statusCode(200).body("code", equalTo(0)).body("ackId", org.hamcrest.Matchers.notNullValue());
            Response second = given().header("Authorization", "Splunk " + ACME_KEY)
                    .queryParam("channel", channel)
                    .body(SSHD_LINE + " " + marker)
                    .post("/services/collector/raw");
            second.then().statusCode(200);
            long firstId = first.jsonPath().getLong("ackId");
            long secondId = second.jsonPath().getLong("ackId");
            assertThat(secondId).isNotEqualTo(firstId);
            // the answer came after Kafka's acknowledgement: the events are there
            assertThat(published(topic, "acme", first)).hasSize(1);
            assertThat(published(topic, "acme", second)).hasSize(1);

            given().header("Authorization", "Splunk " + ACME_KEY)
                    .header("X-Splunk-Request-Channel", channel)
                    .body("{\"acks\": [" + firstId + ", " + secondId + "]}")
                    .post("/services/collector/ack")
                    .then()
                    .statusCode(200)
                    .body("acks.'" + firstId + "'", equalTo(true))
                    .body("acks.'" + secondId + "'", equalTo(true));
        }
        // without a channel no ack id is given
        given().header("Authorization", "Splunk " + ACME_KEY)
                .body("{\"event\": \"" + SSHD_LINE + "\"}")
                .post("/services/collector")
                .then()
                .statusCode(200)
                .body("$", not(hasKey("ackId")));
    }

    @Test
    void theAcknowledgementEndpointRefusesWhatItCannotAnswer() {
        String channel = java.util.UUID.randomUUID().toString();
        given().header("X-Splunk-Request-Channel", channel)
                .body("{\"acks\": [0]}")
                .post("/services/collector/ack")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Splunk " + ACME_KEY)
                .body("{\"acks\": [0]}")
                .post("/services/collector/ack")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("data channel is missing"))
                .body("code", equalTo(10));
        for (String body : List.of("{\"acks\": \"0\"}", "not json", "{\"acks\": [-1]}", "{\"acks\": [1.5]}")) {
            given().header("Authorization", "Splunk " + ACME_KEY)
                    .header("X-Splunk-Request-Channel", channel)
                    .body(body)
                    .post("/services/collector/ack")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", "Splunk " + ACME_KEY)
                .header("X-Splunk-Request-Channel", "not a channel")
                .body("{\"event\": \"x\"}")
                .post("/services/collector/event")
                .then()
                .statusCode(400)
                .body("detail", containsString("invalid data channel"))
                .body("code", equalTo(11));
    }

    @Test
    void theHealthEndpointAnswersWithoutAToken() {
        given().get("/services/collector/health").then().statusCode(200).body("code", equalTo(17));
        given().get("/services/collector/health/1.0").then().statusCode(200).body("text", equalTo("HEC is healthy"));
    }

    @Test
    void everyHecPathIsDocumentedWithItsProblemResponses() {
        var document = given().get("/q/openapi?format=json").then().statusCode(200);
        for (String path : List.of(
                "/services/collector",
                "/services/collector/event",
                "/services/collector/event/1.0",
                "/services/collector/raw",
                "/services/collector/raw/1.0")) {
            String post = "paths.'" + path + "'.post.";
            document.body(
                    post + "responses.'200'.content.'application/json'.schema.'$ref'",
                    containsString("SplunkHecResponse"));
            for (String status : List.of("400", "401", "413", "429", "503")) {
                document.body(
                        post + "responses.'" + status + "'.content.'application/problem+json'.schema.'$ref'",
                        containsString("ProblemDetail"));
            }
        }
        document.body("paths.'/services/collector/event'.post.responses", not(hasKey("415")));
        document.body(
                "paths.'/services/collector/ack'.post.responses.'200'.content.'application/json'.schema.'$ref'",
                containsString("SplunkHecAcks"));
        for (String status : List.of("400", "401", "503")) {
            document.body(
                    "paths.'/services/collector/ack'.post.responses.'" + status
                            + "'.content.'application/problem+json'.schema.'$ref'",
                    containsString("ProblemDetail"));
        }
        document.body(
                "paths.'/services/collector/health'.get.responses.'200'.description", containsString("takes events"));
    }
}

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
import static org.hamcrest.Matchers.hasSize;
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
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Shippers that speak Elasticsearch's API (Winlogbeat and the other Beats, Logstash, Fluent Bit,
 * Vector) send to a tenant with its ingest key as their API key; their documents reach the event
 * bus normalized, under the key's tenant, through a real broker.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TenantDirectoryOnTestPort.class, restrictToAnnotatedClass = false)
class ElasticsearchBulkResourceTest {

    /** A Beat's {@code api_key: "winlogbeat:<ingest key>"}, as it sends it. */
    private static String apiKey(String ingestKey) {
        return "ApiKey "
                + Base64.getEncoder().encodeToString(("winlogbeat:" + ingestKey).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode tree(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> published(EventsTopic topic, String tenant, Response answer) {
        List<String> ids = answer.jsonPath().getList("items.collect { it.values()[0]._id }", String.class);
        return topic.awaitKeys(ids.stream().map(id -> tenant + ":" + id).toList());
    }

    @Test
    void theRootAnswersAsAnElasticsearchNodeToAValidKeyOnly() {
        given().header("Authorization", apiKey(ACME_KEY))
                .get("/es")
                .then()
                .statusCode(200)
                .header("X-Elastic-Product", "Elasticsearch")
                .body("version.number", startsWith("8."));
        given().header("Authorization", apiKey(ACME_KEY))
                .get("/es/_license")
                .then()
                .statusCode(200)
                .body("license.status", equalTo("active"));
        given().header("Authorization", apiKey(ACME_KEY))
                .get("/es/_cluster/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("green"));
        given().header("Authorization", apiKey("not-a-key"))
                .get("/es")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("error.type", equalTo("invalid_ingest_key"));
        given().get("/es/").then().statusCode(401);
    }

    @Test
    void aBeatsBulkRequestIsNormalizedUnderTheKeysTenantAndAnsweredItemByItem() throws Exception {
        String marker = aMarker();
        // as Winlogbeat 8 sends it: gzip, create actions into its data stream
        String body = "{\"create\":{\"_index\":\"winlogbeat-8.19.0\"}}\n"
                + "{\"@timestamp\":\"2026-03-01T09:59:59.000Z\",\"tenant\":\"globex\",\"winlog\":{\"channel\":\"Security\","
                + "\"event_id\":\"4625\",\"computer_name\":\"dc01.example.com\",\"event_data\":{\"TargetUserName\":\""
                + marker + "\",\"IpAddress\":\"203.0.113.7\",\"LogonType\":\"3\"}}}\n"
                + "{\"create\":{\"_index\":\"filebeat-8.19.0\"}}\n"
                + "{\"@timestamp\":\"2026-03-01T10:00:00.000Z\",\"message\":\"Mar  1 10:00:00 web01 sshd[123]: Failed"
                + " password for " + marker
                + " from 203.0.113.9 port 4444 ssh2\",\"log\":{\"file\":{\"path\":\"/var/log/auth.log\"}}}\n";
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(body.getBytes(StandardCharsets.UTF_8));
        }
        try (EventsTopic topic = EventsTopic.fromNow()) {
            Response answer = given().header("Authorization", apiKey(ACME_KEY))
                    .header("Content-Encoding", "gzip")
                    .contentType("application/json")
                    .body(gzipped.toByteArray())
                    .post("/es/_bulk");
            answer.then()
                    .statusCode(200)
                    .header("X-Elastic-Product", "Elasticsearch")
                    .body("errors", equalTo(false))
                    .body("items", hasSize(2))
                    .body("items[0].create.status", equalTo(201))
                    .body("items[1].create.result", equalTo("created"));
            List<ConsumerRecord<String, byte[]>> records = published(topic, "acme", answer);
            // the document's "tenant" does not choose the tenant: the key does
            assertThat(records).allSatisfy(r -> assertThat(header(r, "tenant")).isEqualTo("acme"));
            JsonNode logon = tree(records.get(0));
            assertThat(logon.get("class_uid").asInt()).isEqualTo(3002);
            assertThat(logon.at("/user/name").asText()).isEqualTo(marker);
            assertThat(logon.get("tenant").asText()).isEqualTo("acme");
            JsonNode line = tree(records.get(1));
            assertThat(line.get("class_uid").asInt()).isEqualTo(3002);
            assertThat(line.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        }
    }

    @Test
    void basicCredentialsAndAnIndexInThePathWorkToo() {
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            // Logstash's elasticsearch output with user and password, Fluent Bit's with an index
            Response answer = given().auth()
                    .preemptive()
                    .basic("logstash", GLOBEX_KEY)
                    .body("{\"index\":{}}\n{\"message\":\"" + marker + "\"}\n")
                    .post("/es/logs-app/_bulk");
            answer.then().statusCode(200).body("items[0].index.status", equalTo(201));
            assertThat(published(topic, "globex", answer))
                    .singleElement()
                    .satisfies(r -> assertThat(value(r)).contains(marker));
        }
    }

    @Test
    void aDocumentSentAgainUnderItsIdKeepsItsIngestIdSoThatLaterStagesDropTheCopy() {
        // a Beat's add_id processor or Logstash's document_id names each document; a failed bulk is sent again whole
        String marker = aMarker();
        String body = "{\"create\":{\"_id\":\"" + marker + "-1\"}}\n{\"message\":\"first " + marker + "\"}\n"
                + "{\"create\":{}}\n{\"message\":\"unnamed " + marker + "\"}\n";
        List<String> first = given().header("Authorization", apiKey(ACME_KEY))
                .body(body)
                .post("/es/_bulk")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.create._id", String.class);
        List<String> again = given().header("Authorization", apiKey(ACME_KEY))
                .body(body)
                .post("/es/_bulk")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.create._id", String.class);
        assertThat(first).hasSize(2);
        assertThat(again.get(0)).as("the named document").isEqualTo(first.get(0));
        assertThat(again.get(1)).as("the unnamed one: at least once").isNotEqualTo(first.get(1));
        // the same id under another tenant's key is another event
        String globex = given().header("Authorization", apiKey(GLOBEX_KEY))
                .body(body)
                .post("/es/_bulk")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items[0].create._id");
        assertThat(globex).isNotEqualTo(first.get(0));
    }

    @Test
    void aRequestWithAnActionThatChangesStoredDocumentsIsRefusedWholeAndNothingIsPublished() {
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            given().header("Authorization", apiKey(ACME_KEY))
                    .body("{\"create\":{}}\n{\"message\":\"" + marker + "\"}\n{\"delete\":{\"_id\":\"x\"}}\n")
                    .post("/es/_bulk")
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("detail", containsString("'delete' is not accepted"))
                    .body("error.type", equalTo("malformed_events"))
                    .body("error.reason", containsString("'delete'"));
            String later = aMarker();
            published(
                    topic,
                    "acme",
                    given().header("Authorization", apiKey(ACME_KEY))
                            .body("{\"create\":{}}\n{\"message\":\"" + later + "\"}\n")
                            .post("/es/_bulk"));
            assertThat(topic.awaitUntil(
                            all -> all.stream().anyMatch(r -> value(r).contains(later)), Duration.ofSeconds(30)))
                    .noneMatch(r -> value(r).contains(marker));
        }
    }

    @Test
    void theBulkPathsAreDocumentedWithTheirProblemResponses() {
        var document = given().get("/q/openapi?format=json").then().statusCode(200);
        for (String path : List.of("/es/_bulk", "/es/{index}/_bulk")) {
            String post = "paths.'" + path + "'.post.";
            document.body(
                    post + "responses.'200'.content.'application/json'.schema.'$ref'",
                    containsString("ElasticsearchBulkResponse"));
            for (String status : List.of("400", "401", "413", "429", "503")) {
                document.body(
                        post + "responses.'" + status + "'.content.'application/problem+json'.schema.'$ref'",
                        containsString("ProblemDetail"));
            }
        }
        document.body(
                "paths.'/es'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                containsString("ElasticsearchNodeInfo"));
    }
}

package io.socaas.ingestion.intake;

import static io.restassured.RestAssured.given;
import static io.socaas.ingestion.intake.EventsTopic.header;
import static io.socaas.ingestion.intake.EventsTopic.value;
import static io.socaas.ingestion.intake.FakeTenantDirectory.ACME_KEY;
import static io.socaas.ingestion.intake.FakeTenantDirectory.CACHED_ACME_KEY;
import static io.socaas.ingestion.intake.FakeTenantDirectory.DIRECTORY_DOWN_KEY;
import static io.socaas.ingestion.intake.FakeTenantDirectory.GLOBEX_KEY;
import static io.socaas.ingestion.intake.IntakeTestData.JSON;
import static io.socaas.ingestion.intake.IntakeTestData.aMarker;
import static io.socaas.ingestion.intake.IntakeTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.socaas.events.IngestIds;
import io.socaas.localstack.testing.LocalStackResource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TenantDirectoryOnTestPort.class, restrictToAnnotatedClass = false)
class EventIntakeResourceTest {

    private static final String EVENTS = "/api/v1/events";
    private static final String NDJSON = "application/x-ndjson";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void publishesEachEventOfAJsonArrayWithKeyCloudEventsHeadersAndStampedFields() throws Exception {
        String marker = aMarker();
        List<IntakeTestData> sent = List.of(
                anEvent(marker).with("TargetUserName", "administrator"),
                anEvent(marker).with("EventID", 4624).with("TargetUserName", "alice"));
        try (EventsTopic topic = EventsTopic.fromNow()) {
            Response response = post(ACME_KEY, "application/json", IntakeTestData.array(sent));

            response.then().statusCode(202).body("accepted", equalTo(2)).body("ingest_ids", hasSize(2));
            List<String> ids = response.jsonPath().getList("ingest_ids", String.class);
            assertThat(ids).allMatch(IngestIds::isValid);

            List<ConsumerRecord<String, byte[]>> records =
                    topic.awaitKeys(ids.stream().map(id -> "acme:" + id).toList());
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<String, byte[]> record = records.get(i);
                String id = ids.get(i);
                assertThat(record.key()).isEqualTo("acme:" + id);
                assertThat(header(record, "tenant")).isEqualTo("acme");
                assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
                assertThat(header(record, "ce_id")).isEqualTo(id);
                assertThat(header(record, "ce_type")).isEqualTo("socaas.event.ingested.v1");
                assertThat(header(record, "ce_source")).isEqualTo("/socaas/ingestion");

                JsonNode event = JSON.readTree(record.value());
                assertThat(event.get("tenant").textValue()).isEqualTo("acme");
                assertThat(event.get("ingest_id").textValue()).isEqualTo(id);
                String receivedTime = event.get("received_time").textValue();
                assertThat(receivedTime).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
                assertThat(Instant.parse(receivedTime)).isBefore(Instant.now().plusSeconds(1));
                assertThat(header(record, "ce_time")).isEqualTo(receivedTime);
                // an OCSF record; everything the source sent is kept unchanged under unmapped
                assertThat(event.get("class_uid").asInt()).isEqualTo(3002);
                assertThat(event.get("type_uid").asLong()).isEqualTo(300201);
                assertThat(event.at("/metadata/log_source").asText()).isEqualTo("test source");
                assertThat(event.at("/metadata/uid").asText()).isEqualTo(id);
                assertThat(event.at("/metadata/tenant_uid").asText()).isEqualTo("acme");
                assertThat(event.get("unmapped")).isEqualTo(sent.get(i).node());
            }
        }
    }

    @Test
    void acceptsNdjsonWithCrlfAndBlankLinesInLineOrder() throws Exception {
        String marker = aMarker();
        List<String> lines = List.of(
                anEvent(marker).with("seq", 1).json(),
                "",
                anEvent(marker).with("seq", 2).json(),
                anEvent(marker).with("seq", 3).json());
        try (EventsTopic topic = EventsTopic.fromNow()) {
            Response response = post(GLOBEX_KEY, NDJSON, IntakeTestData.ndjson(lines, "\r\n"));

            response.then().statusCode(202).body("accepted", equalTo(3));
            List<String> ids = response.jsonPath().getList("ingest_ids", String.class);
            List<ConsumerRecord<String, byte[]>> records =
                    topic.awaitKeys(ids.stream().map(id -> "globex:" + id).toList());
            assertThat(records).allSatisfy(r -> assertThat(header(r, "tenant")).isEqualTo("globex"));
            List<Integer> seqs = records.stream()
                    .map(r -> readTree(r).at("/unmapped/seq").intValue())
                    .toList();
            assertThat(seqs).containsExactly(1, 2, 3);
        }
    }

    @Test
    void acceptsAGzipCompressedNdjsonBatch() throws Exception {
        String marker = aMarker();
        String body = IntakeTestData.ndjson(
                List.of(
                        anEvent(marker).with("seq", 1).json(),
                        anEvent(marker).with("seq", 2).json()),
                "\n");
        java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
            gzip.write(body.getBytes(StandardCharsets.UTF_8));
        }
        try (EventsTopic topic = EventsTopic.fromNow()) {
            Response response = given().header("Authorization", "Bearer " + ACME_KEY)
                    .header("Content-Encoding", "gzip")
                    .contentType(NDJSON)
                    .body(gzipped.toByteArray())
                    .post(EVENTS);

            response.then().statusCode(202).body("accepted", equalTo(2));
            List<String> ids = response.jsonPath().getList("ingest_ids", String.class);
            List<ConsumerRecord<String, byte[]>> records =
                    topic.awaitKeys(ids.stream().map(id -> "acme:" + id).toList());
            assertThat(records).allSatisfy(r -> assertThat(value(r)).contains(marker));
        }
    }

    @Test
    void acceptsTextPlainAsNdjsonAndASingleJsonObject() {
        String marker = aMarker();
        post(
                        ACME_KEY,
                        "text/plain",
                        anEvent(marker).json() + "\n" + anEvent(marker).json())
                .then()
                .statusCode(202)
                .body("accepted", equalTo(2));
        String prettyObject = anEvent(marker).node().toPrettyString();
        post(ACME_KEY, "application/json", prettyObject).then().statusCode(202).body("accepted", equalTo(1));
    }

    @Test
    void stampsTheTenantOfTheKeyAndKeepsAClaimedTenantAsUnmapped() {
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            Response response = post(
                    ACME_KEY,
                    "application/json",
                    anEvent(marker).withTenant("globex").json());

            response.then().statusCode(202);
            String id = response.jsonPath().getList("ingest_ids", String.class).getFirst();
            ConsumerRecord<String, byte[]> record =
                    topic.awaitKeys(List.of("acme:" + id)).getFirst();
            JsonNode event = readTree(record);
            assertThat(event.get("tenant").textValue()).isEqualTo("acme");
            // the payload's claim stays a source field; it never chooses the tenant
            assertThat(event.at("/unmapped/tenant").textValue()).isEqualTo("globex");
            assertThat(event.at("/metadata/tenant_uid").textValue()).isEqualTo("acme");
            assertThat(header(record, "tenant")).isEqualTo("acme");
            assertThat(topic.matching(r -> r.key().startsWith("globex:") && value(r).contains(marker)))
                    .isEmpty();
        }
    }

    @Test
    void rejectsAnUnknownKeyWith401AndPublishesNothing() {
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            post(
                            "sk_test_nobody_knows_this",
                            "application/json",
                            anEvent(marker).json())
                    .then()
                    .statusCode(401)
                    .contentType(PROBLEM)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("type", equalTo("https://socaas.io/problems/invalid-ingest-key"))
                    .body("status", equalTo(401))
                    .body("instance", equalTo(EVENTS));

            assertNothingPublishedWith(topic, marker);
        }
    }

    @Test
    void rejectsARequestWithoutBearerKeyWith401() {
        given().contentType("application/json")
                .body(anEvent(aMarker()).json().getBytes(StandardCharsets.UTF_8))
                .post(EVENTS)
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void rejectsNdjsonWithAMalformedThirdLineNamingLine3AndPublishesNothing() {
        String marker = aMarker();
        String body = IntakeTestData.ndjson(
                List.of(
                        anEvent(marker).json(),
                        anEvent(marker).json(),
                        "{\"EventID\": 4625, oops}",
                        anEvent(marker).json()),
                "\n");
        try (EventsTopic topic = EventsTopic.fromNow()) {
            post(ACME_KEY, NDJSON, body)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("type", equalTo("https://socaas.io/problems/malformed-events"))
                    .body("detail", startsWith("line 3: malformed JSON"))
                    .body("line", equalTo(3));

            assertNothingPublishedWith(topic, marker);
        }
    }

    @Test
    void rejectsAnArrayElementThatIsNotAnObject() {
        post(ACME_KEY, "application/json", "[\n{\"a\": 1},\n[1, 2]\n]")
                .then()
                .statusCode(400)
                .body("detail", equalTo("line 3: expected a JSON object, found an array"))
                .body("line", equalTo(3));
    }

    @Test
    void rejectsAnEmptyBody() {
        post(ACME_KEY, NDJSON, "\n\n").then().statusCode(400).body("type", containsString("no-events"));
    }

    @Test
    void rejectsMoreEventsThanAllowedWith413() {
        String marker = aMarker();
        // %test limit: 50 events per request
        List<String> lines =
                IntStream.range(0, 51).mapToObj(i -> anEvent(marker).json()).toList();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            post(ACME_KEY, NDJSON, IntakeTestData.ndjson(lines, "\n"))
                    .then()
                    .statusCode(413)
                    .contentType(PROBLEM)
                    .body("type", equalTo("https://socaas.io/problems/too-many-events"))
                    .body("line", equalTo(51));

            assertNothingPublishedWith(topic, marker);
        }
    }

    @Test
    void rejectsALargerBodyThanAllowedWith413() {
        // %test limit: 64 KiB per request
        String body = anEvent(aMarker()).with("padding", "x".repeat(70 * 1024)).json();

        post(ACME_KEY, "application/json", body)
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("type", equalTo("https://socaas.io/problems/body-too-large"));
    }

    @Test
    void rejectsABodyOverTheServersHardLimitWithTheSameProblem() {
        // over quarkus.http.limits.max-body-size (6M), where the server itself would cut the body off
        String body =
                anEvent(aMarker()).with("padding", "x".repeat(7 * 1024 * 1024)).json();

        post(ACME_KEY, "application/json", body)
                .then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("type", equalTo("https://socaas.io/problems/body-too-large"))
                .body("detail", containsString("at most"));
    }

    @Test
    void rejectsABatchWithAnEventTooLargeForTheBusWith413NamingItAndPublishesNothing() {
        // %test limits: 16 KiB per event, 64 KiB per request
        String marker = aMarker();
        String body = "[" + anEvent(marker).json() + ","
                + anEvent(marker).with("padding", "x".repeat(20 * 1024)).json() + "]";
        try (EventsTopic topic = EventsTopic.fromNow()) {
            post(ACME_KEY, "application/json", body)
                    .then()
                    .statusCode(413)
                    .contentType(PROBLEM)
                    .body("type", equalTo("https://socaas.io/problems/event-too-large"))
                    .body("event", equalTo(2));
            assertNothingPublishedWith(topic, marker);
        }
    }

    @Test
    void answers503AndPublishesNothingWhenTheTenantDirectoryIsUnavailable() {
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            post(DIRECTORY_DOWN_KEY, "application/json", anEvent(marker).json())
                    .then()
                    .statusCode(503)
                    .contentType(PROBLEM)
                    .body("type", equalTo("https://socaas.io/problems/tenant-directory-unavailable"))
                    .body("detail", startsWith("The tenant of this ingest key cannot be verified"));

            assertNothingPublishedWith(topic, marker);
        }
    }

    @Test
    void asksTheTenantDirectoryOnceForARepeatedlyUsedKey() {
        String marker = aMarker();
        for (int i = 0; i < 3; i++) {
            post(CACHED_ACME_KEY, NDJSON, anEvent(marker).json()).then().statusCode(202);
        }

        assertThat(FakeTenantDirectory.callsFor(CACHED_ACME_KEY)).isEqualTo(1);
    }

    @Test
    void resolvesKeysWithIngestionsOwnKeycloakToken() throws Exception {
        post(ACME_KEY, NDJSON, anEvent(aMarker()).json()).then().statusCode(202);
        // a key never seen before: resolved now, with the service's client-credentials token
        post(GLOBEX_KEY, NDJSON, anEvent(aMarker()).json()).then().statusCode(202);

        String authorization = FakeTenantDirectory.lastAuthorization();
        assertThat(authorization).startsWith("Bearer ");
        var claims = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.util.Base64.getUrlDecoder()
                        .decode(authorization.substring(7).split("\\.")[1]));
        assertThat(claims.path("azp").asText()).isEqualTo("socaas-ingestion");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"svc-ingest-keys\"");
    }

    @Test
    void rejectsAnUnsupportedContentTypeAsProblem() {
        given().header("Authorization", "Bearer " + ACME_KEY)
                .contentType("application/xml")
                .body("<event/>".getBytes(StandardCharsets.UTF_8))
                .post(EVENTS)
                .then()
                .statusCode(415)
                .contentType(PROBLEM);
    }

    @Test
    void countsAcceptedEventsPerTenantAndRejectionsPerReason() {
        post(GLOBEX_KEY, "application/json", anEvent(aMarker()).json()).then().statusCode(202);
        post("sk_test_unknown_for_metrics", "application/json", "{}").then().statusCode(401);

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("socaas_ingestion_events_accepted_total\\{[^}]*tenant=\"globex\"[^}]*} [1-9]")
                .containsPattern(
                        "socaas_ingestion_requests_rejected_total\\{[^}]*reason=\"invalid-ingest-key\"[^}]*} [1-9]");
    }

    @Test
    void documentsTheEndpointWithJsonAndNdjsonExamplesAndProblemResponses() {
        String post = "paths.'/api/v1/events'.post.";
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(post + "requestBody.content.'application/json'.examples.array.value", hasSize(2))
                .body(post + "requestBody.content.'application/x-ndjson'.examples.ndjson.value", containsString("}\n{"))
                .body(
                        post + "responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        containsString("ProblemDetail"))
                .body(
                        post + "responses.'401'.content.'application/problem+json'.schema.'$ref'",
                        containsString("ProblemDetail"))
                .body(
                        post + "responses.'413'.content.'application/problem+json'.schema.'$ref'",
                        containsString("ProblemDetail"))
                .body(
                        post + "responses.'503'.content.'application/problem+json'.schema.'$ref'",
                        containsString("ProblemDetail"))
                // the tenant's plan quota: its own 429, not the generic rate limit's
                .body(
                        post + "responses.'429'.content.'application/problem+json'.schema.'$ref'",
                        containsString("ProblemDetail"))
                .body(post + "responses.'429'.description", containsString("quota"))
                .body(post + "responses.'429'.headers.'Retry-After'.schema.type", equalTo("integer"))
                .body("components.schemas.ProblemDetail.properties.line.type", equalTo("integer"))
                .body("components.schemas.ProblemDetail.properties.burst.type", equalTo("integer"));
    }

    @Test
    void reportsKafkaInReadiness() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("events-out"));
    }

    /** Sends a valid sentinel request, then checks every record produced meanwhile. */
    private static void assertNothingPublishedWith(EventsTopic topic, String marker) {
        String sentinel = aMarker();
        Response response = post(ACME_KEY, "application/json", anEvent(sentinel).json());
        response.then().statusCode(202);
        String sentinelKey = "acme:"
                + response.jsonPath().getList("ingest_ids", String.class).getFirst();
        topic.awaitKeys(List.of(sentinelKey));

        List<ConsumerRecord<String, byte[]>> all = topic.drainToEnd();
        assertThat(all).extracting(ConsumerRecord::key).contains(sentinelKey);
        assertThat(all).noneMatch(r -> value(r).contains(marker));
    }

    @Test
    void aRetriedBatchWithAnIdempotencyKeyGetsTheSameIngestIds() {
        String marker = aMarker();
        String body =
                IntakeTestData.array(List.of(anEvent(marker), anEvent(marker).with("EventID", 4624)));
        Response first = given().header("Authorization", "Bearer " + ACME_KEY)
                .header("Idempotency-Key", "batch-" + marker)
                .contentType("application/json")
                .body(body)
                .post(EVENTS);
        Response retry = given().header("Authorization", "Bearer " + ACME_KEY)
                .header("Idempotency-Key", "batch-" + marker)
                .contentType("application/json")
                .body(body)
                .post(EVENTS);
        Response without = post(ACME_KEY, "application/json", body);

        first.then().statusCode(202);
        retry.then().statusCode(202);
        List<String> ids = first.jsonPath().getList("ingest_ids", String.class);
        assertThat(ids).hasSize(2).allMatch(IngestIds::isValid).doesNotHaveDuplicates();
        assertThat(retry.jsonPath().getList("ingest_ids", String.class)).isEqualTo(ids);
        assertThat(without.jsonPath().getList("ingest_ids", String.class)).doesNotContainAnyElementsOf(ids);
    }

    @Test
    void refusesAnUnprintableIdempotencyKeyWithAProblem() {
        given().header("Authorization", "Bearer " + ACME_KEY)
                .header("Idempotency-Key", "has space")
                .contentType("application/json")
                .body("{\"a\":1}")
                .post(EVENTS)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", containsString("invalid-idempotency-key"));
    }

    private static Response post(String key, String contentType, String body) {
        return given().header("Authorization", "Bearer " + key)
                .contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post(EVENTS);
    }

    private static JsonNode readTree(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.socaas.ingestion.intake;

import static io.restassured.RestAssured.given;
import static io.socaas.ingestion.intake.EventsTopic.header;
import static io.socaas.ingestion.intake.FakeTenantDirectory.ACME_KEY;
import static io.socaas.ingestion.intake.IntakeTestData.aMarker;
import static io.socaas.ingestion.intake.IntakeTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.socaas.localstack.testing.LocalStackResource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Downstream services continue the trace of the request that brought an event in: every record on
 * {@code soc.events.v1} carries a W3C {@code traceparent} header of that request's trace.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TenantDirectoryOnTestPort.class, restrictToAnnotatedClass = false)
class EventTracePropagationTest {

    /** version 00, trace id, parent span id, flags (W3C Trace Context, level 1). */
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    @Test
    void recordsContinueTheTraceOfTheCallerThatSentTheEvents() {
        String callerTraceId = randomHex(32);
        String callerSpanId = randomHex(16);
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            Response response = post(
                    "00-" + callerTraceId + "-" + callerSpanId + "-01",
                    IntakeTestData.array(List.of(anEvent(marker), anEvent(marker))));

            List<ConsumerRecord<String, byte[]>> records = topic.awaitKeys(keysOf(response));
            assertThat(records).hasSize(2).allSatisfy(record -> {
                Matcher traceparent = traceparentOf(record);
                assertThat(traceparent.group(1)).as("trace id").isEqualTo(callerTraceId);
                assertThat(traceparent.group(2))
                        .as("parent span: a span of ingestion, not the caller's")
                        .isNotEqualTo(callerSpanId);
                assertThat(traceparent.group(3))
                        .as("sampled, as the caller asked")
                        .isEqualTo("01");
            });
        }
    }

    @Test
    void startsOneTraceForARequestWithoutTraceContextAndPutsItOnEveryRecord() {
        String marker = aMarker();
        try (EventsTopic topic = EventsTopic.fromNow()) {
            Response response = post(null, IntakeTestData.array(List.of(anEvent(marker), anEvent(marker))));

            List<ConsumerRecord<String, byte[]>> records = topic.awaitKeys(keysOf(response));
            List<String> traceIds =
                    records.stream().map(r -> traceparentOf(r).group(1)).toList();
            assertThat(traceIds).hasSize(2).doesNotContain("0".repeat(32));
            assertThat(traceIds.get(1)).as("one request, one trace").isEqualTo(traceIds.get(0));
        }
    }

    private static Response post(String traceparent, String body) {
        var request = given().header("Authorization", "Bearer " + ACME_KEY).contentType("application/json");
        if (traceparent != null) {
            request = request.header("traceparent", traceparent);
        }
        Response response = request.body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/events")
                .andReturn();
        response.then().statusCode(202);
        return response;
    }

    private static List<String> keysOf(Response response) {
        return response.jsonPath().getList("ingest_ids", String.class).stream()
                .map(id -> "acme:" + id)
                .toList();
    }

    private static Matcher traceparentOf(ConsumerRecord<String, byte[]> record) {
        String value = header(record, "traceparent");
        assertThat(value).as("traceparent header of %s", record.key()).isNotNull();
        Matcher matcher = TRACEPARENT.matcher(value);
        assertThat(matcher.matches()).as("W3C traceparent: %s", value).isTrue();
        return matcher;
    }

    /** {@code chars} random lower-case hex digits (at most 32). */
    private static String randomHex(int chars) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, chars);
    }
}

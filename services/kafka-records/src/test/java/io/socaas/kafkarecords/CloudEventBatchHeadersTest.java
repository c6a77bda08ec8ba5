package io.socaas.kafkarecords;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.events.RecordHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class CloudEventBatchHeadersTest {

    @Test
    void eachRecordOfABatchCarriesTheSameHeadersAsASingleRecordWithItsOwnId() {
        Instant time = Instant.parse("2026-12-03T04:05:06.789Z");
        CloudEventBatchHeaders batch = new CloudEventBatchHeaders(
                RecordHeaders.TYPE_EVENT_INGESTED, RecordHeaders.SOURCE_INGESTION, time.toString(), "acme");

        Headers first = batch.forRecord("01JA");
        Headers second = batch.forRecord("01JB");

        assertThat(pairs(first))
                .isEqualTo(pairs(KafkaHeaders.cloudEvent(
                        "01JA", RecordHeaders.TYPE_EVENT_INGESTED, RecordHeaders.SOURCE_INGESTION, time, "acme")));
        assertThat(KafkaHeaders.text(second, RecordHeaders.ID)).isEqualTo("01JB");
        assertThat(KafkaHeaders.text(second, RecordHeaders.TENANT)).isEqualTo("acme");
    }

    @Test
    void extraHeadersFollowTheTenantOnEveryRecordAndEachRecordsSetIsItsOwn() {
        CloudEventBatchHeaders batch = new CloudEventBatchHeaders(
                RecordHeaders.TYPE_EVENT_INGESTED,
                RecordHeaders.SOURCE_INGESTION,
                "2026-12-03T04:05:06.789Z",
                "acme",
                new RecordHeader("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8)));

        Headers one = batch.forRecord("01JA");
        one.add("dlq_reason", "x".getBytes(StandardCharsets.UTF_8));

        assertThat(KafkaHeaders.text(one, "traceparent")).isEqualTo("00-abc-def-01");
        assertThat(KafkaHeaders.text(batch.forRecord("01JB"), "traceparent")).isEqualTo("00-abc-def-01");
        assertThat(batch.forRecord("01JB").lastHeader("dlq_reason")).isNull();
    }

    private static List<String> pairs(Headers headers) {
        return StreamSupport.stream(headers.spliterator(), false)
                .map(CloudEventBatchHeadersTest::pair)
                .toList();
    }

    private static String pair(Header header) {
        return header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8);
    }
}

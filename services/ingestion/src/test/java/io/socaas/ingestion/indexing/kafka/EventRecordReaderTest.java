package io.socaas.ingestion.indexing.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.RecordHeaders;
import io.socaas.ingestion.indexing.domain.EventTimeBounds;
import io.socaas.ingestion.indexing.kafka.EventRecordReader.Indexable;
import io.socaas.ingestion.indexing.kafka.EventRecordReader.Rejected;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class EventRecordReaderTest {

    private final EventRecordReader reader =
            new EventRecordReader(new ObjectMapper(), new EventTimeBounds(Duration.ofDays(30), Duration.ofHours(1)));

    private static ConsumerRecord<String, byte[]> record(String tenantHeader, String json) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(
                RecordHeaders.TOPIC_EVENTS, 0, 7L, "k", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        if (tenantHeader != null) {
            record.headers().add(RecordHeaders.TENANT, tenantHeader.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void anEventOfTheHeadersTenantIsIndexedUnderItsIngestIdOnTheDayOfReception() {
        var read = reader.read(record(
                "acme",
                "{\"tenant\":\"acme\",\"ingest_id\":\"01J1\",\"received_time\":\"2026-12-02T23:59:59+00:00\"}"));

        assertThat(read).isInstanceOfSatisfying(Indexable.class, i -> {
            assertThat(i.tenant().value()).isEqualTo("acme");
            assertThat(i.ingestId()).isEqualTo("01J1");
            assertThat(i.day()).isEqualTo(LocalDate.of(2026, 12, 2));
        });
    }

    @Test
    void aNormalizedEventNamesItsTenantAndIdUnderMetadata() {
        var read = reader.read(record(
                "acme",
                "{\"metadata\":{\"tenant\":\"acme\",\"ingest_id\":\"01J2\"},\"time\":1796126400000,"
                        + "\"received_time\":\"2026-12-02T10:00:00Z\"}"));

        assertThat(read).isInstanceOfSatisfying(Indexable.class, i -> {
            assertThat(i.ingestId()).isEqualTo("01J2");
            // its own time, the day before its reception
            assertThat(i.day()).isEqualTo(LocalDate.of(2026, 12, 1));
        });
    }

    @Test
    void recordsThatCannotBeIndexedAreRejectedWithTheirReason() {
        assertThat(reason(record(null, "{\"tenant\":\"acme\",\"ingest_id\":\"1\"}")))
                .isEqualTo("missing-tenant");
        assertThat(reason(record("Not A Tenant", "{}"))).isEqualTo("missing-tenant");
        assertThat(reason(record("acme", "{\"tenant\":\"globex\",\"ingest_id\":\"1\"}")))
                .isEqualTo("tenant-mismatch");
        assertThat(reason(record(
                        "acme", "{\"tenant\":\"acme\",\"metadata\":{\"tenant\":\"globex\"},\"ingest_id\":\"1\"}")))
                .isEqualTo("tenant-mismatch");
        assertThat(reason(record("acme", "{\"tenant\":7,\"ingest_id\":\"1\"}"))).isEqualTo("tenant-mismatch");
        assertThat(reason(record("acme", "{\"ingest_id\":\"1\"}"))).isEqualTo("tenant-mismatch");
        assertThat(reason(record("acme", "{\"tenant\":\"acme\"}"))).isEqualTo("missing-ingest-id");
        assertThat(reason(record("acme", "{\"tenant\":\"acme\",\"ingest_id\":\"" + "x".repeat(513) + "\"}")))
                .isEqualTo("missing-ingest-id");
        assertThat(reason(record("acme", "[1,2]"))).isEqualTo("malformed-event");
        assertThat(reason(record("acme", "{\"tenant\":"))).isEqualTo("malformed-event");
        assertThat(reason(record("acme", null))).isEqualTo("malformed-event");
        assertThat(reason(record("acme", ""))).isEqualTo("malformed-event");
        assertThat(reason(record("acme", "{\"tenant\":\"acme\",\"ingest_id\":\"1\",\"x\":[1,}")))
                .isEqualTo("malformed-event");
        // the bytes are the document: a second value behind the object is not sent along
        assertThat(reason(record("acme", "{\"tenant\":\"acme\",\"ingest_id\":\"1\"} {\"tenant\":\"globex\"}")))
                .isEqualTo("malformed-event");
    }

    @Test
    void aPayloadThatNamesItsTenantTwiceMustNameTheHeadersBothTimes() {
        assertThat(reason(record("acme", "{\"tenant\":\"acme\",\"tenant\":\"globex\",\"ingest_id\":\"1\"}")))
                .isEqualTo("tenant-mismatch");
        assertThat(
                        reason(
                                record(
                                        "acme",
                                        "{\"metadata\":{\"tenant\":\"globex\",\"tenant\":\"acme\"},\"tenant\":\"acme\",\"ingest_id\":\"1\"}")))
                .isEqualTo("tenant-mismatch");
        assertThat(reason(record("acme", "{\"tenant\":{\"id\":\"acme\"},\"ingest_id\":\"1\"}")))
                .isEqualTo("tenant-mismatch");
    }

    @Test
    void theDocumentIsTheRecordsValueAsItCameWithNestedMembersSkippedUnread() {
        String json = "{\"unmapped\":{\"tenant\":\"globex\",\"ingest_id\":\"x\",\"time\":0},"
                + "\"tenant\":\"acme\",\"actor\":{\"user\":{\"name\":\"root\"}},\"ingest_id\":\"01J3\","
                + "\"time\":1796126400000,\"received_time\":\"2026-12-02T10:00:00Z\",\"raw_data\":\"a\\nb\"}";
        ConsumerRecord<String, byte[]> record = record("acme", json);

        var read = reader.read(record);

        assertThat(read).isInstanceOfSatisfying(Indexable.class, i -> {
            assertThat(i.source()).isSameAs(record.value());
            assertThat(i.ingestId()).isEqualTo("01J3");
            assertThat(i.day()).isEqualTo(LocalDate.of(2026, 12, 1));
        });
    }

    @Test
    void aTimeThatIsNoIntegralNumberFallsBackToTheDayOfReception() {
        for (String time : new String[] {"\"1796126400000\"", "1.7961264E12", "99999999999999999999999", "null"}) {
            var read = reader.read(record(
                    "acme",
                    "{\"tenant\":\"acme\",\"ingest_id\":\"1\",\"time\":" + time
                            + ",\"received_time\":\"2026-12-02T10:00:00Z\"}"));

            assertThat(read)
                    .isInstanceOfSatisfying(
                            Indexable.class, i -> assertThat(i.day()).as(time).isEqualTo(LocalDate.of(2026, 12, 2)));
        }
    }

    private String reason(ConsumerRecord<String, byte[]> record) {
        var read = reader.read(record);
        assertThat(read).isInstanceOf(Rejected.class);
        return ((Rejected) read).reason();
    }
}

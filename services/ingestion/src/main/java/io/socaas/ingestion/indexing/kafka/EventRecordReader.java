package io.socaas.ingestion.indexing.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.RecordHeaders;
import io.socaas.events.TenantId;
import io.socaas.ingestion.indexing.domain.EventTimeBounds;
import io.socaas.kafkarecords.KafkaHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads one record of soc.events.v1 for indexing. The tenant is the record's {@code tenant} header
 * (set by ingestion from the credential that brought the event in); the payload must name the same
 * tenant (top-level {@code tenant} and, when present, {@code metadata.tenant}), or the record is
 * rejected: a record whose header and payload disagree is never indexed, under either tenant.
 */
final class EventRecordReader {

    /** OpenSearch refuses document ids over 512 bytes. */
    private static final int MAX_ID_BYTES = 512;

    /** What became of one record. */
    sealed interface Read permits Indexable, Rejected {
        ConsumerRecord<String, byte[]> record();
    }

    /** To be indexed as {@code document} with id {@code ingestId} into the tenant's index of {@code day}. */
    record Indexable(
            ConsumerRecord<String, byte[]> record, TenantId tenant, String ingestId, LocalDate day, JsonNode document)
            implements Read {
        int size() {
            return record.value() == null ? 0 : record.value().length;
        }
    }

    /**
     * Not indexable: goes to the dead-letter topic.
     *
     * @param reason a stable slug (metrics tag and the first part of {@code dlq_reason})
     */
    record Rejected(ConsumerRecord<String, byte[]> record, String reason, String detail) implements Read {}

    private final ObjectMapper json;
    private final EventTimeBounds bounds;

    EventRecordReader(ObjectMapper json, EventTimeBounds bounds) {
        this.json = Objects.requireNonNull(json);
        this.bounds = Objects.requireNonNull(bounds);
    }

    Read read(ConsumerRecord<String, byte[]> record) {
        String header = KafkaHeaders.text(record.headers(), RecordHeaders.TENANT);
        if (!TenantId.isValid(header)) {
            return new Rejected(record, "missing-tenant", "no valid tenant header: " + quoted(header));
        }
        TenantId tenant = TenantId.of(header);
        JsonNode event;
        try {
            event = record.value() == null ? null : json.readTree(record.value());
        } catch (JsonProcessingException e) {
            return new Rejected(record, "malformed-event", e.getOriginalMessage());
        } catch (IOException e) {
            return new Rejected(record, "malformed-event", String.valueOf(e.getMessage()));
        }
        if (event == null || !event.isObject()) {
            return new Rejected(record, "malformed-event", "not a JSON object");
        }
        String payloadTenant = named(event.get("tenant"));
        String metadataTenant = named(event.path("metadata").get("tenant"));
        if (payloadTenant == null && metadataTenant == null) {
            return new Rejected(record, "tenant-mismatch", "header " + header + ", the payload names no tenant");
        }
        for (String named : new String[] {payloadTenant, metadataTenant}) {
            if (named != null && !named.equals(header)) {
                return new Rejected(record, "tenant-mismatch", "header " + header + ", payload " + quoted(named));
            }
        }
        String ingestId = text(event.get("ingest_id"));
        if (ingestId == null) {
            ingestId = text(event.path("metadata").get("ingest_id"));
        }
        if (ingestId == null || ingestId.isBlank() || ingestId.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            return new Rejected(record, "missing-ingest-id", "no usable ingest_id: " + quoted(ingestId));
        }
        JsonNode time = event.get("time");
        Long eventTime = time != null && time.canConvertToLong() && time.isIntegralNumber() ? time.asLong() : null;
        LocalDate day = bounds.dayOf(eventTime, receivedTime(event, record));
        return new Indexable(record, tenant, ingestId, day, event);
    }

    /** {@code received_time} (RFC 3339); the record's timestamp when it has none that parses. */
    private static Instant receivedTime(JsonNode event, ConsumerRecord<String, byte[]> record) {
        String received = text(event.get("received_time"));
        if (received != null) {
            try {
                return OffsetDateTime.parse(received).toInstant();
            } catch (DateTimeParseException e) {
                // not RFC 3339: the record's own timestamp (when it was published) stands in
            }
        }
        return Instant.ofEpochMilli(Math.max(0, record.timestamp()));
    }

    /** A tenant named by the payload: its text, or the JSON of a non-text value (which matches no header). */
    private static String named(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return null;
        }
        return node.isTextual() ? node.asText() : node.toString();
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static String quoted(String value) {
        if (value == null) {
            return "none";
        }
        return "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
    }
}

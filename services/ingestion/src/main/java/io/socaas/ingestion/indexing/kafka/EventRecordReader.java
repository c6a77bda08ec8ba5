package io.socaas.ingestion.indexing.kafka;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads one record of soc.events.v1 for indexing. The tenant is the record's {@code tenant} header
 * (set by ingestion from the credential that brought the event in); the payload must name the same
 * tenant (top-level {@code tenant} and, when present, {@code metadata.tenant}), or the record is
 * rejected: a record whose header and payload disagree is never indexed, under either tenant (a
 * payload that names a tenant twice must name the header's both times).
 *
 * <p>The record's value is streamed once to find those few members and is then indexed as it is:
 * no tree of the event is built and no JSON written again.
 */
final class EventRecordReader {

    /** OpenSearch refuses document ids over 512 bytes. */
    private static final int MAX_ID_BYTES = 512;

    /** What became of one record. */
    sealed interface Read permits Indexable, Rejected {
        ConsumerRecord<String, byte[]> record();
    }

    /** To be indexed as the record's value with id {@code ingestId} into the tenant's index of {@code day}. */
    record Indexable(ConsumerRecord<String, byte[]> record, TenantId tenant, String ingestId, LocalDate day)
            implements Read {

        /** The document: the record's value as it is, never parsed into a tree and written again. */
        byte[] source() {
            return record.value();
        }

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
        Fields fields;
        try {
            fields = fields(record.value());
        } catch (JsonProcessingException e) {
            return new Rejected(record, "malformed-event", e.getOriginalMessage());
        } catch (IOException e) {
            return new Rejected(record, "malformed-event", String.valueOf(e.getMessage()));
        }
        if (fields == null) {
            return new Rejected(record, "malformed-event", "not a JSON object");
        }
        if (fields.tenants.isEmpty()) {
            return new Rejected(record, "tenant-mismatch", "header " + header + ", the payload names no tenant");
        }
        for (String named : fields.tenants) {
            if (!named.equals(header)) {
                return new Rejected(record, "tenant-mismatch", "header " + header + ", payload " + quoted(named));
            }
        }
        String ingestId = fields.ingestId != null ? fields.ingestId : fields.metadataIngestId;
        if (ingestId == null || ingestId.isBlank() || ingestId.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            return new Rejected(record, "missing-ingest-id", "no usable ingest_id: " + quoted(ingestId));
        }
        LocalDate day = bounds.dayOf(fields.time, receivedTime(fields.receivedTime, record));
        return new Indexable(record, tenant, ingestId, day);
    }

    /** The members the indexer needs, read from the record's bytes without building a tree. */
    private static final class Fields {
        /** Every tenant the payload names (top-level and {@code metadata.tenant}, each occurrence). */
        final List<String> tenants = new ArrayList<>(2);

        String ingestId;
        String metadataIngestId;
        Long time;
        String receivedTime;
    }

    /**
     * Streams over the whole value (so that malformed JSON is noticed) and picks out {@code tenant},
     * {@code ingest_id}, {@code time}, {@code received_time} and {@code metadata.tenant} /
     * {@code metadata.ingest_id}; every other member is skipped unread.
     *
     * @return null when the value is not one JSON object (nothing, an array, a scalar, or an object
     *     followed by more content)
     */
    private Fields fields(byte[] value) throws IOException {
        if (value == null) {
            return null;
        }
        try (JsonParser p = json.getFactory().createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Fields f = new Fields();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                switch (name) {
                    case "tenant" -> f.tenants.add(named(p, token));
                    case "ingest_id" -> f.ingestId = text(p, token);
                    case "received_time" -> f.receivedTime = text(p, token);
                    case "time" -> f.time = integral(p, token);
                    case "metadata" -> {
                        if (token == JsonToken.START_OBJECT) {
                            metadata(p, f);
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            // a second value after the object would be sent to OpenSearch as well
            return p.nextToken() == null ? f : null;
        }
    }

    private static void metadata(JsonParser p, Fields f) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            switch (name) {
                case "tenant" -> f.tenants.add(named(p, token));
                case "ingest_id" -> f.metadataIngestId = text(p, token);
                default -> p.skipChildren();
            }
        }
    }

    /** A tenant named by the payload: its text, or a marker for a non-text value (which matches no header). */
    private static String named(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        String shown = token.isScalarValue() ? p.getText() : token == JsonToken.START_OBJECT ? "{…}" : "[…]";
        p.skipChildren();
        return shown;
    }

    private static String text(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** An integral number that fits a long, else null. */
    private static Long integral(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        p.skipChildren();
        return null;
    }

    /** {@code received_time} (RFC 3339); the record's timestamp when it has none that parses. */
    private static Instant receivedTime(String received, ConsumerRecord<String, byte[]> record) {
        if (received != null) {
            try {
                return OffsetDateTime.parse(received).toInstant();
            } catch (DateTimeParseException e) {
                // not RFC 3339: the record's own timestamp (when it was published) stands in
            }
        }
        return Instant.ofEpochMilli(Math.max(0, record.timestamp()));
    }

    private static String quoted(String value) {
        if (value == null) {
            return "none";
        }
        return "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
    }
}

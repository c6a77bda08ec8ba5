package io.socaas.kafkarecords;

import io.socaas.events.RecordHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The platform's record headers as Kafka headers. */
public final class KafkaHeaders {

    private KafkaHeaders() {}

    /** The CloudEvents headers (binary mode) and the tenant of a record ({@link RecordHeaders#cloudEvent}). */
    public static Headers cloudEvent(String id, String type, String source, Instant time, String tenant) {
        Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        RecordHeaders.cloudEvent(id, type, source, time, tenant)
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    /** A header's value as text; null when absent. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

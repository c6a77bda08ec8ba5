package io.socaas.kafkarecords;

import io.socaas.events.RecordHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The CloudEvents headers (binary mode) and the tenant of the records of one batch: type, source,
 * time and tenant are the same for all of them, only {@code ce_id} differs. The shared values are
 * encoded once per batch; each record's headers are the same set, in the same order, as {@link
 * KafkaHeaders#cloudEvent} writes, plus any extra headers of the batch (such as a trace context).
 */
public final class CloudEventBatchHeaders {

    private static final byte[] SPEC_VERSION_VALUE = RecordHeaders.SPEC_VERSION_VALUE.getBytes(StandardCharsets.UTF_8);

    private final Header specVersion;
    private final Header type;
    private final Header source;
    private final Header time;
    private final Header tenant;
    private final Header[] extra;

    /**
     * @param time the records' time, already written as RFC 3339
     * @param extra further headers every record of the batch carries (after the tenant)
     */
    public CloudEventBatchHeaders(String type, String source, String time, String tenant, Header... extra) {
        this.specVersion = new RecordHeader(RecordHeaders.SPEC_VERSION, SPEC_VERSION_VALUE);
        this.type = utf8(RecordHeaders.TYPE, Objects.requireNonNull(type, "type"));
        this.source = utf8(RecordHeaders.SOURCE, Objects.requireNonNull(source, "source"));
        this.time = utf8(RecordHeaders.TIME, Objects.requireNonNull(time, "time"));
        this.tenant = utf8(RecordHeaders.TENANT, Objects.requireNonNull(tenant, "tenant"));
        this.extra = extra.clone();
    }

    /** The headers of the batch's record {@code id}: a new, writable set. */
    public Headers forRecord(String id) {
        Header[] headers = new Header[6 + extra.length];
        headers[0] = specVersion;
        headers[1] = utf8(RecordHeaders.ID, Objects.requireNonNull(id, "id"));
        headers[2] = type;
        headers[3] = source;
        headers[4] = time;
        headers[5] = tenant;
        System.arraycopy(extra, 0, headers, 6, extra.length);
        return new org.apache.kafka.common.header.internals.RecordHeaders(headers);
    }

    private static Header utf8(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

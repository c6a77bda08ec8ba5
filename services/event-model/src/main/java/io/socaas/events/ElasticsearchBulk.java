package io.socaas.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.events.InvalidEventBatchException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Elasticsearch bulk requests read as the documents they carry, so that shippers that speak only
 * Elasticsearch's API (Winlogbeat, Filebeat and the other Beats, Logstash's and Fluent Bit's
 * elasticsearch outputs, Vector's elasticsearch sink, NXLog's om_elasticsearch) can send to a
 * tenant.
 *
 * <p>A bulk body is NDJSON: an action line ({@code {"create": {"_index": ...}}} or {@code
 * {"index": {...}}}) followed by its document. Each document is an event as it is; the action's
 * index is not used (the tenant's indices are chosen by its ingest key). {@code update} and {@code
 * delete} actions change stored documents, which an event intake does not do: a body with one is
 * refused as a whole.
 */
public final class ElasticsearchBulk {

    private ElasticsearchBulk() {}

    /** Longest document id taken (Elasticsearch's own limit is 512 bytes). */
    public static final int MAX_ID_LENGTH = 512;

    /**
     * An action of a bulk body and the document it carries; {@code id} is the action's {@code _id}
     * (null when it names none, or one longer than {@value #MAX_ID_LENGTH}).
     */
    public record Document(String action, String index, String id, JsonEvent event) {
        public Document {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * The documents of a bulk body parsed as NDJSON (one object per line, {@link
     * EventBatchParser.Format#NDJSON}), in order.
     *
     * @throws InvalidEventBatchException when an action is not {@code create} or {@code index}, is
     *     not followed by its document, or a line is no action where one is due
     */
    public static List<Document> documents(List<JsonEvent> lines) {
        Objects.requireNonNull(lines, "lines");
        List<Document> documents = new ArrayList<>(lines.size() / 2);
        for (int i = 0; i < lines.size(); i += 2) {
            ObjectNode action = lines.get(i).handOver();
            int position = i / 2;
            if (action.size() != 1) {
                throw InvalidEventBatchException.atEvent(
                        Kind.MALFORMED_JSON,
                        i + 1,
                        position,
                        "expected an action ({\"create\": {...}} or {\"index\": {...}}) with one member, found "
                                + action.size() + " members",
                        null);
            }
            String name = action.fieldNames().next();
            if (!name.equals("create") && !name.equals("index")) {
                throw InvalidEventBatchException.atEvent(
                        Kind.MALFORMED_JSON,
                        i + 1,
                        position,
                        "action '" + name + "' is not accepted: only create and index add events",
                        null);
            }
            if (i + 1 >= lines.size()) {
                throw InvalidEventBatchException.atEvent(
                        Kind.MALFORMED_JSON, i + 1, position, "the " + name + " action has no document after it", null);
            }
            JsonNode index = action.get(name).path("_index");
            JsonNode id = action.get(name).path("_id");
            documents.add(new Document(
                    name,
                    index.isTextual() ? index.textValue() : null,
                    id.isTextual()
                                    && !id.textValue().isEmpty()
                                    && id.textValue().length() <= MAX_ID_LENGTH
                            ? id.textValue()
                            : null,
                    lines.get(i + 1)));
        }
        return documents;
    }
}

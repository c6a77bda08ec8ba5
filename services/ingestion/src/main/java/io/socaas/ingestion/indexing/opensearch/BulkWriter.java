package io.socaas.ingestion.indexing.opensearch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * Writes documents with one bulk request and says what became of each. Documents are created with
 * their id ({@code op_type=create}): a document that already exists (a replay, or a retry of a bulk
 * whose answer was lost) is left as it is and counts as written, so the same event is never indexed
 * twice and a replay rewrites nothing.
 *
 * <p>The request body is written here, from each document's JSON bytes as they came (the record's
 * value), through the OpenSearch client's generic API: the typed bulk API would serialize a document
 * object, so every event would be parsed into one and written again. The answer is asked for with a
 * {@code filter_path} that leaves only each item's status and error, and is read as a stream.
 */
public final class BulkWriter {

    /**
     * One document to write.
     *
     * @param source one JSON object (UTF-8); line breaks between its tokens are allowed (they are
     *     written as spaces, since a bulk body is one line per document)
     */
    public record Document(String index, String id, byte[] source) {}

    /** What became of one document, in the order given. */
    public sealed interface Outcome permits Written, Retry, Refused {}

    /** Stored (now or before). */
    public record Written() implements Outcome {}

    /** OpenSearch could not take it now (overloaded, a shard unavailable): try again. */
    public record Retry(String reason) implements Outcome {}

    /** OpenSearch will never take it as it is (a value its mapping refuses, ...). */
    public record Refused(String reason) implements Outcome {}

    private static final Written WRITTEN = new Written();
    private static final JsonFactory JSON = new JsonFactory();
    private static final Map<String, String> PARAMETERS =
            Map.of("filter_path", "errors,items.*.status,items.*.error.type,items.*.error.reason");
    private static final byte[] CREATE_INDEX = "{\"create\":{\"_index\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID = "\",\"_id\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_ACTION = "\"}}\n".getBytes(StandardCharsets.US_ASCII);

    private final OpenSearchClient client;

    public BulkWriter(OpenSearchClient client) {
        this.client = client;
    }

    /**
     * @throws IOException when OpenSearch could not be reached or answered the request as a whole
     *     with an error; nothing can be said about the documents then
     */
    public List<Outcome> write(List<Document> documents) throws IOException {
        if (documents.isEmpty()) {
            return List.of();
        }
        byte[] body = body(documents);
        try (Response response = client.generic()
                .execute(Requests.create(
                        "POST", "/_bulk", List.of(), PARAMETERS, Body.from(body, "application/x-ndjson")))) {
            Body answer = response.getBody().orElse(null);
            if (response.getStatus() >= 300 || answer == null) {
                throw new IOException("bulk answered " + response.getStatus() + " "
                        + (answer == null ? response.getReason() : abbreviated(answer.bodyAsString())));
            }
            try (InputStream in = answer.body()) {
                List<Outcome> outcomes = outcomes(in);
                if (outcomes.size() != documents.size()) {
                    throw new IOException(
                            "bulk answered " + outcomes.size() + " items for " + documents.size() + " documents");
                }
                return outcomes;
            }
        }
    }

    /** The bulk body: per document its {@code create} action and its source, one line each. */
    static byte[] body(List<Document> documents) {
        int size = 0;
        for (Document d : documents) {
            size += d.source().length + d.index().length() + d.id().length() + 48;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        JsonStringEncoder quote = JsonStringEncoder.getInstance();
        for (Document d : documents) {
            out.writeBytes(CREATE_INDEX);
            out.writeBytes(quote.quoteAsUTF8(d.index()));
            out.writeBytes(ID);
            out.writeBytes(quote.quoteAsUTF8(d.id()));
            out.writeBytes(END_OF_ACTION);
            writeOnOneLine(d.source(), out);
            out.write('\n');
        }
        return out.toByteArray();
    }

    /**
     * Valid JSON has line breaks only between tokens (a string holds them escaped), where a space
     * means the same.
     */
    private static void writeOnOneLine(byte[] source, ByteArrayOutputStream out) {
        int from = 0;
        for (int i = 0; i < source.length; i++) {
            if (source[i] == '\n' || source[i] == '\r') {
                out.write(source, from, i - from);
                out.write(' ');
                from = i + 1;
            }
        }
        out.write(source, from, source.length - from);
    }

    /** Each item's outcome from {@code {"errors":..,"items":[{"create":{"status":..,"error":{..}}},..]}}. */
    static List<Outcome> outcomes(InputStream answer) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        try (JsonParser p = JSON.createParser(answer)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("bulk answer is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("items".equals(name) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        outcomes.add(item(p));
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return outcomes;
    }

    /** One item, {@code {"<op>":{"status":..,"error":{"type":..,"reason":..}}}}, the parser at its start. */
    private static Outcome item(JsonParser p) throws IOException {
        int status = 0;
        String type = null;
        String reason = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("status".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
                    status = p.getIntValue();
                } else if ("error".equals(name) && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        JsonToken v = p.nextToken();
                        if ("type".equals(field) && v == JsonToken.VALUE_STRING) {
                            type = p.getText();
                        } else if ("reason".equals(field) && v == JsonToken.VALUE_STRING) {
                            reason = p.getText();
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return outcome(status, type == null && reason == null ? null : type + ": " + reason);
    }

    /**
     * @param error the item's error ({@code type: reason}), or null when it has none
     */
    static Outcome outcome(int status, String error) {
        if (error == null && status >= 200 && status < 300) {
            return WRITTEN;
        }
        String reason = error == null ? "status " + status : error;
        if (status == 409) {
            // op_type=create on an id that exists: the event is already indexed
            return WRITTEN;
        }
        if (status == 429 || status >= 500 || status == 404) {
            // overloaded, shard not available, or the day's index deleted meanwhile: a later try works
            return new Retry(reason);
        }
        return new Refused(reason);
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}

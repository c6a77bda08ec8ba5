package io.socaas.ingestion.indexing.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

/**
 * Writes documents with one bulk request and says what became of each. Documents are created with
 * their id ({@code op_type=create}): a document that already exists (a replay, or a retry of a bulk
 * whose answer was lost) is left as it is and counts as written, so the same event is never indexed
 * twice and a replay rewrites nothing.
 */
public final class BulkWriter {

    /** One document to write. */
    public record Document(String index, String id, Object source) {}

    /** What became of one document, in the order given. */
    public sealed interface Outcome permits Written, Retry, Refused {}

    /** Stored (now or before). */
    public record Written() implements Outcome {}

    /** OpenSearch could not take it now (overloaded, a shard unavailable): try again. */
    public record Retry(String reason) implements Outcome {}

    /** OpenSearch will never take it as it is (a value its mapping refuses, ...). */
    public record Refused(String reason) implements Outcome {}

    private static final Written WRITTEN = new Written();

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
        List<BulkOperation> operations = new ArrayList<>(documents.size());
        for (Document d : documents) {
            operations.add(BulkOperation.of(
                    o -> o.create(c -> c.index(d.index()).id(d.id()).document(d.source()))));
        }
        BulkResponse response = client.bulk(b -> b.operations(operations));
        List<BulkResponseItem> items = response.items();
        if (items.size() != documents.size()) {
            throw new IOException("bulk answered " + items.size() + " items for " + documents.size() + " documents");
        }
        List<Outcome> outcomes = new ArrayList<>(items.size());
        for (BulkResponseItem item : items) {
            outcomes.add(outcome(item));
        }
        return outcomes;
    }

    static Outcome outcome(BulkResponseItem item) {
        int status = item.status();
        if (item.error() == null && status >= 200 && status < 300) {
            return WRITTEN;
        }
        String reason = item.error() == null
                ? "status " + status
                : item.error().type() + ": " + item.error().reason();
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
}

package io.socaas.tenantindices;

import com.fasterxml.jackson.databind.JsonNode;
import io.socaas.events.TenantId;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.ExpandWildcard;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.Time;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * The one way to read a tenant's events from OpenSearch (ARCHITECTURE "Tenancy and isolation").
 *
 * <p>The request names exactly one target, the tenant's alias {@code events-<tenant>} from {@link
 * TenantIndexLayout}; callers give a {@link TenantId} (a DNS label: no wildcard, comma, {@code _all}
 * or index name can come through it) and a query made of fields and values, never an index. Wildcards
 * are not expanded ({@code expand_wildcards=none}). Every hit is checked again against the tenant's
 * index names: a document of an index that is not one of the tenant's daily indices (an alias put on
 * the wrong index by hand) is dropped, counted and logged, never returned.
 */
public final class TenantEventSearch {

    /** Most events one search answers. */
    public static final int MAX_SIZE = 500;

    private static final System.Logger LOG = System.getLogger(TenantEventSearch.class.getName());
    /** A field name of an event: dotted path of letters, digits, underscores, dashes and {@code #} ({@code #text} of evtx dumps). */
    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_@][A-Za-z0-9_@#.\\-]{0,199}");

    private final OpenSearchClient client;

    public TenantEventSearch(OpenSearchClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * What to look for in one tenant's events: exact values of fields (all must hold), a text that
     * the original record ({@code raw_data}) contains (case-insensitive), an event-time range (from
     * inclusive, to exclusive), newest first.
     */
    public record EventQuery(Map<String, String> fields, String text, Instant from, Instant to, int size) {

        public EventQuery {
            fields = Map.copyOf(new LinkedHashMap<>(fields == null ? Map.of() : fields));
            for (String field : fields.keySet()) {
                if (!FIELD.matcher(field).matches()) {
                    throw new IllegalArgumentException("not a field name: " + field);
                }
            }
            text = text == null || text.isBlank() ? null : text;
            if (text != null && text.length() > 200) {
                throw new IllegalArgumentException("the text is longer than 200 characters");
            }
            if (from != null && to != null && !from.isBefore(to)) {
                throw new IllegalArgumentException("from must be before to");
            }
            if (size < 1 || size > MAX_SIZE) {
                throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
            }
        }

        /** The newest {@code size} events of the tenant. */
        public static EventQuery latest(int size) {
            return new EventQuery(Map.of(), null, null, null, size);
        }

        public EventQuery withField(String field, String value) {
            Map<String, String> more = new LinkedHashMap<>(fields);
            more.put(field, value);
            return new EventQuery(more, text, from, to, size);
        }

        public EventQuery containing(String newText) {
            return new EventQuery(fields, newText, from, to, size);
        }

        public EventQuery between(Instant newFrom, Instant newTo) {
            return new EventQuery(fields, text, newFrom, newTo, size);
        }
    }

    /** One event: the daily index it was found in, its id and its OCSF record. */
    public record FoundEvent(String index, String id, JsonNode event) {}

    /**
     * The events found: at most the query's size, newest first; {@code total} counts all matches (up
     * to OpenSearch's exact-count limit).
     */
    public record Result(long total, List<FoundEvent> events) {
        public Result {
            events = List.copyOf(events);
        }
    }

    /** Searches the events of {@code tenant}, and of nobody else. */
    public Result search(TenantId tenant, EventQuery query) throws IOException {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(query, "query");
        TenantIndexLayout layout = TenantIndexLayout.of(tenant);
        SearchResponse<JsonNode> response = client.search(
                s -> s.index(layout.alias())
                        .expandWildcards(ExpandWildcard.None)
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .size(query.size())
                        .trackTotalHits(t -> t.enabled(true))
                        .sort(o -> o.field(f -> f.field("time")
                                .order(SortOrder.Desc)
                                .unmappedType(org.opensearch.client.opensearch._types.mapping.FieldType.Date)))
                        .query(filter(query)),
                JsonNode.class);
        List<FoundEvent> events = new ArrayList<>();
        int foreign = 0;
        for (Hit<JsonNode> hit : response.hits().hits()) {
            if (layout.dayOf(hit.index()).isEmpty()) {
                foreign++;
                continue;
            }
            events.add(new FoundEvent(hit.index(), hit.id(), hit.source()));
        }
        if (foreign > 0) {
            LOG.log(
                    Level.ERROR,
                    "the alias {0} of tenant {1} reaches {2} document(s) outside the tenant''s own indices:"
                            + " they were left out; check the alias with GET _alias/{0}",
                    layout.alias(),
                    tenant.value(),
                    foreign);
        }
        long total =
                Optional.ofNullable(response.hits().total()).map(t -> t.value()).orElse((long) events.size());
        return new Result(Math.max(0, total - foreign), events);
    }

    /** What a scan went through: the events handed over, and whether it stopped at its limit first. */
    public record ScanSummary(long scanned, boolean truncated) {}

    /**
     * Hands every event of {@code tenant} whose event time lies in {@code [from, to)} to {@code pages},
     * a page at a time (in no particular order), and of nobody else: the same single alias and the
     * same check of every hit's index as {@link #search}. Stops after {@code limit} events (the summary
     * says so); the server-side cursor is released whatever happens.
     */
    public ScanSummary scan(
            TenantId tenant, Instant from, Instant to, int pageSize, long limit, Consumer<List<FoundEvent>> pages)
            throws IOException {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(pages, "pages");
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 10000");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        TenantIndexLayout layout = TenantIndexLayout.of(tenant);
        Query query = filter(new EventQuery(Map.of(), null, from, to, 1));
        Time keepAlive = Time.of(t -> t.time("2m"));
        int firstPage = (int) Math.min(pageSize, limit);
        SearchResponse<JsonNode> response = client.search(
                s -> s.index(layout.alias())
                        .expandWildcards(ExpandWildcard.None)
                        .ignoreUnavailable(true)
                        .allowNoIndices(true)
                        .size(firstPage)
                        .scroll(keepAlive)
                        .sort(o -> o.field(f -> f.field("_doc")))
                        .query(query),
                JsonNode.class);
        String scrollId = response.scrollId();
        long scanned = 0;
        try {
            while (true) {
                List<Hit<JsonNode>> hits = response.hits().hits();
                if (hits.isEmpty()) {
                    return new ScanSummary(scanned, false);
                }
                List<FoundEvent> page = new ArrayList<>(hits.size());
                for (Hit<JsonNode> hit : hits) {
                    if (scanned + page.size() >= limit) {
                        break;
                    }
                    if (layout.dayOf(hit.index()).isEmpty()) {
                        LOG.log(
                                Level.ERROR,
                                "the alias {0} of tenant {1} reaches the index {2}, which is not the tenant''s:"
                                        + " its documents were left out; check the alias with GET _alias/{0}",
                                layout.alias(),
                                tenant.value(),
                                hit.index());
                        continue;
                    }
                    page.add(new FoundEvent(hit.index(), hit.id(), hit.source()));
                }
                scanned += page.size();
                pages.accept(page);
                if (scanned >= limit) {
                    return new ScanSummary(scanned, true);
                }
                String current = scrollId;
                response = client.scroll(r -> r.scrollId(current).scroll(keepAlive), JsonNode.class);
                scrollId = response.scrollId() == null ? scrollId : response.scrollId();
            }
        } finally {
            if (scrollId != null) {
                String last = scrollId;
                try {
                    client.clearScroll(c -> c.scrollId(last));
                } catch (IOException | RuntimeException e) {
                    LOG.log(
                            Level.WARNING,
                            "could not release a scroll of tenant {0}: {1}",
                            tenant.value(),
                            e.toString());
                }
            }
        }
    }

    private static Query filter(EventQuery query) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        query.fields()
                .forEach((field, value) ->
                        bool.filter(f -> f.term(t -> t.field(field).value(FieldValue.of(value)))));
        if (query.text() != null) {
            bool.filter(f -> f.wildcard(w -> w.field("raw_data")
                    .value("*" + escapeWildcard(query.text()) + "*")
                    .caseInsensitive(true)));
        }
        if (query.from() != null || query.to() != null) {
            bool.filter(f -> f.range(r -> {
                r.field("time");
                if (query.from() != null) {
                    r.gte(JsonData.of(query.from().toEpochMilli()));
                }
                if (query.to() != null) {
                    r.lt(JsonData.of(query.to().toEpochMilli()));
                }
                return r;
            }));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /** The text as literal characters of a wildcard pattern. */
    static String escapeWildcard(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}

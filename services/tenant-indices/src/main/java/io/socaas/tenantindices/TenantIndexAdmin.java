package io.socaas.tenantindices;

import io.socaas.events.TenantId;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.ExpandWildcard;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.mapping.DynamicTemplate;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.transport.httpclient5.ResponseException;
import org.opensearch.client.util.ObjectBuilder;

/**
 * Creates, lists and deletes a tenant's OpenSearch objects as {@link TenantIndexLayout} names them.
 * Every call is idempotent. Index names are only ever used whole: what this class lists or deletes
 * is what {@link TenantIndexLayout#dayOf} gives back to the tenant, never a wildcard, so a tenant's
 * call cannot reach another tenant's indices.
 */
public final class TenantIndexAdmin {

    /**
     * Keyword values longer than this are kept in the document but not indexed: Lucene refuses
     * terms over 32766 bytes, which is 8191 characters of 4-byte UTF-8.
     */
    static final int KEYWORD_IGNORE_ABOVE = 8191;

    /**
     * How soon an indexed event is searchable. Set explicitly: without it OpenSearch stops
     * refreshing a shard that has not been searched for 30 s ("search idle"), and the first search
     * after a quiet spell then waits for a refresh. A quarter of a second: the wait for the next
     * refresh (up to the whole interval) is most of the time from accept to searchable; at 5000
     * events/s the p99 was 2.3-3.1 s with 500 ms and 1.1-2.2 s with 250 ms, alternating on one
     * machine, for about a tenth more of OpenSearch's CPU per event (docs/benchmarks.md). An index
     * with nothing new to show costs nothing to refresh.
     */
    static final String REFRESH_INTERVAL = "250ms";

    /**
     * How soon an event of a day before yesterday is searchable, in an index made for it now (logs sent
     * late: a new customer's history, a source whose clock is days off). Such events are spread over
     * many daily indices; refreshing each of them every {@value #REFRESH_INTERVAL} made OpenSearch
     * merge dozens of tiny segments a second and slowed the day's indexing for every tenant
     * (docs/benchmarks.md). Detection reads the events from Kafka, not from these indices.
     */
    static final String BACKFILL_REFRESH_INTERVAL = "10s";

    /**
     * OpenSearch's merge on refresh, off: with it a refresh that finds enough small segments merges
     * them before it shows anything new, waiting up to 10 s for the merge. On a busy node such a
     * merge took 1-2.7 s, and for that long no new event became searchable; at 5000 events/s the
     * p99 from accept to searchable was 1.2-1.6 s with it and 0.5 s without it, alternating on one
     * machine (docs/benchmarks.md). Small segments are merged in the background all the same.
     */
    static final String MERGE_ON_REFRESH = "index.merge_on_flush.enabled";

    private final OpenSearchClient client;

    public TenantIndexAdmin(OpenSearchClient client) {
        this.client = client;
    }

    /**
     * The tenant's index template: its daily indices map {@code time} (epoch ms) and
     * {@code received_time} (RFC 3339) as dates, every other string as a keyword (no date
     * detection: a source's text that looks like a date once must not refuse the next that does
     * not), carry the tenant's alias and are refreshed every {@value #REFRESH_INTERVAL}, a refresh
     * never waiting for a merge ({@link #MERGE_ON_REFRESH}).
     *
     * <p>The source's own fields ({@code unmapped}) are one {@code flat_object}: every value in
     * it is searched as a keyword by its path ({@code unmapped.Event.System.Channel}), and no
     * shape a source sends can refuse an event. Mapped field by field, the first value of a path
     * fixed its type for the day: the next event with a text where a number was, or an object
     * ({@code {"#text": 4624, "#attributes": ...}} in evtx dumps) where a value was, was refused
     * by the index; and every source field became a field of the mapping (hundreds per index),
     * which slowed indexing by about a quarter.
     */
    public void putTemplate(TenantId tenant) throws IOException {
        TenantIndexLayout layout = TenantIndexLayout.of(tenant);
        client.indices()
                .putIndexTemplate(t -> t.name(layout.templateName())
                        .indexPatterns(layout.indexPattern())
                        .priority(layout.templatePriority())
                        .template(m -> m.settings(s -> s.refreshInterval(r -> r.time(REFRESH_INTERVAL))
                                        .customSettings(MERGE_ON_REFRESH, JsonData.of(false)))
                                .aliases(layout.alias(), a -> a)
                                .mappings(map -> map.dateDetection(false)
                                        .dynamicTemplates(List.of(Map.of(
                                                "strings",
                                                DynamicTemplate.of(d -> d.matchMappingType("string")
                                                        .mapping(p ->
                                                                p.keyword(k -> k.ignoreAbove(KEYWORD_IGNORE_ABOVE)))))))
                                        // the source's own fields: one flat object, whatever
                                        // shape each source gives them
                                        .properties("unmapped", p -> p.flatObject(f -> f))
                                        // the record's text: searched, never sorted or counted by value
                                        .properties("raw_data", TenantIndexAdmin::searchedText)
                                        .properties("message", TenantIndexAdmin::searchedText)
                                        .properties(
                                                "time",
                                                p -> p.date(d -> d.format("epoch_millis||strict_date_optional_time")))
                                        .properties(
                                                "received_time",
                                                p -> p.date(
                                                        d -> d.format("strict_date_optional_time||epoch_millis"))))));
    }

    /**
     * A keyword searched by value or pattern (the event search's text is a wildcard on {@code raw_data})
     * without doc values: nothing sorts or aggregates by a whole log line, and building and merging
     * the doc values of a text unique to every event cost a tenth to a sixth of OpenSearch's indexing CPU
     * (docs/benchmarks.md).
     */
    private static ObjectBuilder<Property> searchedText(Property.Builder p) {
        return p.keyword(k -> k.ignoreAbove(KEYWORD_IGNORE_ABOVE).docValues(false));
    }

    /**
     * Makes sure the tenant's index of {@code day} exists and carries the tenant's alias (the
     * template gives it when the index is created now; an index created before the template got
     * it by {@link #aliasExisting}).
     *
     * @return the index name
     */
    public String ensureDailyIndex(TenantId tenant, LocalDate day) throws IOException {
        return ensureDailyIndex(tenant, day, day);
    }

    /**
     * {@link #ensureDailyIndex(TenantId, LocalDate)}, knowing the current day: an index made now for
     * a day before yesterday is refreshed every {@value #BACKFILL_REFRESH_INTERVAL} instead of the
     * template's {@value #REFRESH_INTERVAL}. An index that exists keeps its interval.
     *
     * @return the index name
     */
    public String ensureDailyIndex(TenantId tenant, LocalDate day, LocalDate today) throws IOException {
        TenantIndexLayout layout = TenantIndexLayout.of(tenant);
        String index = layout.dailyIndex(day);
        boolean backfill = day.isBefore(today.minusDays(1));
        if (!client.indices().exists(e -> e.index(index)).value()) {
            try {
                client.indices().create(c -> {
                    c.index(index).aliases(layout.alias(), a -> a);
                    if (backfill) {
                        c.settings(st -> st.refreshInterval(r -> r.time(BACKFILL_REFRESH_INTERVAL)));
                    }
                    return c;
                });
                return index;
            } catch (OpenSearchException | ResponseException e) {
                // made meanwhile by another instance (or tenant-billing): the alias is put below
                if (!OpenSearchFailures.alreadyExists(e)) {
                    throw e;
                }
            }
        }
        client.indices().putAlias(a -> a.index(index).name(layout.alias()));
        return index;
    }

    /** Puts the tenant's alias on every one of its daily indices (those made before its template). */
    public void aliasExisting(TenantId tenant) throws IOException {
        TenantIndexLayout layout = TenantIndexLayout.of(tenant);
        Collection<String> indices = dailyIndices(tenant).values();
        if (!indices.isEmpty()) {
            client.indices()
                    .updateAliases(u -> u.actions(
                            a -> a.add(add -> add.indices(List.copyOf(indices)).alias(layout.alias()))));
        }
    }

    /** The tenant's daily indices by day, exactly those whose names parse back to the tenant. */
    public SortedMap<LocalDate, String> dailyIndices(TenantId tenant) throws IOException {
        TenantIndexLayout layout = TenantIndexLayout.of(tenant);
        SortedMap<LocalDate, String> byDay = new TreeMap<>();
        client.indices()
                .get(g -> g.index(layout.indexPattern())
                        .allowNoIndices(true)
                        .ignoreUnavailable(true)
                        .expandWildcards(ExpandWildcard.Open, ExpandWildcard.Closed))
                .result()
                .keySet()
                .forEach(name -> layout.dayOf(name).ifPresent(day -> byDay.put(day, name)));
        return byDay;
    }

    /**
     * Deletes the named indices of the tenant; a name that is not one of the tenant's daily indices
     * is refused before anything is deleted.
     */
    public void deleteDailyIndices(TenantId tenant, Collection<String> indices) throws IOException {
        TenantIndexLayout layout = TenantIndexLayout.of(tenant);
        for (String index : indices) {
            if (layout.dayOf(index).isEmpty()) {
                throw new IllegalArgumentException(index + " is not a daily index of tenant " + tenant);
            }
        }
        if (!indices.isEmpty()) {
            client.indices()
                    .delete(d -> d.index(List.copyOf(indices))
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .expandWildcards(ExpandWildcard.None));
        }
    }

    /** Deletes every daily index of the tenant (and with them its alias) and its template. */
    public void purge(TenantId tenant) throws IOException {
        TenantIndexLayout layout = TenantIndexLayout.of(tenant);
        deleteDailyIndices(tenant, dailyIndices(tenant).values());
        if (client.indices()
                .existsIndexTemplate(e -> e.name(layout.templateName()))
                .value()) {
            client.indices().deleteIndexTemplate(d -> d.name(layout.templateName()));
        }
    }
}

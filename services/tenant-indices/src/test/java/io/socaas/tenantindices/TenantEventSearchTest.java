package io.socaas.tenantindices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.events.TenantId;
import io.socaas.localstack.LocalStack;
import io.socaas.tenantindices.TenantEventSearch.EventQuery;
import io.socaas.tenantindices.TenantEventSearch.FoundEvent;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;

/**
 * Against the real OpenSearch of the local stack: two tenants with look-alike events, and every way
 * a caller could try to reach the other tenant's events through the search component: wildcards,
 * lists, {@code _all}, other aliases as tenant ids, index names as query fields, and an alias put on
 * the wrong index by hand.
 */
class TenantEventSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final TenantId A = TenantId.of("search-a-" + RUN);
    private static final TenantId B = TenantId.of("search-b-" + RUN);
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final LocalDate DAY = LocalDate.ofInstant(T0, ZoneOffset.UTC);

    private static OpenSearchConnection connection;
    private static OpenSearchClient client;
    private static TenantEventSearch search;

    @BeforeAll
    static void twoTenantsWithLookAlikeEvents() throws IOException {
        LocalStack.fromEnvironment().ensureInfrastructure();
        connection = OpenSearchConnection.to(java.net.URI.create("http://127.0.0.1:9200"));
        client = connection.client();
        search = new TenantEventSearch(client);
        TenantIndexAdmin admin = new TenantIndexAdmin(client);
        for (TenantId tenant : List.of(A, B)) {
            admin.putTemplate(tenant);
            String index = admin.ensureDailyIndex(tenant, DAY);
            for (int i = 0; i < 3; i++) {
                index(index, tenant, T0.plusSeconds(60L * i), "WS-" + i);
            }
        }
    }

    @AfterAll
    static void purge() throws IOException {
        TenantIndexAdmin admin = new TenantIndexAdmin(client);
        admin.purge(A);
        admin.purge(B);
        connection.close();
    }

    @Test
    void aTenantFindsItsOwnEventsNewestFirstAndNoneOfTheOthers() throws IOException {
        TenantEventSearch.Result all = search.search(A, EventQuery.latest(50));

        assertThat(all.total()).isEqualTo(3);
        assertThat(all.events())
                .extracting(e -> e.event().path("metadata").path("tenant").asText())
                .containsOnly(A.value());
        assertThat(all.events())
                .extracting(e -> e.event().path("device").path("hostname").asText())
                .containsExactly("WS-2", "WS-1", "WS-0");
    }

    @Test
    void fieldsTextAndTimeNarrowTheSearchWithinTheTenant() throws IOException {
        assertThat(hosts(search.search(A, EventQuery.latest(50).withField("device.hostname", "WS-1"))))
                .containsExactly("WS-1");
        assertThat(hosts(search.search(A, EventQuery.latest(50).containing("WHOAMI /PRIV on ws-0"))))
                .containsExactly("WS-0");
        assertThat(hosts(search.search(A, EventQuery.latest(50).between(T0.plusSeconds(30), T0.plusSeconds(120)))))
                .containsExactly("WS-1");
        // wildcard characters in the text are literal, not a pattern
        assertThat(search.search(A, EventQuery.latest(50).containing("whoami*priv"))
                        .events())
                .isEmpty();
        // the record's message is searched by its value
        assertThat(hosts(search.search(A, EventQuery.latest(50).withField("message", "whoami /priv on WS-2"))))
                .containsExactly("WS-2");
    }

    @Test
    void theRecordsTextIsIndexedForSearchWithoutDocValues() throws IOException {
        String index = TenantIndexLayout.of(A).dailyIndex(DAY);
        var properties = client.indices()
                .getMapping(m -> m.index(index))
                .result()
                .get(index)
                .mappings()
                .properties();
        for (String text : List.of("raw_data", "message")) {
            assertThat(properties.get(text).isKeyword()).as(text).isTrue();
            assertThat(properties.get(text).keyword().index()).as(text).isNotEqualTo(Boolean.FALSE);
            assertThat(properties.get(text).keyword().docValues()).as(text).isFalse();
        }
    }

    @Test
    void theSourcesOwnFieldsAreSearchedByTheirPath() throws IOException {
        assertThat(hosts(search.search(A, EventQuery.latest(50).withField("unmapped.System.EventID.#text", "4001"))))
                .containsExactly("WS-1");
        assertThat(hosts(search.search(
                        A, EventQuery.latest(50).withField("unmapped.Image", "C:\\Windows\\System32\\whoami.exe"))))
                .containsExactly("WS-2", "WS-1", "WS-0");
        assertThat(search.search(B, EventQuery.latest(50).withField("unmapped.System.EventID.#text", "4001"))
                        .events())
                .extracting(e -> e.event().path("metadata").path("tenant").asText())
                .containsExactly(B.value());
    }

    @Test
    void wildcardsListsAllAndOtherAliasesCannotNameAnotherTenant() throws IOException {
        for (String attempt : List.of(
                "*",
                "_all",
                A.value() + "," + B.value(),
                "search-*",
                B.value() + "*",
                "events-" + B.value() + "-*",
                "events-" + B.value() + "-2026.11.30",
                "../" + B.value(),
                "")) {
            assertThatThrownBy(() -> search.search(TenantId.of(attempt), EventQuery.latest(10)))
                    .as("tenant id %s", attempt)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        // an id that reads like another tenant's alias is a tenant of its own, with no events
        assertThat(search.search(TenantId.of("events-" + B.value()), EventQuery.latest(10))
                        .events())
                .isEmpty();
        // the index as a query field only filters within the tenant's own alias
        assertThat(search.search(
                                A,
                                EventQuery.latest(10)
                                        .withField(
                                                "_index",
                                                TenantIndexLayout.of(B).dailyIndex(DAY)))
                        .events())
                .isEmpty();
        assertThatThrownBy(() -> EventQuery.latest(10).withField("* OR 1", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAliasPutOnAnotherTenantsIndexByHandLeaksNothing() throws IOException {
        String aliasOfA = TenantIndexLayout.of(A).alias();
        String indexOfB = TenantIndexLayout.of(B).dailyIndex(DAY);
        client.indices().putAlias(a -> a.index(indexOfB).name(aliasOfA));
        try {
            TenantEventSearch.Result found = search.search(A, EventQuery.latest(50));

            assertThat(found.events())
                    .extracting(FoundEvent::index)
                    .containsOnly(TenantIndexLayout.of(A).dailyIndex(DAY));
            assertThat(found.events())
                    .extracting(e -> e.event().path("metadata").path("tenant").asText())
                    .containsOnly(A.value());
            assertThat(found.total()).isEqualTo(3);
        } finally {
            client.indices().deleteAlias(d -> d.index(indexOfB).name(aliasOfA));
        }
    }

    @Test
    void aScanHandsOverTheTenantsEventsOfTheTimeRangeInPagesAndStopsAtItsLimit() throws IOException {
        List<FoundEvent> seen = new java.util.ArrayList<>();
        TenantEventSearch.ScanSummary all = search.scan(A, T0, T0.plusSeconds(3600), 2, 1_000, seen::addAll);

        assertThat(all).isEqualTo(new TenantEventSearch.ScanSummary(3, false));
        assertThat(seen)
                .extracting(e -> e.event().path("device").path("hostname").asText())
                .containsExactlyInAnyOrder("WS-0", "WS-1", "WS-2");
        assertThat(seen)
                .extracting(e -> e.event().path("metadata").path("tenant").asText())
                .containsOnly(A.value());

        List<FoundEvent> window = new java.util.ArrayList<>();
        search.scan(A, T0.plusSeconds(30), T0.plusSeconds(3600), 10, 1_000, window::addAll);
        assertThat(window)
                .extracting(e -> e.event().path("device").path("hostname").asText())
                .containsExactlyInAnyOrder("WS-1", "WS-2");

        List<FoundEvent> limited = new java.util.ArrayList<>();
        TenantEventSearch.ScanSummary cut = search.scan(A, T0, T0.plusSeconds(3600), 1, 2, limited::addAll);
        assertThat(cut).isEqualTo(new TenantEventSearch.ScanSummary(2, true));
        assertThat(limited).hasSize(2);
    }

    @Test
    void aScanThroughAnAliasPutOnAnotherTenantsIndexByHandLeaksNothing() throws IOException {
        String aliasOfA = TenantIndexLayout.of(A).alias();
        String indexOfB = TenantIndexLayout.of(B).dailyIndex(DAY);
        client.indices().putAlias(a -> a.index(indexOfB).name(aliasOfA));
        try {
            List<FoundEvent> seen = new java.util.ArrayList<>();
            TenantEventSearch.ScanSummary summary = search.scan(A, T0, T0.plusSeconds(3600), 2, 1_000, seen::addAll);

            assertThat(summary.scanned()).isEqualTo(3);
            assertThat(seen)
                    .extracting(e -> e.event().path("metadata").path("tenant").asText())
                    .containsOnly(A.value());
        } finally {
            client.indices().deleteAlias(d -> d.index(indexOfB).name(aliasOfA));
        }
    }

    private static List<String> hosts(TenantEventSearch.Result result) {
        return result.events().stream()
                .map(e -> e.event().path("device").path("hostname").asText())
                .toList();
    }

    private static void index(String index, TenantId tenant, Instant time, String host) throws IOException {
        ObjectNode event = JSON.createObjectNode();
        event.put("time", time.toEpochMilli());
        event.put("class_uid", 1007);
        event.putObject("metadata").put("tenant", tenant.value());
        event.putObject("device").put("hostname", host);
        ObjectNode unmapped = event.putObject("unmapped").put("Image", "C:\\Windows\\System32\\whoami.exe");
        // as an evtx dump gives it: a value with attributes is an object
        unmapped.putObject("System")
                .putObject("EventID")
                .put("#text", 4000 + Integer.parseInt(host.substring(3)))
                .putObject("#attributes")
                .put("Qualifiers", 0);
        event.put("raw_data", "{\"CommandLine\":\"whoami /priv on " + host.toLowerCase() + "\"}");
        event.put("message", "whoami /priv on " + host);
        client.index(i ->
                i.index(index).id(tenant.value() + "-" + host).document(event).refresh(Refresh.True));
    }
}

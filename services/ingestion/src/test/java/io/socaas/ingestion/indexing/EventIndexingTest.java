package io.socaas.ingestion.indexing;

import static io.restassured.RestAssured.given;
import static io.socaas.ingestion.indexing.IndexingTestSupport.aTenant;
import static io.socaas.ingestion.indexing.IndexingTestSupport.anIngestId;
import static io.socaas.ingestion.indexing.IndexingTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.events.TenantId;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.tenantindices.TenantIndexLayout;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * The indexer against the real Kafka and OpenSearch of the local stack: events published on
 * soc.events.v1 become documents in their tenant's daily index, behind its alias, with the ingest id
 * as document id; nothing crosses tenants, a replay adds nothing, and what cannot be indexed goes to
 * soc.events.dlq.v1 with the reason. Every test uses tenants of its own.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class EventIndexingTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private IndexingTestSupport support;

    @BeforeEach
    void open() {
        support = new IndexingTestSupport("http://127.0.0.1:9200");
    }

    @AfterEach
    void close() throws IOException {
        support.close();
    }

    @Test
    void eventsOfTwoTenantsLandOnlyInTheirOwnAliasesWithTheIngestIdAsDocumentId() {
        String a = aTenant("idxa");
        String b = aTenant("idxb");
        List<String> idsOfA = publish(a, 5);
        List<String> idsOfB = publish(b, 3);

        await().atMost(DEADLINE).until(() -> support.count(alias(a)) == 5 && support.count(alias(b)) == 3);

        assertOnlyOwnDocuments(a, idsOfA);
        assertOnlyOwnDocuments(b, idsOfB);
    }

    @Test
    void anEventGoesToTheIndexOfTheDayOfItsOwnTimeWhenThatIsSaneElseOfItsReception() {
        String tenant = aTenant("idxt");
        Instant threeDaysAgo = Instant.now().minus(Duration.ofDays(3));
        String recent = anIngestId();
        String ancient = anIngestId();
        support.publish(tenant, tenant, event(tenant, recent, threeDaysAgo.toEpochMilli()));
        // a source clock decades off: the day of reception is taken
        support.publish(tenant, tenant, event(tenant, ancient, 0L));

        LocalDate then = LocalDate.ofInstant(threeDaysAgo, ZoneOffset.UTC);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String thenIndex = TenantIndexLayout.of(TenantId.of(tenant)).dailyIndex(then);
        String todayIndex = TenantIndexLayout.of(TenantId.of(tenant)).dailyIndex(today);
        await().atMost(DEADLINE).until(() -> support.count(alias(tenant)) == 2);

        assertThat(support.documents(thenIndex)).extracting(Hit::id).containsExactly(recent);
        // received "now": today's index, unless the test ran across midnight
        assertThat(support.documents(alias(tenant)))
                .filteredOn(h -> h.id().equals(ancient))
                .extracting(Hit::index)
                .first()
                .satisfies(index -> assertThat(index)
                        .isIn(
                                todayIndex,
                                TenantIndexLayout.of(TenantId.of(tenant)).dailyIndex(today.minusDays(1))));
    }

    @Test
    void aReplayOfTheSameRecordsCreatesNoDuplicates() {
        String tenant = aTenant("idxr");
        List<String> ids = publish(tenant, 4);
        await().atMost(DEADLINE).until(() -> support.count(alias(tenant)) == 4);

        // the same records again, then a marker behind them on the same partition (same key)
        ids.forEach(id -> support.publish(tenant, id));
        String marker = anIngestId();
        support.publish(tenant, marker);
        await().atMost(DEADLINE).until(() -> support.count(alias(tenant)) >= 5);

        assertThat(support.count(alias(tenant))).isEqualTo(5);
        List<String> expected = new ArrayList<>(ids);
        expected.add(marker);
        assertOnlyOwnDocuments(tenant, expected);
    }

    @Test
    void aRecordWhoseHeaderAndPayloadNameDifferentTenantsIsNotIndexedButDeadLettered() {
        String header = aTenant("idxh");
        String claimed = aTenant("idxc");
        support.cleanUpAtClose(claimed);
        String mismatched = anIngestId();
        String marker = anIngestId();
        try (var deadLetters = new IndexingTestSupport.DeadLetters()) {
            support.publish(header, header, event(claimed, mismatched, null));
            support.publish(header, marker);

            await().atMost(DEADLINE).until(() -> support.count(alias(header)) == 1);
            await().atMost(DEADLINE).until(() -> deadLetters.reasonOf(mismatched) != null);

            assertThat(deadLetters.reasonOf(mismatched)).startsWith("tenant-mismatch");
        }
        assertThat(support.documents(alias(header))).extracting(Hit::id).containsExactly(marker);
        assertThat(support.count(alias(claimed))).isZero();
    }

    @Test
    void aValueTheMappingRefusesIsDeadLetteredWithTheReasonAndTheRestIsIndexed() {
        String tenant = aTenant("idxm");
        String refused = anIngestId();
        String fine = anIngestId();
        try (var deadLetters = new IndexingTestSupport.DeadLetters()) {
            support.publish(
                    tenant,
                    tenant,
                    "{\"tenant\":\"" + tenant + "\",\"ingest_id\":\"" + refused + "\",\"time\":\"not a time\"}");
            support.publish(tenant, fine);

            await().atMost(DEADLINE).until(() -> support.count(alias(tenant)) == 1);
            await().atMost(DEADLINE).until(() -> deadLetters.reasonOf(refused) != null);

            assertThat(deadLetters.reasonOf(refused)).startsWith("index-rejected: mapper_parsing_exception");
        }
        assertThat(support.documents(alias(tenant))).extracting(Hit::id).containsExactly(fine);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void anEventIsStoredAsPublishedAndBecomesSearchableWithoutAnyoneAskingForARefresh() throws IOException {
        String tenant = aTenant("idxs");
        String id = anIngestId();
        // pretty-printed, with escapes and non-ASCII text: the record's bytes are the document
        String json = "{\n  \"tenant\": \"" + tenant + "\",\n  \"ingest_id\": \"" + id + "\",\r\n"
                + "  \"message\": \"line one\\nline \\\"two\\\" é ☃\",\n  \"unmapped\": {\"n\": [1, 2.5, null, true]}\n}";
        support.publish(tenant, tenant, json);

        // counted without a refresh of the test's own: the daily index refreshes by itself, four times a second
        await().atMost(DEADLINE).until(() -> support.countAsSearched(alias(tenant)) == 1);

        assertThat(support.documents(alias(tenant)).getFirst().source())
                .isEqualTo(new ObjectMapper().readValue(json, Map.class));
        String index = support.documents(alias(tenant)).getFirst().index();
        assertThat(support.refreshInterval(index)).isEqualTo("250ms");
    }

    @Test
    void sourceFieldsWhoseTypeChangesFromEventToEventAreIndexedEveryTime() {
        String tenant = aTenant("idxy");
        List<String> ids = new ArrayList<>();
        // an evtx dump gives a value with attributes as an object where other events have the value
        String[] ports = {
            "4625",
            "\"-\"",
            "true",
            "1.5",
            "\"n/a\"",
            "{\"#text\":4624,\"#attributes\":{\"Qualifiers\":0}}",
            "[1,\"x\"]"
        };
        String[] originalTimes = {
            "2026-12-03T10:00:00Z", "Dec  3 10:00:00", "-", "2026-12-03", "yesterday", "now", "2026-12-03T10:00:01Z"
        };
        for (int n = 0; n < ports.length; n++) {
            String id = anIngestId();
            ids.add(id);
            // a source field that is a number, then text, a boolean, an object, a list; a text that
            // looks like a date, then texts that do not
            support.publish(
                    tenant,
                    tenant,
                    "{\"tenant\":\"" + tenant + "\",\"ingest_id\":\"" + id + "\",\"unmapped\":{\"IpPort\":" + ports[n]
                            + "},\"metadata\":{\"original_time\":\"" + originalTimes[n] + "\"}}");
        }

        await().atMost(DEADLINE).until(() -> support.count(alias(tenant)) == ids.size());

        assertOnlyOwnDocuments(tenant, ids);
    }

    @Test
    void theIndexersStateAndEachTenantsLagAreReported() {
        String tenant = aTenant("idxl");
        publish(tenant, 2);
        await().atMost(DEADLINE).until(() -> support.count(alias(tenant)) == 2);

        given().get("/q/health/live")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'event-indexer' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'event-indexer' }.data.state", equalTo("indexing"));
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("socaas_ingestion_indexing_lag_seconds{tenant=\"" + tenant + "\"}"))
                .body(containsString("socaas_ingestion_indexing_indexed_total{tenant=\"" + tenant + "\"} 2.0"));
    }

    private List<String> publish(String tenant, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = anIngestId();
            ids.add(id);
            support.publish(tenant, id);
        }
        return ids;
    }

    @SuppressWarnings("rawtypes")
    private void assertOnlyOwnDocuments(String tenant, List<String> ids) {
        List<Hit<Map>> docs = support.documents(alias(tenant));
        assertThat(docs).extracting(Hit::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(docs).allSatisfy(hit -> {
            assertThat(hit.source()).containsEntry("tenant", tenant).containsEntry("ingest_id", hit.id());
            assertThat(TenantIndexLayout.parse(hit.index()))
                    .hasValueSatisfying(
                            index -> assertThat(index.tenant().value()).isEqualTo(tenant));
        });
    }

    private static String alias(String tenant) {
        return TenantIndexLayout.of(TenantId.of(tenant)).alias();
    }
}

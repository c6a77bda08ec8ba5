package io.socaas.ingestion.indexing;

import static io.socaas.ingestion.indexing.IndexingTestSupport.aTenant;
import static io.socaas.ingestion.indexing.IndexingTestSupport.anIngestId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.socaas.events.TenantId;
import io.socaas.ingestion.indexing.kafka.EventIndexer;
import io.socaas.localstack.testing.StoppableOpenSearch;
import io.socaas.tenantindices.TenantIndexLayout;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * OpenSearch stopped in the middle of a stream and started again: indexing waits, then resumes,
 * and the count in OpenSearch equals the count produced, each event once. The node stopped is a
 * real OpenSearch of the test's own ({@link StoppableOpenSearch}, :9210), not the stack's shared one
 * that other tests use at the same time; Kafka is the stack's.
 */
@QuarkusTest
@TestProfile(IndexingThroughOpenSearchOutageTest.OwnOpenSearch.class)
class IndexingThroughOpenSearchOutageTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    public static class OwnOpenSearch implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoppableOpenSearchResource.class));
        }
    }

    /** Starts the test's own node before the application and stops it after the class. */
    public static class StoppableOpenSearchResource implements QuarkusTestResourceLifecycleManager {
        private final StoppableOpenSearch node = new StoppableOpenSearch();

        @Override
        public Map<String, String> start() {
            io.socaas.localstack.LocalStack.fromEnvironment().ensureInfrastructure();
            node.start();
            return Map.of("socaas.ingestion.indexing.opensearch-url", node.url());
        }

        @Override
        public void stop() {
            node.stop();
        }
    }

    @Inject
    EventIndexer indexer;

    @Test
    void anOutageDelaysIndexingAndLosesNothingAndDuplicatesNothing() throws Exception {
        StoppableOpenSearch node = new StoppableOpenSearch();
        String tenant = aTenant("idxo");
        String alias = TenantIndexLayout.of(TenantId.of(tenant)).alias();
        List<String> produced = new ArrayList<>();
        try (IndexingTestSupport support = new IndexingTestSupport(node.url())) {
            support.cleanUpAtClose(tenant);
            produced.addAll(publish(support, tenant, 50));
            await().atMost(DEADLINE).until(() -> support.count(alias) == 50);

            assertThat(node.stop()).isTrue();
            produced.addAll(publish(support, tenant, 50));
            await().atMost(DEADLINE).until(() -> indexer.state() == EventIndexer.State.WAITING_FOR_OPENSEARCH);
            produced.addAll(publish(support, tenant, 25));

            node.start();
            await().atMost(DEADLINE).ignoreExceptions().until(() -> support.count(alias) >= produced.size());

            @SuppressWarnings("rawtypes")
            List<Hit<Map>> documents = support.documents(alias);
            assertThat(documents).hasSize(produced.size());
            assertThat(documents).extracting(Hit::id).containsExactlyInAnyOrderElementsOf(produced);
            assertThat(new HashSet<>(documents.stream()
                            .map(h -> h.source().get("ingest_id"))
                            .toList()))
                    .hasSize(produced.size());
            await().atMost(DEADLINE).until(() -> indexer.state() == EventIndexer.State.INDEXING);
        }
    }

    private static List<String> publish(IndexingTestSupport support, String tenant, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = anIngestId();
            ids.add(id);
            // keys spread over the partitions, as ingestion's <tenant>:<ingest_id> do
            support.publish(TenantId.of(tenant).recordKey(id), tenant, IndexingTestSupport.event(tenant, id, null));
        }
        return ids;
    }
}

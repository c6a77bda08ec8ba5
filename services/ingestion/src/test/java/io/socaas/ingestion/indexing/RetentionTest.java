package io.socaas.ingestion.indexing;

import static io.socaas.ingestion.indexing.IndexingTestSupport.aTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.events.TenantId;
import io.socaas.ingestion.indexing.config.IndexingConfig;
import io.socaas.ingestion.indexing.retention.RetentionJob;
import io.socaas.ingestion.indexing.retention.RetentionRun;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.tenant.v1.Plan;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import io.socaas.tenantfacts.TenantFactsReader;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import io.socaas.tenantindices.TenantIndexAdmin;
import io.socaas.tenantindices.TenantIndexLayout;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention against the real OpenSearch, with the tenants' retention from the tenant facts the
 * service reads (the test topic soc.tenants.test.v1): only the daily indices older than the tenant's
 * plan keeps go, only that tenant's, and a day's pass runs once with two replicas racing.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class RetentionTest {

    @Inject
    RetentionJob job;

    @Inject
    IndexingConfig config;

    @Inject
    TenantFactsReader<TenantConfig> facts;

    private IndexingTestSupport support;
    private TenantIndexAdmin admin;

    @BeforeEach
    void open() throws IOException {
        support = new IndexingTestSupport("http://127.0.0.1:9200");
        admin = new TenantIndexAdmin(support.opensearch);
        // today's lease of an earlier run of this test: gone, so that today's pass runs again
        support.opensearch
                .indices()
                .delete(d -> d.index(config.retention().leaseIndex()).ignoreUnavailable(true));
    }

    private List<TenantId> published = List.of();

    @AfterEach
    void close() throws IOException {
        support.close();
        // the test topic is compacted: the tombstones keep it from growing with every run
        try (TenantFactsTestTopic topic = new TenantFactsTestTopic()) {
            published.forEach(t -> topic.publish(t.value(), null));
        }
    }

    @Test
    void onlyTheOldIndicesOfTheRightTenantGoAndTheDaysPassRunsOnceWithTwoReplicasRacing() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        TenantId week = TenantId.of(aTenant("retw"));
        TenantId quarter = TenantId.of(aTenant("retq"));
        // an id that extends week's: events-<week>-* matches its indices, they are not week's
        TenantId extending = TenantId.of(week.value() + "-x");
        publishFacts(week, 7);
        publishFacts(quarter, 90);
        publishFacts(extending, 7000);
        List.of(week, quarter, extending).forEach(t -> support.cleanUpAtClose(t.value()));
        published = List.of(week, quarter, extending);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> facts.get(extending).isPresent()
                        && facts.get(week).isPresent()
                        && facts.get(quarter).isPresent());

        String weekOld = admin.ensureDailyIndex(week, today.minusDays(30));
        String weekJustOver = admin.ensureDailyIndex(week, today.minusDays(8));
        String weekKept = admin.ensureDailyIndex(week, today.minusDays(7));
        String weekToday = admin.ensureDailyIndex(week, today);
        String quarterKept = admin.ensureDailyIndex(quarter, today.minusDays(30));
        String extendingKept = admin.ensureDailyIndex(extending, today.minusDays(30));
        // matches events-<week>-* but is no daily index name of anyone: never deleted
        String restored = TenantIndexLayout.of(week).dailyIndex(today.minusDays(30)) + "-restored";
        support.opensearch.indices().create(c -> c.index(restored));

        CountDownLatch go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<RetentionRun.Result>> racing = List.of("replica-a", "replica-b").stream()
                    .map(owner -> CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    go.await();
                                    return job.newRun(owner).run();
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            pool))
                    .toList();
            go.countDown();
            List<RetentionRun.Result> results =
                    racing.stream().map(CompletableFuture::join).toList();

            assertThat(results).filteredOn(RetentionRun.Result::ran).hasSize(1);
            RetentionRun.Result ran = results.stream()
                    .filter(RetentionRun.Result::ran)
                    .findFirst()
                    .orElseThrow();
            assertThat(ran.failures()).isEmpty();
            assertThat(ran.deleted().get(week)).containsExactlyInAnyOrder(weekOld, weekJustOver);
            assertThat(ran.deleted()).doesNotContainKeys(quarter, extending);
        } finally {
            pool.shutdownNow();
        }

        assertThat(exists(weekOld)).isFalse();
        assertThat(exists(weekJustOver)).isFalse();
        assertThat(exists(weekKept)).isTrue();
        assertThat(exists(weekToday)).isTrue();
        assertThat(exists(quarterKept)).isTrue();
        assertThat(exists(extendingKept)).isTrue();
        assertThat(exists(restored)).isTrue();

        // the day's pass is done: a later attempt that day does nothing
        assertThat(job.newRun("replica-c").run().ran()).isFalse();

        support.opensearch.indices().delete(d -> d.index(List.of(restored)));
    }

    @Test
    void aLeaseLeftUnfinishedByACrashedReplicaIsTakenOverOnlyOnceItExpires() throws Exception {
        String leaseIndex = config.retention().leaseIndex() + "-takeover";
        support.opensearch.indices().delete(d -> d.index(leaseIndex).ignoreUnavailable(true));
        Clock now = Clock.systemUTC();
        Duration ttl = Duration.ofMinutes(15);
        RetentionRun crashing = new RetentionRun(
                support.opensearch,
                leaseIndex,
                ttl,
                "crashing",
                () -> {
                    throw new IllegalStateException("replica died mid-pass");
                },
                now);
        assertThatThrownBy(crashing::run).hasMessageContaining("died");

        RetentionRun soon = new RetentionRun(
                support.opensearch, leaseIndex, ttl, "soon", List::of, Clock.offset(now, Duration.ofMinutes(10)));
        assertThat(soon.run().ran()).isFalse();

        RetentionRun later = new RetentionRun(
                support.opensearch, leaseIndex, ttl, "later", List::of, Clock.offset(now, Duration.ofMinutes(16)));
        RetentionRun alsoLater = new RetentionRun(
                support.opensearch, leaseIndex, ttl, "also-later", List::of, Clock.offset(now, Duration.ofMinutes(16)));
        assertThat(later.run().ran()).isTrue();
        // done now: nobody runs the day again
        assertThat(alsoLater.run().ran()).isFalse();

        support.opensearch.indices().delete(d -> d.index(leaseIndex));
    }

    private boolean exists(String index) throws IOException {
        return support.opensearch.indices().exists(e -> e.index(index)).value();
    }

    private static void publishFacts(TenantId tenant, int retentionDays) {
        try (TenantFactsTestTopic topic = new TenantFactsTestTopic()) {
            topic.publish(
                    tenant.value(),
                    TenantConfig.newBuilder()
                            .setTenantId(tenant.value())
                            .setDisplayName(tenant.value())
                            .setStatus(TenantStatus.TENANT_STATUS_ACTIVE)
                            .setRevision(TenantFactsTestTopic.newRevision())
                            .setPlan(Plan.newBuilder().setId("test").setRetentionDays(retentionDays))
                            .build()
                            .toByteArray());
        }
    }
}

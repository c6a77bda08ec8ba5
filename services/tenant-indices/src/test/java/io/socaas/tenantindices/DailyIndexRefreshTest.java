package io.socaas.tenantindices;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.events.TenantId;
import io.socaas.localstack.LocalStack;
import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * Against the real OpenSearch of the local stack: the day's index (and yesterday's, for events that
 * arrive a little late) is refreshed as the template says, so that events are searchable within a
 * second; an index made for an older day (logs sent late, a backfill) is refreshed less often, so
 * that a backfill spread over many days does not slow indexing for everyone.
 */
class DailyIndexRefreshTest {

    private static final TenantId TENANT =
            TenantId.of("refresh-" + UUID.randomUUID().toString().substring(0, 8));
    private static final LocalDate TODAY = LocalDate.parse("2026-11-30");

    private static OpenSearchConnection connection;
    private static OpenSearchClient client;
    private static TenantIndexAdmin admin;

    @BeforeAll
    static void theTenantsTemplate() throws IOException {
        LocalStack.fromEnvironment().ensureInfrastructure();
        connection = OpenSearchConnection.to(java.net.URI.create("http://127.0.0.1:9200"));
        client = connection.client();
        admin = new TenantIndexAdmin(client);
        admin.putTemplate(TENANT);
    }

    @AfterAll
    static void purge() throws IOException {
        admin.purge(TENANT);
        connection.close();
    }

    @Test
    void theDaysAndYesterdaysIndicesAreRefreshedSoonAnOlderDaysLessOften() throws IOException {
        String today = admin.ensureDailyIndex(TENANT, TODAY, TODAY);
        String yesterday = admin.ensureDailyIndex(TENANT, TODAY.minusDays(1), TODAY);
        String older = admin.ensureDailyIndex(TENANT, TODAY.minusDays(2), TODAY);
        String month = admin.ensureDailyIndex(TENANT, TODAY.minusDays(29), TODAY);

        assertThat(refreshInterval(today)).isEqualTo(TenantIndexAdmin.REFRESH_INTERVAL);
        assertThat(refreshInterval(yesterday)).isEqualTo(TenantIndexAdmin.REFRESH_INTERVAL);
        assertThat(refreshInterval(older)).isEqualTo(TenantIndexAdmin.BACKFILL_REFRESH_INTERVAL);
        assertThat(refreshInterval(month)).isEqualTo(TenantIndexAdmin.BACKFILL_REFRESH_INTERVAL);
        // a refresh shows what is new at once, never waiting for a merge of small segments first
        for (String index : java.util.List.of(today, yesterday, older, month)) {
            assertThat(mergeOnRefresh(index)).as(index).isEqualTo("false");
        }
        // every one of them carries the tenant's alias
        assertThat(admin.dailyIndices(TENANT)).hasSize(4);
        // an index that exists keeps its interval
        admin.ensureDailyIndex(TENANT, TODAY.minusDays(2), TODAY.minusDays(2));
        assertThat(refreshInterval(older)).isEqualTo(TenantIndexAdmin.BACKFILL_REFRESH_INTERVAL);
    }

    private static String mergeOnRefresh(String index) throws IOException {
        var settings = client.indices()
                .getSettings(g -> g.index(index).flatSettings(true))
                .get(index)
                .settings();
        var value = settings.customSettings().get(TenantIndexAdmin.MERGE_ON_REFRESH);
        return value == null ? null : value.to(String.class);
    }

    private static String refreshInterval(String index) throws IOException {
        var settings =
                client.indices().getSettings(g -> g.index(index)).get(index).settings();
        return settings.index() != null && settings.index().refreshInterval() != null
                ? settings.index().refreshInterval().time()
                : settings.refreshInterval().time();
    }
}

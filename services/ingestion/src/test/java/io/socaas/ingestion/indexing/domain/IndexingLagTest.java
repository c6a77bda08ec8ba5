package io.socaas.ingestion.indexing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.events.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IndexingLagTest {

    private static final TenantId ACME = TenantId.of("acme");
    private final Instant t0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void waitingEventsMakeTheLagGrowUntilTheyAreIndexed() {
        IndexingLag lag = new IndexingLag();
        assertThat(lag.secondsBehind(ACME, t0)).isEmpty();

        assertThat(lag.waiting(ACME, t0)).isTrue();
        assertThat(lag.waiting(ACME, t0.plusSeconds(5))).isFalse();
        assertThat(lag.secondsBehind(ACME, t0.plusSeconds(60))).contains(60.0);
        assertThat(lag.secondsBehind(ACME, t0.plusSeconds(120))).contains(120.0);

        lag.indexed(ACME, t0.plusSeconds(121));
        // from then on: what the last batch took, until new events wait
        assertThat(lag.secondsBehind(ACME, t0.plusSeconds(500))).contains(121.0);
        lag.waiting(ACME, t0.plusSeconds(600));
        assertThat(lag.secondsBehind(ACME, t0.plusSeconds(601))).contains(1.0);
    }
}

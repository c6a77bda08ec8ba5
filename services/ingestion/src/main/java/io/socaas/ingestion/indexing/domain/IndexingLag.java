package io.socaas.ingestion.indexing.domain;

import io.socaas.events.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far behind indexing is, per tenant: while a tenant's events wait to be indexed (read but not
 * yet in OpenSearch, e.g. OpenSearch is down), the age of the oldest of them, growing with the wait;
 * otherwise the time its last indexed events took from acceptance to searchable. Written by the
 * indexer's thread, read by the metrics scrape.
 */
public final class IndexingLag {

    private record State(Instant oldestWaiting, Duration lastLag) {}

    private final Map<TenantId, State> tenants = new ConcurrentHashMap<>();

    /** The tenant has events waiting since {@code oldestAccepted}; returns true for a new tenant. */
    public boolean waiting(TenantId tenant, Instant oldestAccepted) {
        State before = tenants.get(tenant);
        tenants.compute(tenant, (t, state) -> {
            if (state == null) {
                return new State(oldestAccepted, Duration.ZERO);
            }
            if (state.oldestWaiting() != null && !state.oldestWaiting().isAfter(oldestAccepted)) {
                return state;
            }
            return new State(oldestAccepted, state.lastLag());
        });
        return before == null;
    }

    /** Everything of the tenant read so far is searchable as of {@code now}. */
    public void indexed(TenantId tenant, Instant now) {
        tenants.computeIfPresent(
                tenant,
                (t, state) -> state.oldestWaiting() == null
                        ? state
                        : new State(null, max(Duration.ZERO, Duration.between(state.oldestWaiting(), now))));
    }

    /** Seconds behind as of {@code now}; empty for a tenant never seen. */
    public Optional<Double> secondsBehind(TenantId tenant, Instant now) {
        State state = tenants.get(tenant);
        if (state == null) {
            return Optional.empty();
        }
        Duration lag = state.oldestWaiting() == null
                ? state.lastLag()
                : max(Duration.ZERO, Duration.between(state.oldestWaiting(), now));
        return Optional.of(lag.toMillis() / 1000.0);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

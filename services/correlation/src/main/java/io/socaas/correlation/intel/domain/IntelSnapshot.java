package io.socaas.correlation.intel.domain;

import io.socaas.events.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All indicators correlation matches at one moment: the global feeds' (every tenant's events) and
 * each tenant's own lists (only that tenant's events). Immutable: a reload builds a new snapshot and
 * swaps it in whole, so an event is matched against one consistent state.
 */
public final class IntelSnapshot {

    /** No indicators at all. */
    public static final IntelSnapshot EMPTY = new IntelSnapshot(IntelIndex.EMPTY, Map.of());

    /** An indicator that matched a value of the event. */
    public record Hit(Indicator indicator, IntelObservables.Observed observed) {}

    private final IntelIndex global;
    private final Map<TenantId, IntelIndex> tenants;

    public IntelSnapshot(IntelIndex global, Map<TenantId, IntelIndex> tenants) {
        this.global = global;
        this.tenants = Map.copyOf(tenants);
    }

    /**
     * The indicators of the global feeds and of the tenant's own lists that match the event's
     * values and are still valid at {@code now}; each indicator once (at the first value it matched).
     */
    public List<Hit> match(TenantId tenant, List<IntelObservables.Observed> observed, Instant now) {
        IntelIndex own = tenants.getOrDefault(tenant, IntelIndex.EMPTY);
        if (global.size() == 0 && own.size() == 0) {
            return List.of();
        }
        List<Hit> hits = List.of();
        Set<Indicator> seen = null;
        for (IntelObservables.Observed value : observed) {
            for (IntelIndex index : new IntelIndex[] {global, own}) {
                if (index.size() == 0) {
                    continue;
                }
                List<Indicator> found = switch (value.type()) {
                    case IP -> index.ip(value.address());
                    case DOMAIN -> index.domain(value.value());
                    case URL -> index.url(value.value());
                    case FILE_HASH -> index.hash(value.value());
                };
                for (Indicator indicator : found) {
                    if (!indicator.validAt(now)) {
                        continue;
                    }
                    if (seen == null) {
                        seen = new LinkedHashSet<>();
                        hits = new ArrayList<>();
                    }
                    if (seen.add(indicator)) {
                        hits.add(new Hit(indicator, value));
                    }
                }
            }
        }
        return hits;
    }

    /** Indicators of the global feeds. */
    public int globalSize() {
        return global.size();
    }

    /** Indicators of the tenant's own lists. */
    public int tenantSize(TenantId tenant) {
        return tenants.getOrDefault(tenant, IntelIndex.EMPTY).size();
    }
}

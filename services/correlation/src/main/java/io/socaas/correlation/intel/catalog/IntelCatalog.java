package io.socaas.correlation.intel.catalog;

import io.socaas.correlation.intel.domain.Indicator;
import io.socaas.correlation.intel.domain.IntelIndex;
import io.socaas.correlation.intel.domain.IntelSnapshot;
import io.socaas.events.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The indicators correlation matches now, as one immutable {@link IntelSnapshot} that detection
 * reads without locks. A global feed's reload rebuilds the global index; a tenant's change rebuilds
 * that tenant's index only; either swaps in a new snapshot at once (no restart).
 */
@ApplicationScoped
public class IntelCatalog {

    private final AtomicReference<IntelSnapshot> current = new AtomicReference<>(IntelSnapshot.EMPTY);
    private final Map<String, List<Indicator>> feeds = new LinkedHashMap<>();
    private IntelIndex global = IntelIndex.EMPTY;
    private final Map<TenantId, IntelIndex> tenants = new HashMap<>();

    /** The indicators as of now. */
    public IntelSnapshot current() {
        return current.get();
    }

    /** Replaces a global feed's indicators. */
    public synchronized void replaceFeed(String feed, List<Indicator> indicators) {
        feeds.put(feed, List.copyOf(indicators));
        List<Indicator> all = new ArrayList<>();
        feeds.values().forEach(all::addAll);
        global = IntelIndex.of(all);
        publish();
    }

    /** Replaces the indicators of a tenant's own lists (empty: it has none). */
    public synchronized void replaceTenant(TenantId tenant, List<Indicator> indicators) {
        if (indicators.isEmpty()) {
            tenants.remove(tenant);
        } else {
            tenants.put(tenant, IntelIndex.of(indicators));
        }
        publish();
    }

    /** Indicators per global feed, for the readiness check. */
    public synchronized Map<String, Integer> feedSizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        feeds.forEach((name, indicators) -> sizes.put(name, indicators.size()));
        return sizes;
    }

    /** Indicators of each tenant's own lists, for the readiness check. */
    public synchronized Map<String, Integer> tenantSizes() {
        Map<String, Integer> sizes = new java.util.TreeMap<>();
        tenants.forEach((tenant, index) -> sizes.put(tenant.value(), index.size()));
        return sizes;
    }

    private void publish() {
        current.set(new IntelSnapshot(global, tenants));
    }
}

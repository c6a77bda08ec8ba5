package io.socaas.correlation.intel.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Indicators indexed for lookups whose cost does not grow with their number: hash maps for hashes,
 * URLs and domains (a host is looked up once per suffix of its labels, so {@code evil.example}
 * matches {@code a.b.evil.example}), a prefix trie per address family for addresses and networks.
 * Immutable once built.
 */
public final class IntelIndex {

    /** An index of nothing. */
    public static final IntelIndex EMPTY = of(List.of());

    private final IpPrefixTrie ips = new IpPrefixTrie();
    private final Map<String, List<Indicator>> domains = new HashMap<>();
    private final Map<String, List<Indicator>> urls = new HashMap<>();
    private final Map<String, List<Indicator>> hashes = new HashMap<>();
    private final int size;

    private IntelIndex(Collection<Indicator> indicators) {
        for (Indicator indicator : indicators) {
            switch (indicator.type()) {
                case IP -> ips.add(IpNetwork.parse(indicator.value()), indicator);
                case DOMAIN ->
                    domains.computeIfAbsent(indicator.value(), k -> new ArrayList<>(1))
                            .add(indicator);
                case URL ->
                    urls.computeIfAbsent(indicator.value(), k -> new ArrayList<>(1))
                            .add(indicator);
                case FILE_HASH ->
                    hashes.computeIfAbsent(indicator.value(), k -> new ArrayList<>(1))
                            .add(indicator);
            }
        }
        this.size = indicators.size();
    }

    /** An index of the given (normalized) indicators. */
    public static IntelIndex of(Collection<Indicator> indicators) {
        return new IntelIndex(indicators);
    }

    /** Indicators whose address or network contains {@code address}. */
    public List<Indicator> ip(IpNetwork address) {
        return ips.containing(address);
    }

    /** Indicators naming {@code host} (normalized) or one of its parent domains. */
    public List<Indicator> domain(String host) {
        List<Indicator> found = List.of();
        for (int from = 0; from >= 0; ) {
            List<Indicator> here = domains.get(from == 0 ? host : host.substring(from));
            if (here != null) {
                if (found.isEmpty()) {
                    found = new ArrayList<>(here);
                } else {
                    found.addAll(here);
                }
            }
            int dot = host.indexOf('.', from);
            from = dot < 0 ? -1 : dot + 1;
        }
        return found;
    }

    /** Indicators of exactly this (normalized) URL. */
    public List<Indicator> url(String url) {
        return urls.getOrDefault(url, List.of());
    }

    /** Indicators of this (lower-case hex) hash. */
    public List<Indicator> hash(String hash) {
        return hashes.getOrDefault(hash, List.of());
    }

    /** Number of indicators. */
    public int size() {
        return size;
    }
}

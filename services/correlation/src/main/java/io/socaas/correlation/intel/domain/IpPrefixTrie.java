package io.socaas.correlation.intel.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Indicators by IP network, one binary trie per address family: looking an address up walks at
 * most 32 (IPv4) or 128 (IPv6) nodes and collects every network on the way that contains it, however
 * many indicators there are. Filled once by its builder, read-only afterwards.
 */
final class IpPrefixTrie {

    private static final class Node {
        Node zero;
        Node one;
        List<Indicator> here;
    }

    private final Node v4 = new Node();
    private final Node v6 = new Node();
    private int size;

    void add(IpNetwork network, Indicator indicator) {
        Node node = network.v6() ? v6 : v4;
        for (int bit = 0; bit < network.prefix(); bit++) {
            if (network.bit(bit)) {
                node = node.one == null ? (node.one = new Node()) : node.one;
            } else {
                node = node.zero == null ? (node.zero = new Node()) : node.zero;
            }
        }
        if (node.here == null) {
            node.here = new ArrayList<>(1);
        }
        node.here.add(indicator);
        size++;
    }

    /** Every indicator whose network contains the address, shortest prefix first. */
    List<Indicator> containing(IpNetwork address) {
        List<Indicator> found = List.of();
        Node node = address.v6() ? v6 : v4;
        int bits = address.prefix();
        for (int bit = 0; node != null; bit++) {
            if (node.here != null) {
                if (found.isEmpty()) {
                    found = new ArrayList<>(node.here);
                } else {
                    found.addAll(node.here);
                }
            }
            if (bit == bits) {
                break;
            }
            node = address.bit(bit) ? node.one : node.zero;
        }
        return found;
    }

    int size() {
        return size;
    }
}

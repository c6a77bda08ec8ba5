package io.socaas.correlation.intel.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of a normalized (OCSF) event that indicators are matched against, each normalized once:
 * addresses ({@code src_endpoint.ip}, {@code dst_endpoint.ip}, {@code device.ip}), host names (the
 * DNS query's, the destination's and each URL's host), URLs ({@code url.url_string}, {@code
 * http_request.url.url_string}) and file hashes ({@code file.hashes}, {@code process.file.hashes},
 * {@code actor.process.file.hashes}: OCSF fingerprints, their {@code value}).
 */
public final class IntelObservables {

    /**
     * One value of the event.
     *
     * @param field the event field it was read from
     * @param value normalized (for an address, its canonical text)
     * @param address the parsed address, for {@link IndicatorType#IP} only
     */
    public record Observed(IndicatorType type, String field, String value, IpNetwork address) {}

    static final List<String> IP_FIELDS = List.of("src_endpoint.ip", "dst_endpoint.ip", "device.ip");
    static final List<String> HOST_FIELDS =
            List.of("query.hostname", "dst_endpoint.hostname", "url.hostname", "http_request.url.hostname");
    static final List<String> URL_FIELDS = List.of("url.url_string", "http_request.url.url_string");
    static final List<String> HASH_FIELDS = List.of("file.hashes", "process.file.hashes", "actor.process.file.hashes");
    /** No event is looked up more often than this, whatever it carries. */
    static final int MAX_PER_EVENT = 64;

    private IntelObservables() {}

    /** The values of {@code record} (a normalized event as on {@code soc.events.v1}). */
    public static List<Observed> of(Map<String, ?> record) {
        Set<String> seen = new LinkedHashSet<>();
        List<Observed> out = new ArrayList<>();
        for (String field : IP_FIELDS) {
            for (String text : texts(record, field)) {
                IpNetwork address = IpNetwork.addressOrNull(text);
                if (address != null) {
                    add(out, seen, new Observed(IndicatorType.IP, field, address.text(), address));
                }
            }
        }
        for (String field : URL_FIELDS) {
            for (String text : texts(record, field)) {
                // a request line's path ("/index.html") names no host: not a URL to look up
                if (text.startsWith("/")) {
                    continue;
                }
                String url = IndicatorValues.urlOrNull(text);
                if (url != null) {
                    add(out, seen, new Observed(IndicatorType.URL, field, url, null));
                    String host = IndicatorValues.hostOf(url);
                    IpNetwork address = IpNetwork.addressOrNull(host);
                    if (address != null) {
                        add(out, seen, new Observed(IndicatorType.IP, field, address.text(), address));
                    } else {
                        String domain = IndicatorValues.domainOrNull(host);
                        if (domain != null) {
                            add(out, seen, new Observed(IndicatorType.DOMAIN, field, domain, null));
                        }
                    }
                }
            }
        }
        for (String field : HOST_FIELDS) {
            for (String text : texts(record, field)) {
                String domain = IndicatorValues.domainOrNull(text);
                if (domain != null) {
                    add(out, seen, new Observed(IndicatorType.DOMAIN, field, domain, null));
                }
            }
        }
        for (String field : HASH_FIELDS) {
            for (Object fingerprint : values(record, field)) {
                // OCSF algorithm ids 1-4: MD5, SHA-1, SHA-256, SHA-512 (not an imphash or a fuzzy hash)
                if (fingerprint instanceof Map<?, ?> map
                        && map.get("algorithm_id") instanceof Number id
                        && (id.intValue() < 1 || id.intValue() > 4)) {
                    continue;
                }
                Object value = fingerprint instanceof Map<?, ?> map ? map.get("value") : fingerprint;
                if (value instanceof String text) {
                    try {
                        add(out, seen, new Observed(IndicatorType.FILE_HASH, field, IndicatorValues.hash(text), null));
                    } catch (InvalidIndicatorException e) {
                        // not a hash of a known length: nothing to look up
                    }
                }
            }
        }
        return out;
    }

    private static void add(List<Observed> out, Set<String> seen, Observed observed) {
        if (out.size() < MAX_PER_EVENT && seen.add(observed.type() + "\u0000" + observed.value())) {
            out.add(observed);
        }
    }

    private static List<String> texts(Map<String, ?> record, String path) {
        List<String> texts = new ArrayList<>(1);
        for (Object value : values(record, path)) {
            if (value instanceof String s && !s.isBlank() && s.length() <= IndicatorValues.MAX_URL) {
                texts.add(s.strip());
            }
        }
        return texts;
    }

    /** The values at a dotted path; lists on the way (and at the end) are flattened. */
    private static List<Object> values(Object node, String path) {
        List<Object> out = new ArrayList<>(1);
        collect(node, path.split("\\."), 0, out);
        return out;
    }

    private static void collect(Object node, String[] path, int depth, List<Object> out) {
        if (node instanceof List<?> list) {
            for (Object element : list) {
                collect(element, path, depth, out);
            }
            return;
        }
        if (depth == path.length) {
            if (node != null) {
                out.add(node);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            collect(map.get(path[depth]), path, depth + 1, out);
        }
    }
}

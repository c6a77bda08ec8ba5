package io.socaas.correlation.detection.domain;

import io.socaas.correlation.sigma.domain.SigmaEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an event names that an analyst pivots on: IPs, users, hosts, domains, URLs and file hashes.
 * Read from the OCSF fields of a normalized event first, then from the common source fields
 * (Windows, Sysmon, web and network logs) for events that are not normalized. Values that are
 * empty, placeholders ({@code -}, {@code ::1}, {@code 127.0.0.1}, machine accounts' {@code $}
 * names are kept), or too long are dropped.
 */
public final class EventObservables {

    /** One observable: its type, value and the field it was read from. */
    public record Found(String type, String value, String field) {}

    /** Field → observable type, in the order they are looked at. */
    static final List<Map.Entry<String, String>> FIELDS = List.of(
            Map.entry("src_endpoint.ip", "ip"),
            Map.entry("dst_endpoint.ip", "ip"),
            Map.entry("device.ip", "ip"),
            Map.entry("src_endpoint.hostname", "host"),
            Map.entry("dst_endpoint.hostname", "host"),
            Map.entry("device.hostname", "host"),
            Map.entry("user.name", "user"),
            Map.entry("actor.user.name", "user"),
            Map.entry("query.hostname", "domain"),
            Map.entry("url.url_string", "url"),
            Map.entry("http_request.url.url_string", "url"),
            Map.entry("user.email_addr", "email"),
            // source fields of events that are not normalized
            Map.entry("IpAddress", "ip"),
            Map.entry("SourceIp", "ip"),
            Map.entry("SourceAddress", "ip"),
            Map.entry("DestinationIp", "ip"),
            Map.entry("DestinationAddress", "ip"),
            Map.entry("src_ip", "ip"),
            Map.entry("dst_ip", "ip"),
            Map.entry("Computer", "host"),
            Map.entry("Hostname", "host"),
            Map.entry("WorkstationName", "host"),
            Map.entry("SourceHostname", "host"),
            Map.entry("DestinationHostname", "host"),
            Map.entry("User", "user"),
            Map.entry("TargetUserName", "user"),
            Map.entry("SubjectUserName", "user"),
            Map.entry("QueryName", "domain"),
            Map.entry("c-uri", "url"),
            Map.entry("Hashes", "hash"),
            Map.entry("Hash", "hash"),
            Map.entry("md5", "hash"),
            Map.entry("sha256", "hash"));

    private static final Pattern HASH_LIST =
            Pattern.compile("(?:MD5|SHA1|SHA256|IMPHASH|SHA384|SHA512)=([0-9A-Fa-f]+)");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{32,128}");
    private static final Set<String> PLACEHOLDERS = Set.of("-", "", "::1", "127.0.0.1", "0.0.0.0", "localhost", "n/a");
    static final int MAX_VALUE = 2048;
    static final int MAX_PER_EVENT = 32;

    private EventObservables() {}

    /** The observables of {@code event}, each value once per type. */
    public static List<Found> of(SigmaEvent event) {
        Set<String> seen = new LinkedHashSet<>();
        List<Found> found = new ArrayList<>();
        for (Map.Entry<String, String> field : FIELDS) {
            SigmaEvent.FieldValue value = event.field(field.getKey());
            if (!value.present()) {
                continue;
            }
            for (Object scalar : value.candidates()) {
                for (String v : values(
                        field.getValue(), SigmaEvent.FieldValue.text(scalar).strip())) {
                    if (found.size() < MAX_PER_EVENT && seen.add(field.getValue() + "\u0000" + v)) {
                        found.add(new Found(field.getValue(), v, field.getKey()));
                    }
                }
            }
        }
        return found;
    }

    private static List<String> values(String type, String raw) {
        if (PLACEHOLDERS.contains(raw.toLowerCase(Locale.ROOT)) || raw.length() > MAX_VALUE) {
            return List.of();
        }
        if (!type.equals("hash")) {
            return List.of(raw);
        }
        // Sysmon: "SHA256=...,MD5=...,IMPHASH=..."; elsewhere a bare hex digest
        List<String> hashes = new ArrayList<>();
        var m = HASH_LIST.matcher(raw);
        while (m.find()) {
            hashes.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        if (hashes.isEmpty() && HEX.matcher(raw).matches()) {
            hashes.add(raw.toLowerCase(Locale.ROOT));
        }
        return hashes;
    }
}

package io.socaas.correlation.intel.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.correlation.intel.domain.FeedSource;
import io.socaas.correlation.intel.domain.Indicator;
import io.socaas.correlation.intel.domain.IndicatorType;
import io.socaas.correlation.intel.domain.InvalidIndicatorException;
import io.socaas.correlation.intel.domain.ParsedFeed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the MISP feed format: {@code manifest.json} (an object keyed by event uuid) lists the
 * events, each in {@code <uuid>.json} as {@code {"Event": {...}}}. Of an event's attributes (and
 * those of its objects) the ones flagged {@code to_ids} of types {@code ip-src}, {@code ip-dst},
 * {@code domain}, {@code hostname}, {@code url}, {@code md5}, {@code sha1}, {@code sha256}, {@code
 * sha512} and the composites {@code domain|ip}, {@code ip-src|port}, {@code ip-dst|port}, {@code
 * hostname|port}, {@code filename|md5} (and the other hashes) give indicators; other types
 * (e-mail addresses, registry keys, ...) are not matched on events and are left out. First and last
 * seen: the attribute's {@code first_seen}/{@code last_seen}, else the event's {@code date} and the
 * attribute's {@code timestamp}; the description is the event's {@code info}. MISP states no
 * confidence per attribute: the feed's applies.
 */
public final class MispFeedParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** MISP type → what it names, for the simple types. */
    static final Map<String, IndicatorType> TYPES = Map.of(
            "ip-src", IndicatorType.IP,
            "ip-dst", IndicatorType.IP,
            "domain", IndicatorType.DOMAIN,
            "hostname", IndicatorType.DOMAIN,
            "url", IndicatorType.URL,
            "md5", IndicatorType.FILE_HASH,
            "sha1", IndicatorType.FILE_HASH,
            "sha256", IndicatorType.FILE_HASH,
            "sha512", IndicatorType.FILE_HASH);

    private MispFeedParser() {}

    /** The event uuids a {@code manifest.json} lists. */
    public static List<String> manifest(String text) {
        JsonNode manifest;
        try {
            manifest = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidIndicatorException("manifest.json is not JSON: " + e.getOriginalMessage());
        }
        if (manifest == null || !manifest.isObject()) {
            throw new InvalidIndicatorException("manifest.json is not an object keyed by event uuid");
        }
        List<String> uuids = new ArrayList<>();
        for (Iterator<String> names = manifest.fieldNames(); names.hasNext(); ) {
            String uuid = names.next();
            // the uuid names a file: never a path
            if (uuid.matches("[0-9A-Fa-f-]{1,64}")) {
                uuids.add(uuid);
            } else {
                throw new InvalidIndicatorException("manifest.json names an event '" + uuid + "' that is not a uuid");
            }
        }
        return uuids;
    }

    /**
     * One event file.
     *
     * @param location how problems name the file, e.g. {@code <uuid>.json}
     */
    public static ParsedFeed event(String text, String location, FeedSource source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return ParsedFeed.unreadable(location, "not JSON: " + e.getOriginalMessage());
        }
        JsonNode event = root == null ? null : root.get("Event");
        if (event == null || !event.isObject()) {
            return ParsedFeed.unreadable(location, "not a MISP event: expected {\"Event\": {...}}");
        }
        String info = event.path("info").asText("");
        Optional<Instant> eventDate;
        try {
            eventDate = FeedTimes.parse("date", event.path("date").asText(""));
        } catch (InvalidIndicatorException e) {
            eventDate = Optional.empty();
        }
        List<Indicator> indicators = new ArrayList<>();
        List<ParsedFeed.Problem> problems = new ArrayList<>();
        attributes(
                event.path("Attribute"), location + " Event.Attribute", info, eventDate, source, indicators, problems);
        JsonNode objects = event.path("Object");
        for (int i = 0; objects.isArray() && i < objects.size(); i++) {
            attributes(
                    objects.get(i).path("Attribute"),
                    location + " Event.Object[" + i + "].Attribute",
                    info,
                    eventDate,
                    source,
                    indicators,
                    problems);
        }
        return new ParsedFeed(indicators, problems);
    }

    private static void attributes(
            JsonNode attributes,
            String location,
            String info,
            Optional<Instant> eventDate,
            FeedSource source,
            List<Indicator> indicators,
            List<ParsedFeed.Problem> problems) {
        if (attributes.isMissingNode()) {
            return;
        }
        if (!attributes.isArray()) {
            problems.add(new ParsedFeed.Problem(location, "not a list of attributes"));
            return;
        }
        for (int i = 0; i < attributes.size(); i++) {
            JsonNode attribute = attributes.get(i);
            if (!attribute.isObject()) {
                problems.add(new ParsedFeed.Problem(location + "[" + i + "]", "not an attribute object"));
                continue;
            }
            try {
                indicators.addAll(attribute(attribute, info, eventDate, source));
            } catch (InvalidIndicatorException e) {
                problems.add(new ParsedFeed.Problem(location + "[" + i + "]", e.getMessage()));
            }
        }
    }

    private static List<Indicator> attribute(
            JsonNode attribute, String info, Optional<Instant> eventDate, FeedSource source) {
        JsonNode toIds = attribute.get("to_ids");
        // to_ids false: context, not for detection (a boolean, or "0"/"1" in older exports)
        if (toIds != null && !(toIds.asBoolean(false) || toIds.asText().equals("1"))) {
            return List.of();
        }
        String type = attribute.path("type").asText("");
        String value = attribute.path("value").asText("");
        List<Map.Entry<IndicatorType, String>> values = new ArrayList<>();
        if (TYPES.containsKey(type)) {
            values.add(Map.entry(TYPES.get(type), value));
        } else if (type.indexOf('|') > 0) {
            String[] types = type.split("\\|", -1);
            String[] parts = value.split("\\|", -1);
            if (types.length != parts.length) {
                throw new InvalidIndicatorException(
                        "type " + type + " needs " + types.length + " values separated by |");
            }
            for (int i = 0; i < types.length; i++) {
                IndicatorType t = TYPES.get(types[i].equals("ip") ? "ip-dst" : types[i]);
                if (t != null) {
                    values.add(Map.entry(t, parts[i]));
                }
            }
        }
        if (values.isEmpty()) {
            return List.of(); // a type indicators are not matched on (e-mail, registry key, ...)
        }
        Optional<Instant> firstSeen = FeedTimes.parse("first_seen", text(attribute, "first_seen"));
        Optional<Instant> lastSeen = FeedTimes.parse("last_seen", text(attribute, "last_seen"));
        if (lastSeen.isEmpty()) {
            lastSeen = FeedTimes.parse("timestamp", text(attribute, "timestamp"));
        }
        List<Indicator> out = new ArrayList<>();
        for (Map.Entry<IndicatorType, String> v : values) {
            out.add(Indicator.of(
                    v.getKey(),
                    v.getValue(),
                    source.feed(),
                    source.defaultConfidence(),
                    firstSeen.or(() -> eventDate),
                    lastSeen,
                    Optional.empty(),
                    attribute.path("uuid").asText(""),
                    info));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

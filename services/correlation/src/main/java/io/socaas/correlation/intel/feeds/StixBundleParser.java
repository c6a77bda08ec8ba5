package io.socaas.correlation.intel.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.correlation.intel.domain.FeedSource;
import io.socaas.correlation.intel.domain.Indicator;
import io.socaas.correlation.intel.domain.InvalidIndicatorException;
import io.socaas.correlation.intel.domain.ParsedFeed;
import io.socaas.correlation.intel.domain.StixPattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a STIX 2.1 bundle ({@code {"type": "bundle", "objects": [...]}}): each {@code indicator}
 * object with {@code pattern_type} {@code stix} gives one indicator per value its pattern names
 * ({@link StixPattern}), with its {@code confidence} (else the feed's), {@code valid_from} as first
 * seen, {@code modified} as last seen, {@code valid_until}, its {@code id} and {@code name}. Revoked
 * indicators are left out; other object types (malware, relationships, identities, ...) are
 * ignored. An indicator that cannot be read is reported as {@code objects[i] (id)} and skipped.
 */
public final class StixBundleParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StixBundleParser() {}

    public static ParsedFeed parse(String text, FeedSource source) {
        JsonNode bundle;
        try {
            bundle = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return ParsedFeed.unreadable(
                    e.getLocation() == null
                            ? "document"
                            : "line " + e.getLocation().getLineNr(),
                    "not JSON: " + e.getOriginalMessage());
        }
        if (bundle == null || !bundle.isObject()) {
            return ParsedFeed.unreadable("document", "not a STIX bundle (a JSON object)");
        }
        JsonNode objects;
        if ("indicator".equals(bundle.path("type").asText())) {
            objects = JSON.createArrayNode().add(bundle); // a lone indicator, not wrapped in a bundle
        } else if (!"bundle".equals(bundle.path("type").asText())
                || !bundle.path("objects").isArray()) {
            return ParsedFeed.unreadable(
                    "document", "not a STIX bundle: expected \"type\": \"bundle\" and \"objects\"");
        } else {
            objects = bundle.get("objects");
        }
        return objects(objects, source);
    }

    /**
     * A TAXII 2.1 envelope ({@code {"more": ..., "next": ..., "objects": [...]}}, as a collection's
     * objects endpoint answers): its objects read as a bundle's.
     */
    public static ParsedFeed envelope(String text, FeedSource source) {
        JsonNode envelope;
        try {
            envelope = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return ParsedFeed.unreadable(
                    e.getLocation() == null
                            ? "document"
                            : "line " + e.getLocation().getLineNr(),
                    "not JSON: " + e.getOriginalMessage());
        }
        if (envelope == null || !envelope.isObject()) {
            return ParsedFeed.unreadable("document", "not a TAXII envelope (a JSON object)");
        }
        if (envelope.has("objects") && !envelope.get("objects").isArray()) {
            return ParsedFeed.unreadable("document", "not a TAXII envelope: \"objects\" is not an array");
        }
        return objects(envelope.path("objects"), source);
    }

    /** The indicators of STIX objects (other objects are passed over). */
    static ParsedFeed objects(JsonNode objects, FeedSource source) {
        List<Indicator> indicators = new ArrayList<>();
        List<ParsedFeed.Problem> problems = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode object = objects.get(i);
            if (!"indicator".equals(object.path("type").asText())) {
                continue;
            }
            String id = object.path("id").asText("");
            try {
                indicators.addAll(indicator(object, source));
            } catch (InvalidIndicatorException e) {
                problems.add(new ParsedFeed.Problem(
                        "objects[" + i + "]" + (id.isEmpty() ? "" : " (" + id + ")"), e.getMessage()));
            }
        }
        return new ParsedFeed(indicators, problems);
    }

    private static List<Indicator> indicator(JsonNode object, FeedSource source) {
        if (object.path("revoked").asBoolean(false)) {
            return List.of();
        }
        String patternType = object.path("pattern_type").asText("stix");
        if (!patternType.equals("stix")) {
            throw new InvalidIndicatorException("pattern_type '" + patternType + "' is not supported (stix only)");
        }
        if (!object.path("pattern").isTextual()) {
            throw new InvalidIndicatorException("indicator has no pattern");
        }
        int confidence = object.has("confidence")
                ? FeedTimes.confidence(object.get("confidence").asText(), source.defaultConfidence())
                : source.defaultConfidence();
        Optional<Instant> validFrom = FeedTimes.parse("valid_from", text(object, "valid_from"));
        Optional<Instant> modified = FeedTimes.parse("modified", text(object, "modified"));
        Optional<Instant> validUntil = FeedTimes.parse("valid_until", text(object, "valid_until"));
        String name = text(object, "name");
        String description = name != null
                ? name
                : Optional.ofNullable(text(object, "description")).orElse("");
        List<Indicator> out = new ArrayList<>();
        for (StixPattern.Value value : StixPattern.values(object.get("pattern").asText())) {
            out.add(Indicator.of(
                    value.type(),
                    value.value(),
                    source.feed(),
                    confidence,
                    validFrom,
                    modified,
                    validUntil,
                    object.path("id").asText(""),
                    description));
        }
        return out;
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

package io.socaas.events.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.events.IngestIds;
import io.socaas.events.JsonEvent;
import io.socaas.events.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the normalization of JSON events (the HTTP, Splunk HEC and
 * Elasticsearch intakes): each input is shaped for one shipped mapping file (the fields its {@code
 * match} and one of its events' {@code when} ask for, then any of the source fields it maps, with
 * values of any JSON type), so that the fuzzer reaches every file's conditions and conversions. The
 * seeds under {@code OcsfJsonFuzzTestInputs/} run in every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class OcsfJsonFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OcsfNormalizer NORMALIZER = OcsfNormalizer.withShippedMappings();
    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00Z");
    private static final List<JsonNode> FILES = shippedFiles();
    private static final List<String> CONDITION_KEYS = List.of("pattern", "pattern_field", "pattern_requires");

    /** Any event shaped for a mapping file: an OCSF record of the tenant with a consistent type, nothing else. */
    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyEventShapedForAMappingFileIsNormalized(FuzzedDataProvider data) throws IOException {
        JsonNode file = FILES.get(data.consumeInt(0, FILES.size() - 1));
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        conditions(pick(file.get("match"), data), event, data);
        JsonNode events = file.get("events");
        if (events != null && !events.isEmpty()) {
            conditions(events.get(data.consumeInt(0, events.size() - 1)).get("when"), event, data);
        }
        JsonNode fields = file.get("fields");
        if (fields != null) {
            for (Iterator<JsonNode> it = fields.elements(); it.hasNext(); ) {
                JsonNode source = it.next();
                if (source.isTextual() && data.consumeBoolean()) {
                    put(event, source.asText(), value(data, 0));
                }
            }
        }
        for (int extra = data.consumeInt(0, 2); extra > 0; extra--) {
            put(event, data.consumeString(12), value(data, 0));
        }

        var stamped = NORMALIZER.normalize(
                JsonEvent.parse(JSON.writeValueAsString(event)),
                new OcsfNormalizer.Context(TenantId.of("acme"), IngestIds.next(), RECEIVED, "fuzz"));
        JsonNode record = JSON.readTree(stamped.event().toJsonBytes());
        assertThat(record.get("type_uid").asLong())
                .isEqualTo(record.get("class_uid").asLong() * 100
                        + record.get("activity_id").asLong());
        assertThat(record.get("tenant").asText()).isEqualTo("acme");
        assertThat(record.get("time").isIntegralNumber()).isTrue();
    }

    private static JsonNode pick(JsonNode node, FuzzedDataProvider data) {
        return node != null && node.isArray() && !node.isEmpty() ? node.get(data.consumeInt(0, node.size() - 1)) : node;
    }

    /** Sets the fields a condition names: one of its values, or any value where it asks only for presence. */
    private static void conditions(JsonNode condition, ObjectNode event, FuzzedDataProvider data) {
        if (condition == null || !condition.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = condition.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (CONDITION_KEYS.contains(entry.getKey())) {
                continue;
            }
            JsonNode wanted = pick(entry.getValue(), data);
            boolean any = wanted == null || "*".equals(wanted.asText()) || data.consumeInt(0, 7) == 0;
            put(event, entry.getKey(), any ? value(data, 0) : wanted);
        }
    }

    private static JsonNode value(FuzzedDataProvider data, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (data.consumeInt(0, depth < 2 ? 8 : 5)) {
            case 0 -> f.numberNode(data.consumeInt());
            case 1 -> f.numberNode(data.consumeLong());
            case 2 -> f.numberNode(data.consumeRegularDouble());
            case 3 -> f.booleanNode(data.consumeBoolean());
            case 4 -> f.nullNode();
            case 6 -> {
                ArrayNode array = f.arrayNode();
                for (int n = data.consumeInt(0, 3); n > 0; n--) {
                    array.add(value(data, depth + 1));
                }
                yield array;
            }
            case 7 -> {
                ObjectNode object = f.objectNode();
                object.set(data.consumeString(8), value(data, depth + 1));
                yield object;
            }
            default -> f.textNode(data.consumeString(64));
        };
    }

    /** Sets a dotted path, making the objects on its way (a key that holds dots is also how some sources write them). */
    private static void put(ObjectNode event, String path, JsonNode value) {
        String[] parts = path.split("\\.", -1);
        ObjectNode at = event;
        for (int i = 0; i < parts.length - 1; i++) {
            if (at.get(parts[i]) instanceof ObjectNode object) {
                at = object;
            } else {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                at.set(parts[i], object);
                at = object;
            }
        }
        at.set(parts[parts.length - 1], value);
    }

    private static List<JsonNode> shippedFiles() {
        List<JsonNode> files = new ArrayList<>();
        for (String name :
                resource(OcsfMappings.INDEX).lines().map(String::strip).toList()) {
            if (!name.isEmpty() && !name.startsWith("#")) {
                try {
                    files.add(JSON.readTree(resource("/io/socaas/events/ocsf/mappings/" + name)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return List.copyOf(files);
    }

    private static String resource(String path) {
        try (InputStream in = OcsfJsonFuzzTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

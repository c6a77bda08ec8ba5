package io.socaas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class EventBatchParserPropertiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EventBatchParser parser = new EventBatchParser(1_000, 10 * 1024 * 1024);

    @Property(tries = 300)
    void ndjsonOfAnyObjectsParsesBackEqual(
            @ForAll("objectLists") List<ObjectNode> objects,
            @ForAll("lineEnds") String lineEnd,
            @ForAll @IntRange(max = 2) int blankLinesBetween,
            @ForAll boolean trailingNewline) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < objects.size(); i++) {
            if (i > 0) {
                body.append(lineEnd);
                body.append((" " + lineEnd).repeat(blankLinesBetween));
            }
            body.append(compact(objects.get(i)));
        }
        if (trailingNewline) {
            body.append(lineEnd);
        }

        assertThat(parser.parse(body.toString())).containsExactlyElementsOf(canonical(objects));
    }

    @Property(tries = 300)
    void arrayOfAnyObjectsParsesBackEqual(
            @ForAll("objectLists") List<ObjectNode> objects,
            @ForAll boolean pretty,
            @ForAll EventBatchParser.Format format)
            throws JsonProcessingException {
        ArrayNode array = NODES.arrayNode().addAll(objects);
        String body = pretty
                ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array)
                : MAPPER.writeValueAsString(array);

        assertThat(parser.parse(body.getBytes(StandardCharsets.UTF_8), format))
                .containsExactlyElementsOf(canonical(objects));
    }

    @Property(tries = 300)
    void corruptedNdjsonLineIsReportedWithItsLineNumber(
            @ForAll("objectLists") List<ObjectNode> objects,
            @ForAll @IntRange(min = 1, max = 1000) int pick,
            @ForAll("corruptions") Corruption corruption,
            @ForAll("lineEnds") String lineEnd,
            @ForAll boolean blankLineBefore) {
        int corrupted = (pick - 1) % objects.size(); // 0-based index of the corrupted object
        // a body whose first event starts with '[' is a JSON array, not NDJSON
        Assume.that(!(corrupted == 0 && corruption == Corruption.WRAPPED_IN_ARRAY));
        List<String> lines = new ArrayList<>();
        int corruptedLine = 0;
        for (int i = 0; i < objects.size(); i++) {
            if (blankLineBefore && i == corrupted) {
                lines.add("");
            }
            String json = compact(objects.get(i));
            lines.add(i == corrupted ? corruption.apply(json) : json);
            if (i == corrupted) {
                corruptedLine = lines.size();
            }
        }

        InvalidEventBatchException error =
                catchThrowableOfType(InvalidEventBatchException.class, () -> parser.parse(String.join(lineEnd, lines)));

        assertThat(error).isNotNull();
        assertThat(error.line()).hasValue(corruptedLine);
        assertThat(error.kind()).isEqualTo(corruption.kind());
        assertThat(error.getMessage()).startsWith("line " + corruptedLine + ": ");
    }

    @Property(tries = 300)
    void corruptedArrayElementIsReportedWithTheLineItStartsOn(
            @ForAll("objectLists") List<ObjectNode> objects,
            @ForAll @IntRange(min = 1, max = 1000) int pick,
            @ForAll("inLineCorruptions") Corruption corruption) {
        int corrupted = (pick - 1) % objects.size();
        StringBuilder body = new StringBuilder("[\n");
        for (int i = 0; i < objects.size(); i++) {
            String json = compact(objects.get(i));
            body.append(i == corrupted ? corruption.apply(json) : json);
            body.append(i + 1 < objects.size() ? ",\n" : "\n");
        }
        body.append("]\n");

        // "[" is line 1, element i (0-based) is on line i + 2
        assertThatThrownBy(() -> parser.parse(body.toString()))
                .isInstanceOfSatisfying(InvalidEventBatchException.class, e -> {
                    assertThat(e.line()).hasValue(corrupted + 2);
                    assertThat(e.kind()).isEqualTo(corruption.kind());
                });
    }

    /** Ways to break one line; each names the error kind it must produce. */
    enum Corruption {
        TRUNCATED(InvalidEventBatchException.Kind.MALFORMED_JSON) {
            @Override
            String apply(String json) {
                return json.substring(0, json.length() - 1);
            }
        },
        BROKEN_FIELD_NAME(InvalidEventBatchException.Kind.MALFORMED_JSON) {
            @Override
            String apply(String json) {
                return "{:" + json.substring(1);
            }
        },
        WRAPPED_IN_ARRAY(InvalidEventBatchException.Kind.NOT_AN_OBJECT) {
            @Override
            String apply(String json) {
                return "[" + json + "]";
            }
        },
        STRING(InvalidEventBatchException.Kind.NOT_AN_OBJECT) {
            @Override
            String apply(String json) {
                return "\"event\"";
            }
        },
        NUMBER(InvalidEventBatchException.Kind.NOT_AN_OBJECT) {
            @Override
            String apply(String json) {
                return "42";
            }
        };

        private final InvalidEventBatchException.Kind kind;

        Corruption(InvalidEventBatchException.Kind kind) {
            this.kind = kind;
        }

        abstract String apply(String json);

        InvalidEventBatchException.Kind kind() {
            return kind;
        }
    }

    @Provide
    Arbitrary<Corruption> corruptions() {
        return Arbitraries.of(Corruption.class);
    }

    @Provide
    Arbitrary<Corruption> inLineCorruptions() {
        // a truncated element in an array is only noticed on a later line
        return Arbitraries.of(
                Corruption.BROKEN_FIELD_NAME, Corruption.WRAPPED_IN_ARRAY, Corruption.STRING, Corruption.NUMBER);
    }

    @Provide
    Arbitrary<String> lineEnds() {
        return Arbitraries.of("\n", "\r\n");
    }

    @Provide
    Arbitrary<List<ObjectNode>> objectLists() {
        return objects(3).list().ofMinSize(1).ofMaxSize(20);
    }

    private static Arbitrary<ObjectNode> objects(int depth) {
        Arbitrary<String> keys = text(12);
        return Arbitraries.maps(keys, values(depth)).ofMaxSize(6).map(EventBatchParserPropertiesTest::toObject);
    }

    private static Arbitrary<JsonNode> values(int depth) {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                text(30).map(NODES::textNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<JsonNode> arrays = Arbitraries.lazy(() -> values(depth - 1))
                .list()
                .ofMaxSize(4)
                .map(items -> (JsonNode) NODES.arrayNode().addAll(items));
        Arbitrary<JsonNode> objects = Arbitraries.lazy(() -> objects(depth - 1)).map(JsonNode.class::cast);
        return Arbitraries.frequencyOf(Tuple.of(6, scalars), Tuple.of(1, arrays), Tuple.of(1, objects));
    }

    /** Any text without lone surrogates (control characters, line breaks and quotes included). */
    private static Arbitrary<String> text(int maxLength) {
        return Arbitraries.strings()
                .withCharRange('\u0000', '\uD7FF')
                .withCharRange('\uE000', '\uFFFD')
                .ofMaxLength(maxLength);
    }

    private static ObjectNode toObject(Map<String, JsonNode> fields) {
        ObjectNode object = NODES.objectNode();
        fields.forEach(object::set);
        return object;
    }

    private static String compact(ObjectNode object) {
        try {
            return MAPPER.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What parsing the serialized objects must give (JSON numbers come back as the narrowest type). */
    private static List<JsonEvent> canonical(List<ObjectNode> objects) {
        return objects.stream().map(o -> JsonEvent.parse(compact(o))).toList();
    }
}

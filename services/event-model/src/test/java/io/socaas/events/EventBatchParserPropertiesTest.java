package io.socaas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class EventBatchParserPropertiesTest {

    private static final int EXAMPLES = 300;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EventBatchParser parser = new EventBatchParser(1_000, 10 * 1024 * 1024);

    @Test
    void theLineEndSearchFindsWhatAByteByByteSearchFinds() {
        qt().withExamples(500)
                .forAll(
                        lists().of(integers().between(0, 255)).ofSizeBetween(0, 70),
                        integers().between(0, 80),
                        integers().between(0, 255))
                .checkAssert((bytes, from, value) -> {
                    byte[] body = new byte[bytes.size()];
                    for (int k = 0; k < body.length; k++) {
                        body[k] = (byte) (int) bytes.get(k);
                    }
                    int expected = -1;
                    for (int k = from; k < body.length; k++) {
                        if (body[k] == (byte) (int) value) {
                            expected = k;
                            break;
                        }
                    }
                    assertThat(EventBatchParser.indexOf(body, (byte) (int) value, from))
                            .isEqualTo(expected);
                });
    }

    @Test
    void ndjsonOfAnyObjectsParsesBackEqual() {
        qt().withExamples(EXAMPLES)
                .forAll(
                        objectLists(),
                        lineEnds(),
                        integers().between(0, 2),
                        booleans().all())
                .checkAssert((objects, lineEnd, blankLinesBetween, trailingNewline) -> {
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
                });
    }

    @Test
    void arrayOfAnyObjectsParsesBackEqual() {
        qt().withExamples(EXAMPLES)
                .forAll(objectLists(), booleans().all(), Generate.enumValues(EventBatchParser.Format.class))
                .checkAssert((objects, pretty, format) -> {
                    ArrayNode array = NODES.arrayNode().addAll(objects);
                    String body = pretty ? array.toPrettyString() : array.toString();

                    assertThat(parser.parse(body.getBytes(StandardCharsets.UTF_8), format))
                            .containsExactlyElementsOf(canonical(objects));
                });
    }

    @Test
    void corruptedNdjsonLineIsReportedWithItsLineNumber() {
        qt().withExamples(EXAMPLES)
                .forAll(
                        objectListsWithOnePicked(),
                        Generate.enumValues(Corruption.class),
                        lineEnds(),
                        booleans().all())
                // a body whose first event starts with '[' is a JSON array, not NDJSON
                .assuming((picked, corruption, lineEnd, blankLineBefore) ->
                        !(picked._2 == 0 && corruption == Corruption.WRAPPED_IN_ARRAY))
                .checkAssert((picked, corruption, lineEnd, blankLineBefore) -> {
                    List<ObjectNode> objects = picked._1;
                    int corrupted = picked._2;
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

                    InvalidEventBatchException error = catchThrowableOfType(
                            InvalidEventBatchException.class, () -> parser.parse(String.join(lineEnd, lines)));

                    assertThat(error).isNotNull();
                    assertThat(error.line()).hasValue(corruptedLine);
                    assertThat(error.kind()).isEqualTo(corruption.kind());
                    assertThat(error.getMessage()).startsWith("line " + corruptedLine + ": ");
                });
    }

    @Test
    void corruptedArrayElementIsReportedWithTheLineItStartsOn() {
        // a truncated element in an array is only noticed on a later line
        Gen<Corruption> inLineCorruptions = Generate.pick(List.of(
                Corruption.BROKEN_FIELD_NAME, Corruption.WRAPPED_IN_ARRAY, Corruption.STRING, Corruption.NUMBER));
        qt().withExamples(EXAMPLES)
                .forAll(objectListsWithOnePicked(), inLineCorruptions)
                .checkAssert((picked, corruption) -> {
                    List<ObjectNode> objects = picked._1;
                    int corrupted = picked._2;
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

    private static Gen<String> lineEnds() {
        return Generate.pick(List.of("\n", "\r\n"));
    }

    /** One to twenty objects, nested up to three levels. */
    private static Gen<List<ObjectNode>> objectLists() {
        return lists().of(objects(3)).ofSizeBetween(1, 20);
    }

    /** A list of objects and the 0-based index of one of them. */
    private static Gen<Pair<List<ObjectNode>, Integer>> objectListsWithOnePicked() {
        return objectLists()
                .zip(integers().between(0, 999), (objects, pick) -> Pair.of(objects, pick % objects.size()));
    }

    private static Gen<ObjectNode> objects(int depth) {
        return lists().of(text(12).zip(values(depth), Pair::of))
                .ofSizeBetween(0, 6)
                .map(fields -> {
                    ObjectNode object = NODES.objectNode();
                    fields.forEach(field -> object.set(field._1, field._2));
                    return object;
                })
                .describedAs(ObjectNode::toString);
    }

    private static Gen<JsonNode> values(int depth) {
        Gen<JsonNode> texts = text(30).map(NODES::textNode);
        Gen<JsonNode> integralNumbers = longs().all().map(NODES::numberNode);
        Gen<JsonNode> decimalNumbers = doubles().any().map(NODES::numberNode);
        Gen<JsonNode> booleanValues = booleans().all().map(NODES::booleanNode);
        Gen<JsonNode> nulls = Generate.constant(NODES.nullNode());
        Gen<JsonNode> scalars = Generate.oneOf(texts, integralNumbers, decimalNumbers, booleanValues, nulls);
        if (depth == 0) {
            return scalars;
        }
        Gen<JsonNode> arrays = lists().of(values(depth - 1)).ofSizeBetween(0, 4).map(items ->
                (JsonNode) NODES.arrayNode().addAll(items));
        Gen<JsonNode> objects = objects(depth - 1).map(JsonNode.class::cast);
        return Generate.frequency(Pair.of(6, scalars), Pair.of(1, arrays), Pair.of(1, objects));
    }

    /**
     * Any text of up to {@code maxCodePoints} code points without lone surrogates: JSON's special
     * characters (quotes, backslashes, control characters and line breaks), ASCII, the rest of the
     * basic multilingual plane and the supplementary planes.
     */
    private static Gen<String> text(int maxCodePoints) {
        Gen<Integer> codePoints = Generate.frequency(
                Pair.of(2, Generate.pick(List.of((int) '"', (int) '\\', (int) '\n', (int) '\r', (int) '/'))),
                Pair.of(1, integers().between(0x00, 0x1F)),
                Pair.of(4, integers().between(0x20, 0x7E)),
                Pair.of(2, integers().between(0x7F, 0xD7FF)),
                Pair.of(1, integers().between(0xE000, 0xFFFD)),
                Pair.of(1, integers().between(0x10000, 0x10FFFF)));
        return lists().of(codePoints)
                .ofSizeBetween(0, maxCodePoints)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
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
        return objects.stream().map(o -> compact(o)).map(JsonEvent::parse).toList();
    }
}

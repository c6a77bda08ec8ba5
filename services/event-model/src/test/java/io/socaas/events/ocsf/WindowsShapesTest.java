package io.socaas.events.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socaas.events.testing.WindowsShapeSamples;
import io.socaas.events.testing.WindowsShapeSamples.Sample;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one description of the Windows shapes, read on Jackson's trees (normalization) and on decoded
 * {@code Map}/{@code List} trees (detection): the samples of every shape read as their expected
 * names through the mapping files' reader, both trees give the same names and texts, each name's
 * value by itself is the one the whole reading gives, and every shape has a sample.
 */
class WindowsShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode tree(Sample sample) throws Exception {
        return (ObjectNode) JSON.readTree(sample.json());
    }

    private static Map<String, Object> map(Sample sample) throws Exception {
        return JSON.readValue(sample.json(), new TypeReference<>() {});
    }

    /** A value's text as the mapping files compare it; null for JSON null, objects and lists. */
    private static String text(Object value) {
        if (value == null || value == WindowsShapes.NULL || value instanceof Map || value instanceof java.util.List) {
            return null;
        }
        if (value instanceof JsonNode node) {
            JsonNode unwrapped = node.isObject() && node.has("#text") ? node.get("#text") : node;
            return SourceFields.text(unwrapped);
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    private static Object unwrap(Object value) {
        return value instanceof Map<?, ?> m && m.containsKey("#text") ? m.get("#text") : value;
    }

    @Test
    void everySampleReadsAsItsExpectedNamesThroughTheMappingFilesReader() throws Exception {
        for (Sample sample : WindowsShapeSamples.SAMPLES) {
            SourceFields fields = new SourceFields(tree(sample));
            sample.expected()
                    .forEach((name, expected) -> assertThat(fields.text(name))
                            .as("%s: %s", sample, name)
                            .isEqualTo(expected));
            if (sample.expected().isEmpty()) {
                assertThat(WindowsShapes.of(tree(sample)).fields())
                        .as(sample.name())
                        .isEmpty();
            }
        }
    }

    @Test
    void bothTreesGiveTheSameNamesAndEachNameAloneReadsAsInTheWhole() throws Exception {
        for (Sample sample : WindowsShapeSamples.SAMPLES) {
            WindowsShapes<JsonNode> jackson = WindowsShapes.of(tree(sample));
            WindowsShapes<Object> maps = WindowsShapes.of(map(sample));
            Map<String, String> jacksonTexts = new LinkedHashMap<>();
            jackson.fields().forEach((name, value) -> jacksonTexts.put(name, text(value)));
            Map<String, String> mapTexts = new LinkedHashMap<>();
            maps.fields().forEach((name, value) -> mapTexts.put(name, text(unwrap(value))));
            assertThat(mapTexts).as(sample.name()).isEqualTo(jacksonTexts);
            assertThat(maps.shapes()).as(sample.name()).isEqualTo(jackson.shapes());
            for (String name : jacksonTexts.keySet()) {
                assertThat(text(jackson.find(name))).as("%s: %s", sample, name).isEqualTo(jacksonTexts.get(name));
                assertThat(text(unwrap(maps.find(name))))
                        .as("%s: %s", sample, name)
                        .isEqualTo(mapTexts.get(name));
            }
            for (String name : WindowsShapeSamples.SYSTEM_NAMES) {
                assertThat(jackson.find(name) != null)
                        .as("%s: %s", sample, name)
                        .isEqualTo(jacksonTexts.containsKey(name));
            }
        }
    }

    @Test
    void everyShapeHasASample() throws Exception {
        Set<WindowsShapes.Shape> covered = EnumSet.noneOf(WindowsShapes.Shape.class);
        for (Sample sample : WindowsShapeSamples.SAMPLES) {
            if (!sample.expected().isEmpty()) {
                covered.addAll(WindowsShapes.of(tree(sample)).shapes());
            }
        }
        assertThat(covered).containsExactlyInAnyOrder(WindowsShapes.Shape.values());
    }

    @Test
    void aWazuhNameIsReadWithACapitalOnlyAndARenamedOneOnlyByItsWindowsName() throws Exception {
        ObjectNode wazuh = (ObjectNode) JSON.readTree("""
                {"win":{"system":{"eventID":"4688","providerName":"Microsoft-Windows-Security-Auditing"},
                 "eventdata":{"commandLine":"whoami"}}}""");
        WindowsShapes<JsonNode> shapes = WindowsShapes.of(wazuh);
        assertThat(shapes.find("CommandLine").asText()).isEqualTo("whoami");
        assertThat(shapes.find("commandLine")).isNull();
        assertThat(shapes.find("Provider_Name").asText()).isEqualTo("Microsoft-Windows-Security-Auditing");
        assertThat(shapes.find("ProviderName")).isNull();
        assertThat(shapes.fields()).containsOnlyKeys("EventID", "Provider_Name", "CommandLine");
    }
}

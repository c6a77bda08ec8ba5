package io.socaas.events.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every attribute path a shipped mapping file writes ({@code src_endpoint.ip}, {@code
 * query.packet_uid}, {@code evidences[].api.operation}, ...) names, segment by segment, attributes of
 * the OCSF objects the schema gives them (the dictionary's type of each attribute, the object's
 * parents and profiles, the extensions' objects). The loader checks only the first segment against
 * the class; a wrong name below it would put a value where no OCSF consumer looks. Skipped when the
 * corpus (the schema) is absent.
 */
class MappingTargetsSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> dictionary = new HashMap<>();
    private final Map<String, JsonNode> objects = new HashMap<>();
    private final Map<String, Path> objectFolders = new HashMap<>();

    private void loadSchema(Path schema) throws IOException {
        List<Path> folders = new ArrayList<>(List.of(schema));
        Path extensions = schema.resolve("extensions");
        if (Files.isDirectory(extensions)) {
            try (Stream<Path> dirs = Files.list(extensions)) {
                dirs.filter(Files::isDirectory).sorted().forEach(folders::add);
            }
        }
        for (Path folder : folders) {
            Path dict = folder.resolve("dictionary.json");
            if (Files.isRegularFile(dict)) {
                JSON.readTree(dict.toFile())
                        .path("attributes")
                        .properties()
                        .forEach(e -> dictionary.put(e.getKey(), e.getValue()));
            }
            Path objectDir = folder.resolve("objects");
            if (Files.isDirectory(objectDir)) {
                try (Stream<Path> files = Files.list(objectDir)) {
                    for (Path f :
                            files.filter(p -> p.toString().endsWith(".json")).toList()) {
                        JsonNode o = JSON.readTree(f.toFile());
                        if (o.has("name")) {
                            objects.put(o.get("name").asText(), o);
                            objectFolders.put(o.get("name").asText(), folder);
                        }
                    }
                }
            }
        }
    }

    /** The attributes of an object, with its parents' and the profiles it includes; by name. */
    private Map<String, JsonNode> attributes(String object, Path schema) throws IOException {
        List<JsonNode> chain = new ArrayList<>();
        for (JsonNode at = objects.get(object);
                at != null;
                at = objects.get(at.path("extends").asText(null))) {
            chain.add(at);
        }
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        for (JsonNode o : chain.reversed()) {
            Path folder = objectFolders.get(o.get("name").asText());
            for (var e : o.path("attributes").properties()) {
                if (!e.getKey().equals("$include")) {
                    attributes.put(e.getKey(), e.getValue());
                    continue;
                }
                for (JsonNode include : e.getValue()) {
                    Path file = folder.resolve(include.asText());
                    if (!Files.isRegularFile(file)) {
                        file = schema.resolve(include.asText());
                    }
                    JSON.readTree(file.toFile())
                            .path("attributes")
                            .properties()
                            .forEach(a -> attributes.put(a.getKey(), a.getValue()));
                }
            }
        }
        return attributes;
    }

    /** The object an attribute holds (its own type where the object states one, else the dictionary's); null for a scalar. */
    private String objectType(String attribute, Map<String, JsonNode> context) {
        String type =
                context.getOrDefault(attribute, JSON.nullNode()).path("type").asText(null);
        if (type == null) {
            type = dictionary
                    .getOrDefault(attribute, JSON.nullNode())
                    .path("type")
                    .asText(null);
        }
        if (type != null && type.equals("object_t")) {
            type = dictionary
                    .getOrDefault(attribute, JSON.nullNode())
                    .path("object_type")
                    .asText(null);
        }
        return type != null && objects.containsKey(type) ? type : null;
    }

    private static List<String> targets(JsonNode file) {
        List<String> targets = new ArrayList<>();
        file.path("fields").fieldNames().forEachRemaining(targets::add);
        List<JsonNode> rules = new ArrayList<>();
        file.path("events").forEach(rules::add);
        rules.add(file.path("default"));
        for (JsonNode rule : rules) {
            rule.path("fields").fieldNames().forEachRemaining(targets::add);
            rule.path("constants").fieldNames().forEachRemaining(targets::add);
        }
        return targets;
    }

    @Test
    void everyTargetPathNamesAttributesOfTheSchemasObjects() throws IOException {
        Path schema = Corpus.folder("ocsf-schema-" + OcsfClasses.load().version());
        loadSchema(schema);
        assertThat(objects).containsKeys("network_endpoint", "dns_query", "process", "file");
        TreeSet<String> problems = new TreeSet<>();
        int checked = 0;
        for (String name : mappingFiles()) {
            JsonNode file = readMapping(name);
            for (String target : targets(file)) {
                String[] segments = target.replace("[]", "").split("\\.");
                if (segments.length == 1) {
                    continue; // the loader checks a class's own attributes
                }
                checked++;
                String object = objectType(segments[0], Map.of());
                if (object == null) {
                    problems.add(name + ": " + target + ": '" + segments[0] + "' holds no object");
                    continue;
                }
                for (int i = 1; i < segments.length; i++) {
                    Map<String, JsonNode> attributes = attributes(object, schema);
                    if (!attributes.containsKey(segments[i])) {
                        problems.add(name + ": " + target + ": " + object + " has no attribute '" + segments[i] + "'");
                        break;
                    }
                    if (i < segments.length - 1) {
                        object = objectType(segments[i], attributes);
                        if (object == null) {
                            problems.add(name + ": " + target + ": '" + segments[i] + "' holds no object");
                            break;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(problems).isEmpty();
    }

    @Test
    void aWrongNameBelowTheFirstSegmentIsFound() throws IOException {
        loadSchema(Corpus.folder("ocsf-schema-" + OcsfClasses.load().version()));
        Path schema = Corpus.folder("ocsf-schema-" + OcsfClasses.load().version());
        assertThat(attributes("dns_query", schema))
                .containsKeys("hostname", "packet_uid")
                .doesNotContainKey("uid");
        assertThat(attributes("process", schema))
                .containsKeys("working_directory", "pid", "cmd_line")
                .doesNotContainKey("cwd");
        assertThat(objectType("src_endpoint", Map.of())).isEqualTo("network_endpoint");
        assertThat(objectType("reg_key", Map.of()))
                .as("from the Windows extension's dictionary")
                .isNotNull();
    }

    private static List<String> mappingFiles() throws IOException {
        try (InputStream in = OcsfMappings.class.getResourceAsStream("/io/socaas/events/ocsf/mappings/index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        }
    }

    private static JsonNode readMapping(String name) {
        try (InputStream in = OcsfMappings.class.getResourceAsStream("/io/socaas/events/ocsf/mappings/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.socaas.events.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.testing.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code classes.json} against the OCSF schema it claims to come from (the corpus's {@code
 * ocsf-schema-<version>}): each class's uid, name, category, activities and that it has every
 * attribute listed. Skipped when the corpus is absent.
 */
class OcsfClassesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One class as the schema defines it, with what it inherits and the profiles it may carry. */
    record SchemaClass(
            String name,
            int uid,
            String caption,
            int categoryUid,
            String categoryName,
            Map<Integer, String> activities,
            Set<String> attributes) {}

    /**
     * The event classes of an OCSF schema folder (core {@code events/} and every {@code
     * extensions/<name>/events/}) by class uid: category uid × 1000 + the class's uid, plus the
     * extension's uid × 100000 for an extension's class; Base Event is 0.
     */
    static Map<Integer, SchemaClass> schemaClasses(Path schema) {
        Map<String, JsonNode> byName = new HashMap<>();
        Map<String, Integer> extensionOf = new HashMap<>();
        Map<String, Path> folderOf = new HashMap<>();
        for (Path file : jsonFiles(schema.resolve("events"))) {
            JsonNode c = read(file);
            byName.put(c.get("name").asText(), c);
            folderOf.put(c.get("name").asText(), schema);
        }
        Path extensions = schema.resolve("extensions");
        if (Files.isDirectory(extensions)) {
            try (Stream<Path> dirs = Files.list(extensions)) {
                for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                    int extensionUid =
                            read(dir.resolve("extension.json")).get("uid").asInt();
                    for (Path file : jsonFiles(dir.resolve("events"))) {
                        JsonNode c = read(file);
                        byName.put(c.get("name").asText(), c);
                        extensionOf.put(c.get("name").asText(), extensionUid);
                        folderOf.put(c.get("name").asText(), dir);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        JsonNode categories = read(schema.resolve("categories.json")).get("attributes");
        JsonNode baseEvent = byName.get("base_event");
        Map<Integer, SchemaClass> classes = new TreeMap<>();
        for (JsonNode c : byName.values()) {
            String name = c.get("name").asText();
            if (!c.has("uid") && !name.equals("base_event")) {
                continue; // an abstract parent (system, iam, ...)
            }
            List<JsonNode> chain = new ArrayList<>(); // the class first, base_event last
            for (JsonNode at = c;
                    at != null;
                    at = at.has("extends") ? byName.get(at.get("extends").asText()) : null) {
                chain.add(at);
            }
            assertThat(chain.getLast().get("name").asText())
                    .as("%s extends base_event", name)
                    .isEqualTo("base_event");
            String category = chain.stream()
                    .filter(x -> x.has("category"))
                    .map(x -> x.get("category").asText())
                    .findFirst()
                    .orElseThrow();
            int categoryUid;
            String categoryName;
            if (categories.has(category)) {
                categoryUid = categories.get(category).get("uid").asInt();
                categoryName = categories.get(category).get("caption").asText();
            } else {
                // base_event's own category ("other"): the single value of its category_uid enum
                var only = baseEvent
                        .at("/attributes/category_uid/enum")
                        .properties()
                        .iterator()
                        .next();
                categoryUid = Integer.parseInt(only.getKey());
                categoryName = only.getValue().get("caption").asText();
            }
            int uid = name.equals("base_event")
                    ? 0
                    : extensionOf.getOrDefault(name, 0) * 100_000
                            + categoryUid * 1000
                            + c.get("uid").asInt();
            Map<Integer, String> activities = new TreeMap<>();
            Set<String> attributes = new TreeSet<>();
            for (JsonNode x : chain.reversed()) {
                Path folder = folderOf.get(x.get("name").asText());
                JsonNode own = x.path("attributes");
                own.at("/activity_id/enum")
                        .properties()
                        .forEach(e -> activities.put(
                                Integer.parseInt(e.getKey()),
                                e.getValue().get("caption").asText()));
                own.fieldNames().forEachRemaining(a -> {
                    if (!a.equals("$include")) {
                        attributes.add(a);
                    }
                });
                for (JsonNode include : own.path("$include")) {
                    attributes.addAll(profileAttributes(folder, schema, include.asText()));
                }
                for (JsonNode profile : x.path("profiles")) {
                    attributes.addAll(profileAttributes(folder, schema, "profiles/" + profile.asText() + ".json"));
                }
            }
            classes.put(
                    uid,
                    new SchemaClass(
                            name, uid, c.get("caption").asText(), categoryUid, categoryName, activities, attributes));
        }
        return classes;
    }

    private static Set<String> profileAttributes(Path folder, Path schema, String include) {
        Path file = folder.resolve(include);
        if (!Files.isRegularFile(file)) {
            file = schema.resolve(include);
        }
        Set<String> names = new HashSet<>();
        read(file).path("attributes").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** How the listed classes differ from the schema's; empty when they agree. */
    static List<String> problems(Iterable<OcsfClasses.OcsfClass> listed, Map<Integer, SchemaClass> schema) {
        List<String> problems = new ArrayList<>();
        for (OcsfClasses.OcsfClass c : listed) {
            SchemaClass s = schema.get(c.uid());
            String at = c.name() + " (" + c.uid() + ")";
            if (s == null) {
                problems.add(at + ": no class of the schema has this uid");
                continue;
            }
            if (!c.name().equals(s.caption())) {
                problems.add(at + ": the schema names class " + c.uid() + " '" + s.caption() + "'");
            }
            if (c.categoryUid() != s.categoryUid() || !c.categoryName().equals(s.categoryName())) {
                problems.add(at + ": category " + c.categoryUid() + " " + c.categoryName() + ", the schema's is "
                        + s.categoryUid() + " " + s.categoryName());
            }
            if (!new TreeMap<>(c.activities()).equals(s.activities())) {
                problems.add(
                        at + ": activities " + new TreeMap<>(c.activities()) + ", the schema's are " + s.activities());
            }
            Set<String> unknown = new TreeSet<>(c.attributes());
            unknown.removeAll(s.attributes());
            if (!unknown.isEmpty()) {
                problems.add(
                        at + ": the class (with its parents, base_event and profiles) has no attribute " + unknown);
            }
        }
        return problems;
    }

    private static Map<Integer, SchemaClass> shippedSchema(OcsfClasses shipped) {
        return schemaClasses(Corpus.folder("ocsf-schema-" + shipped.version()));
    }

    private static List<OcsfClasses.OcsfClass> all(OcsfClasses classes) {
        return classes.uids().stream().map(classes::get).toList();
    }

    @Test
    void everyListedClassIsTheSchemasClass() {
        OcsfClasses shipped = OcsfClasses.load();
        Map<Integer, SchemaClass> schema = shippedSchema(shipped);
        assertThat(problems(all(shipped), schema)).isEmpty();
        // the classes the Windows mappings rely on are there, with the uids the schema gives them
        assertThat(shipped.uids()).contains(0, 1001, 1007, 3002, 4001);
        assertThat(schema.get(201001).name()).isEqualTo("registry_key_activity");
        assertThat(shipped.uids()).containsAll(List.of(201001, 201002, 201004));
    }

    @Test
    void theVersionIsTheSchemasVersion() {
        OcsfClasses shipped = OcsfClasses.load();
        Path schema = Corpus.folder("ocsf-schema-" + shipped.version());
        assertThat(read(schema.resolve("version.json")).get("version").asText()).isEqualTo(shipped.version());
    }

    @Test
    void aClassThatDiffersFromTheSchemaIsReported() {
        OcsfClasses shipped = OcsfClasses.load();
        Map<Integer, SchemaClass> schema = shippedSchema(shipped);
        OcsfClasses.OcsfClass auth = shipped.get(3002);
        Map<Integer, String> misnamed = new TreeMap<>(auth.activities());
        misnamed.put(2, "Logout");
        Set<String> extra = new LinkedHashSet<>(auth.attributes());
        extra.add("query");
        List<OcsfClasses.OcsfClass> tampered = List.of(
                new OcsfClasses.OcsfClass(
                        auth.uid(), auth.name(), auth.categoryUid(), auth.categoryName(), misnamed, auth.attributes()),
                new OcsfClasses.OcsfClass(
                        auth.uid(), auth.name(), auth.categoryUid(), auth.categoryName(), auth.activities(), extra),
                new OcsfClasses.OcsfClass(
                        auth.uid(), "Logon", 1, auth.categoryName(), auth.activities(), auth.attributes()),
                new OcsfClasses.OcsfClass(
                        1003, "Kernel Activity", 1, "System Activity", Map.of(0, "Unknown"), Set.of()),
                new OcsfClasses.OcsfClass(1099, "No Such Class", 1, "System Activity", Map.of(), Set.of()));
        assertThat(problems(tampered, schema))
                .hasSize(6)
                .anySatisfy(p -> assertThat(p)
                        .contains("activities")
                        .contains("2=Logout")
                        .contains("2=Logoff"))
                .anySatisfy(p -> assertThat(p).contains("no attribute [query]"))
                .anySatisfy(p -> assertThat(p).contains("names class 3002 'Authentication'"))
                .anySatisfy(p -> assertThat(p).contains("category 1 Identity & Access Management"))
                .anySatisfy(p -> assertThat(p).startsWith("Kernel Activity (1003): activities {0=Unknown}"))
                .anySatisfy(p -> assertThat(p).startsWith("No Such Class (1099): no class"));
    }

    private static List<Path> jsonFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

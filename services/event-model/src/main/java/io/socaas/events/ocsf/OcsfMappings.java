package io.socaas.events.ocsf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The mapping files, in the order they are tried (the first whose {@code match} holds maps an
 * event). Loaded and validated once: a file with an unknown key, an OCSF class or activity that
 * does not exist, an attribute the class does not have, or a pattern that does not compile fails
 * the load with a message naming the file and the entry. Immutable and thread-safe.
 */
public final class OcsfMappings {

    /** The list of shipped mapping files, one name per line, in the order they are tried. */
    public static final String INDEX = "/io/socaas/events/ocsf/mappings/index.txt";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
    /** Attributes the normalizer itself writes; a mapping may not set them. */
    private static final Set<String> RESERVED = Set.of(
            "class_uid",
            "class_name",
            "category_uid",
            "category_name",
            "activity_id",
            "activity_name",
            "type_uid",
            "type_name",
            "time",
            "metadata",
            "unmapped",
            "raw_data",
            "severity_id",
            "severity");

    private static final Set<String> FILE_KEYS = Set.of(
            "name",
            "description",
            "product",
            "empty_values",
            "log_name",
            "log_name_field",
            "match",
            "key_values",
            "audit_command_line",
            "args_command_line",
            "time",
            "utc_time",
            "message",
            "wraps",
            "dns_names",
            "percent_decoded",
            "fields",
            "events",
            "default");
    /** {@code name_from}: a lookup of the product's name by a field's value (Cisco's FTD- tag). */
    private static final Set<String> PRODUCT_KEYS = Set.of("name", "vendor_name", "name_from");

    private static final Set<String> RULE_KEYS = Set.of(
            "description",
            "when",
            "class_uid",
            "activity_id",
            "activity_from",
            "severity_id",
            "severity_from",
            "status_from",
            "fields",
            "constants",
            "lookups",
            "labels");
    /** A rule's label: lower-case letters, digits and underscores, starting with a letter ({@code file_header}). */
    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_]*+");

    private static final Set<String> CONDITION_KEYS_RESERVED = Set.of("pattern", "pattern_field", "pattern_requires");

    private final OcsfClasses classes;
    private final List<SourceMapping> mappings;
    private final MappingIndex index;

    private OcsfMappings(OcsfClasses classes, List<SourceMapping> mappings) {
        this.classes = classes;
        this.mappings = List.copyOf(mappings);
        this.index = MappingIndex.ofFiles(this.mappings);
    }

    /** The mapping files shipped with this module ({@link #INDEX}). */
    public static OcsfMappings load() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : resource(INDEX).lines().map(String::strip).toList()) {
            if (!name.isEmpty() && !name.startsWith("#")) {
                files.put(name, resource("/io/socaas/events/ocsf/mappings/" + name));
            }
        }
        return parse(files);
    }

    /**
     * Mapping files by name (JSON text), in the order they are tried.
     *
     * @throws InvalidMappingException naming the first problem found
     */
    public static OcsfMappings parse(Map<String, String> files) {
        OcsfClasses classes = OcsfClasses.load();
        List<SourceMapping> mappings = new ArrayList<>();
        Set<String> names = new HashSet<>();
        files.forEach((file, text) -> {
            SourceMapping mapping = mapping(classes, file, text);
            if (!names.add(mapping.name())) {
                throw new InvalidMappingException(file + ": the name '" + mapping.name() + "' is used by another file");
            }
            mappings.add(mapping);
        });
        if (mappings.isEmpty()) {
            throw new InvalidMappingException("no mapping files");
        }
        return new OcsfMappings(classes, mappings);
    }

    OcsfClasses classes() {
        return classes;
    }

    List<SourceMapping> mappings() {
        return mappings;
    }

    /** Which of {@link #mappings()} could claim an event. */
    MappingIndex index() {
        return index;
    }

    /** The names of the mapping files, in the order they are tried. */
    public List<String> names() {
        return mappings.stream().map(SourceMapping::name).toList();
    }

    private static String resource(String path) {
        try (InputStream in = OcsfMappings.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new InvalidMappingException(path + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidMappingException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static SourceMapping mapping(OcsfClasses classes, String file, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidMappingException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidMappingException(file + ": expected a JSON object");
        }
        knownKeys(file, "", root, FILE_KEYS);
        String name = requiredText(file, root, "name");
        JsonNode product = root.get("product");
        if (product == null || !product.isObject() || !product.hasNonNull("name")) {
            throw new InvalidMappingException(file + ": 'product' must be an object with a 'name'");
        }
        knownKeys(file, "product.", product, PRODUCT_KEYS);
        SourceMapping.Lookup productNameFrom =
                product.has("name_from") ? lookup(file, "product.name_from", product.get("name_from")) : null;
        List<SourceMapping.Condition> match = matchConditions(file, root.get("match"));
        List<SourceMapping.Rule> rules = new ArrayList<>();
        JsonNode eventNodes = root.get("events");
        if (eventNodes != null) {
            if (!eventNodes.isArray()) {
                throw new InvalidMappingException(file + ": 'events' must be an array");
            }
            for (int i = 0; i < eventNodes.size(); i++) {
                rules.add(rule(classes, file, "events[" + i + "]", eventNodes.get(i), false));
            }
        }
        SourceMapping.Rule fallback =
                root.has("default") ? rule(classes, file, "default", root.get("default"), true) : null;
        Map<String, List<String>> fields = fieldMap(file, "fields", root.get("fields"));
        // the file's common fields apply to each event whose class has the attribute
        List<SourceMapping.Rule> all = new ArrayList<>(rules);
        if (fallback != null) {
            all.add(fallback);
        }
        if (all.isEmpty()) {
            throw new InvalidMappingException(file + ": neither 'events' nor a 'default'");
        }
        for (String target : fields.keySet()) {
            String first = attributeOf(target);
            if (all.stream().noneMatch(r -> r.ocsfClass().attributes().contains(first))) {
                checkTargets(file, "fields", all.getFirst().ocsfClass(), Set.of(target), true);
            }
            if (RESERVED.contains(first)) {
                checkTargets(file, "fields", all.getFirst().ocsfClass(), Set.of(target), true);
            }
        }
        return new SourceMapping(
                file,
                name,
                product.get("name").asText(),
                product.path("vendor_name").asText(null),
                productNameFrom,
                root.path("log_name").asText(null),
                root.path("log_name_field").asText(null),
                match,
                keyValuesList(file, root.get("key_values")),
                commandLine(file, "audit_command_line", root.get("audit_command_line")),
                commandLine(file, "args_command_line", root.get("args_command_line")),
                timeFields(file, root.get("time")),
                utcTimeFields(file, root),
                texts(file, "message", root.get("message")),
                texts(file, "wraps", root.get("wraps")),
                Set.copyOf(texts(file, "dns_names", root.get("dns_names"))),
                Set.copyOf(texts(file, "percent_decoded", root.get("percent_decoded"))),
                fields,
                emptyValues(file, root.get("empty_values"), fields, all),
                rules,
                fallback,
                MappingIndex.ofRules(rules));
    }

    /**
     * {@code "empty_values": {"<source field>": ["<text>", ...]}}: texts that stand for no value in
     * that field (Zscaler's referrer {@code None}, Cloudflare's client port {@code 0}); each field
     * must be one an attribute of the file is read from. None when absent.
     */
    private static Map<String, Set<String>> emptyValues(
            String file, JsonNode node, Map<String, List<String>> fields, List<SourceMapping.Rule> rules) {
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject() || node.isEmpty()) {
            throw new InvalidMappingException(
                    file + ": 'empty_values' must be an object of source field: texts that stand for no value");
        }
        Set<String> read = new HashSet<>();
        fields.values().forEach(read::addAll);
        rules.forEach(rule -> rule.fields().values().forEach(read::addAll));
        Map<String, Set<String>> out = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            checkSourceField(file, "empty_values", e.getKey());
            if (!read.contains(e.getKey())) {
                throw new InvalidMappingException(
                        file + ": empty_values." + e.getKey() + " is a field no attribute of the file is read from");
            }
            List<String> texts = texts(file, "empty_values." + e.getKey(), e.getValue());
            if (texts.isEmpty() || texts.stream().anyMatch(String::isBlank)) {
                throw new InvalidMappingException(file + ": empty_values." + e.getKey() + " lists no text");
            }
            out.put(e.getKey(), Set.copyOf(texts));
        });
        return Map.copyOf(out);
    }

    /**
     * {@code "key_values"}: one source of pairs, or a list of them read in order (a later one may
     * read a field an earlier one found: an audit record's {@code msg='...'}); none when absent.
     */
    private static List<SourceMapping.KeyValuesIn> keyValuesList(String file, JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            return List.of(keyValues(file, node));
        }
        if (node.isEmpty()) {
            throw new InvalidMappingException(file + ": 'key_values' is an empty list");
        }
        List<SourceMapping.KeyValuesIn> all = new ArrayList<>();
        for (JsonNode one : node) {
            all.add(keyValues(file, one));
        }
        return List.copyOf(all);
    }

    /**
     * {@code "<field>"} ({@code key=value} pairs), or {@code {"field": "<field>", "assign": ":",
     * "separators": ";"}} for pairs written another way.
     */
    private static SourceMapping.KeyValuesIn keyValues(String file, JsonNode node) {
        if (node.isTextual() && !node.asText().isBlank()) {
            return new SourceMapping.KeyValuesIn(node.asText(), KeyValues.AUDIT);
        }
        if (!node.isObject()) {
            throw new InvalidMappingException(file + ": 'key_values' must name a field, or be {\"field\": <field>,"
                    + " \"assign\": <one character>, \"separators\": <characters>}");
        }
        knownKeys(
                file,
                "key_values.",
                node,
                Set.of(
                        "field",
                        "assign",
                        "separators",
                        "spaces_in_values",
                        "empty_values",
                        "hex_when_unquoted",
                        "rename"));
        String field = node.path("field").asText("");
        String assign = node.path("assign").asText("=");
        String separators = node.path("separators").asText("");
        if (field.isBlank() || !node.get("field").isTextual()) {
            throw new InvalidMappingException(file + ": 'key_values.field' must name a field");
        }
        if (assign.length() != 1) {
            throw new InvalidMappingException(file + ": 'key_values.assign' must be one character");
        }
        if (node.has("spaces_in_values") && !node.get("spaces_in_values").isBoolean()) {
            throw new InvalidMappingException(file + ": 'key_values.spaces_in_values' must be true or false");
        }
        JsonNode empty = node.path("empty_values");
        if (!empty.isMissingNode() && (!empty.isArray() || !allTexts(empty))) {
            throw new InvalidMappingException(file + ": 'key_values.empty_values' must be a list of texts");
        }
        Set<String> emptyValues = new HashSet<>();
        empty.forEach(v -> emptyValues.add(v.asText()));
        JsonNode hex = node.path("hex_when_unquoted");
        if (!hex.isMissingNode() && (!hex.isArray() || !allTexts(hex))) {
            throw new InvalidMappingException(file + ": 'key_values.hex_when_unquoted' must be a list of keys");
        }
        Set<String> hexKeys = new HashSet<>();
        hex.forEach(v -> hexKeys.add(v.asText()));
        JsonNode rename = node.path("rename");
        Map<String, String> renamed = new LinkedHashMap<>();
        if (!rename.isMissingNode()) {
            if (!rename.isObject()) {
                throw new InvalidMappingException(file + ": 'key_values.rename' must map keys to field names");
            }
            for (Map.Entry<String, JsonNode> e : rename.properties()) {
                if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                    throw new InvalidMappingException(
                            file + ": 'key_values.rename." + e.getKey() + "' must be a field name");
                }
                renamed.put(e.getKey(), e.getValue().asText());
            }
        }
        KeyValues.Format format;
        try {
            format = new KeyValues.Format(
                    assign.charAt(0), separators, node.path("spaces_in_values").asBoolean(false), emptyValues, hexKeys);
        } catch (IllegalArgumentException e) {
            throw new InvalidMappingException(file + ": 'key_values': " + e.getMessage(), e);
        }
        return new SourceMapping.KeyValuesIn(field, format, renamed);
    }

    private static boolean allTexts(JsonNode list) {
        for (JsonNode v : list) {
            if (!v.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static SourceMapping.CommandLine commandLine(String file, String key, JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isObject()
                || !node.path("from").isTextual()
                || !node.path("into").isTextual()
                || node.path("from").asText().isBlank()
                || node.path("into").asText().isBlank()
                || node.size() != 2) {
            throw new InvalidMappingException(file + ": '" + key + "' must be {\"from\": <field>, \"into\": <field>}");
        }
        return new SourceMapping.CommandLine(
                node.get("from").asText(), node.get("into").asText());
    }

    private static SourceMapping.Rule rule(
            OcsfClasses classes, String file, String where, JsonNode node, boolean fallback) {
        if (node == null || !node.isObject()) {
            throw new InvalidMappingException(file + ": " + where + " must be an object");
        }
        knownKeys(file, where + ".", node, RULE_KEYS);
        if (fallback && node.has("when")) {
            throw new InvalidMappingException(file + ": " + where + " applies to every other event: no 'when'");
        }
        SourceMapping.Condition when = condition(file, where + ".when", node.get("when"));
        if (!fallback && when.isEmpty()) {
            throw new InvalidMappingException(file + ": " + where + ".when must name at least one field or a pattern");
        }
        JsonNode classNode = node.get("class_uid");
        if (classNode == null || !classNode.canConvertToInt()) {
            throw new InvalidMappingException(file + ": " + where + ".class_uid must be a number");
        }
        OcsfClasses.OcsfClass ocsfClass = classes.get(classNode.asInt());
        if (ocsfClass == null) {
            throw new InvalidMappingException(file + ": " + where + ".class_uid " + classNode.asInt()
                    + " is not an OCSF class mappings may use; known: " + classes.uids());
        }
        int activityId = node.path("activity_id").asInt(0);
        checkActivity(file, where + ".activity_id", ocsfClass, activityId);
        FromField activity =
                fromField(file, where, node, "activity_from", (at, value) -> checkActivity(file, at, ocsfClass, value));
        Integer severity = null;
        if (node.has("severity_id")) {
            severity = node.get("severity_id").asInt(-1);
            checkSeverity(file, where + ".severity_id", severity);
        }
        FromField severityFrom =
                fromField(file, where, node, "severity_from", (at, value) -> checkSeverity(file, at, value));
        FromField statusFrom = fromField(file, where, node, "status_from", (at, value) -> {
            if (!Set.of(0, 1, 2, 99).contains(value)) {
                throw new InvalidMappingException(file + ": " + at + " " + value
                        + " is not an OCSF status_id (0 Unknown, 1 Success, 2 Failure, 99 Other)");
            }
        });
        Map<String, List<String>> fields = fieldMap(file, where + ".fields", node.get("fields"));
        checkTargets(file, where + ".fields", ocsfClass, fields.keySet(), false);
        Map<String, JsonNode> constants = new LinkedHashMap<>();
        JsonNode constantNodes = node.get("constants");
        if (constantNodes != null) {
            if (!constantNodes.isObject()) {
                throw new InvalidMappingException(file + ": " + where + ".constants must be an object");
            }
            constantNodes.properties().forEach(e -> constants.put(e.getKey(), e.getValue()));
            checkTargets(file, where + ".constants", ocsfClass, constants.keySet(), false);
        }
        Map<String, SourceMapping.Lookup> lookups = lookups(file, where + ".lookups", node.get("lookups"));
        checkTargets(file, where + ".lookups", ocsfClass, lookups.keySet(), false);
        List<String> labels = labels(file, where + ".labels", node.get("labels"));
        return new SourceMapping.Rule(
                file + " " + where,
                when,
                ocsfClass,
                activityId,
                activity.field(),
                activity.values(),
                severity,
                severityFrom.field(),
                severityFrom.values(),
                statusFrom.field(),
                statusFrom.values(),
                fields,
                constants,
                lookups,
                labels);
    }

    /**
     * A rule's {@code labels}: words added to the record's {@code metadata.labels}, each at most once
     * and none the normalizer writes itself ({@link OcsfNormalizer#LABEL_TIME_FROM_RECEIVED}, {@link
     * OcsfNormalizer#LABEL_TIME_OUT_OF_BOUNDS}).
     */
    private static List<String> labels(String file, String where, JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new InvalidMappingException(file + ": " + where + " must be a list of labels");
        }
        List<String> labels = new ArrayList<>(node.size());
        for (JsonNode label : node) {
            String text = label.isTextual() ? label.asText() : "";
            if (!LABEL.matcher(text).matches()) {
                throw new InvalidMappingException(file + ": " + where + ": " + label
                        + " is not a label (lower-case letters, digits and '_', starting with a letter)");
            }
            if (text.equals(OcsfNormalizer.LABEL_TIME_FROM_RECEIVED)
                    || text.equals(OcsfNormalizer.LABEL_TIME_OUT_OF_BOUNDS)) {
                throw new InvalidMappingException(
                        file + ": " + where + ": '" + text + "' is a label the normalizer writes itself");
            }
            if (labels.contains(text)) {
                throw new InvalidMappingException(file + ": " + where + ": '" + text + "' is listed twice");
            }
            labels.add(text);
        }
        return List.copyOf(labels);
    }

    /**
     * A rule's {@code lookups}: {@code {"<attribute>": {"field": <source field or list of them>,
     * "values": {"<code>": <value>}}}}, the codes compared case-insensitively.
     */
    private static Map<String, SourceMapping.Lookup> lookups(String file, String where, JsonNode node) {
        Map<String, SourceMapping.Lookup> lookups = new LinkedHashMap<>();
        if (node == null) {
            return lookups;
        }
        if (!node.isObject()) {
            throw new InvalidMappingException(file + ": " + where + " must be an object of attribute: lookup");
        }
        node.properties().forEach(e -> lookups.put(e.getKey(), lookup(file, where + "." + e.getKey(), e.getValue())));
        return lookups;
    }

    /** One {@code {"field": <source field or list of them>, "values": {"<code>": <value>}}}. */
    private static SourceMapping.Lookup lookup(String file, String at, JsonNode lookup) {
        JsonNode valueNodes = lookup.get("values");
        List<String> sources = lookup.has("field") ? texts(file, at + ".field", lookup.get("field")) : List.of();
        if (sources.isEmpty() || valueNodes == null || !valueNodes.isObject() || valueNodes.isEmpty()) {
            throw new InvalidMappingException(
                    file + ": " + at + " needs a 'field' (or a list of them) and an object of 'values'");
        }
        sources.forEach(source -> checkSourceField(file, at + ".field", source));
        Map<String, JsonNode> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        valueNodes.properties().forEach(v -> {
            if (!v.getValue().isValueNode() || v.getValue().isNull()) {
                throw new InvalidMappingException(
                        file + ": " + at + ".values." + v.getKey() + " must be a text, number or boolean");
            }
            values.put(v.getKey().strip(), v.getValue());
        });
        return new SourceMapping.Lookup(sources, values);
    }

    /** A rule's {@code <key>: {"field": ..., "values": {"text": number}}}; no field when the rule has none. */
    private record FromField(String field, Map<String, Integer> values) {}

    /**
     * The field and values of a rule's {@code key} ({@code activity_from}, {@code severity_from},
     * {@code status_from}), the texts compared case-insensitively, each number checked by {@code check}
     * (which throws, told where the number is).
     */
    private static FromField fromField(
            String file, String where, JsonNode node, String key, BiConsumer<String, Integer> check) {
        Map<String, Integer> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        JsonNode from = node.get(key);
        if (from == null) {
            return new FromField(null, values);
        }
        String field = from.path("field").asText(null);
        JsonNode valueNodes = from.get("values");
        if (field == null || valueNodes == null || !valueNodes.isObject()) {
            throw new InvalidMappingException(
                    file + ": " + where + "." + key + " needs a 'field' and an object of 'values'");
        }
        checkSourceField(file, where + "." + key + ".field", field);
        for (Iterator<Map.Entry<String, JsonNode>> it = valueNodes.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int value = e.getValue().asInt(-1);
            check.accept(where + "." + key + ".values." + e.getKey(), value);
            values.put(e.getKey(), value);
        }
        return new FromField(field, values);
    }

    private static void checkSeverity(String file, String where, int severity) {
        if (!Set.of(0, 1, 2, 3, 4, 5, 6, 99).contains(severity)) {
            throw new InvalidMappingException(
                    file + ": " + where + " " + severity + " is not an OCSF severity_id (0-6, 99)");
        }
    }

    private static void checkActivity(String file, String where, OcsfClasses.OcsfClass ocsfClass, int activityId) {
        if (!ocsfClass.activities().containsKey(activityId)) {
            throw new InvalidMappingException(file + ": " + where + " " + activityId + " is not an activity of "
                    + ocsfClass.name() + " (" + ocsfClass.uid() + "); its activities: " + ocsfClass.activities());
        }
    }

    private static void checkTargets(
            String file, String where, OcsfClasses.OcsfClass ocsfClass, Set<String> targets, boolean common) {
        for (String target : targets) {
            if (target.isEmpty()
                    || target.startsWith(".")
                    || target.endsWith(".")
                    || target.contains("..")
                    || target.replace(OcsfNormalizer.ARRAY, "").contains("[")
                    || target.replace(OcsfNormalizer.ARRAY, "").contains("]")
                    || target.contains(OcsfNormalizer.ARRAY + OcsfNormalizer.ARRAY)
                    || target.startsWith(OcsfNormalizer.ARRAY)
                    || target.contains("." + OcsfNormalizer.ARRAY)) {
                throw new InvalidMappingException(file + ": " + where + ": '" + target + "' is not an attribute path");
            }
            String root = attributeOf(target);
            if (RESERVED.contains(root)) {
                throw new InvalidMappingException(
                        file + ": " + where + " sets '" + target + "', which the normalizer writes itself");
            }
            if (!ocsfClass.attributes().contains(root)) {
                throw new InvalidMappingException(
                        file + ": " + where + (common ? " (with the file's common fields)" : "")
                                + " sets '" + target + "' but " + ocsfClass.name() + " (" + ocsfClass.uid()
                                + ") has no attribute '" + root + "'");
            }
        }
    }

    /** The class attribute a target path sets: its first segment, without an array's {@code []}. */
    static String attributeOf(String target) {
        int dot = target.indexOf('.');
        String first = dot < 0 ? target : target.substring(0, dot);
        return first.endsWith(OcsfNormalizer.ARRAY)
                ? first.substring(0, first.length() - OcsfNormalizer.ARRAY.length())
                : first;
    }

    /**
     * A file's {@code match}: one condition, or a list of alternatives (the first that holds claims
     * the event: a source whose lines come in several framings). Each must name a field or a pattern.
     */
    private static List<SourceMapping.Condition> matchConditions(String file, JsonNode node) {
        List<SourceMapping.Condition> alternatives = new ArrayList<>();
        if (node != null && node.isArray()) {
            if (node.isEmpty()) {
                throw new InvalidMappingException(file + ": 'match' is an empty list");
            }
            for (int i = 0; i < node.size(); i++) {
                alternatives.add(condition(file, "match[" + i + "]", node.get(i)));
            }
        } else {
            alternatives.add(condition(file, "match", node));
        }
        for (SourceMapping.Condition condition : alternatives) {
            if (condition.isEmpty()) {
                throw new InvalidMappingException(file + ": 'match' must name at least one field or a pattern");
            }
        }
        return List.copyOf(alternatives);
    }

    private static SourceMapping.Condition condition(String file, String where, JsonNode node) {
        if (node == null) {
            return new SourceMapping.Condition(Map.of(), List.of(), List.of(), null, List.of());
        }
        if (!node.isObject()) {
            throw new InvalidMappingException(file + ": " + where + " must be an object");
        }
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        Pattern pattern = null;
        List<String> patternFields = node.has("pattern_field")
                ? texts(file, where + ".pattern_field", node.get("pattern_field"))
                : List.of("message");
        if (patternFields.isEmpty() || patternFields.stream().anyMatch(String::isBlank)) {
            throw new InvalidMappingException(file + ": " + where + ".pattern_field names no field");
        }
        patternFields.forEach(field -> checkSourceField(file, where + ".pattern_field", field));
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("pattern")) {
                try {
                    pattern = Pattern.compile(e.getValue().asText());
                } catch (PatternSyntaxException ex) {
                    throw new InvalidMappingException(
                            file + ": " + where + ".pattern does not compile: " + ex.getDescription(), ex);
                }
                continue;
            }
            if (CONDITION_KEYS_RESERVED.contains(e.getKey())) {
                continue;
            }
            checkSourceField(file, where, e.getKey());
            Set<String> values = new HashSet<>();
            for (String v : texts(file, where + "." + e.getKey(), e.getValue())) {
                values.add(v.strip().toLowerCase(Locale.ROOT));
            }
            if (values.isEmpty()) {
                throw new InvalidMappingException(file + ": " + where + "." + e.getKey() + " lists no value");
            }
            fields.put(e.getKey(), values);
        }
        if (node.has("pattern_field") && pattern == null) {
            throw new InvalidMappingException(file + ": " + where + " has a 'pattern_field' but no 'pattern'");
        }
        List<String> requires = List.of();
        if (node.has("pattern_requires")) {
            if (pattern == null) {
                throw new InvalidMappingException(file + ": " + where + " has a 'pattern_requires' but no 'pattern'");
            }
            requires = texts(file, where + ".pattern_requires", node.get("pattern_requires"));
            if (requires.isEmpty() || requires.stream().anyMatch(String::isEmpty)) {
                throw new InvalidMappingException(file + ": " + where + ".pattern_requires lists an empty text");
            }
        }
        List<String> groups = new ArrayList<>();
        if (pattern != null) {
            var m = NAMED_GROUP.matcher(pattern.pattern());
            while (m.find()) {
                groups.add(m.group(1));
            }
        }
        return new SourceMapping.Condition(fields, patternFields, requires, pattern, groups);
    }

    private static Map<String, List<String>> fieldMap(String file, String where, JsonNode node) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (node == null) {
            return fields;
        }
        if (!node.isObject()) {
            throw new InvalidMappingException(file + ": " + where + " must be an object of attribute: source field");
        }
        node.properties().forEach(e -> {
            List<String> sources = texts(file, where + "." + e.getKey(), e.getValue());
            if (sources.isEmpty() || sources.stream().anyMatch(String::isBlank)) {
                throw new InvalidMappingException(file + ": " + where + "." + e.getKey() + " names no source field");
            }
            sources.forEach(source -> checkSourceField(file, where + "." + e.getKey(), source));
            fields.put(e.getKey(), sources);
        });
        return fields;
    }

    /**
     * Refuses a source field name whose brackets choose no list element ({@code list[key=value]},
     * {@link SourceFields#malformed}).
     */
    private static void checkSourceField(String file, String where, String name) {
        String why = SourceFields.malformed(name);
        if (why != null) {
            throw new InvalidMappingException(file + ": " + where + ": '" + name + "' is not a source field name: "
                    + why + " (a list's element is chosen by list[key=value])");
        }
    }

    /**
     * {@code time}: a field, or a list whose entries are fields or lists of fields read together
     * (their texts joined by spaces: {@code ["eventtime", ["date", "time", "tz"]]}).
     */
    private static List<List<String>> timeFields(String file, JsonNode node) {
        List<List<String>> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode entry = node.get(i);
                List<String> names = texts(file, "time[" + i + "]", entry);
                if (names.isEmpty() || names.stream().anyMatch(String::isBlank)) {
                    throw new InvalidMappingException(file + ": time[" + i + "] names no field");
                }
                int at = i;
                names.forEach(name -> checkSourceField(file, "time[" + at + "]", name));
                out.add(List.copyOf(names));
            }
            return out;
        }
        for (String name : texts(file, "time", node)) {
            out.add(List.of(name));
        }
        return out;
    }

    /**
     * {@code utc_time}: the time fields whose times written without an offset are UTC whatever the
     * source's zone; each must be one of {@code time}'s single fields.
     */
    private static Set<String> utcTimeFields(String file, JsonNode root) {
        Set<String> utc = Set.copyOf(texts(file, "utc_time", root.get("utc_time")));
        Set<String> single = new HashSet<>();
        timeFields(file, root.get("time")).stream().filter(n -> n.size() == 1).forEach(n -> single.add(n.getFirst()));
        for (String name : utc) {
            if (!single.contains(name)) {
                throw new InvalidMappingException(
                        file + ": utc_time names '" + name + "', which is not a field of 'time'");
            }
        }
        return utc;
    }

    /** A string or an array of strings (numbers allowed, as text). */
    private static List<String> texts(String file, String where, JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (node.isValueNode()) {
            return List.of(node.asText());
        }
        if (node.isArray()) {
            List<String> out = new ArrayList<>();
            for (JsonNode n : node) {
                if (!n.isValueNode()) {
                    throw new InvalidMappingException(file + ": " + where + " must hold strings");
                }
                out.add(n.asText());
            }
            return out;
        }
        throw new InvalidMappingException(file + ": " + where + " must be a string or an array of strings");
    }

    private static void knownKeys(String file, String prefix, JsonNode node, Set<String> allowed) {
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                throw new InvalidMappingException(
                        file + ": unknown key '" + prefix + key + "'; allowed: " + new java.util.TreeSet<>(allowed));
            }
        });
    }

    private static String requiredText(String file, JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidMappingException(file + ": '" + key + "' must be a non-empty string");
        }
        return value.asText();
    }
}

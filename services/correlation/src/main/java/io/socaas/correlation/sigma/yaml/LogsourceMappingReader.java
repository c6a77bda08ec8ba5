package io.socaas.correlation.sigma.yaml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.socaas.correlation.sigma.domain.FieldTemplate;
import io.socaas.correlation.sigma.domain.LogsourceMapping;
import io.socaas.correlation.sigma.domain.SigmaEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads logsource mapping data (see {@code sigma/logsources.yaml} on the class path, the mapping
 * shipped with correlation).
 */
public final class LogsourceMappingReader {

    /** Class-path location of the shipped mapping. */
    public static final String RESOURCE = "/sigma/logsources.yaml";

    private static final ObjectMapper YAML = new YAMLMapper();
    private static volatile LogsourceMapping shipped;

    private LogsourceMappingReader() {}

    /** The mapping shipped with correlation (read once). */
    public static LogsourceMapping shipped() {
        LogsourceMapping mapping = shipped;
        if (mapping == null) {
            try (InputStream in = LogsourceMappingReader.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path");
                }
                mapping = read(YAML.readValue(in, Map.class));
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable " + RESOURCE, e);
            }
            shipped = mapping;
        }
        return mapping;
    }

    /** Reads mapping data from YAML text. */
    public static LogsourceMapping read(String yamlText) {
        try {
            return read(YAML.readValue(yamlText, Map.class));
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed logsource mapping: " + e.getMessage(), e);
        }
    }

    private static LogsourceMapping read(Map<?, ?> document) {
        if (!(document.get("sources") instanceof List<?> sources)) {
            throw new IllegalArgumentException("logsource mapping has no 'sources' list");
        }
        List<LogsourceMapping.Source> result = new ArrayList<>();
        for (Object item : sources) {
            if (!(item instanceof Map<?, ?> source)) {
                throw new IllegalArgumentException("a source must be a map: " + item);
            }
            String name = text(source.get("name"));
            List<LogsourceMapping.Condition> match = new ArrayList<>();
            if (source.get("match") instanceof List<?> conditions) {
                conditions.forEach(c -> match.add(condition(name, c)));
            }
            List<LogsourceMapping.Condition> unless = new ArrayList<>();
            if (source.get("unless") instanceof List<?> conditions) {
                conditions.forEach(c -> unless.add(condition(name, c)));
            }
            List<LogsourceMapping.Category> categories = new ArrayList<>();
            if (source.get("categories") instanceof List<?> list) {
                for (Object c : list) {
                    if (!(c instanceof Map<?, ?> category)) {
                        throw new IllegalArgumentException("source " + name + ": a category must be a map");
                    }
                    // without `when`, the category holds every event of its source
                    categories.add(new LogsourceMapping.Category(
                            text(category.get("category")),
                            category.containsKey("when")
                                    ? condition(name, category.get("when"))
                                    : LogsourceMapping.Condition.ALWAYS,
                            fields(category.get("fields"))));
                }
            }
            result.add(new LogsourceMapping.Source(
                    name,
                    text(source.get("product")),
                    text(source.get("service")),
                    unless,
                    match,
                    categories,
                    fields(source.get("fields"))));
        }
        return new LogsourceMapping(result);
    }

    /** The one modifier a condition's field may carry: the field holds one of the texts somewhere. */
    private static final String CONTAINS = "|contains";

    private static LogsourceMapping.Condition condition(String source, Object value) {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new IllegalArgumentException("source " + source + ": a condition must be a non-empty map");
        }
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        Map<String, Set<String>> contains = new LinkedHashMap<>();
        map.forEach((field, values) -> {
            Set<String> set = new LinkedHashSet<>();
            if (values instanceof List<?> list) {
                list.forEach(v -> set.add(String.valueOf(v)));
            } else {
                set.add(String.valueOf(values));
            }
            String key = String.valueOf(field);
            int bar = key.indexOf('|');
            if (bar < 0) {
                fields.put(key, set);
            } else if (key.substring(bar).equals(CONTAINS)) {
                // `|contains` alone: any text of the event (LogsourceMapping.Condition.ANY_TEXT)
                contains.put(key.substring(0, bar), set);
            } else {
                throw new IllegalArgumentException("source " + source + ": unsupported modifier in '" + key
                        + "' (a condition's field takes only " + CONTAINS + ")");
            }
        });
        try {
            return new LogsourceMapping.Condition(fields, contains);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source " + source + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> fields(Object value) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                String mapped = String.valueOf(v);
                if (!mapped.startsWith(SigmaEvent.LITERAL) && FieldTemplate.isTemplate(mapped)) {
                    FieldTemplate.of(mapped); // refuses a malformed template at load, not per event
                }
                fields.put(String.valueOf(k), mapped);
            });
        }
        return fields;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value).trim();
    }
}

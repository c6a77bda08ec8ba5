package io.socaas.correlation.sigma.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a Sigma rule document (already read into {@code Map}/{@code List}/scalar values) into a
 * {@link SigmaRule}. Throws {@link SigmaRuleException} for invalid rules and for features the
 * engine does not implement, so that no rule is ever evaluated approximately.
 */
public final class SigmaRuleParser {

    private SigmaRuleParser() {}

    public static SigmaRule parse(Map<String, ?> document) {
        return parse(document, null);
    }

    /**
     * Parses a rule, resolving its {@code expand} placeholders from {@code placeholderValues}
     * (placeholder name without percent signs to its values); {@code null} leaves every placeholder
     * unresolved.
     */
    public static SigmaRule parse(Map<String, ?> document, Map<String, List<String>> placeholderValues) {
        if (isFilter(document)) {
            throw SigmaRuleException.unsupported("a Sigma filter document, not a rule");
        }
        if (document.containsKey("correlation")) {
            throw SigmaRuleException.unsupported("correlation rules are not supported by the single-event engine");
        }
        if ("global".equals(document.get("action")) || "repeat".equals(document.get("action"))) {
            throw SigmaRuleException.unsupported("multi-document rule collections are not supported");
        }
        String id = text(document, "id").orElseThrow(() -> SigmaRuleException.invalid("rule has no id"));
        String title =
                text(document, "title").orElseThrow(() -> SigmaRuleException.invalid("rule " + id + " has no title"));
        if (!(document.get("detection") instanceof Map<?, ?> detection)) {
            throw SigmaRuleException.invalid("rule " + id + " has no detection map");
        }
        SearchIdentifierCompiler.Placeholders placeholders = placeholderValues == null
                ? SearchIdentifierCompiler.Placeholders.unbound()
                : SearchIdentifierCompiler.Placeholders.of(placeholderValues);
        Matcher matcher = detection(id, detection, placeholders, Set.of());

        return new SigmaRule(
                id,
                text(document, "name").orElse(""),
                title,
                text(document, "author").orElse(""),
                text(document, "description").orElse(""),
                text(document, "status").orElse(""),
                text(document, "license").orElse(""),
                text(document, "level").map(SigmaLevel::fromSigma),
                strings(document, "tags"),
                strings(document, "references"),
                logsource(document),
                matcher,
                placeholders.used(),
                placeholders.unresolved(),
                List.of(),
                document);
    }

    /** True when the document is a Sigma filter (a top-level {@code filter} and no detection). */
    public static boolean isFilter(Map<String, ?> document) {
        return document.get("filter") instanceof Map<?, ?> && !document.containsKey("detection");
    }

    /** Parses a Sigma filter document. */
    public static SigmaFilter parseFilter(Map<String, ?> document) {
        if (!isFilter(document)) {
            throw SigmaRuleException.invalid("not a Sigma filter document (no 'filter' map)");
        }
        String title = text(document, "title").orElseThrow(() -> SigmaRuleException.invalid("filter has no title"));
        String id = text(document, "id").orElse(title);
        Map<?, ?> filter = (Map<?, ?>) document.get("filter");
        if (!(document.get("logsource") instanceof Map<?, ?>)) {
            throw SigmaRuleException.invalid("filter " + id + " has no logsource");
        }
        List<String> rules = strings(filter, "rules");
        if (rules.isEmpty()) {
            throw SigmaRuleException.invalid("filter " + id + " names no rules");
        }
        Matcher condition = detection(id, filter, SearchIdentifierCompiler.Placeholders.unbound(), Set.of("rules"));
        return new SigmaFilter(id, title, Logsource.of(logsource(document)), rules, condition);
    }

    private static Matcher detection(
            String id, Map<?, ?> detection, SearchIdentifierCompiler.Placeholders placeholders, Set<String> skip) {
        Map<String, Matcher> identifiers = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        for (Map.Entry<?, ?> entry : detection.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (name.equals("condition")) {
                switch (entry.getValue()) {
                    case String s -> conditions.add(s);
                    case List<?> list
                    when !list.isEmpty() && list.stream().allMatch(String.class::isInstance) ->
                        list.forEach(c -> conditions.add((String) c));
                    default ->
                        throw SigmaRuleException.invalid(
                                "rule " + id + ": condition must be a string or a list of strings");
                }
            } else if (name.equals("timeframe")) {
                throw SigmaRuleException.unsupported("rule " + id + ": timeframe (aggregation) is not supported");
            } else if (skip.contains(name)) {
                continue;
            } else {
                try {
                    identifiers.put(name, SearchIdentifierCompiler.compile(name, entry.getValue(), placeholders));
                } catch (SigmaRuleException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw SigmaRuleException.invalid(
                            "rule " + id + ": search identifier '" + name + "': " + e.getMessage(), e);
                }
            }
        }
        if (conditions.isEmpty()) {
            throw SigmaRuleException.invalid("rule " + id + " has no condition");
        }
        List<Matcher> compiled = conditions.stream()
                .map(c -> ConditionParser.parse(c, identifiers))
                .toList();
        return compiled.size() == 1 ? compiled.getFirst() : new Matcher.AnyOf(compiled);
    }

    private static Optional<String> text(Map<?, ?> document, String key) {
        Object value = document.get(key);
        if (value == null) {
            return Optional.empty();
        }
        String text = String.valueOf(value).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static List<String> strings(Map<?, ?> document, String key) {
        Object value = document.get(key);
        if (value instanceof List<?> list) {
            return list.stream().filter(v -> v != null).map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    private static Map<String, String> logsource(Map<String, ?> document) {
        Map<String, String> result = new LinkedHashMap<>();
        if (document.get("logsource") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v != null) {
                    result.put(String.valueOf(k), String.valueOf(v));
                }
            });
        }
        return result;
    }
}

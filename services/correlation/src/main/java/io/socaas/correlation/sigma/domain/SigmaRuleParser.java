package io.socaas.correlation.sigma.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a Sigma rule document (already read into {@code Map}/{@code List}/scalar values) into a
 * {@link SigmaRule}. Throws {@link SigmaRuleException} for invalid rules and for features the
 * engine does not implement, so that no rule is ever evaluated approximately.
 */
public final class SigmaRuleParser {

    private SigmaRuleParser() {}

    public static SigmaRule parse(Map<String, ?> document) {
        if (document.containsKey("correlation")) {
            throw SigmaRuleException.unsupported("correlation rules are not supported by the single-event engine");
        }
        if (document.containsKey("filter") && !document.containsKey("detection")) {
            throw SigmaRuleException.unsupported("Sigma filter documents are not supported");
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
            } else {
                try {
                    identifiers.put(name, SearchIdentifierCompiler.compile(name, entry.getValue()));
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
        Matcher matcher = compiled.size() == 1 ? compiled.getFirst() : new Matcher.AnyOf(compiled);

        return new SigmaRule(
                id,
                title,
                text(document, "author").orElse(""),
                text(document, "description").orElse(""),
                text(document, "status").orElse(""),
                text(document, "level").map(SigmaLevel::fromSigma),
                strings(document, "tags"),
                strings(document, "references"),
                logsource(document),
                matcher);
    }

    private static Optional<String> text(Map<String, ?> document, String key) {
        Object value = document.get(key);
        if (value == null) {
            return Optional.empty();
        }
        String text = String.valueOf(value).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static List<String> strings(Map<String, ?> document, String key) {
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

package io.socaas.correlation.sigma.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a Sigma correlation rule document ({@code correlation:} section, specification 2.1) into a
 * {@link CorrelationRule}. Invalid and unsupported documents are refused with a
 * {@link SigmaRuleException} that names the key at fault.
 */
public final class CorrelationRuleParser {

    private static final Pattern TIMESPAN = Pattern.compile("(\\d+)([smhd])");
    private static final Set<String> KNOWN_KEYS =
            Set.of("type", "rules", "group-by", "timespan", "timeframe", "condition", "aliases", "generate");

    private CorrelationRuleParser() {}

    /** True when the document is a correlation rule (it has a {@code correlation} section). */
    public static boolean isCorrelation(Map<String, ?> document) {
        return document.containsKey("correlation");
    }

    public static CorrelationRule parse(Map<String, ?> document) {
        String id = text(document.get("id")).orElse(null);
        String title = text(document.get("title"))
                .orElseThrow(() -> SigmaRuleException.invalid("correlation rule has no title"));
        if (id == null) {
            // the specification makes id optional; a deployed rule needs one to be named in alerts
            throw SigmaRuleException.invalid("correlation rule '" + title + "' has no id");
        }
        if (!(document.get("correlation") instanceof Map<?, ?> section)) {
            throw SigmaRuleException.invalid("correlation rule " + id + ": 'correlation' must be a map");
        }
        for (Object key : section.keySet()) {
            if (!KNOWN_KEYS.contains(String.valueOf(key))) {
                throw SigmaRuleException.invalid("correlation rule " + id + ": unknown key 'correlation." + key + "'");
            }
        }
        CorrelationRule.Type type = type(id, section.get("type"));
        List<String> rules = strings(section.get("rules"));
        if (rules.isEmpty()) {
            throw SigmaRuleException.invalid("correlation rule " + id + ": 'correlation.rules' names no rule");
        }
        List<String> groupBy = strings(section.get("group-by"));
        Object span = section.containsKey("timespan") ? section.get("timespan") : section.get("timeframe");
        Duration timespan = timespan(id, span);
        CorrelationRule.Condition condition = condition(id, type, section.get("condition"), rules.size());
        Map<String, Map<String, String>> aliases = aliases(id, section.get("aliases"));
        Object generate = section.containsKey("generate") ? section.get("generate") : document.get("generate");
        if (generate != null && !(generate instanceof Boolean)) {
            throw SigmaRuleException.invalid("correlation rule " + id + ": 'generate' must be true or false");
        }
        return new CorrelationRule(
                id,
                text(document.get("name")).orElse(""),
                title,
                text(document.get("author")).orElse(""),
                text(document.get("description")).orElse(""),
                text(document.get("status")).orElse(""),
                text(document.get("level")).map(SigmaLevel::fromSigma),
                strings(document.get("tags")),
                strings(document.get("references")),
                type,
                rules,
                groupBy,
                timespan,
                condition,
                aliases,
                Boolean.TRUE.equals(generate));
    }

    private static CorrelationRule.Type type(String id, Object value) {
        String text = text(value)
                .orElseThrow(
                        () -> SigmaRuleException.invalid("correlation rule " + id + ": 'correlation.type' missing"));
        try {
            return CorrelationRule.Type.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SigmaRuleException.invalid("correlation rule " + id + ": unknown 'correlation.type' '" + text
                    + "' (event_count, value_count, temporal, temporal_ordered, value_sum, value_avg,"
                    + " value_percentile)");
        }
    }

    static Duration timespan(String id, Object value) {
        String text = text(value)
                .orElseThrow(() ->
                        SigmaRuleException.invalid("correlation rule " + id + ": 'correlation.timespan' missing"));
        var m = TIMESPAN.matcher(text);
        if (!m.matches()) {
            throw SigmaRuleException.invalid("correlation rule " + id + ": 'correlation.timespan' '" + text
                    + "' is not a number and one of s, m, h, d (e.g. 90m)");
        }
        long n = Long.parseLong(m.group(1));
        Duration span = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (span.isZero()) {
            throw SigmaRuleException.invalid("correlation rule " + id + ": 'correlation.timespan' is zero");
        }
        return span;
    }

    private static CorrelationRule.Condition condition(String id, CorrelationRule.Type type, Object value, int rules) {
        if (value == null) {
            if (type.temporal()) {
                // temporal: every referred rule must have matched in the timespan
                return new CorrelationRule.Condition(
                        Optional.empty(), Map.of(CorrelationRule.Operator.GTE, (double) rules));
            }
            throw SigmaRuleException.invalid("correlation rule " + id
                    + ": 'correlation.condition' missing (required by " + type.sigmaName() + ")");
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw SigmaRuleException.invalid("correlation rule " + id + ": 'correlation.condition' must be a map");
        }
        Map<CorrelationRule.Operator, Double> bounds = new EnumMap<>(CorrelationRule.Operator.class);
        Optional<String> field = Optional.empty();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals("field")) {
                if (e.getValue() instanceof List<?>) {
                    throw SigmaRuleException.unsupported("correlation rule " + id
                            + ": 'correlation.condition.field' with several fields is not supported");
                }
                field = text(e.getValue());
                continue;
            }
            CorrelationRule.Operator op;
            try {
                op = CorrelationRule.Operator.valueOf(key.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw SigmaRuleException.invalid("correlation rule " + id
                        + ": unknown condition 'correlation.condition." + key + "' (gt, gte, lt, lte, eq, neq)");
            }
            if (!(e.getValue() instanceof Number n)) {
                throw SigmaRuleException.invalid(
                        "correlation rule " + id + ": 'correlation.condition." + key + "' must be a number");
            }
            bounds.put(op, n.doubleValue());
        }
        if (bounds.isEmpty()) {
            throw SigmaRuleException.invalid("correlation rule " + id + ": 'correlation.condition' has no comparison");
        }
        if (type.needsField() && field.isEmpty()) {
            throw SigmaRuleException.invalid(
                    "correlation rule " + id + ": 'correlation.condition.field' is required by " + type.sigmaName());
        }
        if (!type.needsField() && field.isPresent()) {
            throw SigmaRuleException.invalid(
                    "correlation rule " + id + ": 'correlation.condition.field' is not used by " + type.sigmaName());
        }
        return new CorrelationRule.Condition(field, bounds);
    }

    private static Map<String, Map<String, String>> aliases(String id, Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw SigmaRuleException.invalid("correlation rule " + id + ": 'correlation.aliases' must be a map");
        }
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> perRule)) {
                throw SigmaRuleException.invalid("correlation rule " + id + ": alias 'correlation.aliases." + e.getKey()
                        + "' must map rule names to fields");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            perRule.forEach((rule, field) -> fields.put(String.valueOf(rule), String.valueOf(field)));
            result.put(String.valueOf(e.getKey()), fields);
        }
        return result;
    }

    private static Optional<String> text(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = String.valueOf(value).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(v -> v != null).map(String::valueOf).forEach(result::add);
        } else if (value != null) {
            result.add(String.valueOf(value));
        }
        return result;
    }
}

package io.socaas.correlation.sigma.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles one search identifier of a rule's {@code detection} (a map, a list of maps, or
 * keywords) into a {@link Matcher}, applying value modifiers in the order they are written.
 */
final class SearchIdentifierCompiler {

    /** Characters {@code windash} treats as interchangeable. */
    static final Set<Character> WINDASH = Set.of('-', '/', '\u2013', '\u2014', '\u2015');

    private static final Set<String> SUPPORTED = Set.of(
            "contains",
            "startswith",
            "endswith",
            "all",
            "re",
            "i",
            "m",
            "s",
            "cased",
            "exists",
            "windash",
            "cidr",
            "lt",
            "lte",
            "gt",
            "gte",
            "base64",
            "base64offset",
            "wide",
            "utf16le",
            "utf16be",
            "utf16",
            "fieldref",
            "neq",
            "expand",
            "minute",
            "hour",
            "day",
            "week",
            "month",
            "year");

    private static final Set<String> TIME_PARTS = Set.of("minute", "hour", "day", "week", "month", "year");
    private static final Pattern PLACEHOLDER = Pattern.compile("%([^%\\s]+)%");

    /**
     * Values of {@code expand} placeholders while compiling one rule.
     *
     * @param values placeholder name to its values; {@code null} when the rule is compiled without
     *     a tenant (every placeholder is then unresolved)
     * @param used every placeholder the rule names
     * @param unresolved the placeholders without values
     */
    record Placeholders(Map<String, List<String>> values, Set<String> used, Set<String> unresolved) {
        static Placeholders unbound() {
            return new Placeholders(null, new java.util.TreeSet<>(), new java.util.TreeSet<>());
        }

        static Placeholders of(Map<String, List<String>> values) {
            return new Placeholders(Map.copyOf(values), new java.util.TreeSet<>(), new java.util.TreeSet<>());
        }
    }

    private final Placeholders placeholders;

    private SearchIdentifierCompiler(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    static Matcher compile(String name, Object definition) {
        return compile(name, definition, Placeholders.unbound());
    }

    /** Compiles one search identifier; {@code expand} values are resolved from {@code placeholders}. */
    static Matcher compile(String name, Object definition, Placeholders placeholders) {
        return new SearchIdentifierCompiler(placeholders).compileDefinition(name, definition);
    }

    private Matcher compileDefinition(String name, Object definition) {
        return switch (definition) {
            case Map<?, ?> map -> compileMap(name, map);
            case List<?> list
            when list.isEmpty() ->
                throw SigmaRuleException.invalid("search identifier '" + name + "' is an empty list");
            case List<?> list
            when list.stream().allMatch(Map.class::isInstance) ->
                new Matcher.AnyOf(list.stream()
                        .map(m -> compileMap(name, (Map<?, ?>) m))
                        .toList());
            case List<?> list
            when list.stream().noneMatch(v -> v instanceof Map || v instanceof List) -> keywords(name, List.of(), list);
            case List<?> list ->
                throw SigmaRuleException.invalid("search identifier '" + name + "' mixes maps and plain values");
            case null -> throw SigmaRuleException.invalid("search identifier '" + name + "' is empty");
            default -> keywords(name, List.of(), List.of(definition));
        };
    }

    private Matcher compileMap(String name, Map<?, ?> map) {
        if (map.isEmpty()) {
            throw SigmaRuleException.invalid("search identifier '" + name + "' is an empty map");
        }
        List<Matcher> items = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String[] pieces = key.split("\\|", -1);
            String field = pieces[0];
            List<String> modifiers = Arrays.stream(pieces, 1, pieces.length)
                    .map(m -> m.trim().toLowerCase(Locale.ROOT))
                    .toList();
            List<Object> values = entry.getValue() instanceof List<?> l ? new ArrayList<>(l) : listOf(entry.getValue());
            if (values.isEmpty()) {
                throw SigmaRuleException.invalid("'" + key + "' in '" + name + "' has an empty value list");
            }
            if (values.stream().anyMatch(v -> v instanceof Map || v instanceof List)) {
                throw SigmaRuleException.invalid("'" + key + "' in '" + name + "' has a nested value");
            }
            items.add(
                    field.isEmpty()
                            ? keywords(name, modifiers, values)
                            : fieldCondition(key, field, modifiers, values));
        }
        return items.size() == 1 ? items.getFirst() : new Matcher.AllOf(items);
    }

    private static List<Object> listOf(Object value) {
        List<Object> list = new ArrayList<>(1);
        list.add(value);
        return list;
    }

    private Matcher keywords(String name, List<String> modifiers, List<?> values) {
        checkSupported(name, modifiers);
        if (values.stream().anyMatch(v -> v == null)) {
            throw SigmaRuleException.invalid("keyword search '" + name + "' contains null");
        }
        for (String m : modifiers) {
            if (!Set.of(
                            "all",
                            "cased",
                            "contains",
                            "startswith",
                            "endswith",
                            "windash",
                            "base64",
                            "base64offset",
                            "wide",
                            "utf16le",
                            "utf16be",
                            "utf16")
                    .contains(m)) {
                throw SigmaRuleException.unsupported("modifier '" + m + "' on keyword search '" + name + "'");
            }
        }
        boolean cased = modifiers.contains("cased");
        List<ValueMatcher> matchers = new ArrayList<>();
        for (Object value : values) {
            for (SigmaString s : transform(name, modifiers, value)) {
                // Keywords match anywhere in a value, as a full-text search would.
                matchers.add(ValueMatcher.string(s.withLeadingWildcard().withTrailingWildcard(), cased));
            }
        }
        return new Matcher.Keywords(matchers, modifiers.contains("all"));
    }

    private Matcher fieldCondition(String key, String field, List<String> mods, List<Object> rawValues) {
        checkSupported(key, mods);
        List<String> modifiers = mods;
        List<Object> values = rawValues;
        if (modifiers.contains("expand")) {
            modifiers = modifiers.stream().filter(m -> !m.equals("expand")).toList();
            values = expand(key, values);
            if (values.isEmpty()) {
                // an unresolved placeholder: the rule cannot run for a tenant without its values
                return new Matcher.Unresolved(key);
            }
        }
        if (modifiers.contains("neq")) {
            List<String> rest = modifiers.stream().filter(m -> !m.equals("neq")).toList();
            if (rest.contains("all") || rest.contains("exists")) {
                throw SigmaRuleException.unsupported("modifier combination " + modifiers + " (in '" + key + "')");
            }
            Matcher equal = fieldCondition(key, field, rest, values);
            return new Matcher.NotEqual(field, equal);
        }
        boolean all = modifiers.contains("all");
        boolean cased = modifiers.contains("cased");

        if (modifiers.contains("exists")) {
            if (modifiers.size() != 1 || values.size() != 1 || !(values.getFirst() instanceof Boolean expected)) {
                throw SigmaRuleException.invalid("'" + key + "' expects exactly one boolean and no other modifier");
            }
            return new Matcher.Exists(field, expected);
        }

        List<Object> nonNull = values.stream().filter(v -> v != null).toList();
        boolean hasNull = nonNull.size() < values.size();
        if (hasNull && !modifiers.isEmpty()) {
            throw SigmaRuleException.invalid("'" + key + "': null cannot be combined with modifiers");
        }
        if (nonNull.isEmpty()) {
            return new Matcher.IsNull(field);
        }

        Matcher valueMatch;
        if (modifiers.contains("fieldref")) {
            allowOnly(key, modifiers, Set.of("fieldref", "all", "cased"));
            valueMatch = new Matcher.FieldRef(
                    field, nonNull.stream().map(String::valueOf).toList(), cased, all);
        } else {
            valueMatch = new Matcher.FieldMatch(field, valueMatchers(key, modifiers, nonNull, cased), all);
        }
        return hasNull ? new Matcher.AnyOf(List.of(valueMatch, new Matcher.IsNull(field))) : valueMatch;
    }

    private List<ValueMatcher> valueMatchers(String key, List<String> modifiers, List<Object> values, boolean cased) {
        List<ValueMatcher> matchers = new ArrayList<>();
        if (modifiers.contains("re")) {
            allowOnly(key, modifiers, Set.of("re", "i", "m", "s", "all", "cased"));
            List<String> flags = modifiers.subList(modifiers.indexOf("re") + 1, modifiers.size());
            for (Object value : values) {
                try {
                    matchers.add(new ValueMatcher.RegexMatcher(BoundedRegex.compile(
                            String.valueOf(value), flags.contains("i"), flags.contains("m"), flags.contains("s"))));
                } catch (PatternSyntaxException e) {
                    throw SigmaRuleException.invalid(
                            "'" + key + "': invalid regular expression: " + e.getDescription(), e);
                }
            }
            return matchers;
        }
        if (modifiers.stream().anyMatch(m -> Set.of("i", "m", "s").contains(m))) {
            throw SigmaRuleException.invalid("'" + key + "': regex flags i/m/s require the re modifier");
        }
        List<String> timeParts = modifiers.stream().filter(TIME_PARTS::contains).toList();
        if (!timeParts.isEmpty()) {
            if (timeParts.size() > 1) {
                throw SigmaRuleException.invalid("'" + key + "': more than one time modifier");
            }
            ValueMatcher.TimePart.Part part =
                    ValueMatcher.TimePart.Part.valueOf(timeParts.getFirst().toUpperCase(Locale.ROOT));
            List<String> rest =
                    modifiers.stream().filter(m -> !TIME_PARTS.contains(m)).toList();
            allowOnly(key, rest, Set.of("lt", "lte", "gt", "gte"));
            if (rest.size() > 1) {
                throw SigmaRuleException.invalid("'" + key + "': more than one comparison");
            }
            for (Object v : values) {
                BigDecimal bound = ValueMatcher.Numbers.toDecimal(v);
                if (bound == null) {
                    throw SigmaRuleException.invalid("'" + key + "' needs a number, got '" + v + "'");
                }
                ValueMatcher compare = rest.isEmpty()
                        ? new ValueMatcher.NumberMatcher(bound)
                        : new ValueMatcher.CompareMatcher(
                                ValueMatcher.CompareMatcher.Comparison.valueOf(
                                        rest.getFirst().toUpperCase(Locale.ROOT)),
                                bound);
                matchers.add(new ValueMatcher.TimePart(part, compare));
            }
            return matchers;
        }
        if (modifiers.contains("cidr")) {
            allowOnly(key, modifiers, Set.of("cidr", "all"));
            values.forEach(v -> matchers.add(new ValueMatcher.CidrMatcher(Cidr.parse(String.valueOf(v)))));
            return matchers;
        }
        for (String cmp : List.of("lt", "lte", "gt", "gte")) {
            if (modifiers.contains(cmp)) {
                allowOnly(key, modifiers, Set.of(cmp));
                for (Object v : values) {
                    BigDecimal bound = ValueMatcher.Numbers.toDecimal(v);
                    if (bound == null) {
                        throw SigmaRuleException.invalid("'" + key + "' needs a number, got '" + v + "'");
                    }
                    matchers.add(new ValueMatcher.CompareMatcher(
                            ValueMatcher.CompareMatcher.Comparison.valueOf(cmp.toUpperCase(Locale.ROOT)), bound));
                }
                return matchers;
            }
        }
        boolean transforms = modifiers.stream().anyMatch(m -> !m.equals("all") && !m.equals("cased"));
        for (Object value : values) {
            if (!transforms && value instanceof Boolean b) {
                matchers.add(new ValueMatcher.BooleanMatcher(b));
            } else if (!transforms && value instanceof Number n) {
                matchers.add(new ValueMatcher.NumberMatcher(ValueMatcher.Numbers.toDecimal(n)));
            } else {
                for (SigmaString s : transform(key, modifiers, value)) {
                    matchers.add(ValueMatcher.string(s, cased));
                }
            }
        }
        return matchers;
    }

    /** Applies the string-transforming modifiers in order; one value may expand to several. */
    private static List<SigmaString> transform(String key, List<String> modifiers, Object value) {
        // Each element is a SigmaString, or a byte[] produced by a UTF-16 encoding modifier.
        List<Object> current = new ArrayList<>();
        current.add(
                value instanceof String s
                        ? SigmaString.parse(s)
                        : SigmaString.literal(SigmaEvent.FieldValue.text(value)));
        for (String m : modifiers) {
            List<Object> next = new ArrayList<>();
            for (Object v : current) {
                switch (m) {
                    case "contains" ->
                        next.add(str(key, m, v).withLeadingWildcard().withTrailingWildcard());
                    case "startswith" -> next.add(str(key, m, v).withTrailingWildcard());
                    case "endswith" -> next.add(str(key, m, v).withLeadingWildcard());
                    case "windash" -> next.add(str(key, m, v).withCharacterClass(WINDASH));
                    case "wide", "utf16le" -> next.add(plain(key, m, v).getBytes(StandardCharsets.UTF_16LE));
                    case "utf16be" -> next.add(plain(key, m, v).getBytes(StandardCharsets.UTF_16BE));
                    case "utf16" -> {
                        byte[] body = plain(key, m, v).getBytes(StandardCharsets.UTF_16LE);
                        byte[] withBom = new byte[body.length + 2];
                        withBom[0] = (byte) 0xFF;
                        withBom[1] = (byte) 0xFE;
                        System.arraycopy(body, 0, withBom, 2, body.length);
                        next.add(withBom);
                    }
                    case "base64" ->
                        next.add(SigmaString.literal(Base64.getEncoder().encodeToString(bytes(key, m, v))));
                    case "base64offset" ->
                        base64Offsets(bytes(key, m, v)).forEach(s -> next.add(SigmaString.literal(s)));
                    default -> next.add(v);
                }
            }
            current = next;
        }
        return current.stream()
                .map(v -> v instanceof byte[] b
                        ? SigmaString.literal(new String(b, StandardCharsets.ISO_8859_1))
                        : (SigmaString) v)
                .toList();
    }

    /**
     * Replaces every {@code %name%} placeholder of the values by each of its values (a value with
     * two placeholders yields every combination). Values without values for a placeholder are
     * dropped and the placeholder is recorded as unresolved.
     */
    private List<Object> expand(String key, List<Object> values) {
        List<Object> result = new ArrayList<>();
        for (Object value : values) {
            if (!(value instanceof String text)) {
                throw SigmaRuleException.invalid("'" + key + "': expand needs string values, got '" + value + "'");
            }
            List<String> expanded = List.of(text);
            java.util.regex.Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                String name = m.group(1);
                String token = m.group();
                placeholders.used().add(name);
                List<String> replacements = placeholders.values() == null
                        ? null
                        : placeholders.values().get(name);
                if (replacements == null || replacements.isEmpty()) {
                    placeholders.unresolved().add(name);
                    expanded = List.of();
                    break;
                }
                List<String> next = new ArrayList<>();
                for (String partial : expanded) {
                    for (String replacement : replacements) {
                        next.add(partial.replace(token, replacement));
                    }
                }
                expanded = next;
            }
            result.addAll(expanded);
        }
        return result;
    }

    /**
     * The three base64 renderings of {@code value} at byte offsets 0, 1 and 2 of an enclosing
     * string, without the characters that depend on the neighbouring bytes.
     */
    static List<String> base64Offsets(byte[] value) {
        int[] start = {0, 2, 3};
        int[] endTrim = {0, 3, 2};
        List<String> result = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            byte[] shifted = new byte[value.length + i];
            Arrays.fill(shifted, 0, i, (byte) ' ');
            System.arraycopy(value, 0, shifted, i, value.length);
            String encoded = Base64.getEncoder().encodeToString(shifted);
            int end = encoded.length() - endTrim[(value.length + i) % 3];
            result.add(encoded.substring(start[i], Math.max(start[i], end)));
        }
        return result;
    }

    private static SigmaString str(String key, String modifier, Object v) {
        if (v instanceof SigmaString s) {
            return s;
        }
        throw SigmaRuleException.unsupported(
                "'" + key + "': modifier '" + modifier + "' after a UTF-16 encoding needs base64");
    }

    private static String plain(String key, String modifier, Object v) {
        SigmaString s = str(key, modifier, v);
        if (!s.isPlain()) {
            throw SigmaRuleException.unsupported(
                    "'" + key + "': modifier '" + modifier + "' on a value with wildcards");
        }
        return s.plainText();
    }

    private static byte[] bytes(String key, String modifier, Object v) {
        return v instanceof byte[] b ? b : plain(key, modifier, v).getBytes(StandardCharsets.UTF_8);
    }

    private static void checkSupported(String key, List<String> modifiers) {
        for (String m : modifiers) {
            if (!SUPPORTED.contains(m)) {
                throw SigmaRuleException.unsupported("modifier '" + m + "' (in '" + key + "') is not supported");
            }
        }
    }

    private static void allowOnly(String key, List<String> modifiers, Set<String> allowed) {
        for (String m : modifiers) {
            if (!allowed.contains(m)) {
                throw SigmaRuleException.unsupported(
                        "modifier combination " + modifiers + " (in '" + key + "') is not supported");
            }
        }
    }
}

package io.socaas.correlation.sigma.domain;

import io.socaas.events.AhoCorasick;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An index over the literals the rules of one logsource require, so that an event is tested only
 * against the rules that can match it.
 *
 * <p>For each rule the index derives a <em>necessary condition</em>: a set of literals of which at
 * least one must be present in the event for the rule to match, each either a field's value
 * ({@code EventID: 4688}, {@code Image: C:\x.exe}) or a substring of a field's value (the text of
 * a {@code contains}, {@code startswith} or {@code endswith} value, the longest literal piece of a
 * value with wildcards). The condition follows the rule's logic: an {@code and} (a selection, {@code
 * all of}, a filter applied to the rule) needs any one of its parts, so the most selective part is
 * indexed; an {@code or} or {@code 1 of} needs one of all its parts; anything the index cannot
 * express ({@code not}, {@code null}, {@code exists}, comparisons, regular expressions without
 * a required literal piece ({@link BoundedRegex#requiredPiece}), field references, a value that is
 * not ASCII) makes the part unconstrained; keywords are indexed like a
 * field whose values are all the event's texts. A rule without
 * any necessary literal is tested on every event of its logsource. The index therefore only ever
 * rules out rules that cannot match: evaluating the candidates it returns gives exactly the matches
 * of evaluating every rule.
 *
 * <p>Values are compared in their case-folded form ({@link SigmaEvent#fold}), computed once per
 * event and field; an event field is scanned once for all the substrings of all rules (Aho-Corasick).
 * Immutable and shared by all threads (and all tenants whose rules it indexes).
 */
public final class RuleIndex {

    /** One literal a rule may need. */
    record Literal(Kind kind, String field, String text) {
        enum Kind {
            /** The folded text of the field equals {@code text}. */
            EQUALS,
            /** The field is a number equal to {@code text} (canonical decimal form). */
            NUMBER,
            /** The folded text of the field contains {@code text}. */
            CONTAINS
        }

        int selectivity() {
            return switch (kind) {
                case EQUALS -> 8 + text.length();
                case NUMBER -> 6;
                case CONTAINS -> text.length();
            };
        }
    }

    /** Per field: the rules needing an equal value, an equal number, or a substring. */
    private static final class FieldIndex {
        final String field;
        final Map<String, int[]> equals;
        final Map<String, int[]> numbers;
        final AhoCorasick substrings;
        final int[][] substringRules;

        FieldIndex(
                String field,
                Map<String, int[]> equals,
                Map<String, int[]> numbers,
                AhoCorasick substrings,
                int[][] substringRules) {
            this.field = field;
            this.equals = equals;
            this.numbers = numbers;
            this.substrings = substrings;
            this.substringRules = substringRules;
        }
    }

    private final int size;
    private final int[] unconstrained;
    private final FieldIndex[] fields;

    private RuleIndex(int size, int[] unconstrained, FieldIndex[] fields) {
        this.size = size;
        this.unconstrained = unconstrained;
        this.fields = fields;
    }

    /** Indexes the detections of rules; rule {@code i} is reported as index {@code i}. */
    public static RuleIndex of(List<Matcher> detections) {
        List<Integer> unconstrained = new ArrayList<>();
        // field -> kind -> text -> rules
        Map<String, Map<Literal.Kind, Map<String, List<Integer>>>> byField = new LinkedHashMap<>();
        for (int rule = 0; rule < detections.size(); rule++) {
            List<Literal> needed = necessary(detections.get(rule));
            if (needed == null) {
                unconstrained.add(rule);
                continue;
            }
            for (Literal literal : needed) {
                byField.computeIfAbsent(literal.field(), f -> new LinkedHashMap<>())
                        .computeIfAbsent(literal.kind(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(literal.text(), t -> new ArrayList<>())
                        .add(rule);
            }
        }
        List<FieldIndex> fields = new ArrayList<>();
        byField.forEach((field, kinds) -> {
            Map<String, List<Integer>> contains = kinds.getOrDefault(Literal.Kind.CONTAINS, Map.of());
            List<String> literals = new ArrayList<>(contains.keySet());
            int[][] substringRules = new int[literals.size()][];
            for (int i = 0; i < literals.size(); i++) {
                substringRules[i] = ints(contains.get(literals.get(i)));
            }
            fields.add(new FieldIndex(
                    field,
                    frozen(kinds.getOrDefault(Literal.Kind.EQUALS, Map.of())),
                    frozen(kinds.getOrDefault(Literal.Kind.NUMBER, Map.of())),
                    literals.isEmpty() ? null : AhoCorasick.caseFolded(literals, c -> SigmaEvent.foldChar((char) c)),
                    substringRules));
        });
        return new RuleIndex(detections.size(), ints(unconstrained), fields.toArray(FieldIndex[]::new));
    }

    /** Number of rules indexed. */
    public int size() {
        return size;
    }

    /** Number of rules without a necessary literal, tested on every event. */
    public int unconstrained() {
        return unconstrained.length;
    }

    /**
     * Sets in {@code candidates} the index of every rule that may match the event, read through the
     * field mapping of the rules' logsource; leaves out only rules that cannot match.
     */
    public void candidates(SigmaEvent event, BitSet candidates) {
        for (int rule : unconstrained) {
            candidates.set(rule);
        }
        BitSet found = null;
        for (FieldIndex index : fields) {
            SigmaEvent.Texts values =
                    index.field == KEYWORDS ? event.scalarTextsNormalized() : event.texts(index.field);
            for (int i = 0; i < values.size(); i++) {
                if (!index.equals.isEmpty()) {
                    mark(index.equals.get(values.folded(i)), candidates);
                }
                if (!index.numbers.isEmpty()) {
                    String number = canonicalNumber(values.scalar(i));
                    if (number != null) {
                        mark(index.numbers.get(number), candidates);
                    }
                }
                if (index.substrings != null) {
                    if (found == null) {
                        found = new BitSet(index.substrings.size());
                    }
                    // the automaton folds the text as it reads it
                    index.substrings.findAll(values.text(i), found);
                }
            }
            if (found != null && !found.isEmpty()) {
                for (int id = found.nextSetBit(0); id >= 0; id = found.nextSetBit(id + 1)) {
                    mark(index.substringRules[id], candidates);
                }
                found.clear();
            }
        }
    }

    private static void mark(int[] rules, BitSet candidates) {
        if (rules != null) {
            for (int rule : rules) {
                candidates.set(rule);
            }
        }
    }

    /**
     * A necessary condition of the matcher: literals of which one must be present for it to match,
     * or null when no such set can be stated.
     */
    static List<Literal> necessary(Matcher matcher) {
        return switch (matcher) {
            case Matcher.FieldMatch(String field, List<ValueMatcher> values, boolean all) ->
                valuesOf(field, values, all);
            // keywords: a value in any of the event's texts (indexed under no field)
            case Matcher.Keywords(List<ValueMatcher> values, boolean all) -> valuesOf(KEYWORDS, values, all);
            case Matcher.AllOf(List<Matcher> items) -> everyOf(items);
            case Matcher.Filtered(List<Matcher> items) -> everyOf(items);
            case Matcher.AnyOf(List<Matcher> items) -> anyOf(items);
            // at least N >= 1 of the items: at least one of them
            case Matcher.AtLeast(int minimum, List<Matcher> items) -> anyOf(items);
            case Matcher.Named(String name, Matcher item) -> necessary(item);
            default -> null;
        };
    }

    /** The field under which keyword literals are indexed: every scalar text of the event. */
    private static final String KEYWORDS = null;

    private static List<Literal> valuesOf(String field, List<ValueMatcher> values, boolean all) {
        if (all) {
            // every value must match: any one of them is necessary
            List<Literal> chosen = null;
            for (ValueMatcher value : values) {
                Literal literal = literal(field, value);
                if (literal != null) {
                    chosen = best(chosen, List.of(literal));
                }
            }
            return chosen;
        }
        List<Literal> result = new ArrayList<>();
        for (ValueMatcher value : values) {
            Literal literal = literal(field, value);
            if (literal == null) {
                return null;
            }
            result.add(literal);
        }
        return result.isEmpty() ? null : result;
    }

    private static List<Literal> everyOf(List<Matcher> items) {
        List<Literal> chosen = null;
        for (Matcher item : items) {
            chosen = best(chosen, necessary(item));
        }
        return chosen;
    }

    /** The more selective of two necessary conditions (null: none). */
    private static List<Literal> best(List<Literal> a, List<Literal> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return score(b) > score(a) ? b : a;
    }

    /** The selectivity of a necessary condition: that of its least selective literal. */
    private static int score(List<Literal> literals) {
        int min = Integer.MAX_VALUE;
        for (Literal literal : literals) {
            min = Math.min(min, literal.selectivity());
        }
        return min;
    }

    private static List<Literal> anyOf(List<Matcher> items) {
        List<Literal> result = new ArrayList<>();
        for (Matcher item : items) {
            List<Literal> needed = necessary(item);
            if (needed == null) {
                return null;
            }
            result.addAll(needed);
        }
        return result.isEmpty() ? null : result;
    }

    /** The literal a value matcher needs in the field, or null when it needs none the index knows. */
    static Literal literal(String field, ValueMatcher value) {
        return switch (value) {
            case ValueMatcher.StringMatcher s -> stringLiteral(field, s);
            case ValueMatcher.NumberMatcher(BigDecimal number) ->
                new Literal(Literal.Kind.NUMBER, field, canonical(number));
            case ValueMatcher.RegexMatcher(BoundedRegex regex) ->
                regex.requiredPiece() == null ? null : contains(field, regex.requiredPiece());
            default -> null;
        };
    }

    private static Literal stringLiteral(String field, ValueMatcher.StringMatcher s) {
        return switch (s.mode()) {
            case EQUALS ->
                ascii(s.literal()) ? new Literal(Literal.Kind.EQUALS, field, SigmaEvent.fold(s.literal())) : null;
            case CONTAINS, STARTS_WITH, ENDS_WITH ->
                ascii(s.literal()) && !s.literal().isEmpty() ? contains(field, SigmaEvent.fold(s.literal())) : null;
            case REGEX -> {
                String piece = s.requiredPiece();
                yield piece == null ? null : contains(field, piece);
            }
            case ANYTHING -> null;
        };
    }

    /** A substring literal: the folded text of the field contains {@code folded}. */
    private static Literal contains(String field, String folded) {
        return new Literal(Literal.Kind.CONTAINS, field, folded);
    }

    /**
     * The longest literal piece (ASCII) of a value with wildcards, case-folded: it occurs, folded, in
     * every value the pattern matches (case-sensitively or not); null when there is none.
     */
    static String requiredPiece(SigmaString pattern) {
        String longest = "";
        for (SigmaString.Part part : pattern.parts()) {
            if (part instanceof SigmaString.Literal(String text) && text.length() > longest.length() && ascii(text)) {
                longest = text;
            }
        }
        return longest.isEmpty() ? null : SigmaEvent.fold(longest);
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The canonical decimal form of an event value that is a number (as a numeric rule value reads it). */
    static String canonicalNumber(Object scalar) {
        if (scalar instanceof String s && (s.isEmpty() || !numberLike(s))) {
            return null;
        }
        if (scalar instanceof Boolean) {
            return null;
        }
        BigDecimal value = ValueMatcher.Numbers.toDecimal(scalar);
        return value == null ? null : canonical(value);
    }

    private static boolean numberLike(String s) {
        char c = s.charAt(0);
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c <= ' ' || Character.isWhitespace(c);
    }

    private static String canonical(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    private static Map<String, int[]> frozen(Map<String, List<Integer>> rules) {
        Map<String, int[]> result = new HashMap<>();
        rules.forEach((k, v) -> result.put(k, ints(v)));
        return result;
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().distinct().mapToInt(Integer::intValue).toArray();
    }
}

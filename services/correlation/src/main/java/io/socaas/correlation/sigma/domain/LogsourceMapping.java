package io.socaas.correlation.sigma.domain;

import io.socaas.events.AhoCorasick;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Classifies events into Sigma logsources, from mapping data (which source an event comes from,
 * which categories its events fall into, and how Sigma field names map to the source's names).
 * Immutable and shared by all threads.
 */
public final class LogsourceMapping {

    /**
     * One condition set: every field must equal (case-insensitively, as text) one of its values; a
     * field whose values include {@value #PRESENT} must only be present (any scalar value, even
     * empty). Every field of {@code contains} must hold one of its values somewhere in one of its
     * texts (case-insensitively); the field {@value #ANY_TEXT} stands for every text of the event,
     * the texts Sigma's keywords search. A condition without fields holds for every event.
     */
    public record Condition(Map<String, Set<String>> fields, Map<String, Set<String>> contains) {

        public static final String PRESENT = "*";

        /** The field of a {@code contains} condition on any of the event's texts. */
        public static final String ANY_TEXT = "";

        /** The condition every event meets. */
        public static final Condition ALWAYS = new Condition(Map.of());

        public Condition(Map<String, Set<String>> fields) {
            this(fields, Map.of());
        }

        public Condition {
            fields = fields.entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(
                            Map.Entry::getKey,
                            e -> e.getValue().stream()
                                    .map(v -> v.trim().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.toUnmodifiableSet())));
            // folded as the literal automaton reads the texts; spaces are part of a piece of text
            contains = contains.entrySet().stream()
                    .collect(Collectors.toUnmodifiableMap(
                            Map.Entry::getKey,
                            e -> e.getValue().stream()
                                    .peek(v -> {
                                        if (v.isEmpty()) {
                                            throw new IllegalArgumentException(
                                                    "an empty text to contain (field '" + e.getKey() + "')");
                                        }
                                    })
                                    .map(SigmaEvent::fold)
                                    .collect(Collectors.toUnmodifiableSet())));
        }
    }

    /**
     * The literals of every {@code contains} condition of the mapping, one automaton per field: an
     * event's texts of a field are read once, whichever conditions ask about them.
     */
    private static final class TextLiterals {
        final List<String> fields = new ArrayList<>();
        final List<List<String>> literals = new ArrayList<>();
        AhoCorasick[] automata;

        void add(Condition condition) {
            condition.contains().forEach((field, values) -> {
                int f = fields.indexOf(field);
                if (f < 0) {
                    fields.add(field);
                    literals.add(new ArrayList<>());
                    f = fields.size() - 1;
                }
                for (String value : values) {
                    if (!literals.get(f).contains(value)) {
                        literals.get(f).add(value);
                    }
                }
            });
        }

        void build() {
            automata = literals.stream()
                    .map(l -> AhoCorasick.caseFolded(l, c -> SigmaEvent.foldChar((char) c)))
                    .toArray(AhoCorasick[]::new);
        }
    }

    /**
     * The literals found in one event's texts, per field of {@link TextLiterals}, each field read
     * when a condition first asks about it.
     */
    private static final class TextScan {
        private final TextLiterals literals;
        private final SigmaEvent event;
        /** Allocated when a text condition is first reached: most events reach none. */
        private BitSet[] found;

        TextScan(TextLiterals literals, SigmaEvent event) {
            this.literals = literals;
            this.event = event;
        }

        BitSet found(int field) {
            if (found == null) {
                found = new BitSet[literals.fields.size()];
            }
            BitSet result = found[field];
            if (result == null) {
                AhoCorasick automaton = literals.automata[field];
                result = new BitSet(automaton.size());
                String name = literals.fields.get(field);
                // the automaton folds the text as it reads it
                if (Condition.ANY_TEXT.equals(name)) {
                    event.findInScalarTexts(automaton, result);
                } else {
                    SigmaEvent.Texts texts = event.texts(name);
                    for (int i = 0; i < texts.size(); i++) {
                        automaton.findAll(texts.text(i), result);
                    }
                }
                found[field] = result;
            }
            return result;
        }
    }

    /**
     * A {@link Condition} laid out for classifying: its fields and their value sets in arrays, so
     * that testing an event allocates nothing but, when a text condition is reached, the record of
     * the literals its texts hold (computed once per event for every condition).
     */
    private record Compiled(
            String[] fields, Set<String>[] values, boolean[] presentSuffices, int[] textFields, int[][] textLiterals) {

        @SuppressWarnings("unchecked")
        static Compiled of(Condition condition, TextLiterals literals) {
            int n = condition.fields().size();
            String[] fields = new String[n];
            Set<String>[] values = new Set[n];
            boolean[] present = new boolean[n];
            int i = 0;
            for (Map.Entry<String, Set<String>> entry : condition.fields().entrySet()) {
                fields[i] = entry.getKey();
                values[i] = entry.getValue();
                present[i] = entry.getValue().contains(Condition.PRESENT);
                i++;
            }
            int t = condition.contains().size();
            int[] textFields = new int[t];
            int[][] textLiterals = new int[t][];
            int j = 0;
            for (Map.Entry<String, Set<String>> entry : condition.contains().entrySet()) {
                int f = literals.fields.indexOf(entry.getKey());
                List<String> all = literals.literals.get(f);
                textFields[j] = f;
                textLiterals[j] =
                        entry.getValue().stream().mapToInt(all::indexOf).toArray();
                j++;
            }
            return new Compiled(fields, values, present, textFields, textLiterals);
        }

        static Compiled[] of(List<Condition> conditions, TextLiterals literals) {
            return conditions.stream().map(c -> of(c, literals)).toArray(Compiled[]::new);
        }

        boolean holds(SigmaEvent event, TextScan scan) {
            for (int f = 0; f < fields.length; f++) {
                // the event's lower-cased texts, computed once per event for every condition
                SigmaEvent.Texts texts = event.texts(fields[f]);
                if (texts.size() > 0 && presentSuffices[f]) {
                    continue;
                }
                boolean any = false;
                for (int i = 0; i < texts.size(); i++) {
                    if (values[f].contains(texts.lower(i).trim())) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return false;
                }
            }
            // the texts last: the fields above are cheaper to test
            for (int t = 0; t < textFields.length; t++) {
                BitSet found = scan.found(textFields[t]);
                boolean any = false;
                for (int literal : textLiterals[t]) {
                    if (found.get(literal)) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return false;
                }
            }
            return true;
        }

        static boolean anyHolds(Compiled[] conditions, SigmaEvent event, TextScan scan) {
            for (Compiled condition : conditions) {
                if (condition.holds(event, scan)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A category of a source's events. */
    public record Category(String category, Condition when, Map<String, String> fields) {
        public Category {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(when, "when");
            fields = Map.copyOf(fields);
        }
    }

    /**
     * A source type: its product and service, which events are its own, and their categories.
     *
     * @param unless conditions on the event's fields (no text conditions) any of which turns the event
     *     away before {@code match} is tested: a cheap guard for a source whose {@code match} reads
     *     texts, so that events that cannot be its own (a Windows channel's record for an application's
     *     log) are not searched
     */
    public record Source(
            String name,
            String product,
            String service,
            List<Condition> unless,
            List<Condition> match,
            List<Category> categories,
            Map<String, String> fields) {
        public Source {
            Objects.requireNonNull(name, "name");
            unless = List.copyOf(unless);
            match = List.copyOf(match);
            categories = List.copyOf(categories);
            fields = Map.copyOf(fields);
            if (match.isEmpty()) {
                throw new IllegalArgumentException("source " + name + " matches no event (empty 'match')");
            }
            for (Condition guard : unless) {
                if (!guard.contains().isEmpty() || guard.fields().isEmpty()) {
                    throw new IllegalArgumentException("source " + name
                            + ": an 'unless' condition names fields and their values, no text to contain");
                }
            }
        }

        public Source(
                String name,
                String product,
                String service,
                List<Condition> match,
                List<Category> categories,
                Map<String, String> fields) {
            this(name, product, service, List.of(), match, categories, fields);
        }
    }

    /**
     * A logsource an event belongs to, with the field mapping that rules of that logsource read the
     * event through.
     *
     * @param routes the logsources a rule may ask for to see events of this one (each of its parts
     *     stated or left open), computed once
     */
    public record Classified(Logsource logsource, Map<String, String> fields, List<Logsource> routes) {
        public Classified {
            Objects.requireNonNull(logsource, "logsource");
            fields = Map.copyOf(fields);
            routes = List.copyOf(routes);
        }

        public Classified(Logsource logsource, Map<String, String> fields) {
            this(logsource, fields, routesOf(logsource));
        }

        private static List<Logsource> routesOf(Logsource ls) {
            List<Logsource> routes = new ArrayList<>(8);
            for (int mask = 0; mask < 8; mask++) {
                routes.add(new Logsource(
                        (mask & 1) == 0 ? ls.product() : null,
                        (mask & 2) == 0 ? ls.category() : null,
                        (mask & 4) == 0 ? ls.service() : null));
            }
            return routes;
        }
    }

    /**
     * A source with its classifications built once: its own, and one per category; with its
     * conditions ({@code match}) and those of its categories ({@code when}) compiled.
     */
    private record Prepared(
            Source source,
            Classified own,
            List<Classified> categories,
            Compiled[] unless,
            Compiled[] match,
            Compiled[] when) {}

    private final List<Source> sources;
    private final List<Prepared> prepared;
    private final TextLiterals literals;
    /**
     * Sources by a field every one of their {@code match} conditions requires a value of (such as
     * {@code Channel}), per field and lower-cased value: the only sources worth testing on an event
     * with that value. Positions in {@link #prepared}.
     */
    private final Map<String, Map<String, int[]>> byKeyValue;
    /** Positions of the sources without such a field: tested on every event. */
    private final int[] unkeyed;

    public LogsourceMapping(List<Source> sources) {
        this.sources = List.copyOf(sources);
        TextLiterals literals = new TextLiterals();
        for (Source source : this.sources) {
            source.match().forEach(literals::add);
            source.categories().forEach(c -> literals.add(c.when()));
        }
        literals.build();
        this.literals = literals;
        List<Prepared> prepared = new ArrayList<>();
        for (Source source : this.sources) {
            List<Classified> categories = new ArrayList<>();
            for (Category category : source.categories()) {
                Map<String, String> fields = source.fields();
                if (!category.fields().isEmpty()) {
                    var merged = new java.util.HashMap<>(fields);
                    merged.putAll(category.fields());
                    fields = merged;
                }
                categories.add(
                        new Classified(new Logsource(source.product(), category.category(), source.service()), fields));
            }
            prepared.add(new Prepared(
                    source,
                    new Classified(new Logsource(source.product(), null, source.service()), source.fields()),
                    categories,
                    Compiled.of(source.unless(), literals),
                    Compiled.of(source.match(), literals),
                    source.categories().stream()
                            .map(c -> Compiled.of(c.when(), literals))
                            .toArray(Compiled[]::new)));
        }
        this.prepared = List.copyOf(prepared);
        Map<String, Map<String, List<Integer>>> keyed = new java.util.LinkedHashMap<>();
        List<Integer> unkeyed = new ArrayList<>();
        for (int i = 0; i < this.sources.size(); i++) {
            List<Condition> match = this.sources.get(i).match();
            String key = keyField(match);
            if (key == null) {
                unkeyed.add(i);
                continue;
            }
            for (Condition condition : match) {
                for (String value : condition.fields().get(key)) {
                    keyed.computeIfAbsent(key, k -> new java.util.HashMap<>())
                            .computeIfAbsent(value, v -> new ArrayList<>())
                            .add(i);
                }
            }
        }
        Map<String, Map<String, int[]>> frozen = new java.util.LinkedHashMap<>();
        keyed.forEach((field, values) -> {
            Map<String, int[]> positions = new java.util.HashMap<>();
            values.forEach((value, list) -> positions.put(
                    value, list.stream().distinct().mapToInt(Integer::intValue).toArray()));
            frozen.put(field, positions);
        });
        this.byKeyValue = frozen;
        this.unkeyed = unkeyed.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A field that every condition requires one of some values of (not mere presence); or null. */
    private static String keyField(List<Condition> match) {
        for (String field : match.getFirst().fields().keySet()) {
            boolean everywhere = true;
            for (Condition condition : match) {
                Set<String> values = condition.fields().get(field);
                if (values == null || values.contains(Condition.PRESENT)) {
                    everywhere = false;
                    break;
                }
            }
            if (everywhere) {
                return field;
            }
        }
        return null;
    }

    public List<Source> sources() {
        return sources;
    }

    /**
     * The logsources of the event: for the source it comes from, the source's own (product and
     * service) and one per category its event falls into. Empty when no source claims the event.
     */
    public List<Classified> classify(SigmaEvent event) {
        // the sources the event's key values (its Channel, ...) point to, and those without a key
        java.util.BitSet tested = new java.util.BitSet(prepared.size());
        for (int i : unkeyed) {
            tested.set(i);
        }
        for (Map.Entry<String, Map<String, int[]>> key : byKeyValue.entrySet()) {
            SigmaEvent.Texts texts = event.texts(key.getKey());
            for (int i = 0; i < texts.size(); i++) {
                int[] positions = key.getValue().get(texts.lower(i).trim());
                if (positions != null) {
                    for (int position : positions) {
                        tested.set(position);
                    }
                }
            }
        }
        List<Classified> result = new ArrayList<>(3);
        TextScan scan = new TextScan(literals, event);
        for (int s = tested.nextSetBit(0); s >= 0; s = tested.nextSetBit(s + 1)) {
            Prepared p = prepared.get(s);
            // the guard first: field conditions, read from the event's resolutions (the key fields
            // above are resolved already), before any of the source's texts is searched
            if (p.unless().length > 0 && Compiled.anyHolds(p.unless(), event, scan)) {
                continue;
            }
            if (!Compiled.anyHolds(p.match(), event, scan)) {
                continue;
            }
            result.add(p.own());
            Compiled[] when = p.when();
            for (int i = 0; i < when.length; i++) {
                if (when[i].holds(event, scan)) {
                    result.add(p.categories().get(i));
                }
            }
        }
        return result;
    }
}

package io.socaas.events.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.socaas.events.AhoCorasick;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which mapping files could claim an event, read from a few of its fields before any file's
 * conditions run. Each alternative of a file's {@code match} names fields that must hold; one of
 * them is the alternative's guard: a field with listed values (the event's comparable text must be
 * one of them) or, failing that, a field that must only be present. An alternative without fields
 * with listed values whose pattern has {@code pattern_requires} is guarded by those instead: one of
 * those texts must occur in one of its pattern's fields; all the files' texts are searched for in
 * one pass over each such field's text ({@link AhoCorasick}), not one search per text and file. An
 * alternative with neither has no guard. A file is a candidate when one of its alternatives is
 * unguarded or its guard holds; the candidates are then tried in file order with their whole conditions, so the
 * file that claims an event is the one the plain scan would find. The index only spares the
 * conditions of files that cannot hold: most lines are turned away by one look at their program
 * name or at the shape of their JSON. Immutable, thread-safe.
 */
final class MappingIndex {

    /**
     * The guards on one field: files whose alternatives hold only if the field's comparable text is
     * one of the listed ones ({@code byValue}), only if it is present ({@code presence}), or only if
     * its text contains one of their required texts ({@code filesByText}, by the text's id in {@link
     * #requiredTexts}); each null when there is none.
     */
    private record FieldGuards(String field, Map<String, long[]> byValue, long[] presence, long[][] filesByText) {}

    /**
     * What one of an event's own names leads to: the guards on the field of that name (null when
     * none) and those on the paths that start from it (empty when none).
     */
    private record NameGuards(FieldGuards field, List<FieldGuards> paths) {}

    /** Up to this many guarded fields, an event's candidates are read field by field, not name by name. */
    private static final int FEW_FIELDS = 8;

    private final int size;
    private final long[] unguarded;
    /** Every guarded field, by its name. */
    private final Map<String, FieldGuards> byField;

    private final List<FieldGuards> fields;
    /**
     * The guarded fields named by a path (dotted, or choosing a list's element), by the field their path starts from ({@code event} for {@code event.dataset},
     * {@code Event} for {@code Event.Packet-Type.#text}): a path is looked up only in an event that
     * has that field.
     */
    private final Map<String, List<FieldGuards>> dottedByHead;
    /** {@link #byField} and {@link #dottedByHead} in one, by the name an event's field has. */
    private final Map<String, NameGuards> byName;
    /** Every required text of the alternatives guarded by them; null when there are none. */
    private final AhoCorasick requiredTexts;

    /** The index of the files: which of them could claim an event. */
    static MappingIndex ofFiles(List<SourceMapping> mappings) {
        return new MappingIndex(mappings.stream().map(SourceMapping::match).toList());
    }

    /**
     * The index of one file's rules: which of them could hold for an event the file claimed, tried
     * in the file's order (the first that holds is the event's rule, as in a plain scan). A file with
     * a hundred rules by event id or operation tests the few with the event's own.
     */
    static MappingIndex ofRules(List<SourceMapping.Rule> rules) {
        return new MappingIndex(rules.stream()
                .map(rule -> rule.when().isEmpty() ? List.<SourceMapping.Condition>of() : List.of(rule.when()))
                .toList());
    }

    /** @param entries each entry's alternatives (one of them must hold); an entry without any always can */
    private MappingIndex(List<List<SourceMapping.Condition>> entries) {
        this.size = entries.size();
        this.unguarded = new long[words(size)];
        Map<String, Map<String, long[]>> byValue = new LinkedHashMap<>();
        Map<String, long[]> byPresence = new LinkedHashMap<>();
        Map<String, Integer> textIds = new LinkedHashMap<>();
        Map<String, Map<Integer, long[]>> byText = new LinkedHashMap<>();
        Map<String, Integer> spread = spread(entries);
        for (int i = 0; i < size; i++) {
            List<SourceMapping.Condition> alternatives = entries.get(i);
            if (alternatives.isEmpty()) {
                set(unguarded, i);
            }
            for (SourceMapping.Condition alternative : alternatives) {
                Map.Entry<String, Set<String>> guard = guardOf(alternative, spread);
                boolean presenceOnly = guard != null && guard.getValue().contains(SourceMapping.Condition.ANY);
                if ((guard == null || presenceOnly)
                        && alternative.pattern() != null
                        && !alternative.patternRequires().isEmpty()) {
                    // its required texts turn away more events than a field that need only be
                    // present (F5's "app_name": "*" with ":0:" ... ":7:" in the message)
                    for (String field : alternative.patternFields()) {
                        Map<Integer, long[]> files = byText.computeIfAbsent(field, f -> new LinkedHashMap<>());
                        for (String required : alternative.patternRequires()) {
                            int id = textIds.computeIfAbsent(required, t -> textIds.size());
                            set(files.computeIfAbsent(id, t -> new long[words(size)]), i);
                        }
                    }
                } else if (guard == null) {
                    set(unguarded, i);
                } else if (guard.getValue().contains(SourceMapping.Condition.ANY)) {
                    set(byPresence.computeIfAbsent(guard.getKey(), f -> new long[words(size)]), i);
                } else {
                    Map<String, long[]> values = byValue.computeIfAbsent(guard.getKey(), f -> new LinkedHashMap<>());
                    for (String value : guard.getValue()) {
                        set(values.computeIfAbsent(value, v -> new long[words(size)]), i);
                    }
                }
            }
        }
        Set<String> names = new LinkedHashSet<>();
        names.addAll(byValue.keySet());
        names.addAll(byPresence.keySet());
        names.addAll(byText.keySet());
        Map<String, FieldGuards> guards = new LinkedHashMap<>();
        for (String name : names) {
            long[][] filesByText = null;
            if (byText.containsKey(name)) {
                filesByText = new long[textIds.size()][];
                for (Map.Entry<Integer, long[]> e : byText.get(name).entrySet()) {
                    filesByText[e.getKey()] = e.getValue();
                }
            }
            Map<String, long[]> values = byValue.get(name);
            guards.put(
                    name,
                    new FieldGuards(
                            name, values == null ? null : Map.copyOf(values), byPresence.get(name), filesByText));
        }
        this.byField = Map.copyOf(guards);
        this.fields = List.copyOf(guards.values());
        Map<String, List<FieldGuards>> byHead = new LinkedHashMap<>();
        for (FieldGuards guarded : fields) {
            if (SourceFields.isPath(guarded.field())) {
                byHead.computeIfAbsent(head(guarded.field()), h -> new java.util.ArrayList<>())
                        .add(guarded);
            }
        }
        byHead.replaceAll((head, list) -> List.copyOf(list));
        this.dottedByHead = Map.copyOf(byHead);
        Map<String, NameGuards> nameGuards = new java.util.HashMap<>();
        for (Map.Entry<String, FieldGuards> e : byField.entrySet()) {
            nameGuards.put(e.getKey(), new NameGuards(e.getValue(), dottedByHead.getOrDefault(e.getKey(), List.of())));
        }
        for (Map.Entry<String, List<FieldGuards>> e : dottedByHead.entrySet()) {
            nameGuards.putIfAbsent(e.getKey(), new NameGuards(null, e.getValue()));
        }
        // a HashMap, not Map.copyOf: most of an event's names are no guard, and a miss in a
        // HashMap is one probe of a String whose hash is cached
        this.byName = nameGuards;
        this.requiredTexts = textIds.isEmpty() ? null : new AhoCorasick(List.copyOf(textIds.keySet()));
    }

    /**
     * The guard of one alternative: of its fields with listed values, the one whose values are the
     * most varied among all the entries ({@code spread}: a file's rules all name the same channel
     * but each its own event ids, so the event id tells them apart), the first of those on a tie;
     * else its first field that must be present; null when it names no field. A listed value set
     * that also holds {@code *} asks for presence only (that is how the condition reads it).
     */
    private static Map.Entry<String, Set<String>> guardOf(
            SourceMapping.Condition alternative, Map<String, Integer> spread) {
        Map.Entry<String, Set<String>> listed = null;
        Map.Entry<String, Set<String>> presence = null;
        for (Map.Entry<String, Set<String>> entry : alternative.fields().entrySet()) {
            if (!entry.getValue().contains(SourceMapping.Condition.ANY)) {
                if (listed == null || spread.get(entry.getKey()) > spread.get(listed.getKey())) {
                    listed = entry;
                }
            } else if (presence == null) {
                presence = entry;
            }
        }
        return listed != null ? listed : presence;
    }

    /** By field with listed values in the entries' alternatives: how many different values they list. */
    private static Map<String, Integer> spread(List<List<SourceMapping.Condition>> entries) {
        Map<String, Set<String>> values = new java.util.HashMap<>();
        for (List<SourceMapping.Condition> alternatives : entries) {
            for (SourceMapping.Condition alternative : alternatives) {
                alternative.fields().forEach((field, listed) -> {
                    if (!listed.contains(SourceMapping.Condition.ANY)) {
                        values.computeIfAbsent(field, f -> new java.util.HashSet<>())
                                .addAll(listed);
                    }
                });
            }
        }
        Map<String, Integer> spread = new java.util.HashMap<>();
        values.forEach((field, listed) -> spread.put(field, listed.size()));
        return spread;
    }

    /**
     * The files that could claim the event, as a bit set over the files' positions.
     * Only the guards on its names ({@link SourceFields#forEachOwnName}) and on the paths that start
     * at one of them are looked at: the others are absent.
     */
    long[] candidates(SourceFields event) {
        long[] candidates = unguarded.clone();
        if (fields.size() <= FEW_FIELDS) {
            // a file's rules guard on a field or two (the event id, the operation): looking those up
            // costs less than going through the event's names; a field the event lacks adds nothing
            for (FieldGuards guarded : fields) {
                apply(guarded, event, candidates);
            }
            return candidates;
        }
        // a name is a guarded field (also one with dots of its own: a flattened "event.dataset"), or
        // the start of guarded paths; an event's value at a path always begins at one of its names
        // (SourceFields#forEachOwnName: also those of a wrapped integration's event, an Azure
        // export's properties, a GELF message's additional fields). A name given twice applies its
        // guards twice, which sets the same bits.
        event.forEachOwnName(name -> {
            NameGuards guards = byName.get(name);
            if (guards != null) {
                if (guards.field() != null) {
                    apply(guards.field(), event, candidates);
                }
                for (FieldGuards path : guards.paths()) {
                    apply(path, event, candidates);
                }
            }
        });
        return candidates;
    }

    /** The field a path starts from: its text up to the first dot or bracket. */
    private static String head(String path) {
        int dot = path.indexOf('.');
        int bracket = path.indexOf('[');
        int end = dot < 0 ? bracket : bracket < 0 ? dot : Math.min(dot, bracket);
        return end <= 0 ? path : path.substring(0, end);
    }

    private void apply(FieldGuards guards, SourceFields event, long[] candidates) {
        if (!event.has(guards.field())) {
            return;
        }
        if (guards.byValue() != null) {
            String text = event.comparableText(guards.field());
            if (text != null) {
                long[] files = guards.byValue().get(text);
                if (files != null) {
                    or(candidates, files);
                }
            } else if (event.get(guards.field()) instanceof ArrayNode list) {
                // a list holds a condition when one of its values does (SourceMapping.Condition.anyListed)
                for (JsonNode element : list) {
                    String value = SourceFields.text(element);
                    long[] files = value == null
                            ? null
                            : guards.byValue().get(value.strip().toLowerCase(Locale.ROOT));
                    if (files != null) {
                        or(candidates, files);
                    }
                }
            }
        }
        if (guards.presence() != null) {
            or(candidates, guards.presence());
        }
        if (guards.filesByText() != null) {
            String text = event.text(guards.field());
            if (text != null) {
                BitSet found = new BitSet(requiredTexts.size());
                requiredTexts.findAll(text, found);
                for (int id = found.nextSetBit(0); id >= 0; id = found.nextSetBit(id + 1)) {
                    long[] files = guards.filesByText()[id];
                    if (files != null) {
                        or(candidates, files);
                    }
                }
            }
        }
    }

    /** The next candidate at or after {@code from}, or -1. */
    int next(long[] candidates, int from) {
        if (from >= size) {
            return -1;
        }
        int word = from >>> 6;
        long bits = candidates[word] & (-1L << from);
        while (true) {
            if (bits != 0) {
                int found = (word << 6) + Long.numberOfTrailingZeros(bits);
                return found < size ? found : -1;
            }
            if (++word == candidates.length) {
                return -1;
            }
            bits = candidates[word];
        }
    }

    private static int words(int bits) {
        return Math.max(1, (bits + 63) >>> 6);
    }

    private static void set(long[] bits, int i) {
        bits[i >>> 6] |= 1L << i;
    }

    private static void or(long[] into, long[] bits) {
        for (int w = 0; w < into.length; w++) {
            into[w] |= bits[w];
        }
    }
}

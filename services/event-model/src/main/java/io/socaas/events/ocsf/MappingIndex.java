package io.socaas.events.ocsf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which mapping files could claim an event, read from a few of its fields before any file's
 * conditions run. Each alternative of a file's {@code match} names fields that must hold; one of
 * them is the alternative's guard: a field with listed values (the event's comparable text must be
 * one of them) or, failing that, a field that must only be present. An alternative without fields
 * (a pattern alone) has no guard. A file is a candidate when one of its alternatives is unguarded or
 * its guard holds; the candidates are then tried in file order with their whole conditions, so the
 * file that claims an event is the one the plain scan would find. The index only spares the
 * conditions of files that cannot hold: most lines are turned away by one look at their program
 * name or at the shape of their JSON. Immutable, thread-safe.
 */
final class MappingIndex {

    /** Files whose alternatives hold only if {@code field} has one of the listed comparable texts. */
    private record ValueGuard(String field, Map<String, long[]> candidates) {}

    /** Files whose alternatives hold only if {@code field} is present. */
    private record PresenceGuard(String field, long[] candidates) {}

    private final int size;
    private final long[] unguarded;
    private final List<ValueGuard> valueGuards;
    private final List<PresenceGuard> presenceGuards;

    MappingIndex(List<SourceMapping> mappings) {
        this.size = mappings.size();
        this.unguarded = new long[words(size)];
        Map<String, Map<String, long[]>> byValue = new LinkedHashMap<>();
        Map<String, long[]> byPresence = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            List<SourceMapping.Condition> alternatives = mappings.get(i).match();
            if (alternatives.isEmpty()) {
                set(unguarded, i);
            }
            for (SourceMapping.Condition alternative : alternatives) {
                Map.Entry<String, Set<String>> guard = guardOf(alternative);
                if (guard == null) {
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
        List<ValueGuard> values = new ArrayList<>();
        byValue.forEach((field, candidates) -> values.add(new ValueGuard(field, Map.copyOf(candidates))));
        List<PresenceGuard> presence = new ArrayList<>();
        byPresence.forEach((field, candidates) -> presence.add(new PresenceGuard(field, candidates)));
        this.valueGuards = List.copyOf(values);
        this.presenceGuards = List.copyOf(presence);
    }

    /**
     * The guard of one alternative: its first field with listed values, else its first field that
     * must be present; null when it names no field. A listed value set that also holds {@code *}
     * asks for presence only (that is how the condition reads it).
     */
    private static Map.Entry<String, Set<String>> guardOf(SourceMapping.Condition alternative) {
        Map.Entry<String, Set<String>> presence = null;
        for (Map.Entry<String, Set<String>> entry : alternative.fields().entrySet()) {
            if (!entry.getValue().contains(SourceMapping.Condition.ANY)) {
                return entry;
            }
            if (presence == null) {
                presence = entry;
            }
        }
        return presence;
    }

    /** The files that could claim the event, as a bit set over the files' positions. */
    long[] candidates(SourceFields fields) {
        long[] candidates = unguarded.clone();
        for (ValueGuard guard : valueGuards) {
            String text = fields.comparableText(guard.field());
            if (text != null) {
                long[] files = guard.candidates().get(text);
                if (files != null) {
                    or(candidates, files);
                }
            }
        }
        for (PresenceGuard guard : presenceGuards) {
            if (fields.has(guard.field())) {
                or(candidates, guard.candidates());
            }
        }
        return candidates;
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

package io.socaas.correlation.sigma.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of a fixed set of ASCII literals occur in a text, in one pass over the text
 * (Aho-Corasick, compiled to a complete transition table over the characters the literals use).
 * Immutable and shared by all threads once built.
 */
final class AhoCorasick {

    /** Character to its class: 0 for every character no literal uses. */
    private final byte[] classOf = new byte[128];

    private final int classes;
    /** state * classes + class -> next state. */
    private final int[] next;
    /** Literal ids ending at each state (including through suffix links); null for none. */
    private final int[][] output;

    /**
     * @param literals the literals, each non-empty and ASCII; literal {@code i} is reported as id
     *     {@code i}
     */
    AhoCorasick(List<String> literals) {
        int classCount = 1;
        for (String literal : literals) {
            if (literal.isEmpty()) {
                throw new IllegalArgumentException("empty literal");
            }
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                if (c >= 128) {
                    throw new IllegalArgumentException("not ASCII: " + literal);
                }
                if (classOf[c] == 0) {
                    classOf[c] = (byte) classCount++;
                }
            }
        }
        this.classes = classCount;
        // the trie
        List<int[]> gotos = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        gotos.add(newRow(classes));
        ends.add(new ArrayList<>());
        for (int id = 0; id < literals.size(); id++) {
            String literal = literals.get(id);
            int state = 0;
            for (int i = 0; i < literal.length(); i++) {
                int cls = classOf[literal.charAt(i)];
                int target = gotos.get(state)[cls];
                if (target < 0) {
                    target = gotos.size();
                    gotos.add(newRow(classes));
                    ends.add(new ArrayList<>());
                    gotos.get(state)[cls] = target;
                }
                state = target;
            }
            ends.get(state).add(id);
        }
        // failure links, breadth first, turned into a complete transition table
        int states = gotos.size();
        int[] fail = new int[states];
        int[] table = new int[states * classes];
        int[][] out = new int[states][];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int cls = 0; cls < classes; cls++) {
            int target = gotos.get(0)[cls];
            if (target < 0 || cls == 0) {
                table[cls] = 0;
            } else {
                table[cls] = target;
                fail[target] = 0;
                queue.add(target);
            }
        }
        out[0] = toArray(ends.get(0), null);
        while (!queue.isEmpty()) {
            int state = queue.poll();
            out[state] = toArray(ends.get(state), out[fail[state]]);
            for (int cls = 0; cls < classes; cls++) {
                int target = cls == 0 ? -1 : gotos.get(state)[cls];
                if (target < 0) {
                    table[state * classes + cls] = table[fail[state] * classes + cls];
                } else {
                    table[state * classes + cls] = target;
                    fail[target] = table[fail[state] * classes + cls];
                    queue.add(target);
                }
            }
        }
        this.next = table;
        this.output = out;
    }

    private static int[] newRow(int classes) {
        int[] row = new int[classes];
        Arrays.fill(row, -1);
        return row;
    }

    private static int[] toArray(List<Integer> own, int[] inherited) {
        int extra = inherited == null ? 0 : inherited.length;
        if (own.isEmpty() && extra == 0) {
            return null;
        }
        int[] result = new int[own.size() + extra];
        for (int i = 0; i < own.size(); i++) {
            result[i] = own.get(i);
        }
        if (extra > 0) {
            System.arraycopy(inherited, 0, result, own.size(), extra);
        }
        return result;
    }

    /** Adds to {@code found} the id of every literal that occurs in {@code text}. */
    void findAll(String text, BitSet found) {
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            state = next[state * classes + (c < 128 ? classOf[c] : 0)];
            int[] ids = output[state];
            if (ids != null) {
                for (int id : ids) {
                    found.set(id);
                }
            }
        }
    }

    /** Literal ids, in insertion order, of distinct literals: a small builder helper. */
    static final class Literals {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> list = new ArrayList<>();

        int id(String literal) {
            return ids.computeIfAbsent(literal, l -> {
                list.add(l);
                return list.size() - 1;
            });
        }

        List<String> list() {
            return list;
        }
    }
}

package io.socaas.correlation.sigma.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of a fixed set of ASCII literals, given case-folded ({@link SigmaEvent#fold}), occur
 * in a text once folded, in one pass over the text as it is (Aho-Corasick, compiled to a complete
 * transition table over the characters the literals use; a character of the text is folded as it
 * is read, so the text is never copied). States are numbered breadth first, so that the shallow
 * states most characters of a text lead to sit together at the start of the table; scanning is
 * bound by reads of this table, one per character. Immutable and shared by all threads once built.
 */
final class AhoCorasick {

    /** Character to its class: 0 for every character no literal uses. */
    private final byte[] classOf = new byte[128];

    private final int classes;
    /** Length of the shortest literal: a shorter text contains none. */
    private final int shortest;
    /**
     * state * classes + class -> the next state's row offset (its number * classes), negated minus
     * one when literals end at the next state: one read per character of the text.
     */
    private final int[] next;
    /** Literal ids ending at each state (including through suffix links); null for none. */
    private final int[][] output;

    /**
     * @param literals the literals, each non-empty, ASCII and case-folded; literal {@code i} is
     *     reported as id {@code i}
     */
    AhoCorasick(List<String> literals) {
        int classCount = 1;
        int minLength = Integer.MAX_VALUE;
        for (String literal : literals) {
            minLength = Math.min(minLength, literal.length());
            if (literal.isEmpty()) {
                throw new IllegalArgumentException("empty literal");
            }
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                if (c >= 128) {
                    throw new IllegalArgumentException("not ASCII: " + literal);
                }
                if (c >= 'A' && c <= 'Z') {
                    throw new IllegalArgumentException("not case-folded: " + literal);
                }
                if (classOf[c] == 0) {
                    classOf[c] = (byte) classCount++;
                }
            }
        }
        // a text's upper-case letter is read as its folded (lower-case) form
        for (char c = 'A'; c <= 'Z'; c++) {
            classOf[c] = classOf[c + ('a' - 'A')];
        }
        this.classes = classCount;
        this.shortest = minLength;
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
        // breadth-first numbering of the trie's states
        int states = gotos.size();
        int[] order = new int[states];
        int[] number = new int[states];
        int count = 1;
        for (int head = 0; head < count; head++) {
            int state = order[head];
            for (int cls = 1; cls < classes; cls++) {
                int target = gotos.get(state)[cls];
                if (target >= 0) {
                    number[target] = count;
                    order[count++] = target;
                }
            }
        }
        // failure links, in that same breadth-first order, turned into a complete transition table
        int[] fail = new int[states];
        int[] table = new int[states * classes];
        int[][] out = new int[states][];
        out[0] = toArray(ends.get(0), null);
        for (int head = 0; head < states; head++) {
            int state = order[head];
            int s = number[state];
            if (head > 0) {
                out[s] = toArray(ends.get(state), out[fail[s]]);
            }
            for (int cls = 0; cls < classes; cls++) {
                int target = cls == 0 ? -1 : gotos.get(state)[cls];
                if (target < 0) {
                    table[s * classes + cls] = head == 0 ? 0 : table[fail[s] * classes + cls];
                } else {
                    int t = number[target];
                    table[s * classes + cls] = t;
                    fail[t] = head == 0 ? 0 : table[fail[s] * classes + cls];
                }
            }
        }
        // each entry: the offset of the next state's row, negative when literals end there
        for (int i = 0; i < table.length; i++) {
            int target = table[i];
            table[i] = out[target] == null ? target * classes : -(target * classes) - 1;
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

    /** The class of a character of the text, read folded. */
    private int classOf(char c) {
        if (c < 128) {
            return classOf[c];
        }
        char folded = SigmaEvent.foldChar(c);
        return folded < 128 ? classOf[folded] : 0;
    }

    /** Adds to {@code found} the id of every literal that occurs in {@code text} once folded. */
    void findAll(String text, BitSet found) {
        if (text.length() < shortest) {
            return;
        }
        int[] table = next;
        int row = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int entry = table[row + classOf(text.charAt(i))];
            if (entry >= 0) {
                row = entry;
            } else {
                row = -(entry + 1);
                for (int id : output[row / classes]) {
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

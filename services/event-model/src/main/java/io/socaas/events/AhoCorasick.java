package io.socaas.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Finds which of a fixed set of literals occur in a text, in one pass over the text as it is
 * (Aho-Corasick, compiled to a complete transition table over the characters the literals use).
 * A {@linkplain #caseFolded folding} automaton reads each character of the text through the fold
 * its literals are written in (the text is never copied); the plain one compares characters as
 * they are. States are numbered breadth first, so that the shallow states most characters of a
 * text lead to sit together at the start of the table; scanning is bound by reads of this table,
 * one per character. Immutable and shared by all threads once built.
 */
public final class AhoCorasick {

    private static final IntUnaryOperator AS_IS = c -> c;

    /** An ASCII character (read through the fold) to its class: 0 for every character no literal uses. */
    private final int[] asciiClass = new int[128];
    /** The literals' characters outside ASCII, sorted, and their classes. */
    private final char[] wideChars;

    private final int[] wideClasses;

    private final IntUnaryOperator fold;
    private final boolean folds;
    private final int classes;
    private final int literalCount;
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
     * Literals compared as they are.
     *
     * @param literals the literals, each non-empty; literal {@code i} is reported as id {@code i}
     */
    public AhoCorasick(List<String> literals) {
        this(literals, AS_IS);
    }

    /**
     * Literals compared through a fold of characters (a case folding): a character of the text is
     * read as {@code fold(c)}.
     *
     * @param literals the literals, each non-empty and already folded (every character its own
     *     fold); literal {@code i} is reported as id {@code i}
     */
    public static AhoCorasick caseFolded(List<String> literals, IntUnaryOperator fold) {
        return new AhoCorasick(literals, fold);
    }

    private AhoCorasick(List<String> literals, IntUnaryOperator fold) {
        this.fold = fold;
        this.folds = fold != AS_IS;
        // classes of the literals' characters, in order of first use
        StringBuilder wide = new StringBuilder();
        int classCount = 1;
        int minLength = Integer.MAX_VALUE;
        Map<Character, Integer> classOf = new HashMap<>();
        for (String literal : literals) {
            if (literal.isEmpty()) {
                throw new IllegalArgumentException("empty literal");
            }
            minLength = Math.min(minLength, literal.length());
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                if (fold.applyAsInt(c) != c) {
                    throw new IllegalArgumentException("not folded: " + literal);
                }
                if (!classOf.containsKey(c)) {
                    classOf.put(c, classCount++);
                    if (c >= 128) {
                        wide.append(c);
                    }
                }
            }
        }
        for (int c = 0; c < 128; c++) {
            int folded = fold.applyAsInt(c);
            asciiClass[c] = classOf.getOrDefault((char) folded, 0);
        }
        char[] sorted = wide.toString().toCharArray();
        Arrays.sort(sorted);
        this.wideChars = sorted;
        this.wideClasses = new int[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            wideClasses[i] = classOf.get(sorted[i]);
        }
        this.classes = classCount;
        this.shortest = minLength;
        this.literalCount = literals.size();
        // the trie
        List<int[]> gotos = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        gotos.add(newRow(classes));
        ends.add(new ArrayList<>());
        for (int id = 0; id < literals.size(); id++) {
            String literal = literals.get(id);
            int state = 0;
            for (int i = 0; i < literal.length(); i++) {
                int cls = classOf.get(literal.charAt(i));
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

    /** The class of a character of the text, read through the fold. */
    private int classOf(char c) {
        if (c < 128) {
            return asciiClass[c];
        }
        char read = folds ? (char) fold.applyAsInt(c) : c;
        if (read < 128) {
            return asciiClass[read];
        }
        if (wideChars.length == 0) {
            return 0;
        }
        int at = Arrays.binarySearch(wideChars, read);
        return at < 0 ? 0 : wideClasses[at];
    }

    /** How many literals there are: ids run from 0 to this, exclusive (a {@link BitSet} for them needs no growing). */
    public int size() {
        return literalCount;
    }

    /** Adds to {@code found} the id of every literal that occurs in {@code text}. */
    public void findAll(CharSequence text, BitSet found) {
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
}

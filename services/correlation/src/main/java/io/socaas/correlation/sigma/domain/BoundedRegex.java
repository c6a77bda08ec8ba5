package io.socaas.correlation.sigma.domain;

import io.socaas.events.BudgetedText;
import java.util.Objects;
import java.util.regex.PatternSyntaxException;

/**
 * A rule's regular expression ({@code |re}) that cannot stall the engine, whoever wrote it.
 *
 * <p>Expressions are compiled with RE2/J, which matches in time linear in the input and never
 * backtracks. The few constructs RE2 refuses (look-around, back-references, possessive
 * quantifiers) fall back to {@link java.util.regex}, run over an input that counts the characters
 * the matcher reads: past a budget proportional to the input the match is abandoned with a {@link
 * BudgetExceeded}, so that the rule fails on that event (and is reported) instead of backtracking
 * for minutes.
 */
public final class BoundedRegex {

    /** Reads of the input allowed per input character (plus a constant) in the fallback. */
    static final int READS_PER_CHARACTER = 1_000;

    static final int READS_BASE = 100_000;

    /** A fallback expression read its input more often than the budget allows. */
    public static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded(String pattern) {
            super("regular expression /" + pattern + "/ exceeded its matching budget (catastrophic backtracking)");
        }
    }

    private final String source;
    private final com.google.re2j.Pattern linear;
    private final java.util.regex.Pattern backtracking;
    private final String requiredPiece;

    private BoundedRegex(String source, com.google.re2j.Pattern linear, java.util.regex.Pattern backtracking) {
        this.source = source;
        this.linear = linear;
        this.backtracking = backtracking;
        this.requiredPiece = linear == null ? null : requiredPiece(source);
    }

    /**
     * Compiles {@code source} with the Sigma flags {@code i}, {@code m}, {@code s}.
     *
     * @throws PatternSyntaxException when the expression is invalid (as Java reads it)
     */
    public static BoundedRegex compile(String source, boolean ignoreCase, boolean multiline, boolean dotAll) {
        Objects.requireNonNull(source, "source");
        int re2Flags = (ignoreCase ? com.google.re2j.Pattern.CASE_INSENSITIVE : 0)
                | (multiline ? com.google.re2j.Pattern.MULTILINE : 0)
                | (dotAll ? com.google.re2j.Pattern.DOTALL : 0);
        try {
            return new BoundedRegex(source, com.google.re2j.Pattern.compile(source, re2Flags), null);
        } catch (com.google.re2j.PatternSyntaxException notRe2) {
            int javaFlags =
                    (ignoreCase ? java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE : 0)
                            | (multiline ? java.util.regex.Pattern.MULTILINE : 0)
                            | (dotAll ? java.util.regex.Pattern.DOTALL : 0);
            return new BoundedRegex(source, null, java.util.regex.Pattern.compile(source, javaFlags));
        }
    }

    /** True when the expression is run by RE2/J (linear time). */
    public boolean linear() {
        return linear != null;
    }

    /**
     * Whether the expression occurs anywhere in {@code input}.
     *
     * @throws BudgetExceeded when a fallback expression backtracks past its budget
     */
    public boolean find(String input) {
        if (linear != null) {
            return linear.matcher(input).find();
        }
        long budget = READS_BASE + (long) READS_PER_CHARACTER * input.length();
        try {
            return backtracking.matcher(BudgetedText.of(input, budget)).find();
        } catch (BudgetedText.Exhausted e) {
            throw new BudgetExceeded(source);
        }
    }

    public String source() {
        return source;
    }

    /**
     * A text, case-folded ({@link SigmaEvent#fold}) and ASCII, that every input the expression is
     * found in contains once folded; null when none is known. Only for expressions RE2/J runs.
     */
    public String requiredPiece() {
        return requiredPiece;
    }

    /**
     * The longest run of literal characters that every match of {@code regex} (RE2 syntax) must
     * contain, case-folded; null when none can be stated. Conservative: an alternation at the top
     * level gives none, groups and classes are skipped, a character made optional by a quantifier
     * ends a run without it, and anything not understood ends the run or gives none. Whatever the
     * case flags, the folded input of a match contains the folded piece (the piece is ASCII, and
     * folding maps every case variant of an ASCII letter to one character).
     */
    static String requiredPiece(String regex) {
        String best = "";
        StringBuilder run = new StringBuilder();
        boolean lastLiteral = false;
        int n = regex.length();
        int i = 0;
        while (i < n) {
            char c = regex.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= n) {
                        return null;
                    }
                    char next = regex.charAt(i + 1);
                    if (next == 'Q' || next == 'E') {
                        return null;
                    }
                    if (next < 0x80 && !Character.isLetterOrDigit(next)) {
                        // an escaped punctuation character is itself
                        run.append(next);
                        lastLiteral = true;
                        i += 2;
                        continue;
                    }
                    // a class (\d, \pL, \p{Greek}), an assertion (\b) or a code (\x41): ends the run
                    best = longest(best, run);
                    lastLiteral = false;
                    i += 2;
                    if (i < n && regex.charAt(i) == '{') {
                        int close = regex.indexOf('}', i);
                        if (close < 0) {
                            return null;
                        }
                        i = close + 1;
                    }
                    continue;
                }
                case '[', '(' -> {
                    // a class or a group: skipped whole, ends the run
                    int end = c == '[' ? classEnd(regex, i) : groupEnd(regex, i);
                    if (end < 0) {
                        return null;
                    }
                    best = longest(best, run);
                    lastLiteral = false;
                    i = end;
                    continue;
                }
                case ')', '|' -> {
                    return null;
                }
                case '.', '^', '$' -> {
                    best = longest(best, run);
                    lastLiteral = false;
                    i++;
                    continue;
                }
                case '*', '?', '+', '{' -> {
                    int end = i + 1;
                    boolean optional = c != '+';
                    if (c == '{') {
                        int close = regex.indexOf('}', i);
                        if (close < 0 || !regex.substring(i + 1, close).matches("\\d+(,\\d*)?")) {
                            // not a repetition: taken as unknown
                            best = longest(best, run);
                            lastLiteral = false;
                            i++;
                            continue;
                        }
                        optional = regex.charAt(i + 1) == '0'
                                && regex.substring(i + 1, close).matches("0+(,\\d*)?");
                        end = close + 1;
                    }
                    if (lastLiteral && optional) {
                        run.setLength(run.length() - 1);
                    }
                    best = longest(best, run);
                    lastLiteral = false;
                    // a lazy or possessive form of the quantifier
                    if (end < n && (regex.charAt(end) == '?' || regex.charAt(end) == '+')) {
                        end++;
                    }
                    i = end;
                    continue;
                }
                default -> {
                    if (c < 0x80) {
                        run.append(c);
                        lastLiteral = true;
                    } else {
                        best = longest(best, run);
                        lastLiteral = false;
                    }
                    i++;
                }
            }
        }
        best = longest(best, run);
        return best.isEmpty() ? null : SigmaEvent.fold(best);
    }

    /** The longer of {@code best} and the run, which is emptied. */
    private static String longest(String best, StringBuilder run) {
        String result = run.length() > best.length() ? run.toString() : best;
        run.setLength(0);
        return result;
    }

    /** The index after the class opened at {@code open}, or -1. */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '[' && i + 1 < regex.length() && regex.charAt(i + 1) == ':') {
                int close = regex.indexOf(":]", i + 2);
                if (close < 0) {
                    return -1;
                }
                i = close + 2;
            } else if (c == ']') {
                return i + 1;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The index after the group opened at {@code open}, or -1. */
    private static int groupEnd(String regex, int open) {
        int depth = 0;
        int i = open;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 < regex.length() && regex.charAt(i + 1) == 'Q') {
                    return -1;
                }
                i += 2;
            } else if (c == '[') {
                i = classEnd(regex, i);
                if (i < 0) {
                    return -1;
                }
            } else {
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i + 1;
                }
                i++;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoundedRegex other && source.equals(other.source) && linear() == other.linear();
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return source;
    }

    /** The input of a fallback match, counting reads against a budget shared by its subsequences. */
}

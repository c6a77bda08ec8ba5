package io.socaas.correlation.sigma.domain;

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

    private BoundedRegex(String source, com.google.re2j.Pattern linear, java.util.regex.Pattern backtracking) {
        this.source = source;
        this.linear = linear;
        this.backtracking = backtracking;
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
        return backtracking.matcher(new Budgeted(input, budget, source)).find();
    }

    public String source() {
        return source;
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
    private static final class Budgeted implements CharSequence {
        private final String text;
        private final int offset;
        private final int length;
        private final long[] remaining;
        private final String pattern;

        Budgeted(String text, long budget, String pattern) {
            this(text, 0, text.length(), new long[] {budget}, pattern);
        }

        private Budgeted(String text, int offset, int length, long[] remaining, String pattern) {
            this.text = text;
            this.offset = offset;
            this.length = length;
            this.remaining = remaining;
            this.pattern = pattern;
        }

        @Override
        public char charAt(int index) {
            if (--remaining[0] < 0) {
                throw new BudgetExceeded(pattern);
            }
            return text.charAt(offset + index);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text, offset + start, end - start, remaining, pattern);
        }

        @Override
        public String toString() {
            return text.substring(offset, offset + length);
        }
    }
}

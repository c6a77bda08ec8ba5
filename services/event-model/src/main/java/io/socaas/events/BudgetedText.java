package io.socaas.events;

/**
 * A text that counts the characters a {@link java.util.regex.Matcher} reads from it and stops the
 * match past a budget, so that a backtracking regular expression cannot spend minutes on one input
 * (a pattern quadratic in the length of a very long line, catastrophic backtracking). Give it to
 * {@code pattern.matcher(...)} instead of the string; the match throws {@link Exhausted} once the
 * reads exceed the budget. Sub-sequences (what {@code group()} returns) share the budget.
 */
public final class BudgetedText implements CharSequence {

    /** The matcher read the text more often than its budget allows; the match was abandoned. */
    public static final class Exhausted extends RuntimeException {
        private Exhausted() {
            super("regular expression matching exceeded its budget of character reads", null, false, false);
        }
    }

    private static final Exhausted EXHAUSTED = new Exhausted();

    private final String text;
    private final int offset;
    private final int length;
    private final long[] remaining;

    private BudgetedText(String text, int offset, int length, long[] remaining) {
        this.text = text;
        this.offset = offset;
        this.length = length;
        this.remaining = remaining;
    }

    /** {@code text} with a budget of {@code budget} character reads, shared by its sub-sequences. */
    public static BudgetedText of(String text, long budget) {
        return new BudgetedText(text, 0, text.length(), new long[] {budget});
    }

    /**
     * @throws Exhausted when the budget is spent
     */
    @Override
    public char charAt(int index) {
        if (--remaining[0] < 0) {
            throw EXHAUSTED;
        }
        return text.charAt(offset + index);
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BudgetedText(text, offset + start, end - start, remaining);
    }

    @Override
    public String toString() {
        return text.substring(offset, offset + length);
    }
}

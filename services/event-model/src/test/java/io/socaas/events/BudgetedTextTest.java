package io.socaas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BudgetedTextTest {

    /** Unanchored, starting with a repetition: every start position scans the rest of the token. */
    private static final Pattern QUADRATIC = Pattern.compile("(?<proto>\\S+) flow from (?<src>\\S+)");

    @Test
    void aMatchWithinTheBudgetReadsAsOnTheStringAndItsGroupsAreTheText() {
        String line = "%ASA-6-421002: UDP flow from inside:192.0.2.10/60803 to outside:198.51.100.53/53";
        Matcher m = QUADRATIC.matcher(BudgetedText.of(line, 100L * line.length()));
        assertThat(m.find()).isTrue();
        assertThat(m.group("proto")).isEqualTo("UDP");
        assertThat(m.group("src")).isEqualTo("inside:192.0.2.10/60803");
    }

    @Test
    void aMatchPastTheBudgetIsAbandoned() {
        String token = "x".repeat(20_000);
        // without a budget this search reads about 200 million characters before it fails
        assertThatThrownBy(() -> QUADRATIC
                        .matcher(BudgetedText.of(token, 1_000L * token.length()))
                        .find())
                .isInstanceOf(BudgetedText.Exhausted.class);
        // the same budget is plenty for a search that reads each character a few times
        assertThat(Pattern.compile("x{3}y")
                        .matcher(BudgetedText.of(token, 1_000L * token.length()))
                        .find())
                .isFalse();
    }

    @Test
    void subSequencesShareTheBudgetAndReadTheirPart() {
        BudgetedText text = BudgetedText.of("abcdef", 4);
        CharSequence part = text.subSequence(2, 5);
        assertThat(part.toString()).isEqualTo("cde");
        assertThat(part.length()).isEqualTo(3);
        assertThat(part.charAt(0)).isEqualTo('c');
        text.charAt(0);
        text.charAt(1);
        part.charAt(2);
        assertThatThrownBy(() -> part.charAt(1)).isInstanceOf(BudgetedText.Exhausted.class);
    }
}

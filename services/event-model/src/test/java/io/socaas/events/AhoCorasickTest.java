package io.socaas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.BitSet;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class AhoCorasickTest {

    /** Few letters, so that literals overlap and share prefixes and suffixes; one outside ASCII. */
    private static final String ALPHABET = "abAB \té";

    private static final IntUnaryOperator LOWER = c -> Character.toLowerCase((char) c);

    private static Gen<String> texts(int min, int max) {
        return lists().of(integers().between(0, ALPHABET.length() - 1))
                .ofSizeBetween(min, max)
                .map(ks -> {
                    StringBuilder text = new StringBuilder();
                    ks.forEach(k -> text.append(ALPHABET.charAt(k)));
                    return text.toString();
                });
    }

    private static Gen<List<String>> literals() {
        return lists().of(texts(1, 4)).ofSizeBetween(1, 8);
    }

    @Test
    void findsExactlyTheLiteralsThatOccurAsTheyAre() {
        qt().withExamples(1_000).forAll(literals(), texts(0, 40)).checkAssert((literals, text) -> {
            AhoCorasick automaton = new AhoCorasick(literals);
            BitSet found = new BitSet(automaton.size());
            automaton.findAll(text, found);
            assertThat(found).isEqualTo(naive(literals, text));
            // every id fits the set sized for the literals
            assertThat(found.length()).isLessThanOrEqualTo(automaton.size());
            assertThat(automaton.size()).isEqualTo(literals.size());
        });
    }

    @Test
    void aFoldingAutomatonFindsTheFoldedLiteralsInAnyCase() {
        qt().withExamples(1_000).forAll(literals(), texts(0, 40)).checkAssert((literals, text) -> {
            List<String> folded = literals.stream().map(AhoCorasickTest::lower).toList();
            BitSet found = new BitSet();
            AhoCorasick.caseFolded(folded, LOWER).findAll(text, found);
            assertThat(found).isEqualTo(naive(folded, lower(text)));
        });
    }

    @Test
    void aCaseSensitiveSearchTellsCasesApart() {
        BitSet found = new BitSet();
        new AhoCorasick(List.of("Failed password", "ASA-", "Été"))
                .findAll("failed password for root; %ASA-6-302013; été", found);
        assertThat(found.stream().toArray()).containsExactly(1);
    }

    @Test
    void refusesEmptyAndUnfoldedLiterals() {
        assertThatThrownBy(() -> new AhoCorasick(List.of("a", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> AhoCorasick.caseFolded(List.of("mimikatz", "Invoke-"), LOWER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invoke-");
    }

    private static BitSet naive(List<String> literals, String text) {
        BitSet expected = new BitSet();
        for (int i = 0; i < literals.size(); i++) {
            if (text.contains(literals.get(i))) {
                expected.set(i);
            }
        }
        return expected;
    }

    private static String lower(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append((char) LOWER.applyAsInt(c)));
        return out.toString();
    }
}

package io.socaas.correlation.sigma.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class SigmaStringPropertiesTest {

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }

    @Test
    void anEscapedValueParsesBackToItsPlainText() {
        qt().forAll(text(0, 40)).checkAssert(text -> {
            SigmaString parsed = SigmaString.parse(escape(text));
            assertThat(parsed.isPlain()).isTrue();
            assertThat(parsed.plainText()).isEqualTo(text);
        });
    }

    @Test
    void anEscapedValueMatchesItselfAndNothingLonger() {
        qt().forAll(text(0, 40)).checkAssert(text -> {
            ValueMatcher matcher = ValueMatcher.string(SigmaString.parse(escape(text)), false);
            assertThat(matcher.matches(text)).isTrue();
            assertThat(matcher.matches(text + "x")).isFalse();
        });
    }

    @Test
    void containsMatchesTheValueInsideAnyText() {
        qt().forAll(text(0, 20), text(1, 20), text(0, 20)).checkAssert((before, text, after) -> {
            SigmaString pattern =
                    SigmaString.parse(escape(text)).withLeadingWildcard().withTrailingWildcard();
            assertThat(ValueMatcher.string(pattern, true).matches(before + text + after))
                    .isTrue();
        });
    }

    @Test
    void toStringRoundTripsThroughParse() {
        qt().forAll(text(0, 40)).checkAssert(raw -> {
            SigmaString parsed = SigmaString.parse(raw);
            assertThat(SigmaString.parse(parsed.toString())).isEqualTo(parsed);
        });
    }

    /**
     * Any text of {@code min} to {@code max} UTF-16 chars: Sigma's special characters ({@code *},
     * {@code ?}, {@code \}) often, regular-expression metacharacters, line breaks, letters in both
     * cases, and any other char (lone surrogates included).
     */
    private static Gen<String> text(int min, int max) {
        Gen<Integer> chars = Generate.frequency(
                Pair.of(3, Generate.pick(List.of((int) '*', (int) '?', (int) '\\'))),
                Pair.of(1, Generate.pick(List.of((int) '.', (int) '[', (int) ']', (int) '(', (int) '$', (int) '^', (int)
                        '\n'))),
                Pair.of(4, integers().between(0x20, 0x7E)),
                Pair.of(2, integers().between(0x00, 0xFFFF)));
        return lists().of(chars).ofSizeBetween(min, max).map(cs -> {
            StringBuilder sb = new StringBuilder(cs.size());
            cs.forEach(c -> sb.append((char) c.intValue()));
            return sb.toString();
        });
    }
}

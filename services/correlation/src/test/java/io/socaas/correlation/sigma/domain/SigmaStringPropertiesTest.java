package io.socaas.correlation.sigma.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class SigmaStringPropertiesTest {

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }

    @Property
    void anEscapedValueParsesBackToItsPlainText(@ForAll @StringLength(max = 40) String text) {
        SigmaString parsed = SigmaString.parse(escape(text));
        assertThat(parsed.isPlain()).isTrue();
        assertThat(parsed.plainText()).isEqualTo(text);
    }

    @Property
    void anEscapedValueMatchesItselfAndNothingLonger(@ForAll @StringLength(max = 40) String text) {
        ValueMatcher matcher = ValueMatcher.string(SigmaString.parse(escape(text)), false);
        assertThat(matcher.matches(text)).isTrue();
        assertThat(matcher.matches(text + "x")).isFalse();
    }

    @Property
    void containsMatchesTheValueInsideAnyText(
            @ForAll @StringLength(max = 20) String before,
            @ForAll @StringLength(min = 1, max = 20) String text,
            @ForAll @StringLength(max = 20) String after) {
        SigmaString pattern =
                SigmaString.parse(escape(text)).withLeadingWildcard().withTrailingWildcard();
        assertThat(ValueMatcher.string(pattern, true).matches(before + text + after))
                .isTrue();
    }

    @Property
    void toStringRoundTripsThroughParse(@ForAll @StringLength(max = 40) String raw) {
        SigmaString parsed = SigmaString.parse(raw);
        assertThat(SigmaString.parse(parsed.toString())).isEqualTo(parsed);
    }
}

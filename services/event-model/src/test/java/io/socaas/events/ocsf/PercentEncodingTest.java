package io.socaas.events.ocsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Texts a source writes percent-encoded (CloudFront's user agents) are read back as the client sent
 * them; control characters stay encoded, and what is not an encoding, or not UTF-8, is kept as written.
 */
class PercentEncodingTest {

    @Test
    void encodedBytesAreReadBackAsUtf8() {
        assertThat(PercentEncoding.decode("Mozilla/5.0%20(Windows%20NT%2010.0;%20Win64)"))
                .isEqualTo("Mozilla/5.0 (Windows NT 10.0; Win64)");
        assertThat(PercentEncoding.decode("caf%C3%A9%2Fbar")).isEqualTo("café/bar");
        assertThat(PercentEncoding.decode("a+b")).isEqualTo("a+b");
        assertThat(PercentEncoding.decode("no escapes")).isEqualTo("no escapes");
        assertThat(PercentEncoding.decode(null)).isNull();
    }

    @Test
    void controlCharactersStayEncodedAndWhatIsNoEncodingIsKept() {
        assertThat(PercentEncoding.decode("x%0Ay%09z%7F")).isEqualTo("x%0Ay%09z%7F");
        assertThat(PercentEncoding.decode("100%")).isEqualTo("100%");
        assertThat(PercentEncoding.decode("50%-off %zz %4")).isEqualTo("50%-off %zz %4");
        // bytes that are not UTF-8: the text as written
        assertThat(PercentEncoding.decode("%C3%28 x%20y")).isEqualTo("%C3%28 x%20y");
    }

    @Test
    void anyTextEncodedIsReadBackAsItWas() {
        qt().withExamples(500)
                .forAll(strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 30))
                .checkAssert(text -> {
                    String clean = text.codePoints()
                            .filter(c -> c >= 0x20 && c != 0x7f && !Character.isSurrogate((char) c))
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                            .toString();
                    String encoded =
                            URLEncoder.encode(clean, StandardCharsets.UTF_8).replace("+", "%20");
                    assertThat(PercentEncoding.decode(encoded)).isEqualTo(clean);
                });
    }
}

package io.socaas.events.ocsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Domain names as named prints them (RFC 1035 presentation format) read back as the client sent them. */
class DnsNamesTest {

    @Test
    void decimalEscapesBecomeTheCharactersTheyStandFor() {
        assertThat(DnsNames.unescape("my\\032nas._smb._tcp.home.example")).isEqualTo("my nas._smb._tcp.home.example");
        assertThat(DnsNames.unescape("\\034quoted\\034.example.com")).isEqualTo("\"quoted\".example.com");
        assertThat(DnsNames.unescape("\\(a\\)\\;b.example.com")).isEqualTo("(a);b.example.com");
        assertThat(DnsNames.unescape("xn--caf-dma.example.fr")).isEqualTo("xn--caf-dma.example.fr");
        assertThat(DnsNames.unescape("s\\195\\163o-paulo.example.br")).isEqualTo("são-paulo.example.br");
    }

    @Test
    void escapesThatWouldChangeTheLabelsOrWriteControlCharactersStay() {
        assertThat(DnsNames.unescape("first\\.last.example.com")).isEqualTo("first\\.last.example.com");
        assertThat(DnsNames.unescape("a\\046b.example.com")).isEqualTo("a\\.b.example.com");
        assertThat(DnsNames.unescape("back\\\\slash.example.com")).isEqualTo("back\\\\slash.example.com");
        assertThat(DnsNames.unescape("nul\\000.example.com")).isEqualTo("nul\\000.example.com");
        assertThat(DnsNames.unescape("del\\127.example.com")).isEqualTo("del\\127.example.com");
    }

    @Test
    void malformedEscapesAndBytesThatAreNoUtf8KeepTheNameAsPrinted() {
        for (String printed :
                new String[] {"a\\99", "a\\9x9.example", "a\\300.example", "trailing\\", "\\233t\\233.example"}) {
            assertThat(DnsNames.unescape(printed)).as(printed).isEqualTo(printed);
        }
        assertThat(DnsNames.unescape(null)).isNull();
    }

    @Test
    void everyPrintableNameEscapedAsNamedWouldReadsBackAsItWas() {
        qt().forAll(strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 40))
                .checkAssert(name -> {
                    String label = name.replace(".", "").replace("\\", "");
                    StringBuilder printed = new StringBuilder();
                    for (byte b : label.getBytes(StandardCharsets.US_ASCII)) {
                        printed.append(String.format("\\%03d", b & 0xff));
                    }
                    assertThat(DnsNames.unescape(printed + ".example.com")).isEqualTo(label + ".example.com");
                });
    }
}

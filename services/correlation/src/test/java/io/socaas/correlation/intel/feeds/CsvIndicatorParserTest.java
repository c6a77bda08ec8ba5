package io.socaas.correlation.intel.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.intel.domain.FeedSource;
import io.socaas.correlation.intel.domain.Indicator;
import io.socaas.correlation.intel.domain.ParsedFeed;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** CSV blocklists: a header naming the columns, quoted cells, comments, bad lines skipped by number. */
class CsvIndicatorParserTest {

    private static final FeedSource SOURCE = new FeedSource("blocklist", 55);

    @Test
    void readsTheColumnsTheHeaderNames() {
        ParsedFeed feed = CsvIndicatorParser.parse(FeedSamples.read("indicators.csv"), SOURCE);

        assertThat(feed.indicators())
                .extracting(i -> i.type() + " " + i.value() + " " + i.confidence())
                .containsExactly(
                        "IP 192.0.2.45 80",
                        "IP 2001:db8:feed:0:0:0:0:0/64 75",
                        "DOMAIN dropper-cdn.example 55",
                        "URL https://paste.example/raw/Ab12Cd 65",
                        "FILE_HASH da39a3ee5e6b4b0d3255bfef95601890afd80709 90");
        Indicator first = feed.indicators().getFirst();
        assertThat(first.firstSeen()).contains(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(first.lastSeen()).contains(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(first.sourceId()).isEqualTo("line 3");
        assertThat(feed.indicators().get(2).description()).isEqualTo("Loader domain, serves stage 2");
        assertThat(feed.indicators().get(2).firstSeen()).contains(Instant.parse("2026-11-02T00:00:00Z"));
    }

    @Test
    void reportsBadLinesByNumberAndKeepsTheRest() {
        ParsedFeed feed = CsvIndicatorParser.parse(FeedSamples.read("indicators.csv"), SOURCE);

        assertThat(feed.problems())
                .extracting(p -> p.location() + ": " + p.message())
                .containsExactly(
                        "line 8: 'not-an-address' is not an IP address or CIDR network",
                        "line 9: '1234' is not an MD5, SHA-1, SHA-256 or SHA-512 hash in hex");
    }

    @Test
    void columnsMayComeInAnyOrderAndUnknownTypesOrQuotesAreLineProblems() {
        ParsedFeed feed = CsvIndicatorParser.parse("""
                value,Type
                evil.example,domain
                "a,b",ip
                x,mutex
                "unterminated,ip
                """, SOURCE);

        assertThat(feed.indicators()).extracting(Indicator::value).containsExactly("evil.example");
        assertThat(feed.problems())
                .extracting(ParsedFeed.Problem::location)
                .containsExactly("line 3", "line 4", "line 5");
        assertThat(feed.problems().get(1).message()).isEqualTo("unknown type 'mutex'");
    }

    @Test
    void aDocumentWithoutTypeAndValueColumnsIsRefusedAsAWhole() {
        assertThat(CsvIndicatorParser.parse("indicator,kind\n1.2.3.4,ip\n", SOURCE)
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("type and value"));
        assertThat(CsvIndicatorParser.parse("", SOURCE).problems()).hasSize(1);
    }
}

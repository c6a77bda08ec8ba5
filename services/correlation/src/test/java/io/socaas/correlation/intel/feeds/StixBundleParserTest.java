package io.socaas.correlation.intel.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.intel.domain.FeedSource;
import io.socaas.correlation.intel.domain.Indicator;
import io.socaas.correlation.intel.domain.IndicatorType;
import io.socaas.correlation.intel.domain.ParsedFeed;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A STIX 2.1 bundle as CERTs publish them: indicators among identities, malware and relationships. */
class StixBundleParserTest {

    private static final FeedSource SOURCE = new FeedSource("cert", 40);

    @Test
    void readsEveryValueOfEveryIndicatorWithConfidenceAndTimes() {
        ParsedFeed feed = StixBundleParser.parse(FeedSamples.read("stix-bundle.json"), SOURCE);

        assertThat(feed.indicators())
                .extracting(i -> i.type() + " " + i.value())
                .containsExactly(
                        "IP 203.0.113.66",
                        "IP 198.51.100.0/24",
                        "IP 2001:db8:bad:0:0:0:0:0/48",
                        "DOMAIN login-micros0ft.example",
                        "DOMAIN secure-payroll.example",
                        "FILE_HASH e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                        "FILE_HASH d41d8cd98f00b204e9800998ecf8427e",
                        "URL http://files.cdn-update.example/payload.exe",
                        "IP 203.0.113.99");
        Indicator emotet = feed.indicators().getFirst();
        assertThat(emotet.feed()).isEqualTo("cert");
        assertThat(emotet.confidence()).isEqualTo(90);
        assertThat(emotet.firstSeen()).contains(Instant.parse("2026-10-02T09:00:00Z"));
        assertThat(emotet.lastSeen()).contains(Instant.parse("2026-11-20T10:15:00Z"));
        assertThat(emotet.sourceId()).isEqualTo("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f");
        assertThat(emotet.description()).isEqualTo("Emotet C2 server");
        assertThat(feed.indicators().get(1).confidence())
                .as("the feed's default")
                .isEqualTo(40);
        assertThat(feed.indicators().get(3).validUntil()).contains(Instant.parse("2099-01-01T00:00:00Z"));
    }

    @Test
    void reportsIndicatorsItCannotReadByObjectAndKeepsTheOthers() {
        ParsedFeed feed = StixBundleParser.parse(FeedSamples.read("stix-bundle.json"), SOURCE);

        assertThat(feed.problems())
                .extracting(ParsedFeed.Problem::location)
                .containsExactly(
                        "objects[7] (indicator--9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d)",
                        "objects[8] (indicator--6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e2f)");
        assertThat(feed.problems().get(0).message()).contains("FOLLOWEDBY");
        assertThat(feed.problems().get(1).message()).contains("yara");
    }

    @Test
    void aBadValueInsideAPatternIsAProblemOfItsObject() {
        ParsedFeed feed = StixBundleParser.parse("""
                {"type":"bundle","id":"bundle--1","objects":[
                  {"type":"indicator","id":"indicator--a","pattern_type":"stix","pattern":"[ipv4-addr:value = '999.1.1.1']"},
                  {"type":"indicator","id":"indicator--b","pattern_type":"stix","pattern":"[ipv4-addr:value = '192.0.2.9']",
                   "confidence": 101},
                  {"type":"indicator","id":"indicator--c","pattern_type":"stix","pattern":"[ipv4-addr:value = '192.0.2.10']",
                   "revoked": true},
                  {"type":"indicator","id":"indicator--d","pattern_type":"stix","pattern":"[ipv4-addr:value = '192.0.2.11']"}
                ]}
                """, SOURCE);

        assertThat(feed.indicators()).extracting(Indicator::value).containsExactly("192.0.2.11");
        assertThat(feed.problems())
                .extracting(p -> p.location() + ": " + p.message())
                .containsExactly(
                        "objects[0] (indicator--a): '999.1.1.1' is not an IP address or CIDR network",
                        "objects[1] (indicator--b): confidence 101 is outside 0-100");
    }

    @Test
    void aDocumentThatIsNoBundleIsOneProblemNotACrash() {
        assertThat(StixBundleParser.parse("{\"type\": \"bundle\", \"objects\": [", SOURCE)
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("not JSON"));
        assertThat(StixBundleParser.parse("[1,2]", SOURCE).problems()).hasSize(1);
        assertThat(StixBundleParser.parse(
                                "{\"type\":\"indicator\",\"pattern\":\"[domain-name:value = 'x.example']\"}", SOURCE)
                        .indicators())
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.type()).isEqualTo(IndicatorType.DOMAIN);
                    assertThat(i.validUntil()).isEqualTo(Optional.empty());
                });
    }
}

package io.socaas.correlation.intel.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.correlation.intel.domain.FeedFormat;
import io.socaas.correlation.intel.domain.FeedSource;
import io.socaas.correlation.intel.domain.Indicator;
import io.socaas.correlation.intel.domain.InvalidIndicatorException;
import io.socaas.correlation.intel.domain.ParsedFeed;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A MISP feed folder (manifest.json and event files) as a MISP instance exports it. */
class MispFeedParserTest {

    private static final FeedSource SOURCE = new FeedSource("circl-osint", 60);
    private static final String EVENT = "5f3c1a2b-7d4e-4f6a-9b8c-0d1e2f3a4b5c";

    @Test
    void theManifestListsTheEvents() {
        assertThat(MispFeedParser.manifest(FeedSamples.read("misp/manifest.json")))
                .containsExactly(EVENT);
        assertThatThrownBy(() -> MispFeedParser.manifest("{\"../../etc/passwd\": {}}"))
                .isInstanceOf(InvalidIndicatorException.class);
    }

    @Test
    void readsTheDetectionAttributesOfTheEventAndItsObjects() {
        ParsedFeed feed = MispFeedParser.event(FeedSamples.read("misp/" + EVENT + ".json"), EVENT + ".json", SOURCE);

        assertThat(feed.indicators())
                .extracting(i -> i.type() + " " + i.value())
                .containsExactly(
                        "IP 192.0.2.200",
                        "DOMAIN qbot-c2.example",
                        "FILE_HASH 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "IP 192.0.2.201",
                        "FILE_HASH 0cc175b9c0f1b6a831c399e269772661");
        Indicator c2 = feed.indicators().getFirst();
        assertThat(c2.firstSeen()).contains(Instant.parse("2026-11-08T10:00:00Z"));
        assertThat(c2.lastSeen()).contains(Instant.parse("2026-11-10T18:30:00Z"));
        assertThat(c2.confidence()).isEqualTo(60);
        assertThat(c2.description()).isEqualTo("OSINT - QakBot infrastructure");
        assertThat(c2.sourceId()).isEqualTo("6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        Indicator host = feed.indicators().get(1);
        assertThat(host.firstSeen()).as("the event's date").contains(Instant.parse("2026-11-10T00:00:00Z"));
        assertThat(host.lastSeen()).as("the attribute's timestamp").contains(Instant.ofEpochSecond(1794312000L));
    }

    @Test
    void reportsAnAttributeItCannotReadByItsPlace() {
        ParsedFeed feed = MispFeedParser.event(FeedSamples.read("misp/" + EVENT + ".json"), EVENT + ".json", SOURCE);

        assertThat(feed.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(EVENT + ".json Event.Attribute[6]");
            assertThat(p.message()).contains("not a domain!");
        });
    }

    @Test
    void theWholeFeedIsReadFromItsFolder() throws Exception {
        ParsedFeed feed = new FeedReader()
                .read(FeedFormat.MISP, FeedSamples.DIR.resolve("misp").toString(), SOURCE);

        assertThat(feed.indicators()).hasSize(5);
        assertThat(feed.problems()).hasSize(1);
    }

    @Test
    void attributesOfTheWrongShapeAreProblemsNotACrash() {
        ParsedFeed feed = MispFeedParser.event(
                "{\"Event\": {\"Attribute\": {\"type\": \"ip-dst\"}, \"Object\": [{\"Attribute\": [7, "
                        + "{\"type\": \"domain\", \"value\": \"ok.example\", \"to_ids\": true}]}]}}",
                "e.json",
                SOURCE);

        assertThat(feed.indicators()).extracting(Indicator::value).containsExactly("ok.example");
        assertThat(feed.problems())
                .extracting(ParsedFeed.Problem::location)
                .containsExactly("e.json Event.Attribute", "e.json Event.Object[0].Attribute[0]");
    }

    @Test
    void aFileThatIsNoEventIsOneProblem() {
        assertThat(MispFeedParser.event("{\"response\": []}", "x.json", SOURCE).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.location()).isEqualTo("x.json"));
    }
}

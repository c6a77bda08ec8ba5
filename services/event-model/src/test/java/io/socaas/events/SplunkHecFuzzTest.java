package io.socaas.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the Splunk HTTP Event Collector's request reading, through to the OCSF
 * record. The seeds under {@code SplunkHecFuzzTestInputs/} run in every build; {@code JAZZER_FUZZ=1}
 * fuzzes (one fuzz test per run, chosen with {@code -Dtest=SplunkHecFuzzTest#...}).
 */
class SplunkHecFuzzTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00Z");
    // small limits so that the fuzzer reaches them too
    private static final EventBatchParser PARSER = new EventBatchParser(20, 64 * 1024);
    private static final OcsfNormalizer NORMALIZER = OcsfNormalizer.withShippedMappings();

    /**
     * Any body, as the event endpoint's envelopes and as the raw endpoint's lines: OCSF records of the
     * token's tenant, or a rejection of the whole request naming what is wrong; nothing else, promptly.
     */
    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyHecRequestBecomesRecordsOrIsRejected(byte[] body) {
        List<JsonEvent> events;
        try {
            events = SplunkHec.events(PARSER.parse(body, EventBatchParser.Format.JSON));
        } catch (InvalidEventBatchException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
            events = List.of();
        }
        assertThat(events).hasSizeLessThanOrEqualTo(PARSER.maxEvents());
        events.forEach(SplunkHecFuzzTest::normalizedForTheTenant);

        String host = body.length == 0 ? "" : "h" + (body[0] & 0x7f);
        try {
            events = SplunkHec.rawLines(body, Map.of("host", host, "sourcetype", "syslog"), PARSER);
        } catch (InvalidEventBatchException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
            return;
        }
        assertThat(events).isNotEmpty().hasSizeLessThanOrEqualTo(PARSER.maxEvents());
        events.forEach(SplunkHecFuzzTest::normalizedForTheTenant);
    }

    private static void normalizedForTheTenant(JsonEvent event) {
        var record = NORMALIZER.normalize(
                event, new OcsfNormalizer.Context(TenantId.of("acme"), IngestIds.next(), RECEIVED, "hec"));
        assertThat(record.event().has("class_uid")).isTrue();
        assertThat(record.event().text("tenant")).contains("acme");
    }
}

package io.socaas.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the intake body parser. The seeds under {@code
 * EventBatchParserFuzzTestInputs/} run in every build; {@code JAZZER_FUZZ=1} fuzzes (one fuzz test
 * per run, chosen with {@code -Dtest=EventBatchParserFuzzTest#...}).
 */
class EventBatchParserFuzzTest {

    // small limits so that the fuzzer reaches them too
    private static final EventBatchParser PARSER = new EventBatchParser(20, 64 * 1024);

    /** Any request body, in each format: events or InvalidEventBatchException, nothing else, promptly. */
    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyBodyParsesToObjectsOrIsRejectedAsAnInvalidBatch(byte[] body) {
        for (EventBatchParser.Format format : EventBatchParser.Format.values()) {
            List<JsonEvent> events;
            try {
                events = PARSER.parse(body, format);
            } catch (InvalidEventBatchException rejected) {
                assertThat(rejected.getMessage()).isNotBlank();
                rejected.line().ifPresent(line -> assertThat(line).isPositive());
                continue;
            }
            assertThat(events).isNotEmpty().hasSizeLessThanOrEqualTo(PARSER.maxEvents());
        }
    }
}

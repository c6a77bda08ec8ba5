package io.socaas.correlation.intel.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.socaas.correlation.intel.domain.FeedFormat;
import io.socaas.correlation.intel.domain.FeedSource;
import io.socaas.correlation.intel.domain.Indicator;
import io.socaas.correlation.intel.domain.IndicatorValues;
import io.socaas.correlation.intel.domain.InvalidIndicatorException;
import io.socaas.correlation.intel.domain.ParsedFeed;
import io.socaas.correlation.intel.domain.StixPattern;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the indicator readers (tenants upload the documents; feeds come from
 * outside). The seeds under {@code IndicatorDocumentsFuzzTestInputs/} run in every build; {@code
 * JAZZER_FUZZ=1} fuzzes (one fuzz test per run, chosen with {@code -Dtest=IndicatorDocumentsFuzzTest#...}).
 */
class IndicatorDocumentsFuzzTest {

    private static final FeedSource SOURCE = new FeedSource("fuzz", 50);

    /**
     * Any document, in any format, is read into indicators and problems, promptly, never an
     * exception; every indicator read is in its normalized form.
     */
    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyDocumentIsReadIntoIndicatorsAndProblems(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (FeedFormat format : FeedFormat.values()) {
            ParsedFeed parsed = IndicatorDocuments.parse(format, text, SOURCE);
            for (Indicator indicator : parsed.indicators()) {
                assertThat(IndicatorValues.normalize(indicator.type(), indicator.value()))
                        .isEqualTo(indicator.value());
            }
            parsed.problems().forEach(p -> assertThat(p.location()).isNotBlank());
        }
    }

    /** Any pattern text gives values or is refused with a reason, promptly. */
    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyPatternGivesValuesOrIsRefused(byte[] input) {
        String pattern = new String(input, StandardCharsets.UTF_8);
        try {
            assertThat(StixPattern.values(pattern)).isNotEmpty();
        } catch (InvalidIndicatorException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}

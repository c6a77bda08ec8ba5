package io.socaas.correlation.sigma.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the rule check behind {@code DetectionService.ValidateRule} (anyone with
 * access sends it text). The seeds under {@code SigmaRuleCheckFuzzTestInputs/} run in every build;
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class SigmaRuleCheckFuzzTest {

    /** Any text is a rule, or problems each placed on a line and column of the text; never a failure. */
    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyTextIsARuleOrProblemsPlacedInIt(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        SigmaRuleCheck.Result result = SigmaRuleCheck.check(text);

        if (result.valid()) {
            assertThat(result.problems()).isEmpty();
            return;
        }
        long lines = text.lines().count() + 1;
        assertThat(result.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.message()).isNotBlank();
            assertThat(p.line()).isBetween(1, (int) Math.max(1, lines + 1));
            assertThat(p.column()).isPositive();
        });
    }
}

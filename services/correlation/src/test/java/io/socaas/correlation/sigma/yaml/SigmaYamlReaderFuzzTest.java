package io.socaas.correlation.sigma.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.socaas.correlation.sigma.domain.RuleIndex;
import io.socaas.correlation.sigma.domain.SigmaEvent;
import io.socaas.correlation.sigma.domain.SigmaRule;
import io.socaas.correlation.sigma.domain.SigmaRuleException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the rule reader (tenants upload their own rules). The seeds under
 * {@code SigmaYamlReaderFuzzTestInputs/} run in every build; {@code JAZZER_FUZZ=1} fuzzes (one fuzz
 * test per run, chosen with {@code -Dtest=SigmaYamlReaderFuzzTest#...}).
 */
class SigmaYamlReaderFuzzTest {

    private static final List<SigmaEvent> EVENTS = List.of(
            SigmaEvent.of(Map.of()),
            SigmaEvent.of(Map.of(
                    "EventID", 1,
                    "Image", "C:\\Windows\\System32\\whoami.exe",
                    "CommandLine", "whoami /priv",
                    "User", "SYSTEM")));

    /**
     * Any file reads to a rule or is refused as a rule error (invalid or unsupported), promptly; a
     * rule that loads evaluates on any event, and the literal index keeps it wherever it matches.
     */
    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyFileReadsToARuleOrIsRefusedAsARuleError(byte[] input) {
        SigmaRule rule;
        try {
            rule = SigmaYamlReader.read(new String(input, StandardCharsets.UTF_8));
        } catch (SigmaRuleException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(rule.id()).isNotNull();
        RuleIndex index = RuleIndex.of(List.of(rule.detection()));
        for (SigmaEvent event : EVENTS) {
            BitSet candidates = new BitSet();
            index.candidates(event, candidates);
            if (rule.matches(event)) {
                assertThat(candidates.get(0)).isTrue();
            }
        }
    }
}

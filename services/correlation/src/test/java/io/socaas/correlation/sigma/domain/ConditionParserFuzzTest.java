package io.socaas.correlation.sigma.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the condition parser (conditions are written by tenants). The seeds
 * under {@code ConditionParserFuzzTestInputs/} run in every build; {@code JAZZER_FUZZ=1} fuzzes (one
 * fuzz test per run, chosen with {@code -Dtest=ConditionParserFuzzTest#...}).
 */
class ConditionParserFuzzTest {

    private static final Map<String, Matcher> IDENTIFIERS = new LinkedHashMap<>();

    static {
        IDENTIFIERS.put("selection", field("Image", "whoami"));
        IDENTIFIERS.put("selection_cli", field("CommandLine", "/priv"));
        IDENTIFIERS.put("filter_main", field("User", "system"));
        IDENTIFIERS.put("_hidden", field("Hidden", "x"));
    }

    private static Matcher field(String name, String contains) {
        return new Matcher.FieldMatch(
                name,
                List.of(ValueMatcher.string(
                        SigmaString.parse(contains).withLeadingWildcard().withTrailingWildcard(), false)),
                false);
    }

    private static final List<SigmaEvent> EVENTS = List.of(
            SigmaEvent.of(Map.of()),
            SigmaEvent.of(Map.of("Image", "C:\\whoami.exe", "CommandLine", "whoami /priv")),
            SigmaEvent.of(Map.of("Image", "C:\\whoami.exe", "User", "SYSTEM", "Hidden", "x")));

    /**
     * Any condition text compiles to a matcher or is refused as a rule error, promptly; a compiled
     * condition evaluates on any event, and the literal index keeps it wherever it matches.
     */
    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyConditionCompilesOrIsRefusedAsARuleError(byte[] input) {
        String condition = new String(input, StandardCharsets.UTF_8);
        Matcher matcher;
        try {
            matcher = ConditionParser.parse(condition, IDENTIFIERS);
        } catch (SigmaRuleException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        RuleIndex index = RuleIndex.of(List.of(matcher));
        for (SigmaEvent event : EVENTS) {
            BitSet candidates = new BitSet();
            index.candidates(event, candidates);
            if (matcher.matches(event)) {
                assertThat(candidates.get(0)).as(condition).isTrue();
            }
        }
    }
}

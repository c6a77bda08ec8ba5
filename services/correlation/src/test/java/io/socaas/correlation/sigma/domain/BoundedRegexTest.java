package io.socaas.correlation.sigma.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rule regular expressions cannot stall detection: RE2 where it can, a matching budget where not. */
class BoundedRegexTest {

    /** RE2 refuses the back-reference; Java's engine backtracks exponentially on a run of 'a'. */
    private static final String CATASTROPHIC = "((a+)+)\\2b";

    @Test
    void aCatastrophicFallbackExpressionIsAbandonedAtItsBudget() {
        BoundedRegex regex = BoundedRegex.compile(CATASTROPHIC, false, false, false);
        assertThat(regex.linear()).isFalse();

        // unbounded, this takes minutes; the budget (100 000 + 1 000 reads per character) stops it
        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThatThrownBy(() -> regex.find("a".repeat(40) + "!"))
                        .isInstanceOf(BoundedRegex.BudgetExceeded.class)
                        .hasMessageContaining(CATASTROPHIC)
                        .hasMessageContaining("matching budget"));
    }

    @Test
    void aFallbackExpressionStillMatchesWithinItsBudget() {
        BoundedRegex regex = BoundedRegex.compile(CATASTROPHIC, false, false, false);

        assertThat(regex.find("xx aab yy")).isTrue();
        assertThat(regex.find("x".repeat(10_000))).isFalse();
    }

    @Test
    void expressionsRe2AcceptsRunInLinearTimeWithoutABudget() {
        // catastrophic for a backtracking engine, linear for RE2
        BoundedRegex regex = BoundedRegex.compile("(a+)+b", false, false, false);
        assertThat(regex.linear()).isTrue();

        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThat(regex.find("a".repeat(100_000) + "!")).isFalse());
    }

    @Test
    void aRuleWhoseExpressionExceedsItsBudgetFailsOnTheEventInsteadOfMatching() {
        SigmaRule rule = io.socaas.correlation.sigma.yaml.SigmaYamlReader.read("""
                title: backtracking
                id: 0b7c5a3e-6f1d-4b0e-9d4a-1e2f3a4b5c6d
                logsource: {category: process_creation, product: windows}
                detection:
                  selection:
                    CommandLine|re: '((a+)+)\\2b'
                  condition: selection
                """);
        SigmaEvent event = SigmaEvent.of(java.util.Map.of("CommandLine", "a".repeat(40) + "!"));

        assertThatThrownBy(() -> rule.matches(event)).isInstanceOf(BoundedRegex.BudgetExceeded.class);
    }
}

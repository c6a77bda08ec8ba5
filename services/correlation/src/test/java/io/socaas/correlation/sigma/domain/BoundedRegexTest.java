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

    @Test
    void theRequiredPieceIsTheLongestLiteralRunEveryMatchContains() {
        assertThat(BoundedRegex.requiredPiece("\\\\Windows\\\\System32\\\\[a-z]+\\.exe"))
                .isEqualTo("\\windows\\system32\\");
        assertThat(BoundedRegex.requiredPiece("(?i)powershell.*-enc(odedcommand)? "))
                .isEqualTo("powershell");
        // a character made optional by its quantifier is not required
        assertThat(BoundedRegex.requiredPiece("abcdx?yz")).isEqualTo("abcd");
        assertThat(BoundedRegex.requiredPiece("abcdx{0,3}yz")).isEqualTo("abcd");
        assertThat(BoundedRegex.requiredPiece("abcdx+yz")).isEqualTo("abcdx");
        assertThat(BoundedRegex.requiredPiece("ab(cdefgh|x)yz")).isEqualTo("ab");
        assertThat(BoundedRegex.requiredPiece("[)(|]{2}cmd\\s")).isEqualTo("cmd");
        // nothing can be stated: alternation at the top level, no literal, quoting
        assertThat(BoundedRegex.requiredPiece("abc|def")).isNull();
        assertThat(BoundedRegex.requiredPiece("\\d+\\.\\d+")).isEqualTo(".");
        assertThat(BoundedRegex.requiredPiece("[a-z]+\\w*")).isNull();
        assertThat(BoundedRegex.requiredPiece("\\Qa.b\\E")).isNull();
    }

    @Test
    void everyValueAnExpressionIsFoundInContainsItsRequiredPieceOnceFolded() {
        String[][] cases = {
            {"(?i)\\\\temp\\\\[^\\\\]+\\.(bat|ps1)$", "C:\\Users\\x\\TEMP\\run.PS1"},
            {"(?i)sekurlsa::logonpasswords", "mimikatz SEKURLSA::LOGONPASSWORDS exit"},
            // case-insensitive matching of 'k' and 's' also accepts the Kelvin sign and long s
            {"(?i)kerberos", "\u212Aerbero\u017F"},
            {"net\\s+user\\s+/add", "net  user /add"},
            {"ab+c{1,2}d?e", "abbbcce"},
        };
        for (String[] c : cases) {
            BoundedRegex regex = BoundedRegex.compile(c[0], false, false, false);
            assertThat(regex.find(c[1])).as(c[0]).isTrue();
            assertThat(regex.requiredPiece()).as(c[0]).isNotNull();
            assertThat(SigmaEvent.fold(c[1])).as(c[0]).contains(regex.requiredPiece());
        }
    }

    @Test
    void aValueWithoutTheRequiredPieceIsRefusedAndOneWithItStillMatches() {
        SigmaRule rule = io.socaas.correlation.sigma.yaml.SigmaYamlReader.read("""
                title: encoded powershell
                id: 1c8d6b4f-7a2e-4c1f-8e5b-2f3a4b5c6d7e
                logsource: {category: process_creation, product: windows}
                detection:
                  selection:
                    CommandLine|re|i: 'powershell(\\.exe)?\\s+-e(nc)?\\s'
                  condition: selection
                """);

        assertThat(rule.matches(SigmaEvent.of(java.util.Map.of("CommandLine", "PowerShell.EXE -enc SQBFAFgA"))))
                .isTrue();
        assertThat(rule.matches(SigmaEvent.of(java.util.Map.of("CommandLine", "pwsh -enc SQBFAFgA"))))
                .isFalse();
    }
}

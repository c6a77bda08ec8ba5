package io.socaas.correlation.sigma.domain;

import static io.socaas.correlation.sigma.domain.SigmaTestData.event;
import static io.socaas.correlation.sigma.domain.SigmaTestData.ruleWithDetection;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleIndexTest {

    private static final SigmaRule WHOAMI = ruleWithDetection("""
            selection:
              Image|endswith: '\\whoami.exe'
              CommandLine|contains: '/priv'
            condition: selection
            """);
    private static final SigmaRule EVENT_4688 = ruleWithDetection("""
            selection:
              EventID: 4688
            condition: selection
            """);
    private static final SigmaRule NOT_SYSTEM = ruleWithDetection("""
            selection:
              User: SYSTEM
            condition: not selection
            """);
    private static final SigmaRule ONE_OF = ruleWithDetection("""
            selection_img:
              Image|endswith: '\\certutil.exe'
            selection_cli:
              CommandLine|contains: 'urlcache'
            condition: 1 of selection_*
            """);
    private static final SigmaRule WILDCARD = ruleWithDetection("""
            selection:
              CommandLine: '*\\Temp\\\\*.ps1*'
            condition: selection
            """);

    private static BitSet candidates(SigmaEvent event, SigmaRule... rules) {
        RuleIndex index =
                RuleIndex.of(List.of(rules).stream().map(SigmaRule::detection).toList());
        BitSet result = new BitSet();
        index.candidates(event, result);
        return result;
    }

    @Test
    void leavesOutRulesWhoseRequiredLiteralsTheEventLacks() {
        SigmaEvent event = event("{\"Image\":\"C:\\\\Windows\\\\notepad.exe\",\"EventID\":1}");
        assertThat(candidates(event, WHOAMI, EVENT_4688, WILDCARD)).isEqualTo(new BitSet());
    }

    @Test
    void keepsRulesWhoseRequiredLiteralsArePresentInAnyCase() {
        SigmaEvent event =
                event("{\"Image\":\"C:\\\\WINDOWS\\\\System32\\\\WHOAMI.EXE\",\"CommandLine\":\"whoami /PRIV\","
                        + "\"EventID\":\"4688\"}");
        assertThat(candidates(event, WHOAMI, EVENT_4688)).isEqualTo(bits(0, 1));
        assertThat(WHOAMI.matches(event)).isTrue();
        assertThat(EVENT_4688.matches(event)).isTrue();
    }

    @Test
    void findsTheLiteralPieceOfAValueWithWildcards() {
        SigmaEvent event =
                event("{\"CommandLine\":\"powershell C:\\\\Users\\\\x\\\\AppData\\\\Local\\\\TEMP\\\\a.ps1\"}");
        assertThat(candidates(event, WILDCARD)).isEqualTo(bits(0));
        assertThat(WILDCARD.matches(event)).isTrue();
    }

    @Test
    void alwaysKeepsRulesItCannotNarrow() {
        SigmaEvent event = event("{\"Image\":\"x\"}");
        assertThat(candidates(event, NOT_SYSTEM)).isEqualTo(bits(0));
        assertThat(NOT_SYSTEM.matches(event)).isTrue();
    }

    @Test
    void keepsAOneOfRuleWhenAnyOfItsSelectionsCanMatch() {
        assertThat(candidates(event("{\"CommandLine\":\"certutil -urlcache -f\"}"), ONE_OF))
                .isEqualTo(bits(0));
        assertThat(candidates(event("{\"Image\":\"C:\\\\x\\\\certutil.exe\"}"), ONE_OF))
                .isEqualTo(bits(0));
        assertThat(candidates(event("{\"Image\":\"C:\\\\x\\\\cmd.exe\"}"), ONE_OF))
                .isEqualTo(new BitSet());
    }

    @Test
    void indexesKeywordsOverEveryTextOfTheEvent() {
        SigmaRule keywords = ruleWithDetection("""
                keywords:
                  - 'Invoke-Mimikatz'
                  - 'sekurlsa::'
                condition: keywords
                """);
        assertThat(candidates(event("{\"ScriptBlockText\":\"iex; invoke-mimikatz -dump\"}"), keywords))
                .isEqualTo(bits(0));
        assertThat(candidates(event("{\"ScriptBlockText\":\"Get-Process\"}"), keywords))
                .isEqualTo(new BitSet());
    }

    @Test
    void foldsCaseCharacterByCharacterSoThatUnicodeCaseVariantsAreKept() {
        // KELVIN SIGN lower-cases to k; DOTLESS I matches i in a case-insensitive regular expression
        SigmaRule kerberos = ruleWithDetection("""
                selection:
                  ServiceName|contains: 'krbtgt'
                condition: selection
                """);
        SigmaRule wildcard = ruleWithDetection("""
                selection:
                  CommandLine: '*mimikatz*sekurlsa*'
                condition: selection
                """);
        SigmaEvent kelvin = event("{\"ServiceName\":\"\u212ARBTGT\"}");
        assertThat(kerberos.matches(kelvin)).isTrue();
        assertThat(candidates(kelvin, kerberos)).isEqualTo(bits(0));
        SigmaEvent dotless = event("{\"CommandLine\":\"m\u0131m\u0131katz sekurlsa\"}");
        assertThat(candidates(dotless, wildcard)).isEqualTo(bits(0));
    }

    private static BitSet bits(int... indexes) {
        BitSet bits = new BitSet();
        for (int i : indexes) {
            bits.set(i);
        }
        return bits;
    }
}

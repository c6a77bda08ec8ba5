package io.socaas.correlation.sigma.domain;

import static io.socaas.correlation.sigma.domain.SigmaTestData.event;
import static io.socaas.correlation.sigma.domain.SigmaTestData.ruleWithDetection;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldMatchingTest {

    @Test
    void fieldsOfAMapMustAllMatch() {
        SigmaRule rule = ruleWithDetection("""
                selection:
                  Image: 'C:\\Windows\\System32\\whoami.exe'
                  User: alice
                condition: selection
                """);
        assertThat(rule.matches(event("{\"Image\":\"C:\\\\Windows\\\\System32\\\\whoami.exe\",\"User\":\"alice\"}")))
                .isTrue();
        assertThat(rule.matches(event("{\"Image\":\"C:\\\\Windows\\\\System32\\\\whoami.exe\",\"User\":\"bob\"}")))
                .isFalse();
    }

    @Test
    void anyValueOfAListMatches() {
        SigmaRule rule = ruleWithDetection("""
                selection:
                  User:
                    - alice
                    - bob
                condition: selection
                """);
        assertThat(rule.matches(event("{\"User\":\"bob\"}"))).isTrue();
        assertThat(rule.matches(event("{\"User\":\"carol\"}"))).isFalse();
    }

    @Test
    void aListOfMapsMatchesWhenAnyMapMatches() {
        SigmaRule rule = ruleWithDetection("""
                selection:
                  - Image|endswith: '\\whoami.exe'
                  - OriginalFileName: 'whoami.exe'
                condition: selection
                """);
        assertThat(rule.matches(event("{\"OriginalFileName\":\"WHOAMI.EXE\"}"))).isTrue();
        assertThat(rule.matches(event("{\"Image\":\"C:\\\\x\\\\whoami.exe\"}"))).isTrue();
        assertThat(rule.matches(event("{\"Image\":\"C:\\\\x\\\\cmd.exe\"}"))).isFalse();
    }

    @Test
    void stringEqualityIgnoresCaseByDefault() {
        SigmaRule rule = ruleWithDetection("""
                selection:
                  CommandLine: 'WhoAmI /PRIV'
                condition: selection
                """);
        assertThat(rule.matches(event("{\"CommandLine\":\"whoami /priv\"}"))).isTrue();
        assertThat(rule.matches(event("{\"CommandLine\":\"whoami /priv \"}"))).isFalse();
    }

    @Test
    void nullMatchesAnAbsentOrNullFieldOnly() {
        SigmaRule rule = ruleWithDetection("""
                selection:
                  EventID: 4738
                filter:
                  PasswordLastSet: null
                condition: selection and not filter
                """);
        assertThat(rule.matches(event("{\"EventID\":4738,\"PasswordLastSet\":\"2024-01-01\"}")))
                .isTrue();
        assertThat(rule.matches(event("{\"EventID\":4738,\"PasswordLastSet\":null}")))
                .isFalse();
        assertThat(rule.matches(event("{\"EventID\":4738}"))).isFalse();
    }

    @Test
    void emptyStringMatchesOnlyAnEmptyValue() {
        SigmaRule rule = ruleWithDetection("""
                selection:
                  Description: ''
                condition: selection
                """);
        assertThat(rule.matches(event("{\"Description\":\"\"}"))).isTrue();
        assertThat(rule.matches(event("{\"Description\":\"x\"}"))).isFalse();
        assertThat(rule.matches(event("{}"))).isFalse();
    }

    @Test
    void numbersMatchNumericAndTextualEventValues() {
        SigmaRule rule = ruleWithDetection("""
                selection:
                  EventID: 4688
                condition: selection
                """);
        assertThat(rule.matches(event("{\"EventID\":4688}"))).isTrue();
        assertThat(rule.matches(event("{\"EventID\":\"4688\"}"))).isTrue();
        assertThat(rule.matches(event("{\"EventID\":4689}"))).isFalse();
    }

    @Test
    void booleansMatchJsonBooleansAndTheirText() {
        SigmaRule rule = ruleWithDetection("""
                selection:
                  Elevated: true
                condition: selection
                """);
        assertThat(rule.matches(event("{\"Elevated\":true}"))).isTrue();
        assertThat(rule.matches(event("{\"Elevated\":\"TRUE\"}"))).isTrue();
        assertThat(rule.matches(event("{\"Elevated\":false}"))).isFalse();
    }

    @Test
    void anArrayFieldMatchesWhenAnyElementMatches() {
        SigmaRule rule = ruleWithDetection("""
                selection:
                  Tags: lateral
                condition: selection
                """);
        assertThat(rule.matches(event("{\"Tags\":[\"recon\",\"lateral\"]}"))).isTrue();
        assertThat(rule.matches(event("{\"Tags\":[\"recon\"]}"))).isFalse();
    }

    @Test
    void objectValuesNeverMatchAString() {
        SigmaRule rule = ruleWithDetection("""
                selection:
                  process|contains: 'whoami'
                condition: selection
                """);
        assertThat(rule.matches(event("{\"process\":{\"name\":\"whoami.exe\"}}")))
                .isFalse();
        assertThat(rule.matches(event("{\"process\":\"whoami.exe\"}"))).isTrue();
    }

    @Test
    void keywordsMatchAnywhereInTheEventsStringValues() {
        SigmaRule rule = ruleWithDetection("""
                keywords:
                  - 'event::clear'
                  - 'svchost.exe -n evil'
                condition: keywords
                """);
        assertThat(rule.matches(event("{\"raw\":{\"line\":\"mimikatz # EVENT::Clear done\"}}")))
                .isTrue();
        assertThat(rule.matches(event("{\"raw\":\"nothing here\"}"))).isFalse();
    }

    @Test
    void keywordsWithAllModifierMustAllAppear() {
        SigmaRule rule = ruleWithDetection("""
                keywords:
                  '|all':
                    - 'OabVirtualDirectory'
                    - ' -ExternalUrl '
                condition: keywords
                """);
        assertThat(rule.matches(event("{\"a\":\"Set-OabVirtualDirectory -ExternalUrl http://x\"}")))
                .isTrue();
        assertThat(rule.matches(event("{\"a\":\"Set-OabVirtualDirectory\"}"))).isFalse();
    }

    @Test
    void asteriskAndQuestionMarkAreWildcards() {
        SigmaRule rule = ruleWithDetection("""
                selection:
                  Url: 'http://*/a?c'
                condition: selection
                """);
        assertThat(rule.matches(event("{\"Url\":\"http://evil.example/abc\"}"))).isTrue();
        assertThat(rule.matches(event("{\"Url\":\"http://evil.example/ac\"}"))).isFalse();
    }

    @Test
    void escapedWildcardsAreLiteralCharacters() {
        SigmaRule rule = ruleWithDetection("""
                selection:
                  Url: 'index.php\\?id=\\*'
                condition: selection
                """);
        assertThat(rule.matches(event("{\"Url\":\"index.php?id=*\"}"))).isTrue();
        assertThat(rule.matches(event("{\"Url\":\"index.phpXid=7\"}"))).isFalse();
    }

    @Test
    void escapedBackslashBeforeWildcardKeepsTheWildcard() {
        SigmaRule rule = ruleWithDetection("""
                selection:
                  Path: 'C:\\\\*'
                condition: selection
                """);
        assertThat(rule.matches(event("{\"Path\":\"C:\\\\Windows\"}"))).isTrue();
        assertThat(rule.matches(event("{\"Path\":\"C:Windows\"}"))).isFalse();
    }
}

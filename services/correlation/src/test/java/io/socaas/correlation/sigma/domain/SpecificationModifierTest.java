package io.socaas.correlation.sigma.domain;

import static io.socaas.correlation.sigma.domain.SigmaTestData.event;
import static io.socaas.correlation.sigma.domain.SigmaTestData.ruleWithDetection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Modifiers of the specification's appendix added with version 2.1: neq, expand, time; re flags. */
class SpecificationModifierTest {

    private static SigmaRule selection(String fieldLine) {
        return ruleWithDetection("selection:\n  " + fieldLine + "\ncondition: selection\n");
    }

    @Test
    void neqMatchesAPresentValueThatIsNoneOfTheValues() {
        SigmaRule rule = selection("User|neq: ['SYSTEM', 'LOCAL SERVICE']");
        assertThat(rule.matches(event("{\"User\":\"bob\"}"))).isTrue();
        assertThat(rule.matches(event("{\"User\":\"system\"}"))).isFalse();
        assertThat(rule.matches(event("{\"User\":\"Local Service\"}"))).isFalse();
        assertThat(rule.matches(event("{\"Other\":\"bob\"}"))).isFalse();
        assertThat(rule.matches(event("{\"User\":null}"))).isFalse();
    }

    @Test
    void neqCombinesWithNumbersStringModifiersAndFieldReferences() {
        assertThat(selection("LogonType|neq: 3").matches(event("{\"LogonType\":10}")))
                .isTrue();
        assertThat(selection("LogonType|neq: 3").matches(event("{\"LogonType\":\"3\"}")))
                .isFalse();
        assertThat(selection("Image|neq|endswith: '\\explorer.exe'")
                        .matches(event("{\"Image\":\"C:\\\\Windows\\\\explorer.exe\"}")))
                .isFalse();
        SigmaRule differentUser = selection("SubjectUserName|fieldref|neq: TargetUserName");
        assertThat(differentUser.matches(event("{\"SubjectUserName\":\"a\",\"TargetUserName\":\"b\"}")))
                .isTrue();
        assertThat(differentUser.matches(event("{\"SubjectUserName\":\"a\",\"TargetUserName\":\"A\"}")))
                .isFalse();
    }

    @Test
    void expandReplacesPlaceholdersWithTheTenantsValues() {
        SigmaRule unbound = selection("Computer|expand: '%DomainControllers%'");
        assertThat(unbound.placeholders()).containsExactly("DomainControllers");
        assertThat(unbound.runnable()).isFalse();
        // an unresolved placeholder never matches: it never stands for "anything"
        assertThat(unbound.matches(event("{\"Computer\":\"dc-1\"}"))).isFalse();
        assertThat(unbound.matches(event("{\"Computer\":\"%DomainControllers%\"}")))
                .isFalse();

        SigmaRule bound = unbound.withPlaceholders(Map.of("DomainControllers", List.of("dc-1", "dc-2")));
        assertThat(bound.runnable()).isTrue();
        assertThat(bound.matches(event("{\"Computer\":\"DC-2\"}"))).isTrue();
        assertThat(bound.matches(event("{\"Computer\":\"ws-1\"}"))).isFalse();

        SigmaRule other = unbound.withPlaceholders(Map.of("Admins", List.of("x")));
        assertThat(other.runnable()).isFalse();
        assertThat(other.unresolvedPlaceholders()).containsExactly("DomainControllers");
    }

    @Test
    void expandInsideAValueKeepsTheOtherModifiers() {
        SigmaRule rule = selection("CommandLine|contains|expand: '\\\\%Servers%\\c$'")
                .withPlaceholders(Map.of("Servers", List.of("fs01", "fs02")));
        assertThat(rule.matches(event("{\"CommandLine\":\"net use \\\\\\\\FS02\\\\c$\"}")))
                .isTrue();
        assertThat(rule.matches(event("{\"CommandLine\":\"net use \\\\\\\\fs03\\\\c$\"}")))
                .isFalse();
    }

    @Test
    void timeModifiersCompareAPartOfADateInUtc() {
        // 2026-11-23T22:14:07Z, a Monday of ISO week 48
        String epoch = "{\"time\":1795472047000}";
        String iso = "{\"time\":\"2026-11-23T23:14:07+01:00\"}";
        String sysmon = "{\"time\":\"2026-11-23 22:14:07.532\"}";
        for (String e : List.of(epoch, iso, sysmon)) {
            assertThat(selection("time|hour: 22").matches(event(e))).as(e).isTrue();
            assertThat(selection("time|minute: 14").matches(event(e))).as(e).isTrue();
            assertThat(selection("time|day: 23").matches(event(e))).as(e).isTrue();
            assertThat(selection("time|week: 48").matches(event(e))).as(e).isTrue();
            assertThat(selection("time|month: 11").matches(event(e))).as(e).isTrue();
            assertThat(selection("time|year: 2026").matches(event(e))).as(e).isTrue();
            assertThat(selection("time|hour: [8, 9]").matches(event(e))).as(e).isFalse();
            assertThat(selection("time|hour|gte: 20").matches(event(e))).as(e).isTrue();
            assertThat(selection("time|hour|lt: 6").matches(event(e))).as(e).isFalse();
        }
        assertThat(selection("time|hour: 22").matches(event("{\"time\":\"yesterday\"}")))
                .isFalse();
    }

    @Test
    void timeModifiersNeedNumbers() {
        assertThatThrownBy(() -> selection("time|hour: night")).isInstanceOf(SigmaRuleException.class);
    }

    @Test
    void regexFlagsMultilineAndDotall() {
        String twoLines = "{\"ScriptBlockText\":\"first\\nInvoke-Mimikatz\"}";
        assertThat(selection("ScriptBlockText|re: '^Invoke'").matches(event(twoLines)))
                .isFalse();
        assertThat(selection("ScriptBlockText|re|m: '^Invoke'").matches(event(twoLines)))
                .isTrue();
        assertThat(selection("ScriptBlockText|re: 'first.Invoke'").matches(event(twoLines)))
                .isFalse();
        assertThat(selection("ScriptBlockText|re|s: 'first.Invoke'").matches(event(twoLines)))
                .isTrue();
        assertThat(selection("ScriptBlockText|re|i|s: 'FIRST.invoke'").matches(event(twoLines)))
                .isTrue();
    }

    @Test
    void utf16BigEndianThenBase64() {
        String encoded = java.util.Base64.getEncoder()
                .encodeToString("cmd".getBytes(java.nio.charset.StandardCharsets.UTF_16BE));
        assertThat(selection("Payload|utf16be|base64: 'cmd'").matches(event("{\"Payload\":\"" + encoded + "\"}")))
                .isTrue();
    }
}

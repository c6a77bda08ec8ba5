package io.socaas.correlation.sigma.domain;

import static io.socaas.correlation.sigma.domain.SigmaTestData.event;
import static io.socaas.correlation.sigma.domain.SigmaTestData.ruleWithDetection;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConditionTest {

    private static final String SELECTIONS = """
            selection_a:
              A: 1
            selection_b:
              B: 1
            filter_main:
              F: 1
            _hidden:
              H: 1
            """;

    private static SigmaRule withCondition(String condition) {
        return ruleWithDetection(SELECTIONS + "condition: " + condition + "\n");
    }

    @Test
    void andOrNotCombineSelections() {
        SigmaRule rule = withCondition("selection_a and not filter_main or selection_b");
        assertThat(rule.matches(event("{\"A\":1}"))).isTrue();
        assertThat(rule.matches(event("{\"A\":1,\"F\":1}"))).isFalse();
        assertThat(rule.matches(event("{\"A\":1,\"F\":1,\"B\":1}"))).isTrue();
    }

    @Test
    void parenthesesOverridePrecedence() {
        SigmaRule rule = withCondition("selection_a and (filter_main or selection_b)");
        assertThat(rule.matches(event("{\"A\":1}"))).isFalse();
        assertThat(rule.matches(event("{\"A\":1,\"B\":1}"))).isTrue();
        assertThat(withCondition("not (selection_a or selection_b)").matches(event("{\"B\":1}")))
                .isFalse();
    }

    @Test
    void oneOfPatternNeedsAnyMatchingSelection() {
        SigmaRule rule = withCondition("1 of selection_*");
        assertThat(rule.matches(event("{\"B\":1}"))).isTrue();
        assertThat(rule.matches(event("{\"F\":1}"))).isFalse();
    }

    @Test
    void allOfPatternNeedsEveryMatchingSelection() {
        SigmaRule rule = withCondition("all of selection_* and not 1 of filter_*");
        assertThat(rule.matches(event("{\"A\":1,\"B\":1}"))).isTrue();
        assertThat(rule.matches(event("{\"A\":1}"))).isFalse();
        assertThat(rule.matches(event("{\"A\":1,\"B\":1,\"F\":1}"))).isFalse();
    }

    @Test
    void themCoversEveryIdentifierExceptUnderscoreOnes() {
        assertThat(withCondition("1 of them").matches(event("{\"H\":1}"))).isFalse();
        assertThat(withCondition("1 of them").matches(event("{\"F\":1}"))).isTrue();
        assertThat(withCondition("all of them").matches(event("{\"A\":1,\"B\":1,\"F\":1}")))
                .isTrue();
        assertThat(withCondition("all of them").matches(event("{\"A\":1,\"B\":1}")))
                .isFalse();
    }

    @Test
    void aListOfConditionsIsAnOr() {
        SigmaRule rule = ruleWithDetection(SELECTIONS + "condition:\n  - selection_a\n  - selection_b\n");
        assertThat(rule.matches(event("{\"B\":1}"))).isTrue();
        assertThat(rule.matches(event("{\"F\":1}"))).isFalse();
    }
}

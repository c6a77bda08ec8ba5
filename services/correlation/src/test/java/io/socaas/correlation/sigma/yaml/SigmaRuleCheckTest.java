package io.socaas.correlation.sigma.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Problems of a rule text, placed at a line and column. */
class SigmaRuleCheckTest {

    @Test
    void aValidRuleLoads() {
        SigmaRuleCheck.Result result = SigmaRuleCheck.check("""
                title: Whoami
                id: 11111111-0000-0000-0000-000000000001
                logsource: {category: process_creation, product: windows}
                detection:
                  selection:
                    Image|endswith: '\\whoami.exe'
                  condition: selection
                """);

        assertThat(result.valid()).isTrue();
        assertThat(result.rule()).hasValueSatisfying(r -> assertThat(r.id()).endsWith("0001"));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void malformedYamlIsPlacedWhereTheParserStopped() {
        SigmaRuleCheck.Result result = SigmaRuleCheck.check("""
                title: Broken
                id: 1
                detection:
                  selection:
                    Image: [a, b
                  condition: selection
                """);

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("malformed YAML");
            assertThat(p.line()).isBetween(5, 7);
            assertThat(p.column()).isPositive();
        });
    }

    @Test
    void aBadModifierIsPlacedAtItsKeyInItsSelection() {
        SigmaRuleCheck.Result result = SigmaRuleCheck.check("""
                title: Bad modifier
                id: 11111111-0000-0000-0000-000000000002
                logsource: {category: process_creation, product: windows}
                detection:
                  filter:
                    Image|nosuchmodifier: x
                  selection:
                    Image|nosuchmodifier: x
                  condition: selection and not filter
                """);

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("nosuchmodifier");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isEqualTo(5);
        });
    }

    @Test
    void aConditionNamingAnUnknownIdentifierIsPlacedAtTheCondition() {
        SigmaRuleCheck.Result result = SigmaRuleCheck.check("""
                title: Unknown identifier
                id: 11111111-0000-0000-0000-000000000003
                logsource: {category: process_creation, product: windows}
                detection:
                  selection:
                    Image: x
                  condition: selection and missing
                """);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.column()).isEqualTo(3);
            assertThat(p.unsupported()).isFalse();
        });
    }

    @Test
    void anUnsupportedFeatureIsMarkedSo() {
        SigmaRuleCheck.Result result = SigmaRuleCheck.check("""
                title: Aggregation
                id: 11111111-0000-0000-0000-000000000004
                logsource: {category: process_creation, product: windows}
                detection:
                  selection:
                    Image: x
                  timeframe: 5m
                  condition: selection
                """);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.unsupported()).isTrue();
            assertThat(p.line()).isEqualTo(7);
        });
    }

    @Test
    void aProblemOfTheWholeRuleIsPlacedAtItsStart() {
        SigmaRuleCheck.Result result = SigmaRuleCheck.check("""
                id: 11111111-0000-0000-0000-000000000005
                logsource: {category: process_creation, product: windows}
                detection:
                  selection:
                    Image: x
                  condition: selection
                """);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("no title");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(1);
        });
    }
}

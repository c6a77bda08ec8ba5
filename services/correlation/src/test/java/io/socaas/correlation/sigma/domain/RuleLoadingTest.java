package io.socaas.correlation.sigma.domain;

import static io.socaas.correlation.sigma.domain.SigmaTestData.ruleWithDetection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.correlation.sigma.yaml.SigmaYamlReader;
import org.junit.jupiter.api.Test;

class RuleLoadingTest {

    @Test
    void readsTheRuleMetadata() {
        SigmaRule rule = SigmaYamlReader.read("""
                title: Whoami
                id: 97a80ec7-0e2f-4d05-9ef4-65760e634f6b
                author: Florian Roth (Nextron Systems)
                level: high
                tags:
                  - attack.discovery
                  - attack.t1033
                logsource:
                  category: process_creation
                  product: windows
                detection:
                  selection:
                    Image|endswith: '\\whoami.exe'
                  condition: selection
                """);
        assertThat(rule.id()).isEqualTo("97a80ec7-0e2f-4d05-9ef4-65760e634f6b");
        assertThat(rule.author()).isEqualTo("Florian Roth (Nextron Systems)");
        assertThat(rule.level()).contains(SigmaLevel.HIGH);
        assertThat(rule.tags()).containsExactly("attack.discovery", "attack.t1033");
        assertThat(rule.logsource()).containsEntry("category", "process_creation");
    }

    @Test
    void refusesUnsupportedModifiersWithTheirName() {
        assertThatThrownBy(() -> ruleWithDetection("""
                        selection:
                          Image|gzip: 'x'
                        condition: selection
                        """))
                .isInstanceOfSatisfying(
                        SigmaRuleException.class,
                        e -> assertThat(e.isUnsupported()).isTrue())
                .hasMessageContaining("gzip");
    }

    @Test
    void refusesAggregationConditions() {
        assertThatThrownBy(() -> ruleWithDetection("""
                        selection:
                          EventID: 4625
                        condition: selection | count() by TargetUserName > 10
                        """))
                .isInstanceOfSatisfying(
                        SigmaRuleException.class,
                        e -> assertThat(e.isUnsupported()).isTrue());
    }

    @Test
    void refusesCorrelationRules() {
        assertThatThrownBy(() -> SigmaYamlReader.read("""
                        title: Many failed logins
                        id: 1
                        correlation:
                          type: event_count
                          rules: [failed_login]
                          group-by: [User]
                          timespan: 5m
                          condition:
                            gte: 10
                        """))
                .isInstanceOfSatisfying(
                        SigmaRuleException.class,
                        e -> assertThat(e.isUnsupported()).isTrue());
    }

    @Test
    void refusesUnknownSearchIdentifiersInTheCondition() {
        assertThatThrownBy(() -> ruleWithDetection("""
                        selection:
                          A: 1
                        condition: selection and not filter
                        """))
                .isInstanceOfSatisfying(
                        SigmaRuleException.class, e -> assertThat(e.kind()).isEqualTo(SigmaRuleException.Kind.INVALID))
                .hasMessageContaining("filter");
    }

    @Test
    void refusesPatternsThatMatchNoIdentifier() {
        assertThatThrownBy(() -> ruleWithDetection("""
                        selection:
                          A: 1
                        condition: selection and not 1 of filter_*
                        """))
                .isInstanceOf(SigmaRuleException.class)
                .hasMessageContaining("filter_*");
    }

    @Test
    void refusesMalformedYaml() {
        assertThatThrownBy(() -> SigmaYamlReader.read("title: [unclosed"))
                .isInstanceOf(SigmaRuleException.class)
                .hasMessageContaining("YAML");
    }

    @Test
    void refusesInvalidRegularExpressions() {
        assertThatThrownBy(() -> ruleWithDetection("""
                        selection:
                          A|re: '(unclosed'
                        condition: selection
                        """))
                .isInstanceOf(SigmaRuleException.class)
                .hasMessageContaining("regular expression");
    }
}

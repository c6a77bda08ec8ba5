package io.socaas.correlation.rules.tenantconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.correlation.rules.domain.DeployedCorrelation;
import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.rules.domain.RuleCatalog;
import io.socaas.correlation.rules.domain.RulePacks;
import io.socaas.correlation.rules.domain.TenantProfile;
import io.socaas.correlation.sigma.domain.CorrelationRule;
import io.socaas.correlation.sigma.domain.SigmaLevel;
import io.socaas.correlation.sigma.domain.SigmaRuleException;
import io.socaas.correlation.sigma.yaml.SigmaYamlReader;
import io.socaas.events.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Correlation rules in rule packs: reading, references by name or id, aliases, generate, problems. */
class CorrelationRulePackTest {

    @TempDir
    Path dir;

    private static final String FAILED = """
            title: Single failed login
            id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
            name: failed_login
            logsource:
                product: windows
                service: security
            detection:
                selection:
                    EventID: 4625
                condition: selection
            """;

    private RulePacks pack(Map<String, String> files) throws IOException {
        Path pack = Files.createDirectories(dir.resolve("rules/corr"));
        for (var f : files.entrySet()) {
            Files.writeString(pack.resolve(f.getKey()), f.getValue());
        }
        return RulePackReader.read(dir);
    }

    @Test
    void readsACorrelationRuleWithItsBaseRulesFromOneMultiDocumentFile() throws IOException {
        RulePacks packs = pack(Map.of("mr_failed.yml", """
                title: Many failed logins
                id: 0e95725d-7320-415d-80f7-004da920fc11
                level: high
                correlation:
                    type: event_count
                    rules:
                        - failed_login
                    group-by:
                        - ComputerName
                    timespan: 90m
                    condition:
                        gt: 10
                        lte: 200
                ---
                """ + FAILED));
        assertThat(packs.failures()).isEmpty();
        DeployedCorrelation deployed = packs.correlations().get("corr").getFirst();
        CorrelationRule rule = deployed.rule();
        assertThat(rule.type()).isEqualTo(CorrelationRule.Type.EVENT_COUNT);
        assertThat(rule.rules()).containsExactly("53ba33fd-3a50-4468-a5ef-c583635cfa92");
        assertThat(rule.timespan()).isEqualTo(Duration.ofMinutes(90));
        assertThat(rule.condition().test(11)).isTrue();
        assertThat(rule.condition().test(10)).isFalse();
        assertThat(rule.condition().test(201)).isFalse();
        assertThat(rule.level()).contains(SigmaLevel.HIGH);
        DetectionRule base = packs.packs().get("corr").getFirst();
        assertThat(base.alerts())
                .as("referred to without generate: no alerts of its own")
                .isFalse();
    }

    @Test
    void refersToRulesOfOtherFilesOfThePackByIdAndKeepsThemAlertingWithGenerate() throws IOException {
        RulePacks packs = pack(Map.of("failed_login.yml", FAILED, "mr_failed.yml", """
                title: Many failed logins
                id: 0e95725d-7320-415d-80f7-004da920fc11
                correlation:
                    type: event_count
                    rules:
                        - 53ba33fd-3a50-4468-a5ef-c583635cfa92
                    group-by:
                        - ComputerName
                    timespan: 1h
                    condition:
                        gte: 100
                    generate: true
                """));
        assertThat(packs.failures()).isEmpty();
        assertThat(packs.packs().get("corr").getFirst().alerts()).isTrue();
    }

    @Test
    void reportsAReferenceToARuleThePackDoesNotHave() throws IOException {
        RulePacks packs = pack(Map.of("mr_failed.yml", """
                title: Many failed logins
                id: 0e95725d-7320-415d-80f7-004da920fc11
                correlation:
                    type: event_count
                    rules:
                        - no_such_rule
                    group-by:
                        - ComputerName
                    timespan: 1h
                    condition:
                        gte: 100
                """));
        assertThat(packs.correlations()).isEmpty();
        assertThat(packs.failures()).singleElement().satisfies(f -> {
            assertThat(f.location())
                    .isEqualTo("rules/corr/mr_failed.yml correlation 0e95725d-7320-415d-80f7-004da920fc11");
            assertThat(f.reason()).contains("'no_such_rule'", "pack corr does not have");
        });
    }

    @Test
    void refusesInvalidCorrelationRulesNamingTheKeyAtFault() {
        assertThatThrownBy(() -> SigmaYamlReader.readFile("""
                        title: t
                        id: x
                        correlation:
                            type: event_count
                            rules: [a]
                            group-by: [b]
                            timespan: 1w
                            condition: {gte: 1}
                        """))
                .isInstanceOf(SigmaRuleException.class)
                .hasMessageContaining("'correlation.timespan' '1w'");
        assertThatThrownBy(() -> SigmaYamlReader.readFile("""
                        title: t
                        id: x
                        correlation:
                            type: value_count
                            rules: [a]
                            group-by: [b]
                            timespan: 1h
                            condition: {gte: 1}
                        """))
                .hasMessageContaining("'correlation.condition.field' is required by value_count");
        assertThatThrownBy(() -> SigmaYamlReader.readFile("""
                        title: t
                        id: x
                        correlation:
                            type: event_count
                            rules: [a]
                            group-by: [b]
                            timespan: 1h
                            condition: {between: 1}
                        """))
                .hasMessageContaining("unknown condition 'correlation.condition.between'");
        assertThatThrownBy(() -> SigmaYamlReader.readFile("""
                        title: t
                        id: x
                        correlation:
                            type: value_count
                            rules: [a]
                            group-by: [b]
                            timespan: 1h
                            condition: {field: [User, Host], gte: 2}
                        """))
                .isInstanceOfSatisfying(
                        SigmaRuleException.class,
                        e -> assertThat(e.isUnsupported()).isTrue())
                .hasMessageContaining("several fields is not supported");
        assertThatThrownBy(() -> SigmaYamlReader.readFile("""
                        title: base
                        id: y
                        logsource: {product: windows}
                        detection: {sel: {EventID: 1}, condition: sel}
                        ---
                        title: t
                        correlation: {type: temporal, rules: [y], group-by: [b], timespan: 1h}
                        """))
                .hasMessageContaining("document 2 of 2: correlation rule 't' has no id");
    }

    @Test
    void aTenantRunsACorrelationRuleOnlyWithTheRulesItRefersTo() throws IOException {
        RulePacks packs = pack(Map.of("mr_failed.yml", """
                title: Many failed logins
                id: 0e95725d-7320-415d-80f7-004da920fc11
                correlation:
                    type: event_count
                    rules:
                        - failed_login
                    group-by:
                        - ComputerName
                    timespan: 1h
                    condition:
                        gte: 100
                ---
                """ + FAILED));
        RuleCatalog catalog = packs.catalogFor(List.of(
                new TenantProfile(TenantId.of("acme"), true, List.of("corr")),
                new TenantProfile(
                        TenantId.of("globex"), true, List.of("corr"), Set.of("53ba33fd-3a50-4468-a5ef-c583635cfa92")),
                new TenantProfile(TenantId.of("initech"), true, List.of())));
        assertThat(catalog.correlationsFor(TenantId.of("acme")).all()).hasSize(1);
        assertThat(catalog.correlationsFor(TenantId.of("acme")).fieldsOf("53ba33fd-3a50-4468-a5ef-c583635cfa92"))
                .containsExactly("ComputerName");
        assertThat(catalog.correlationsFor(TenantId.of("globex")).isEmpty()).isTrue();
        assertThat(catalog.correlationsFor(TenantId.of("initech")).isEmpty()).isTrue();
        assertThat(catalog.failures()).anySatisfy(f -> {
            assertThat(f.location()).isEqualTo("tenant globex rule 0e95725d-7320-415d-80f7-004da920fc11");
            assertThat(f.reason()).contains("does not run the rule(s) it refers to");
        });
    }
}

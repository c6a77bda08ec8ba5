package io.socaas.correlation.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.sigma.yaml.SigmaYamlReader;
import io.socaas.events.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A rule pack is compiled once and that one instance serves every tenant enabling it. */
class CompiledPackSharingTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final TenantId INITECH = TenantId.of("initech");

    private static DetectionRule rule(int n) {
        return new DetectionRule(
                SigmaYamlReader.read("""
                        title: Rule %d
                        id: 33333333-0000-0000-0000-00000000000%d
                        logsource: {category: process_creation, product: windows}
                        detection:
                          selection:
                            CommandLine|contains: 'tool%d'
                          condition: selection
                        """.formatted(n, n, n)), RulePack.unnamed("core"), "rule" + n + ".yml");
    }

    private final RulePacks packs =
            new RulePacks(Map.of("core", List.of(rule(1), rule(2)), "extra", List.of(rule(3))), List.of());

    @Test
    void twoTenantsEnablingTheSamePackShareOneCompiledInstance() {
        RuleCatalog catalog = packs.catalogFor(List.of(
                new TenantProfile(ACME, true, List.of("core")),
                // different tuning on top does not copy the pack
                new TenantProfile(
                        GLOBEX,
                        true,
                        List.of("core", "extra"),
                        Set.of(rule(1).sigma().id()))));

        CompiledRules acmeCore = catalog.rulesFor(ACME).compiledPacks().getFirst();
        assertThat(catalog.rulesFor(GLOBEX).compiledPacks().getFirst()).isSameAs(acmeCore);
        assertThat(catalog.rulesFor(GLOBEX).compiledPacks().get(1)).isNotSameAs(acmeCore);
        assertThat(catalog.rulesFor(ACME).size()).isEqualTo(2);
        assertThat(catalog.rulesFor(GLOBEX).size()).isEqualTo(2);
    }

    @Test
    void aCatalogRebuiltAfterATenantChangeKeepsTheCompiledInstance() {
        RuleCatalog before = packs.catalogFor(List.of(new TenantProfile(ACME, true, List.of("core"))));
        RuleCatalog after = packs.catalogFor(List.of(
                new TenantProfile(ACME, true, List.of("core")), new TenantProfile(INITECH, true, List.of("core"))));

        CompiledRules compiled = before.rulesFor(ACME).compiledPacks().getFirst();
        assertThat(after.rulesFor(ACME).compiledPacks().getFirst()).isSameAs(compiled);
        assertThat(after.rulesFor(INITECH).compiledPacks().getFirst()).isSameAs(compiled);
        assertThat(packs.compiled("core")).isSameAs(compiled);
    }
}

package io.socaas.correlation.rules.tenantconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.rules.domain.RuleCatalog;
import io.socaas.events.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantConfigReaderTest {

    private static final String RULE = """
            title: Whoami
            id: %s
            author: Someone
            level: high
            logsource:
              category: process_creation
              product: windows
            detection:
              selection:
                Image|endswith: '\\whoami.exe'
              condition: selection
            """;

    @TempDir
    Path root;

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void enablesTheRulesOfATenantsPacksWithTheirPackMetadata() throws IOException {
        write("tenants/acme.yaml", "id: acme\nstatus: active\nrule_packs: [core]\n");
        write("rules/core/pack.yaml", "id: core\nlicense: DRL-1.1\nsource_url_base: https://example.org/rules/\n");
        write("rules/core/whoami.yml", RULE.formatted("r-1"));

        RuleCatalog catalog = TenantConfigReader.read(root);

        assertThat(catalog.rulesFor(TenantId.of("acme")).rules())
                .singleElement()
                .satisfies(rule -> {
                    assertThat(rule.sigma().id()).isEqualTo("r-1");
                    assertThat(rule.pack().license()).isEqualTo("DRL-1.1");
                    assertThat(rule.referenceUrl()).isEqualTo("https://example.org/rules/whoami.yml");
                });
        assertThat(catalog.failures()).isEmpty();
    }

    @Test
    void skipsAndReportsRulesThatFailToLoad() throws IOException {
        write("tenants/acme.yaml", "id: acme\nrule_packs: [core]\n");
        write("rules/core/good.yml", RULE.formatted("good"));
        write(
                "rules/core/aggregation.yml",
                RULE.formatted("agg").replace("condition: selection", "condition: selection | count() > 5"));

        RuleCatalog catalog = TenantConfigReader.read(root);

        assertThat(catalog.rulesFor(TenantId.of("acme")).rules())
                .extracting(r -> r.sigma().id())
                .containsExactly("good");
        assertThat(catalog.failures()).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("rules/core/aggregation.yml");
            assertThat(f.reason()).contains("UNSUPPORTED").contains("aggregation");
        });
    }

    @Test
    void givesInactiveAndUnknownTenantsNoRules() throws IOException {
        write("tenants/acme.yaml", "id: acme\nstatus: suspended\nrule_packs: [core]\n");
        write("rules/core/whoami.yml", RULE.formatted("r-1"));

        RuleCatalog catalog = TenantConfigReader.read(root);

        assertThat(catalog.rulesFor(TenantId.of("acme")).rules()).isEmpty();
        assertThat(catalog.rulesFor(TenantId.of("initech")).rules()).isEmpty();
    }

    @Test
    void reportsPacksThatDoNotExist() throws IOException {
        write("tenants/acme.yaml", "id: acme\nrule_packs: [missing]\n");

        RuleCatalog catalog = TenantConfigReader.read(root);

        assertThat(catalog.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("missing"));
    }

    @Test
    void loadsTheRepositoryTenantConfigWithTheWhoamiRuleForAcme() {
        Path repositoryConfig = Path.of("../../tenant-config");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(repositoryConfig), "no tenant-config folder");

        RuleCatalog catalog = TenantConfigReader.read(repositoryConfig);

        assertThat(catalog.failures()).isEmpty();
        assertThat(catalog.rulesFor(TenantId.of("acme")).rules())
                .extracting(DetectionRule::sigma)
                .anySatisfy(r -> {
                    assertThat(r.id()).isEqualTo("97a80ec7-0e2f-4d05-9ef4-65760e634f6b");
                    assertThat(r.author()).isEqualTo("Florian Roth (Nextron Systems)");
                });
    }
}

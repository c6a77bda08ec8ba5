package io.socaas.correlation.rules.tenantconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.rules.domain.DetectionRule;
import io.socaas.correlation.rules.domain.RuleCatalog;
import io.socaas.correlation.rules.domain.TenantProfile;
import io.socaas.events.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule packs from the folder; which tenant runs them comes from its published configuration. */
class RulePackReaderTest {

    private static final TenantId ACME = TenantId.of("acme");

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

    private static TenantProfile activeWith(String... packs) {
        return new TenantProfile(ACME, true, List.of(packs));
    }

    private void write(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void enablesTheRulesOfATenantsPacksWithTheirPackMetadata() throws IOException {
        write("rules/core/pack.yaml", "id: core\nlicense: DRL-1.1\nsource_url_base: https://example.org/rules/\n");
        write("rules/core/whoami.yml", RULE.formatted("r-1"));

        RuleCatalog catalog = RulePackReader.read(root).catalogFor(List.of(activeWith("core")));

        assertThat(catalog.rulesFor(ACME).rules()).singleElement().satisfies(rule -> {
            assertThat(rule.sigma().id()).isEqualTo("r-1");
            assertThat(rule.pack().license()).isEqualTo("DRL-1.1");
            assertThat(rule.referenceUrl()).isEqualTo("https://example.org/rules/whoami.yml");
        });
        assertThat(catalog.failures()).isEmpty();
    }

    @Test
    void skipsAndReportsRulesThatFailToLoad() throws IOException {
        write("rules/core/good.yml", RULE.formatted("good"));
        write(
                "rules/core/aggregation.yml",
                RULE.formatted("agg").replace("condition: selection", "condition: selection | count() > 5"));

        RuleCatalog catalog = RulePackReader.read(root).catalogFor(List.of(activeWith("core")));

        assertThat(catalog.rulesFor(ACME).rules())
                .extracting(r -> r.sigma().id())
                .containsExactly("good");
        assertThat(catalog.failures()).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("rules/core/aggregation.yml");
            assertThat(f.reason()).contains("UNSUPPORTED").contains("aggregation");
        });
    }

    @Test
    void givesInactiveAndUnknownTenantsNoRules() throws IOException {
        write("rules/core/whoami.yml", RULE.formatted("r-1"));

        RuleCatalog catalog =
                RulePackReader.read(root).catalogFor(List.of(new TenantProfile(ACME, false, List.of("core"))));

        assertThat(catalog.rulesFor(ACME).rules()).isEmpty();
        assertThat(catalog.rulesFor(TenantId.of("initech")).rules()).isEmpty();
    }

    @Test
    void leavesOutTheRulesATenantTurnedOff() throws IOException {
        write("rules/core/one.yml", RULE.formatted("r-1"));
        write("rules/core/two.yml", RULE.formatted("r-2"));

        RuleCatalog catalog = RulePackReader.read(root)
                .catalogFor(List.of(
                        new TenantProfile(ACME, true, List.of("core"), Set.of("r-1")),
                        new TenantProfile(TenantId.of("globex"), true, List.of("core"))));

        assertThat(catalog.rulesFor(ACME).rules())
                .extracting(r -> r.sigma().id())
                .containsExactly("r-2");
        assertThat(catalog.rulesFor(TenantId.of("globex")).rules())
                .extracting(r -> r.sigma().id())
                .containsExactlyInAnyOrder("r-1", "r-2");
    }

    @Test
    void reportsPacksThatDoNotExist() throws IOException {
        RuleCatalog catalog = RulePackReader.read(root).catalogFor(List.of(activeWith("missing")));

        assertThat(catalog.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("missing"));
    }

    @Test
    void loadsTheRepositoryTenantConfigWithTheWhoamiRuleForAcme() {
        Path repositoryConfig = Path.of("../../tenant-config");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(repositoryConfig), "no tenant-config folder");

        RuleCatalog catalog = RulePackReader.read(repositoryConfig).catalogFor(List.of(activeWith("windows-core")));

        assertThat(catalog.failures()).isEmpty();
        assertThat(catalog.rulesFor(ACME).rules())
                .extracting(DetectionRule::sigma)
                .anySatisfy(r -> {
                    assertThat(r.id()).isEqualTo("97a80ec7-0e2f-4d05-9ef4-65760e634f6b");
                    assertThat(r.author()).isEqualTo("Florian Roth (Nextron Systems)");
                });
    }

    @Test
    void readsGlobalAndTenantFiltersAndReportsBadOnes() throws IOException {
        write("rules/core/whoami.yml", RULE.formatted("r-1"));
        String filter = """
                title: %s
                logsource: {product: windows}
                filter:
                  rules: [r-1]
                  selection: {User: '%s'}
                  condition: not selection
                """;
        write("filters/admins.yml", filter.formatted("Admins", "admin"));
        write("filters/acme/backup.yml", filter.formatted("Backup", "svc_backup"));
        write("filters/acme/broken.yml", "title: broken\nlogsource: {product: windows}\nfilter: {rules: [r-1]}\n");
        write("filters/Not A Tenant/x.yml", filter.formatted("X", "x"));

        var packs = RulePackReader.read(root);

        assertThat(packs.globalFilters()).extracting(f -> f.title()).containsExactly("Admins");
        assertThat(packs.tenantFilters().get(ACME)).extracting(f -> f.title()).containsExactly("Backup");
        assertThat(packs.failures())
                .extracting(f -> f.location())
                .containsExactlyInAnyOrder("filters/acme/broken.yml", "filters/Not A Tenant");
        DetectionRule rule = packs.catalogFor(List.of(activeWith("core")))
                .rulesFor(ACME)
                .rules()
                .getFirst();
        assertThat(rule.sigma().filters()).hasSize(2);
    }
}

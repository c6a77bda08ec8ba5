package io.socaas.tenants.tenantconfig.domain;

import static io.socaas.tenants.tenantconfig.domain.TenantFileTestData.aTenantFile;
import static io.socaas.tenants.tenantconfig.domain.TenantFileTestData.plans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.events.TenantId;
import io.socaas.tenants.tenant.domain.TenantSettings;
import io.socaas.tenants.tenant.domain.TenantSpec;
import io.socaas.tenants.tenant.domain.TenantStatus;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantConfigParserTest {

    private static final PlanCatalog PLANS = TenantConfigParser.parsePlans(plans("essentials", "standard", "premium"));

    @Test
    void readsEveryFieldOfAValidTenantFile() {
        TenantSpec spec = TenantConfigParser.parseTenant(aTenantFile().build(), PLANS);

        assertThat(spec)
                .isEqualTo(new TenantSpec(
                        TenantId.of("acme"),
                        "Acme Manufacturing GmbH",
                        "standard",
                        ZoneId.of("Europe/Berlin"),
                        TenantStatus.ACTIVE,
                        List.of("windows-core")));
    }

    @Test
    void readsContactsRuleOverridesEndpointsPlaceholdersAndHolidays() {
        TenantSpec spec = TenantConfigParser.parseTenant(
                aTenantFile()
                        .with("contacts", Map.of("security", "soc@acme.example"))
                        .withRulePacks(List.of(Map.of(
                                "id",
                                "windows-core",
                                "overrides",
                                List.of(
                                        Map.of("rule", "r-1", "enabled", false),
                                        Map.of(
                                                "rule",
                                                "r-2",
                                                "severity",
                                                "low",
                                                "exceptions",
                                                List.of(Map.of(
                                                        "field",
                                                        "User",
                                                        "values",
                                                        List.of("svc-backup"),
                                                        "reason",
                                                        "nightly job")))))))
                        .with(
                                "notification_endpoints",
                                List.of(Map.of(
                                        "name",
                                        "teams",
                                        "url",
                                        "https://hooks.example/acme",
                                        "secret_ref",
                                        "acme-webhook")))
                        .with("placeholders", Map.of("DomainControllers", List.of("dc01", "dc02")))
                        .with("holidays", List.of("2026-12-24"))
                        .build(),
                PLANS);

        TenantSettings settings = spec.settings();
        assertThat(spec.rulePacks()).containsExactly("windows-core");
        assertThat(settings.contacts()).containsEntry("security", "soc@acme.example");
        assertThat(settings.ruleOverrides())
                .containsExactly(
                        new TenantSettings.RuleOverride("windows-core", "r-1", true, null, List.of()),
                        new TenantSettings.RuleOverride(
                                "windows-core",
                                "r-2",
                                false,
                                "low",
                                List.of(new TenantSettings.RuleException(
                                        "User", List.of("svc-backup"), "nightly job"))));
        assertThat(settings.notificationEndpoints())
                .containsExactly(
                        new TenantSettings.NotificationEndpoint("teams", "https://hooks.example/acme", "acme-webhook"));
        assertThat(settings.placeholders()).containsEntry("DomainControllers", List.of("dc01", "dc02"));
        assertThat(settings.holidays()).containsExactly(java.time.LocalDate.of(2026, 12, 24));
    }

    @Test
    void refusesAPlainHttpWebhookABadContactAndAnUnknownSeverityNamingEach() {
        assertThatThrownBy(() -> TenantConfigParser.parseTenant(
                        aTenantFile()
                                .with("contacts", Map.of("security", "not-an-address"))
                                .with(
                                        "notification_endpoints",
                                        List.of(Map.of("name", "hook", "url", "http://example.org/hook")))
                                .withRulePacks(List.of(Map.of(
                                        "id",
                                        "windows-core",
                                        "overrides",
                                        List.of(Map.of("rule", "r-1", "severity", "urgent")))))
                                .build(),
                        PLANS))
                .isInstanceOf(TenantConfigException.class)
                .hasMessageContaining("contacts: 'security' needs an e-mail address")
                .hasMessageContaining("an https 'url'")
                .hasMessageContaining("'severity' must be one of");
    }

    @Test
    void treatsMissingRulePacksAsNone() {
        TenantSpec spec = TenantConfigParser.parseTenant(
                aTenantFile().without("rule_packs").build(), PLANS);

        assertThat(spec.rulePacks()).isEmpty();
    }

    @Test
    void rejectsAnUnknownPlanNamingTheFileAndTheKnownPlans() {
        assertThatThrownBy(() -> TenantConfigParser.parseTenant(
                        aTenantFile().withPlan("gold").build(), PLANS))
                .isInstanceOf(TenantConfigException.class)
                .hasMessageStartingWith("tenants/acme.yaml: ")
                .hasMessageContaining("unknown plan 'gold'")
                .hasMessageContaining("essentials, premium, standard");
    }

    @Test
    void rejectsAnIdThatIsNotALowerCaseSlug() {
        assertThatThrownBy(() -> TenantConfigParser.parseTenant(
                        aTenantFile()
                                .withId("Acme_Corp")
                                .inFile("tenants/Acme_Corp.yaml")
                                .build(),
                        PLANS))
                .isInstanceOf(TenantConfigException.class)
                .hasMessageStartingWith("tenants/Acme_Corp.yaml: ")
                .hasMessageContaining("bad id 'Acme_Corp'");
    }

    @Test
    void rejectsATimeZoneThatIsNotAnIanaZone() {
        assertThatThrownBy(() -> TenantConfigParser.parseTenant(
                        aTenantFile().withTimeZone("Mars/Olympus_Mons").build(), PLANS))
                .isInstanceOf(TenantConfigException.class)
                .hasMessageStartingWith("tenants/acme.yaml: ")
                .hasMessageContaining("bad time_zone 'Mars/Olympus_Mons'");
    }

    @Test
    void rejectsAnOffsetInsteadOfAZone() {
        assertThatThrownBy(() -> TenantConfigParser.parseTenant(
                        aTenantFile().withTimeZone("+02:00").build(), PLANS))
                .hasMessageContaining("bad time_zone '+02:00'");
    }

    @Test
    void rejectsAnUnknownStatus() {
        assertThatThrownBy(() -> TenantConfigParser.parseTenant(
                        aTenantFile().withStatus("paused").build(), PLANS))
                .hasMessageContaining("bad status 'paused': expected provisioning|active|suspended");
    }

    @Test
    void rejectsAnIdThatDoesNotMatchTheFileName() {
        assertThatThrownBy(() -> TenantConfigParser.parseTenant(
                        aTenantFile().inFile("tenants/globex.yaml").build(), PLANS))
                .hasMessageStartingWith("tenants/globex.yaml: ")
                .hasMessageContaining("does not match the file name");
    }

    @Test
    void reportsEveryProblemOfAFileAtOnce() {
        ConfigDocument file = aTenantFile()
                .withPlan("gold")
                .withTimeZone("Nowhere")
                .without("display_name")
                .withRulePacks(List.of("windows-core", "Bad Pack"))
                .build();

        assertThatThrownBy(() -> TenantConfigParser.parseTenant(file, PLANS))
                .hasMessageContaining("missing 'display_name'")
                .hasMessageContaining("unknown plan 'gold'")
                .hasMessageContaining("bad time_zone 'Nowhere'")
                .hasMessageContaining("bad rule pack id 'Bad Pack'");
    }

    @Test
    void rejectsAFileThatIsNotAMapping() {
        assertThatThrownBy(
                        () -> TenantConfigParser.parseTenant(new ConfigDocument("tenants/x.yaml", List.of("a")), PLANS))
                .hasMessageStartingWith("tenants/x.yaml: ")
                .hasMessageContaining("expected a YAML mapping");
    }

    @Test
    void skipsBadTenantFilesAndKeepsTheGoodOnes() {
        RawTenantConfig raw = new RawTenantConfig(
                plans("standard", "essentials"),
                List.of(
                        aTenantFile().build(),
                        aTenantFile().withId("initech").withPlan("gold").build(),
                        aTenantFile()
                                .withId("globex")
                                .withPlan("essentials")
                                .withTimeZone("Europe/London")
                                .build()),
                List.of(new TenantConfigError("tenants/broken.yaml", "invalid YAML")));

        TenantConfigSnapshot snapshot = TenantConfigParser.parse(raw);

        assertThat(snapshot.tenants()).extracting(spec -> spec.id().value()).containsExactly("acme", "globex");
        assertThat(snapshot.errors())
                .extracting(TenantConfigError::file)
                .containsExactly("tenants/broken.yaml", "tenants/initech.yaml");
    }

    @Test
    void rejectsTheSameTenantIdInTwoFiles() {
        RawTenantConfig raw = new RawTenantConfig(
                plans("standard"),
                List.of(
                        aTenantFile().build(),
                        aTenantFile().inFile("tenants/acme.yaml").build()),
                List.of());

        TenantConfigSnapshot snapshot = TenantConfigParser.parse(raw);

        assertThat(snapshot.tenants()).hasSize(1);
        assertThat(snapshot.errors())
                .singleElement()
                .satisfies(error -> assertThat(error.reason()).contains("declared by another file"));
    }

    @Test
    void rejectsPlansWithoutAPlansList() {
        assertThatThrownBy(() -> TenantConfigParser.parsePlans(new ConfigDocument("plans.yaml", Map.of("x", 1))))
                .isInstanceOf(TenantConfigException.class)
                .hasMessage("plans.yaml: expected a top-level 'plans' list");
    }

    @Test
    void rejectsAPlanDeclaredTwice() {
        assertThatThrownBy(() -> TenantConfigParser.parsePlans(plans("standard", "standard")))
                .hasMessage("plans.yaml: plan 'standard': id is declared twice");
    }
}

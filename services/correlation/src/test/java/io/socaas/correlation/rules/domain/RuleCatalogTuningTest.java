package io.socaas.correlation.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.correlation.sigma.domain.SigmaEvent;
import io.socaas.correlation.sigma.domain.SigmaFilter;
import io.socaas.correlation.sigma.domain.SigmaRuleException;
import io.socaas.correlation.sigma.yaml.SigmaYamlReader;
import io.socaas.events.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sigma filters (global and per tenant) and expand placeholders, applied per tenant. */
class RuleCatalogTuningTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final RulePack PACK = RulePack.unnamed("core");

    private static final DetectionRule NET_USER = new DetectionRule(SigmaYamlReader.read("""
                    title: Net user
                    id: 11111111-0000-0000-0000-000000000001
                    name: net_user_enum
                    logsource: {category: process_creation, product: windows}
                    detection:
                      selection:
                        CommandLine|contains: 'net user'
                      condition: selection
                    """), PACK, "net_user.yml");

    private static final DetectionRule DC_LOGON = new DetectionRule(SigmaYamlReader.read("""
                    title: Logon on a domain controller
                    id: 11111111-0000-0000-0000-000000000002
                    logsource: {product: windows, service: security}
                    detection:
                      selection:
                        EventID: 4624
                        Computer|expand: '%DomainControllers%'
                      condition: selection
                    """), PACK, "dc_logon.yml");

    private static final SigmaFilter GLOBAL_ADMINS = SigmaYamlReader.readFilter("""
            title: Administrators use net user
            id: 22222222-0000-0000-0000-000000000001
            logsource: {category: process_creation, product: windows}
            filter:
              rules:
                - net_user_enum
              selection:
                User|startswith: 'adm_'
              condition: not selection
            """);

    private static final SigmaFilter ACME_BACKUP = SigmaYamlReader.readFilter("""
            title: Acme backup service
            id: 22222222-0000-0000-0000-000000000002
            logsource: {product: windows}
            filter:
              rules:
                - 11111111-0000-0000-0000-000000000001
              backup:
                User: 'ACME\\svc_backup'
              condition: not backup
            """);

    private static final SigmaFilter OTHER_LOGSOURCE = SigmaYamlReader.readFilter("""
            title: Names the rule but for another logsource
            logsource: {category: dns_query, product: windows}
            filter:
              rules: [net_user_enum]
              everything:
                CommandLine|contains: 'net'
              condition: not everything
            """);

    private static RuleCatalog catalog() {
        return RuleCatalog.assemble(
                List.of(
                        new TenantProfile(
                                ACME,
                                true,
                                List.of("core"),
                                Set.of(),
                                Map.of("DomainControllers", List.of("dc-1", "dc-2"))),
                        new TenantProfile(GLOBEX, true, List.of("core"))),
                Map.of("core", List.of(NET_USER, DC_LOGON)),
                List.of(),
                List.of(GLOBAL_ADMINS, OTHER_LOGSOURCE),
                Map.of(ACME, List.of(ACME_BACKUP)));
    }

    private static boolean fires(TenantId tenant, String ruleId, Map<String, Object> event) {
        return catalog().rulesFor(tenant).rules().stream()
                .filter(r -> r.sigma().id().equals(ruleId))
                .anyMatch(r -> r.sigma().matches(SigmaEvent.of(event)));
    }

    @Test
    void globalFiltersApplyToEveryTenantAndTenantFiltersToTheirTenantOnly() {
        String id = NET_USER.sigma().id();
        assertThat(fires(ACME, id, Map.of("CommandLine", "net user", "User", "ACME\\bob")))
                .isTrue();
        assertThat(fires(ACME, id, Map.of("CommandLine", "net user", "User", "adm_bob")))
                .isFalse();
        assertThat(fires(GLOBEX, id, Map.of("CommandLine", "net user", "User", "adm_bob")))
                .isFalse();
        assertThat(fires(ACME, id, Map.of("CommandLine", "net user", "User", "ACME\\svc_backup")))
                .isFalse();
        assertThat(fires(GLOBEX, id, Map.of("CommandLine", "net user", "User", "ACME\\svc_backup")))
                .isTrue();
        assertThat(catalog().rulesFor(ACME).rules().stream()
                        .filter(r -> r.sigma().id().equals(id))
                        .findFirst()
                        .orElseThrow()
                        .sigma()
                        .filters())
                .containsExactly(GLOBAL_ADMINS.id(), ACME_BACKUP.id());
    }

    @Test
    void placeholdersAreTheTenantsAndARuleWithoutValuesDoesNotRun() {
        String id = DC_LOGON.sigma().id();
        assertThat(fires(ACME, id, Map.of("EventID", 4624, "Computer", "DC-1"))).isTrue();
        assertThat(fires(ACME, id, Map.of("EventID", 4624, "Computer", "ws-7"))).isFalse();
        assertThat(catalog().rulesFor(GLOBEX).rules())
                .extracting(r -> r.sigma().id())
                .containsExactly(NET_USER.sigma().id());
        assertThat(catalog().failures())
                .anySatisfy(f -> assertThat(f.location() + " " + f.reason())
                        .contains("tenant globex")
                        .contains(id)
                        .contains("DomainControllers"));
    }

    @Test
    void aFilterForAnyRuleAppliesToEveryRuleOfItsLogsource() {
        SigmaFilter lab = SigmaYamlReader.readFilter("""
                title: Lab hosts
                logsource: {product: windows}
                filter:
                  rules: any
                  lab:
                    Computer|startswith: 'lab-'
                  condition: not lab
                """);
        RuleCatalog catalog = RuleCatalog.assemble(
                List.of(new TenantProfile(GLOBEX, true, List.of("core"))),
                Map.of("core", List.of(NET_USER)),
                List.of(),
                List.of(lab),
                Map.of());
        DetectionRule rule = catalog.rulesFor(GLOBEX).rules().getFirst();
        assertThat(rule.sigma().matches(SigmaEvent.of(Map.of("CommandLine", "net user", "Computer", "lab-1"))))
                .isFalse();
        assertThat(rule.sigma().matches(SigmaEvent.of(Map.of("CommandLine", "net user", "Computer", "ws-1"))))
                .isTrue();
    }

    @Test
    void aFilterMustNameItsRules() {
        assertThatThrownBy(() -> SigmaYamlReader.readFilter("""
                        title: no rules
                        logsource: {product: windows}
                        filter:
                          selection: {User: x}
                          condition: not selection
                        """))
                .isInstanceOf(SigmaRuleException.class)
                .hasMessageContaining("names no rules");
    }
}

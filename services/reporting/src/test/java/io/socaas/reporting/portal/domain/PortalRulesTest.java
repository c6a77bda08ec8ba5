package io.socaas.reporting.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.events.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortalRulesTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final TenantId INITECH = TenantId.of("initech");

    private static final RuleFile WHOAMI = new RuleFile("windows-core", "whoami-1", "id: whoami-1");
    private static final RuleFile CERTUTIL = new RuleFile("windows-core", "certutil-1", "id: certutil-1");
    private static final RuleFile SSH = new RuleFile("linux-core", "ssh-1", "id: ssh-1");
    private static final RuleFile WHOAMI_IN_EXTRAS =
            new RuleFile("windows-extras", "whoami-1", "id: whoami-1 (extras)");

    private static final RuleLibrary LIBRARY = ruleId -> List.of(WHOAMI, CERTUTIL, SSH, WHOAMI_IN_EXTRAS).stream()
            .filter(file -> file.ruleId().equals(ruleId))
            .toList();

    private static final RuleSelections SELECTIONS = tenant -> switch (tenant.value()) {
        case "acme" -> new RuleSelection(Map.of("windows-core", Set.of("certutil-1")));
        case "globex" -> new RuleSelection(Map.of("windows-core", Set.of(), "linux-core", Set.of()));
        case "initech" -> new RuleSelection(Map.of("windows-extras", Set.of()));
        default -> RuleSelection.NONE;
    };

    private final PortalRules rules = new PortalRules(LIBRARY, SELECTIONS);

    @Test
    void servesARuleOfAPackTheTenantEnabled() {
        assertThat(rules.enabledRule(ACME, "whoami-1")).contains(WHOAMI);
    }

    @Test
    void hidesARuleOfAPackOnlyAnotherTenantEnabled() {
        assertThat(rules.enabledRule(GLOBEX, "ssh-1")).contains(SSH);
        assertThat(rules.enabledRule(ACME, "ssh-1")).isEmpty();
    }

    @Test
    void hidesARuleTheTenantTurnedOffWhileOthersStillRunIt() {
        assertThat(rules.enabledRule(GLOBEX, "certutil-1")).contains(CERTUTIL);
        assertThat(rules.enabledRule(ACME, "certutil-1")).isEmpty();
    }

    @Test
    void answersAnUnknownRuleAndAnUnknownTenantAlike() {
        assertThat(rules.enabledRule(ACME, "no-such-rule")).isEmpty();
        assertThat(rules.enabledRule(TenantId.of("nosuch"), "whoami-1")).isEmpty();
    }

    @Test
    void servesTheCopyOfTheRuleFromThePackTheTenantEnabled() {
        assertThat(rules.enabledRule(INITECH, "whoami-1")).contains(WHOAMI_IN_EXTRAS);
    }
}

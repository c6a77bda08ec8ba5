package io.socaas.cases.casefile.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.events.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseAccessPolicyTest {

    private static final Caller ALICE = new Caller(Set.of("customer-admin"), List.of("acme"));
    private static final Caller ANA = new Caller("ana", Set.of("analyst", "analyst-l1"), List.of());
    private static final Optional<CaseAccessPolicy.Entitlement> ALL = Optional.of(CaseAccessPolicy.Entitlement.all());

    @Test
    void aCustomerUserIsScopedToItsOrganization() {
        assertThat(CaseAccessPolicy.scopeFor(ALICE, Optional.empty(), Optional.empty()))
                .isEqualTo(TenantScope.of(TenantId.of("acme")));
        assertThat(CaseAccessPolicy.scopeFor(
                        new Caller(Set.of("customer-viewer"), List.of("globex")),
                        Optional.of("globex"),
                        Optional.empty()))
                .isEqualTo(TenantScope.of(TenantId.of("globex")));
    }

    @Test
    void aCustomerUserMayNotAskForAnotherTenant() {
        assertThatThrownBy(() -> CaseAccessPolicy.scopeFor(ALICE, Optional.of("globex"), Optional.empty()))
                .isInstanceOf(CaseAccessDeniedException.class);
    }

    @Test
    void aCustomerTokenWithoutExactlyOneOrganizationIsDenied() {
        assertThatThrownBy(() -> CaseAccessPolicy.scopeFor(
                        new Caller(Set.of("customer-admin"), List.of()), Optional.empty(), Optional.empty()))
                .isInstanceOf(CaseAccessDeniedException.class);
        assertThatThrownBy(() -> CaseAccessPolicy.scopeFor(
                        new Caller(Set.of("customer-admin"), List.of("acme", "globex")),
                        Optional.empty(),
                        Optional.empty()))
                .isInstanceOf(CaseAccessDeniedException.class);
    }

    @Test
    void aCustomerOrganizationThatIsNoTenantIdIsDenied() {
        assertThatThrownBy(() -> CaseAccessPolicy.scopeFor(
                        new Caller(Set.of("customer-admin"), List.of("Not A Tenant")),
                        Optional.empty(),
                        Optional.empty()))
                .isInstanceOf(CaseAccessDeniedException.class);
    }

    @Test
    void msspStaffSeeAllTenantsOrTheOneTheyAskFor() {
        assertThat(CaseAccessPolicy.scopeFor(ANA, Optional.empty(), ALL)).isEqualTo(TenantScope.allTenants());
        assertThat(CaseAccessPolicy.scopeFor(ANA, Optional.of(""), ALL)).isEqualTo(TenantScope.allTenants());
        assertThat(CaseAccessPolicy.scopeFor(ANA, Optional.of("globex"), ALL))
                .isEqualTo(TenantScope.of(TenantId.of("globex")));
        assertThat(CaseAccessPolicy.scopeFor(
                        new Caller(Set.of("soc-manager"), List.of()), Optional.empty(), Optional.empty()))
                .isEqualTo(TenantScope.allTenants());
        assertThat(CaseAccessPolicy.scopeFor(
                        new Caller(Set.of("mssp-admin"), List.of()), Optional.empty(), Optional.empty()))
                .isEqualTo(TenantScope.allTenants());
    }

    @Test
    void anAnalystSeesExactlyTheTenantsItsProfileEntitlesItTo() {
        Caller lee = new Caller("lee", Set.of("analyst", "analyst-l2"), List.of());
        var acmeOnly = Optional.of(CaseAccessPolicy.Entitlement.only(Set.of(TenantId.of("acme"))));
        var two = Optional.of(CaseAccessPolicy.Entitlement.only(Set.of(TenantId.of("acme"), TenantId.of("initech"))));

        assertThat(CaseAccessPolicy.scopeFor(lee, Optional.empty(), acmeOnly))
                .isEqualTo(TenantScope.of(TenantId.of("acme")));
        assertThat(CaseAccessPolicy.scopeFor(lee, Optional.empty(), two))
                .isEqualTo(new TenantScope.SomeTenants(Set.of(TenantId.of("acme"), TenantId.of("initech"))));
        assertThat(CaseAccessPolicy.scopeFor(lee, Optional.of("initech"), two))
                .isEqualTo(TenantScope.of(TenantId.of("initech")));
        assertThatThrownBy(() -> CaseAccessPolicy.scopeFor(lee, Optional.of("globex"), acmeOnly))
                .isInstanceOf(CaseAccessDeniedException.class)
                .hasMessageContaining("not entitled to tenant globex");
        assertThatThrownBy(() -> CaseAccessPolicy.scopeFor(lee, Optional.empty(), Optional.empty()))
                .isInstanceOf(CaseAccessDeniedException.class)
                .hasMessageContaining("no analyst profile");
        assertThat(new TenantScope.SomeTenants(Set.of(TenantId.of("acme"))).includes(TenantId.of("globex")))
                .isFalse();
    }

    @Test
    void aSocManagerSeesEveryTenantWhateverItsAnalystRoleSays() {
        Caller mia = new Caller("mia", Set.of("analyst", "soc-manager"), List.of());
        assertThat(CaseAccessPolicy.needsEntitlement(mia)).isFalse();
        assertThat(CaseAccessPolicy.scopeFor(mia, Optional.empty(), Optional.empty()))
                .isEqualTo(TenantScope.allTenants());
    }

    @Test
    void aUserWithoutACaseRoleIsDenied() {
        assertThatThrownBy(() -> CaseAccessPolicy.scopeFor(
                        new Caller(Set.of("offline_access"), List.of("acme")), Optional.empty(), Optional.empty()))
                .isInstanceOf(CaseAccessDeniedException.class);
    }

    @Test
    void aMalformedRequestedTenantIsAnInvalidQuery() {
        assertThatThrownBy(() -> CaseAccessPolicy.scopeFor(ANA, Optional.of("ACME;drop"), ALL))
                .isInstanceOf(InvalidCaseQueryException.class);
    }

    @Test
    void aTenantScopedCallRequiresATenant() {
        assertThatThrownBy(() -> CaseAccessPolicy.requiredTenant("")).isInstanceOf(InvalidCaseQueryException.class);
        assertThatThrownBy(() -> CaseAccessPolicy.requiredTenant(null)).isInstanceOf(InvalidCaseQueryException.class);
        assertThat(CaseAccessPolicy.requiredTenant("acme")).isEqualTo(TenantScope.of(TenantId.of("acme")));
    }

    @Test
    void scopesIncludeOnlyTheirTenants() {
        TenantScope acme = TenantScope.of(TenantId.of("acme"));

        assertThat(acme.includes(TenantId.of("acme"))).isTrue();
        assertThat(acme.includes(TenantId.of("globex"))).isFalse();
        assertThat(TenantScope.allTenants().includes(TenantId.of("globex"))).isTrue();
    }
}

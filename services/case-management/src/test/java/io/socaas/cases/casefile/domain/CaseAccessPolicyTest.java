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
    private static final Caller ANA = new Caller(Set.of("analyst", "analyst-l1"), List.of());

    @Test
    void aCustomerUserIsScopedToItsOrganization() {
        assertThat(CaseAccessPolicy.scopeFor(ALICE, Optional.empty())).isEqualTo(TenantScope.of(TenantId.of("acme")));
        assertThat(CaseAccessPolicy.scopeFor(
                        new Caller(Set.of("customer-viewer"), List.of("globex")), Optional.of("globex")))
                .isEqualTo(TenantScope.of(TenantId.of("globex")));
    }

    @Test
    void aCustomerUserMayNotAskForAnotherTenant() {
        assertThatThrownBy(() -> CaseAccessPolicy.scopeFor(ALICE, Optional.of("globex")))
                .isInstanceOf(CaseAccessDeniedException.class);
    }

    @Test
    void aCustomerTokenWithoutExactlyOneOrganizationIsDenied() {
        assertThatThrownBy(() ->
                        CaseAccessPolicy.scopeFor(new Caller(Set.of("customer-admin"), List.of()), Optional.empty()))
                .isInstanceOf(CaseAccessDeniedException.class);
        assertThatThrownBy(() -> CaseAccessPolicy.scopeFor(
                        new Caller(Set.of("customer-admin"), List.of("acme", "globex")), Optional.empty()))
                .isInstanceOf(CaseAccessDeniedException.class);
    }

    @Test
    void aCustomerOrganizationThatIsNoTenantIdIsDenied() {
        assertThatThrownBy(() -> CaseAccessPolicy.scopeFor(
                        new Caller(Set.of("customer-admin"), List.of("Not A Tenant")), Optional.empty()))
                .isInstanceOf(CaseAccessDeniedException.class);
    }

    @Test
    void msspStaffSeeAllTenantsOrTheOneTheyAskFor() {
        assertThat(CaseAccessPolicy.scopeFor(ANA, Optional.empty())).isEqualTo(TenantScope.allTenants());
        assertThat(CaseAccessPolicy.scopeFor(ANA, Optional.of(""))).isEqualTo(TenantScope.allTenants());
        assertThat(CaseAccessPolicy.scopeFor(ANA, Optional.of("globex")))
                .isEqualTo(TenantScope.of(TenantId.of("globex")));
        assertThat(CaseAccessPolicy.scopeFor(new Caller(Set.of("soc-manager"), List.of()), Optional.empty()))
                .isEqualTo(TenantScope.allTenants());
        assertThat(CaseAccessPolicy.scopeFor(new Caller(Set.of("mssp-admin"), List.of()), Optional.empty()))
                .isEqualTo(TenantScope.allTenants());
    }

    @Test
    void aUserWithoutACaseRoleIsDenied() {
        assertThatThrownBy(() -> CaseAccessPolicy.scopeFor(
                        new Caller(Set.of("offline_access"), List.of("acme")), Optional.empty()))
                .isInstanceOf(CaseAccessDeniedException.class);
    }

    @Test
    void aMalformedRequestedTenantIsAnInvalidQuery() {
        assertThatThrownBy(() -> CaseAccessPolicy.scopeFor(ANA, Optional.of("ACME;drop")))
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

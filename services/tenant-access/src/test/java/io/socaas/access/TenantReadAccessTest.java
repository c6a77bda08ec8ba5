package io.socaas.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantReadAccessTest {

    private final TenantReadAccess access = new TenantReadAccess(Set.of("mssp-admin", "soc-manager", "sales"));

    @Test
    void staffReadEveryTenant() {
        assertThat(access.mayRead(Set.of("sales"), List.of(), "acme")).isTrue();
        assertThat(access.mayRead(Set.of("soc-manager", "analyst"), List.of(), "globex"))
                .isTrue();
    }

    @Test
    void customersReadOnlyTheTenantOfTheirOrganization() {
        assertThat(access.mayRead(Set.of("customer-admin"), List.of("acme"), "acme"))
                .isTrue();
        assertThat(access.mayRead(Set.of("customer-viewer"), List.of("acme"), "acme"))
                .isTrue();
        assertThat(access.mayRead(Set.of("customer-admin"), List.of("acme"), "globex"))
                .isFalse();
        assertThat(access.mayRead(Set.of("customer-admin"), List.of(), "acme")).isFalse();
    }

    @Test
    void anOrganizationWithoutACustomerRoleGrantsNothing() {
        assertThat(access.mayRead(Set.of("analyst"), List.of("acme"), "acme")).isFalse();
        assertThat(access.mayRead(Set.of(), List.of("acme"), "acme")).isFalse();
    }

    private final AnalystEntitlements published = username -> Optional.ofNullable(Map.of(
                    "lee", TenantReach.only(List.of("acme")),
                    "ana", TenantReach.all(),
                    "kim", TenantReach.none())
            .get(username));

    @Test
    void anAnalystSeesOnlyTheTenantsOfItsPublishedEntitlement() {
        assertThat(access.mayRead(Set.of("analyst"), List.of(), "lee", published, "acme"))
                .isTrue();
        assertThat(access.mayRead(Set.of("analyst"), List.of(), "lee", published, "globex"))
                .isFalse();
        assertThat(access.reach(Set.of("analyst"), List.of(), "lee", published))
                .isEqualTo(TenantReach.only(List.of("acme")));
    }

    @Test
    void anAnalystEntitledToAllTenantsSeesEveryTenant() {
        assertThat(access.reach(Set.of("analyst"), List.of(), "ana", published)).isEqualTo(TenantReach.all());
        assertThat(access.mayRead(Set.of("analyst"), List.of(), "ana", published, "globex"))
                .isTrue();
    }

    @Test
    void anAnalystWithoutAPublishedEntitlementSeesNoTenant() {
        assertThat(access.reach(Set.of("analyst"), List.of(), "zoe", published)).isEqualTo(TenantReach.none());
        assertThat(access.reach(Set.of("analyst"), List.of(), "kim", published)).isEqualTo(TenantReach.none());
        assertThat(access.reach(Set.of("analyst"), List.of(), null, published)).isEqualTo(TenantReach.none());
    }

    @Test
    void analystIsNeverAnEveryTenantRoleAndStaffRolesWinOverAnEntitlement() {
        TenantReadAccess withAnalysts = new TenantReadAccess(Set.of("analyst", "soc-manager", "mssp-admin"));
        assertThat(withAnalysts.staffRoles()).containsExactlyInAnyOrder("soc-manager", "mssp-admin");
        assertThat(withAnalysts.mayRead(Set.of("analyst"), List.of(), "lee", published, "globex"))
                .isFalse();
        assertThat(withAnalysts.mayRead(Set.of("analyst", "soc-manager"), List.of(), "lee", published, "globex"))
                .isTrue();
    }
}

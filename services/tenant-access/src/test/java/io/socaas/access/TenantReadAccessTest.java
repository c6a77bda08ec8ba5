package io.socaas.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}

package io.socaas.reporting.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.access.TenantReach;
import io.socaas.events.TenantId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantScopeTest {

    private static final Set<TenantId> KNOWN = Set.of(TenantId.of("acme"), TenantId.of("globex"));

    private static Viewer customer(String... organizations) {
        return new Viewer(
                "alice@acme.example",
                Set.of(PortalRole.CUSTOMER_ADMIN),
                Set.of(organizations),
                TenantReach.only(Set.of(organizations)));
    }

    private static Viewer analyst() {
        return new Viewer("ana", Set.of(PortalRole.ANALYST), Set.of(), TenantReach.all());
    }

    /** lee: an analyst entitled to acme only. */
    private static Viewer acmeAnalyst() {
        return new Viewer("lee", Set.of(PortalRole.ANALYST), Set.of(), TenantReach.only(Set.of("acme")));
    }

    @Test
    void refusesAnAnalystATenantOutsideItsEntitlementWhetherItExistsOrNot() {
        assertThat(TenantScope.decide(acmeAnalyst(), Optional.of("acme"), KNOWN))
                .isEqualTo(new TenantScope.Granted(TenantId.of("acme"), true));
        assertThat(TenantScope.decide(acmeAnalyst(), Optional.of("globex"), KNOWN))
                .isInstanceOfSatisfying(
                        TenantScope.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(TenantScope.Reason.NOT_ENTITLED));
        assertThat(TenantScope.decide(acmeAnalyst(), Optional.of("initech"), KNOWN))
                .isInstanceOfSatisfying(
                        TenantScope.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(TenantScope.Reason.NOT_ENTITLED));
        Viewer noEntitlement = new Viewer("zoe", Set.of(PortalRole.ANALYST), Set.of(), TenantReach.none());
        assertThat(TenantScope.decide(noEntitlement, Optional.of("acme"), KNOWN))
                .isInstanceOf(TenantScope.Refused.class);
    }

    @Test
    void pinsCustomerToItsOrganization() {
        TenantScope scope = TenantScope.decide(customer("acme"), Optional.empty(), KNOWN);

        assertThat(scope).isEqualTo(new TenantScope.Granted(TenantId.of("acme"), false));
    }

    @Test
    void letsCustomerNameItsOwnTenant() {
        TenantScope scope = TenantScope.decide(customer("acme"), Optional.of("acme"), KNOWN);

        assertThat(scope).isEqualTo(new TenantScope.Granted(TenantId.of("acme"), false));
    }

    @Test
    void refusesCustomerAskingForAnotherTenant() {
        TenantScope scope = TenantScope.decide(customer("acme"), Optional.of("globex"), KNOWN);

        assertThat(scope)
                .isInstanceOfSatisfying(
                        TenantScope.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(TenantScope.Reason.OTHER_TENANT));
    }

    @Test
    void refusesCustomerAskingForATenantTheyMadeUp() {
        TenantScope scope = TenantScope.decide(customer("acme"), Optional.of("ACME; drop"), KNOWN);

        assertThat(scope).isInstanceOf(TenantScope.Refused.class);
    }

    @Test
    void refusesCustomerWithoutOrganization() {
        TenantScope scope = TenantScope.decide(customer(), Optional.empty(), KNOWN);

        assertThat(scope)
                .isInstanceOfSatisfying(
                        TenantScope.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(TenantScope.Reason.NO_ORGANIZATION));
    }

    @Test
    void refusesCustomerWithSeveralOrganizations() {
        TenantScope scope = TenantScope.decide(customer("acme", "globex"), Optional.of("globex"), KNOWN);

        assertThat(scope)
                .isInstanceOfSatisfying(
                        TenantScope.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(TenantScope.Reason.NO_ORGANIZATION));
    }

    @Test
    void letsAnalystChooseAnyKnownTenant() {
        TenantScope scope = TenantScope.decide(analyst(), Optional.of("globex"), KNOWN);

        assertThat(scope).isEqualTo(new TenantScope.Granted(TenantId.of("globex"), true));
    }

    @Test
    void asksAnalystToChooseWhenNoTenantIsNamed() {
        assertThat(TenantScope.decide(analyst(), Optional.empty(), KNOWN)).isInstanceOf(TenantScope.ChooseTenant.class);
        assertThat(TenantScope.decide(analyst(), Optional.of("  "), KNOWN))
                .isInstanceOf(TenantScope.ChooseTenant.class);
    }

    @Test
    void refusesAnalystNamingAnUnknownTenant() {
        TenantScope scope = TenantScope.decide(analyst(), Optional.of("initech"), KNOWN);

        assertThat(scope)
                .isInstanceOfSatisfying(
                        TenantScope.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(TenantScope.Reason.UNKNOWN_TENANT));
    }

    @Test
    void letsSocManagerAndMsspAdminChooseToo() {
        Viewer manager =
                new Viewer("ops", Set.of(PortalRole.SOC_MANAGER, PortalRole.MSSP_ADMIN), Set.of(), TenantReach.all());

        assertThat(TenantScope.decide(manager, Optional.of("acme"), KNOWN))
                .isEqualTo(new TenantScope.Granted(TenantId.of("acme"), true));
    }

    @Test
    void refusesUserWithoutPortalRoleEvenWithAnOrganization() {
        Viewer nobody = new Viewer("eve", Set.of(), Set.of("acme"), TenantReach.none());

        assertThat(TenantScope.decide(nobody, Optional.empty(), KNOWN))
                .isInstanceOfSatisfying(
                        TenantScope.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(TenantScope.Reason.NO_PORTAL_ROLE));
    }
}

package io.socaas.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TenantScopeTest {

    @Test
    void oneTenantIsItsIdInTheSetting() {
        assertThat(TenantScope.of("acme").setting()).isEqualTo("acme");
    }

    @Test
    void entitledTenantsAreACommaSeparatedListInAStableOrder() {
        assertThat(TenantScope.entitled(List.of("globex", "acme", "globex")).setting())
                .isEqualTo("acme,globex");
    }

    @Test
    void anAnalystEntitledToNoTenantHasAnEmptySettingThatMatchesNoRow() {
        assertThat(TenantScope.entitled(List.of()).setting()).isEmpty();
    }

    @Test
    void theSystemScopeIsTheStarAndKeepsItsReason() {
        TenantScope system = TenantScope.system("invoice run");
        assertThat(system.setting()).isEqualTo("*");
        assertThat(system.reason()).contains("invoice run");
    }

    @Test
    void theSystemScopeNeedsAReason() {
        assertThatThrownBy(() -> TenantScope.system(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TenantScope.system(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIdThatCouldWidenTheListOrNameTheSystemScopeIsRefused() {
        for (String bad : new String[] {"*", "acme,globex", "", " acme", "acme\n", null}) {
            assertThatThrownBy(() -> TenantScope.of(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> TenantScope.entitled(List.of("acme", "*")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNarrowerScopeLiesWithinAWiderOneButNeverTheOtherWayRound() {
        TenantScope acme = TenantScope.of("acme");
        TenantScope both = TenantScope.entitled(List.of("acme", "globex"));
        TenantScope system = TenantScope.system("rollup");
        assertThat(acme.isWithin(both)).isTrue();
        assertThat(both.isWithin(system)).isTrue();
        assertThat(both.isWithin(acme)).isFalse();
        assertThat(system.isWithin(both)).isFalse();
        assertThat(TenantScope.of("globex").isWithin(acme)).isFalse();
    }
}

package io.socaas.correlation.rules.tenantfacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.rules.domain.RuleTuning;
import io.socaas.correlation.rules.domain.TenantProfile;
import io.socaas.correlation.sigma.domain.SigmaLevel;
import io.socaas.proto.tenant.v1.RuleException;
import io.socaas.proto.tenant.v1.RuleOverride;
import io.socaas.proto.tenant.v1.RulePackSelection;
import io.socaas.proto.tenant.v1.Severity;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.proto.tenant.v1.TenantStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What correlation reads of a tenant's published rule overrides. */
class TenantRuleCatalogProfileTest {

    private static final String RULE = "97a80ec7-0e2f-4d05-9ef4-65760e634f6b";

    private static TenantConfig acme(RuleOverride... overrides) {
        return TenantConfig.newBuilder()
                .setTenantId("acme")
                .setStatus(TenantStatus.TENANT_STATUS_ACTIVE)
                .addRulePacks(
                        RulePackSelection.newBuilder().setPackId("windows-core").addAllOverrides(List.of(overrides)))
                .build();
    }

    @Test
    void readsTheSeverityOverrideAndTheExceptionsOfARule() {
        TenantProfile profile = TenantRuleCatalog.profile(acme(RuleOverride.newBuilder()
                .setRuleId(RULE)
                .setSeverity(Severity.SEVERITY_CRITICAL)
                .addExceptions(RuleException.newBuilder()
                        .setField("User")
                        .addValues("svc_backup")
                        .setReason("nightly backup"))
                .build()));

        RuleTuning tuning = profile.tuningOf(RULE);
        assertThat(tuning.severity()).contains(SigmaLevel.CRITICAL);
        assertThat(tuning.exceptions()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("User");
            assertThat(e.values()).containsExactly("svc_backup");
            assertThat(e.reason()).isEqualTo("nightly backup");
        });
        assertThat(profile.disabledRules()).isEmpty();
    }

    @Test
    void anUnspecifiedSeverityKeepsTheRulesLevelAndAnOverrideWithoutTuningIsNone() {
        TenantProfile profile = TenantRuleCatalog.profile(
                acme(RuleOverride.newBuilder().setRuleId(RULE).setDisabled(true).build()));

        assertThat(profile.disabledRules()).containsExactly(RULE);
        assertThat(profile.tuningOf(RULE)).isEqualTo(RuleTuning.NONE);
        assertThat(profile.tuning()).isEmpty();
    }

    @Test
    void skipsAnExceptionWithoutFieldOrValues() {
        TenantProfile profile = TenantRuleCatalog.profile(acme(RuleOverride.newBuilder()
                .setRuleId(RULE)
                .addExceptions(RuleException.newBuilder().setField("User"))
                .addExceptions(RuleException.newBuilder().addValues("x"))
                .addExceptions(RuleException.newBuilder().setField("Image").addValues("a.exe"))
                .build()));

        assertThat(profile.tuningOf(RULE).exceptions())
                .extracting(RuleTuning.RuleException::field)
                .containsExactly("Image");
    }
}

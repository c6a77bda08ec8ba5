package io.socaas.tenants.tenantconfig.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.tenants.tenantconfig.domain.Plan;
import io.socaas.tenants.tenantconfig.domain.PlanCatalog;
import io.socaas.tenants.tenantconfig.domain.TenantConfigException;
import io.socaas.tenants.tenantconfig.domain.TenantConfigParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plans.yaml as shipped and as an operator might get it wrong, read from files. */
class PlansFileTest {

    private final TenantConfigFolderReader reader = new TenantConfigFolderReader();

    @TempDir
    Path folder;

    @Test
    void theShippedPlansResolveEveryValueBillingAndTheSlaClocksNeed() {
        PlanCatalog plans = TenantConfigParser.parsePlans(reader.readPlans(Path.of("../../tenant-config")));

        assertThat(plans.plans()).containsOnlyKeys("essentials", "standard", "premium", "drill");
        Plan essentials = plans.find("essentials").orElseThrow();
        assertThat(essentials.coverage().allDay()).isFalse();
        assertThat(essentials.coverage().days())
                .containsExactlyInAnyOrder(
                        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(essentials.coverage().from()).isEqualTo(LocalTime.of(8, 0));
        assertThat(essentials.coverage().to()).isEqualTo(LocalTime.of(18, 0));
        assertThat(essentials.sla().get(Plan.Severity.CRITICAL))
                .isEqualTo(new Plan.SlaBudget(Duration.ofHours(1), Duration.ofHours(8)));
        assertThat(essentials.billing()).isEqualTo(new Plan.BillingTerms("EUR", 49000, 50, 150, 2, 20));
        assertThat(essentials.quota()).isEqualTo(new Plan.IngestQuota(200, 2000, 5_000_000));

        Plan standard = plans.find("standard").orElseThrow();
        assertThat(standard.coverage().allDay()).isTrue();
        assertThat(standard.sla().get(Plan.Severity.CRITICAL).acknowledge()).isEqualTo(Duration.ofMinutes(15));
        assertThat(standard.escalation())
                .contains(new Plan.EscalationStep(100, Plan.Clock.RESOLVE, "notify-customer-and-record-breach"));
        assertThat(plans.find("premium").orElseThrow().retentionDays()).isEqualTo(365);
    }

    @Test
    void aBrokenPlanIsRefusedWithEveryProblemItsPlanAndItsLine() throws IOException {
        Files.writeString(folder.resolve("plans.yaml"), """
                plans:
                  - id: basic
                    coverage: business-hours
                    retention_days: 30
                    quotas: { events_per_second: 100, events_per_day: 1000 }
                    sla:
                      critical: { acknowledge: 2h, resolve: 1h }
                      high: { acknowledge: soon, resolve: 1d }
                      medium: { acknowledge: 1h, resolve: 1d }
                      low: { acknowledge: 1h, resolve: 1d }
                    escalation:
                      - { at: 50%, of: acknowledge, action: notify-assignee }
                    billing: { currency: euro, monthly_fee: 100, included_gb: 1, overage_per_gb: 1,
                               service_credit_percent_per_breach: 5, max_credit_percent: 120 }
                """);

        assertThatThrownBy(() -> TenantConfigParser.parsePlans(reader.readPlans(folder)))
                .isInstanceOf(TenantConfigException.class)
                .hasMessageStartingWith("plans.yaml: plan 'basic' (line 2): ")
                .hasMessageContaining("business-hours coverage needs 'business_hours'")
                .hasMessageContaining("sla.critical: acknowledge is longer than resolve")
                .hasMessageContaining("sla.high.acknowledge must be a positive duration")
                .hasMessageContaining("sla.informational is missing")
                .hasMessageContaining("currency must be an ISO 4217 code")
                .hasMessageContaining("max_credit_percent cannot exceed 100");
    }

    @Test
    void aBadTenantFileNamesTheLineOfTheBadField() throws IOException {
        Files.createDirectories(folder.resolve("tenants"));
        Files.copy(Path.of("../../tenant-config/plans.yaml"), folder.resolve("plans.yaml"));
        Files.writeString(folder.resolve("tenants/initech.yaml"), """
                # a comment first
                id: initech
                display_name: Initech
                plan: gold
                time_zone: Europe/Berlin
                status: active
                """);

        var snapshot = TenantConfigParser.parse(reader.read(folder));

        assertThat(snapshot.errors())
                .singleElement()
                .satisfies(error -> assertThat(error.message())
                        .isEqualTo("tenants/initech.yaml: line 4: unknown plan 'gold'"
                                + " (plans.yaml declares: drill, essentials, premium, standard)"));
    }
}

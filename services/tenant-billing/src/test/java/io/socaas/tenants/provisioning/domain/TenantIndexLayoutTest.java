package io.socaas.tenants.provisioning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.events.TenantId;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TenantIndexLayoutTest {

    @Test
    void oneTemplateMatchesEveryDailyIndexOfTheTenantAndAliasesIt() {
        TenantIndexLayout layout = TenantIndexLayout.of(TenantId.of("initech"));

        assertThat(layout.templateName()).isEqualTo("events-initech");
        assertThat(layout.indexPattern()).isEqualTo("events-initech-*");
        assertThat(layout.alias()).isEqualTo("events-initech");
        assertThat(layout.dailyIndex(LocalDate.of(2026, 3, 7))).isEqualTo("events-initech-2026.03.07");
    }

    @Test
    void aTenantWhoseIdExtendsAnotherDoesNotShareItsPattern() {
        // "events-acme-*" must not match "events-acme-labs-2026.01.01"'s own pattern by accident:
        // ids never contain the date's dots, and the daily suffix is fixed
        TenantIndexLayout acme = TenantIndexLayout.of(TenantId.of("acme"));
        TenantIndexLayout acmeLabs = TenantIndexLayout.of(TenantId.of("acme-labs"));

        assertThat(acmeLabs.dailyIndex(LocalDate.of(2026, 1, 1))).startsWith("events-acme-");
        assertThat(acme.alias()).isNotEqualTo(acmeLabs.alias());
    }
}

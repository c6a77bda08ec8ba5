package io.socaas.tenantindices;

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
    void aTenantWhoseIdExtendsAnotherDoesNotOwnItsIndices() {
        // the wildcard events-acme-* matches events-acme-labs-2026.01.01; the strict parse does not
        TenantIndexLayout acme = TenantIndexLayout.of(TenantId.of("acme"));
        TenantIndexLayout acmeLabs = TenantIndexLayout.of(TenantId.of("acme-labs"));
        String labsIndex = acmeLabs.dailyIndex(LocalDate.of(2026, 1, 1));

        assertThat(labsIndex).startsWith("events-acme-");
        assertThat(acme.dayOf(labsIndex)).isEmpty();
        assertThat(acmeLabs.dayOf(labsIndex)).contains(LocalDate.of(2026, 1, 1));
        assertThat(acme.alias()).isNotEqualTo(acmeLabs.alias());
        assertThat(TenantIndexLayout.overlap(TenantId.of("acme"), TenantId.of("acme-labs")))
                .isTrue();
        assertThat(TenantIndexLayout.overlap(TenantId.of("acme"), TenantId.of("acmelabs")))
                .isFalse();
    }

    @Test
    void aTenantIdEndingInDigitsIsStillSplitFromTheDay() {
        assertThat(TenantIndexLayout.parse("events-acme-2024-2026.12.01"))
                .contains(new TenantIndexLayout.DailyIndex(TenantId.of("acme-2024"), LocalDate.of(2026, 12, 1)));
    }

    @Test
    void onlyWholeDailyIndexNamesParse() {
        assertThat(TenantIndexLayout.parse("events-acme-2026.02.30")).isEmpty();
        assertThat(TenantIndexLayout.parse("events-acme-2026.2.3")).isEmpty();
        assertThat(TenantIndexLayout.parse("events-acme-2026.01.01-restored")).isEmpty();
        assertThat(TenantIndexLayout.parse("events-acme")).isEmpty();
        assertThat(TenantIndexLayout.parse("events--2026.01.01")).isEmpty();
        assertThat(TenantIndexLayout.parse("events-Acme-2026.01.01")).isEmpty();
        assertThat(TenantIndexLayout.parse("events-acme--2026.01.01")).isEmpty();
        assertThat(TenantIndexLayout.parse("xevents-acme-2026.01.01")).isEmpty();
        assertThat(TenantIndexLayout.parse(null)).isEmpty();
        assertThat(TenantIndexLayout.parse("events-acme-2026.01.01"))
                .contains(new TenantIndexLayout.DailyIndex(TenantId.of("acme"), LocalDate.of(2026, 1, 1)));
    }
}

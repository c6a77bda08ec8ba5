package io.socaas.tenants.invoice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.tenants.usage.domain.InvalidUsageQueryException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BillingPeriodTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aMonthWithADstChangeRunsFromMidnightToMidnightInTheTenantsZone() {
        BillingPeriod march = new BillingPeriod(YearMonth.of(2026, 3), BERLIN);

        // 1 March 00:00 CET (UTC+1) .. 1 April 00:00 CEST (UTC+2): 31 days of 743 hours
        assertThat(march.start()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
        assertThat(march.end()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        assertThat(march.days()).isEqualTo(31);
    }

    @Test
    void theMonthOfAnInstantIsTakenInTheTenantsZone() {
        // 31 March 22:30 UTC is already 1 April 00:30 in Berlin
        assertThat(BillingPeriod.containing(Instant.parse("2026-03-31T22:30:00Z"), BERLIN)
                        .month())
                .isEqualTo(YearMonth.of(2026, 4));
    }

    @Test
    void aMalformedMonthNamesTheParameter() {
        assertThat(BillingPeriod.parseMonth("period", "2026-03")).isEqualTo(YearMonth.of(2026, 3));
        for (String bad : new String[] {"2026-13", "2026-3", "march", "", "2026-03-01"}) {
            assertThatThrownBy(() -> BillingPeriod.parseMonth("period", bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            InvalidUsageQueryException.class,
                            e -> assertThat(e.parameter()).isEqualTo("period"));
        }
    }
}

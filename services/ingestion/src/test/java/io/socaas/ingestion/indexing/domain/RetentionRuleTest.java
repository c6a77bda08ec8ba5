package io.socaas.ingestion.indexing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RetentionRuleTest {

    private static SortedMap<LocalDate, String> indices(int... days) {
        SortedMap<LocalDate, String> byDay = new TreeMap<>();
        for (int day : days) {
            LocalDate d = LocalDate.of(2026, 12, day);
            byDay.put(d, "events-acme-" + d);
        }
        return byDay;
    }

    @Test
    void withSevenDaysOnTheTenthTheSecondAndEarlierGo() {
        assertThat(Retention.expired(indices(1, 2, 3, 9, 10), LocalDate.of(2026, 12, 10), 7))
                .containsExactly("events-acme-2026-12-01", "events-acme-2026-12-02");
    }

    @Test
    void noRetentionSetDeletesNothing() {
        assertThat(Retention.expired(indices(1, 2), LocalDate.of(2026, 12, 10), 0))
                .isEmpty();
    }
}

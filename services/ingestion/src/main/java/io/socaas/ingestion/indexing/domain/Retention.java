package io.socaas.ingestion.indexing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/** Which of a tenant's daily indices its plan's retention lets go. */
public final class Retention {

    private Retention() {}

    /**
     * The indices of days before {@code today - retentionDays}: with 7 days, on the 10th the indices
     * of the 3rd and later stay (the 3rd's events are 7 to 8 days old), the 2nd and earlier go. A
     * retention of 0 or less (not set) lets nothing go.
     *
     * @param indicesByDay the tenant's daily indices by their day
     */
    public static List<String> expired(SortedMap<LocalDate, String> indicesByDay, LocalDate today, int retentionDays) {
        if (retentionDays <= 0) {
            return List.of();
        }
        return List.copyOf(indicesByDay.headMap(today.minusDays(retentionDays)).values());
    }
}

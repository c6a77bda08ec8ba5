package io.socaas.reporting.portal.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What the portal's list contains: only open and acknowledged cases, newest first (cases with an
 * unreadable time last). The case service already filters and orders; the portal does not rely on
 * it for what a customer sees.
 */
public final class OpenCasesOrdering {

    private static final Comparator<CaseSummary> NEWEST_FIRST = Comparator.comparing(
                    (CaseSummary c) -> c.createdTime().orElse(Instant.MIN))
            .reversed()
            .thenComparing(CaseSummary::caseId);

    private OpenCasesOrdering() {}

    public static List<CaseSummary> openNewestFirst(List<CaseSummary> cases) {
        return cases.stream()
                .filter(c -> c.status().isOpen())
                .sorted(NEWEST_FIRST)
                .toList();
    }
}

package io.socaas.cases.casefile.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A page of cases to list, newest first.
 *
 * @param statuses only cases in these states; every state when empty
 * @param limit maximum number of cases, at least 1
 * @param after only cases after this cursor (the next page); from the newest when empty
 * @param severities only cases of these severities; every severity when empty
 * @param openedFrom only cases opened at or after this instant, when given
 * @param openedTo only cases opened before this instant, when given
 */
public record CaseQuery(
        TenantScope scope,
        Set<CaseStatus> statuses,
        int limit,
        Optional<CaseCursor> after,
        Set<Severity> severities,
        Optional<java.time.Instant> openedFrom,
        Optional<java.time.Instant> openedTo) {

    public CaseQuery(TenantScope scope, Set<CaseStatus> statuses, int limit) {
        this(scope, statuses, limit, Optional.empty());
    }

    public CaseQuery(TenantScope scope, Set<CaseStatus> statuses, int limit, Optional<CaseCursor> after) {
        this(scope, statuses, limit, after, Set.of(), Optional.empty(), Optional.empty());
    }

    /** This query for another page size and cursor. */
    public CaseQuery page(int newLimit, Optional<CaseCursor> newAfter) {
        return new CaseQuery(scope, statuses, newLimit, newAfter, severities, openedFrom, openedTo);
    }

    public CaseQuery {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(after, "after");
        severities = Set.copyOf(severities);
        Objects.requireNonNull(openedFrom, "openedFrom");
        Objects.requireNonNull(openedTo, "openedTo");
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }
}

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
 */
public record CaseQuery(TenantScope scope, Set<CaseStatus> statuses, int limit, Optional<CaseCursor> after) {

    public CaseQuery(TenantScope scope, Set<CaseStatus> statuses, int limit) {
        this(scope, statuses, limit, Optional.empty());
    }

    public CaseQuery {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(after, "after");
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }
}

package io.socaas.cases.casefile.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a command did to a case: the case before and after, its timeline entry, and what is
 * published on {@code soc.cases.v1} (nothing for a comment).
 */
public record CaseChange(
        CaseFile before, CaseFile after, TimelineEntry entry, Optional<Kind> published, String reason) {

    /** Kinds of published change. */
    public enum Kind {
        OPENED,
        STATUS_CHANGED,
        ASSIGNED,
        SEVERITY_CHANGED,
        MERGED,
        ESCALATED,
        BREACHED
    }

    public CaseChange {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(published, "published");
        reason = reason == null ? "" : reason;
    }
}

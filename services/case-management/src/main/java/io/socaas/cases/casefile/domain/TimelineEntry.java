package io.socaas.cases.casefile.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a case as its timeline (and audit trail) shows it: who, when, what, the value
 * before and after, and who may read it.
 *
 * @param action the command's name, or {@code opened} / {@code alert-attached} for intake
 * @param before the changed value before (status, assignee or severity), empty when none
 * @param after the changed value after, empty when none
 * @param detail a reason, note, verdict or comment text
 */
public record TimelineEntry(
        CaseId caseId,
        Instant at,
        String actor,
        String action,
        String before,
        String after,
        String detail,
        CaseCommand.Visibility visibility) {

    public TimelineEntry {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        before = before == null ? "" : before;
        after = after == null ? "" : after;
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(visibility, "visibility");
    }
}

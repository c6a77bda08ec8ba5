package io.socaas.reporting.portal.domain;

import io.socaas.events.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One case as the customer portal lists it. The rule author is kept because SigmaHQ rules are
 * DRL 1.1 licensed: whoever shows a detection must credit the rule's author.
 *
 * @param createdTime when the case was opened; empty when case-management sent an unreadable time
 * @param createdTimeText the time as case-management sent it
 */
public record CaseSummary(
        String caseId,
        TenantId tenant,
        String title,
        Severity severity,
        CaseStatus status,
        String ruleId,
        String ruleAuthor,
        int alertCount,
        Optional<Instant> createdTime,
        String createdTimeText,
        String summary) {

    public CaseSummary {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(tenant, "tenant");
        title = Objects.requireNonNullElse(title, "");
        severity = Objects.requireNonNullElse(severity, Severity.UNKNOWN);
        status = Objects.requireNonNullElse(status, CaseStatus.UNKNOWN);
        ruleId = Objects.requireNonNullElse(ruleId, "");
        ruleAuthor = Objects.requireNonNullElse(ruleAuthor, "");
        createdTime = Objects.requireNonNullElse(createdTime, Optional.empty());
        createdTimeText = Objects.requireNonNullElse(createdTimeText, "");
        summary = Objects.requireNonNullElse(summary, "");
    }
}

package io.socaas.cases.casefile.domain;

import io.socaas.events.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A case: one or more alerts of one tenant about the same thing, worked by the analyst pool.
 * Immutable; state changes return a new instance.
 *
 * @param dedupKey key shared by the alerts grouped in this case, or {@code null}
 * @param eventIngestIds ingest ids of the events behind all the case's alerts, oldest alert first
 * @param assignee user name of the analyst working the case, or {@code null}
 * @param verdict the verdict of a resolved (or closed) case, else {@code null}
 * @param version grows by one with every change of the case (optimistic concurrency, ETag)
 */
public record CaseFile(
        CaseId id,
        TenantId tenantId,
        String title,
        Severity severity,
        CaseStatus status,
        RuleAttribution rule,
        String summary,
        String dedupKey,
        int alertCount,
        List<String> eventIngestIds,
        Instant createdAt,
        Instant updatedAt,
        String assignee,
        Verdict verdict,
        long version) {

    public CaseFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenant id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rule, "rule");
        summary = summary == null ? "" : summary;
        if (alertCount < 1) {
            throw new IllegalArgumentException("a case has at least one alert, got " + alertCount);
        }
        eventIngestIds = List.copyOf(eventIngestIds);
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(updatedAt, "updated at");
        if (version < 1) {
            throw new IllegalArgumentException("a case's version starts at 1, got " + version);
        }
    }

    /** A case with the same identity and the work fields given, one version later. */
    public CaseFile worked(CaseStatus status, String assignee, Verdict verdict, Severity severity, Instant now) {
        return new CaseFile(
                id,
                tenantId,
                title,
                severity,
                status,
                rule,
                summary,
                dedupKey,
                alertCount,
                eventIngestIds,
                createdAt,
                now,
                assignee,
                verdict,
                version + 1);
    }

    /** Opens a new case from its first alert. The title is the rule's title. */
    public static CaseFile openFrom(IncomingAlert alert, CaseId id, Instant now) {
        String title = alert.rule().title().isBlank()
                ? "Rule " + alert.rule().id()
                : alert.rule().title();
        return new CaseFile(
                id,
                alert.tenantId(),
                title,
                alert.severity(),
                CaseStatus.OPEN,
                alert.rule(),
                alert.summary(),
                alert.dedupKey(),
                1,
                alert.eventIngestIds(),
                now,
                now,
                null,
                null,
                1);
    }

    /**
     * Whether {@code alert} is a repeated detection of what this case is about: same tenant, same
     * non-empty dedup key, and the case is not resolved yet.
     */
    public boolean groups(IncomingAlert alert) {
        return status.acceptsAlerts()
                && tenantId.equals(alert.tenantId())
                && dedupKey != null
                && dedupKey.equals(alert.dedupKey());
    }

    /**
     * Attaches a repeated detection: one more alert, its events, and the case's severity raised to
     * the alert's when the alert is more severe. Never lowers the severity.
     */
    public CaseFile attach(IncomingAlert alert, Instant now) {
        if (!groups(alert)) {
            throw new IllegalArgumentException("alert " + alert.alertId() + " does not belong to case " + id);
        }
        List<String> events = new ArrayList<>(eventIngestIds);
        alert.eventIngestIds().stream().filter(e -> !events.contains(e)).forEach(events::add);
        return new CaseFile(
                id,
                tenantId,
                title,
                severity.max(alert.severity()),
                status,
                rule,
                summary,
                dedupKey,
                alertCount + 1,
                events,
                createdAt,
                now,
                assignee,
                verdict,
                version + 1);
    }
}

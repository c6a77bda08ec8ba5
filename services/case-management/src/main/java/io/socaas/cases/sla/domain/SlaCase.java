package io.socaas.cases.sla.domain;

import io.socaas.cases.casefile.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the SLA needs to know about a case.
 *
 * <p>The clocks start at {@code openedAt}. To recompute after a severity change, pass the new
 * severity with the same {@code openedAt}: the new budgets count from the opening, so raising a
 * case to critical after it waited an hour as medium can make its steps due, or its budget spent,
 * at once. A plan that wants clocks to restart on a severity change passes the time of the change
 * instead. The same holds for a plan change: evaluate with the new policy.
 *
 * <p>A reopened case: pass {@code resolvedAt = null}; if the resolved period should not count,
 * pass it as a {@link Pause}.
 *
 * @param severity the case's current severity
 * @param openedAt when the clocks start (the case's opening)
 * @param pauses periods the clocks stand still (waiting on the customer); may overlap and may be
 *     unordered; at most one should be open-ended, and any pause from its start on is absorbed
 * @param acknowledgedAt when the case was acknowledged, or {@code null}
 * @param resolvedAt when the case was resolved, or {@code null}; also stops the acknowledge clock
 *     if the case was never acknowledged
 */
public record SlaCase(
        Severity severity, Instant openedAt, List<Pause> pauses, Instant acknowledgedAt, Instant resolvedAt) {

    public SlaCase {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(openedAt, "openedAt");
        pauses = List.copyOf(pauses);
        if (acknowledgedAt != null && acknowledgedAt.isBefore(openedAt)) {
            throw new IllegalArgumentException("acknowledged at " + acknowledgedAt + " before opened at " + openedAt);
        }
        if (resolvedAt != null && resolvedAt.isBefore(openedAt)) {
            throw new IllegalArgumentException("resolved at " + resolvedAt + " before opened at " + openedAt);
        }
    }

    /** A case of {@code severity} opened at {@code openedAt}, with no pause and not acknowledged. */
    public static SlaCase opened(Severity severity, Instant openedAt) {
        return new SlaCase(severity, openedAt, List.of(), null, null);
    }

    public SlaCase withSeverity(Severity newSeverity) {
        return new SlaCase(newSeverity, openedAt, pauses, acknowledgedAt, resolvedAt);
    }

    public SlaCase withPauses(List<Pause> newPauses) {
        return new SlaCase(severity, openedAt, newPauses, acknowledgedAt, resolvedAt);
    }

    public SlaCase acknowledged(Instant at) {
        return new SlaCase(severity, openedAt, pauses, at, resolvedAt);
    }

    public SlaCase resolved(Instant at) {
        return new SlaCase(severity, openedAt, pauses, acknowledgedAt, at);
    }
}

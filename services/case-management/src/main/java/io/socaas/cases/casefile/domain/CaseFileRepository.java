package io.socaas.cases.casefile.domain;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Storage of cases and their alerts. Every method names the tenant (or the explicit scope) it
 * reads or writes: there is no call that silently spans tenants.
 */
public interface CaseFileRepository {

    /**
     * Runs {@code work} in one transaction that sees and writes only the rows of {@code scope}
     * (Postgres row-level security); the returned Uni completes after the commit.
     *
     * @throws IntakeConflictException (as the Uni's failure) when the commit collided with a
     *     concurrent write of the same alert or a second unresolved case for the same dedup key
     */
    <T> Uni<T> inTransaction(TenantScope scope, Supplier<Uni<T>> work);

    /** The case of {@code tenant} that already holds alert {@code alertId}, if any. */
    Uni<Optional<CaseFile>> findByAlert(TenantId tenant, String alertId);

    /** The newest case of {@code tenant} that is not resolved and has this dedup key, if any. */
    Uni<Optional<CaseFile>> findUnresolvedByDedupKey(TenantId tenant, String dedupKey);

    /** Stores a newly opened case with its first alert. */
    Uni<Void> insert(CaseFile opened, IncomingAlert firstAlert);

    /** Records {@code alert} as one more alert of {@code updated} (already attached in memory). */
    Uni<Void> attach(CaseFile updated, IncomingAlert alert);

    /** The case with this id, when it is visible in {@code scope}. */
    Uni<Optional<CaseFile>> findById(TenantScope scope, CaseId id);

    /** The newest cases matching the query. */
    Uni<List<CaseFile>> list(CaseQuery query);

    /**
     * The case with this id in {@code scope}, row-locked until the transaction ends: commands on one
     * case take turns, and each sees the one before it.
     */
    Uni<Optional<CaseFile>> findForChange(TenantScope scope, CaseId id);

    /**
     * Stores a change made by {@link CaseWorkflow}: the case at its new version, its timeline entry
     * and, when it is published, its record in the outbox of {@code soc.cases.v1}, all in the
     * caller's transaction.
     *
     * @throws CaseConflictException (as the Uni's failure) when another case of the tenant holds the
     *     reopened case's dedup key
     */
    Uni<Void> record(CaseChange change);

    /**
     * The timeline of a case visible in {@code scope}, oldest first: every entry when {@code
     * withInternal}, else the customer-visible ones.
     */
    Uni<List<TimelineEntry>> timeline(TenantScope scope, CaseId id, boolean withInternal);

    /**
     * The cases analysts still work in {@code scope}, earliest SLA deadline first (cases without a
     * known deadline last, oldest first), at most {@code limit}.
     */
    Uni<List<QueueEntry>> queue(TenantScope scope, int limit);

    /** SLA figures of the cases {@code tenant} opened in {@code [from, to)}. */
    /**
     * The alerts of {@code merged} (already recorded as merged) move to {@code into}, whose alert
     * count, severity (the higher of the two) and timeline follow. Within the caller's transaction.
     */
    Uni<Void> absorb(CaseFile merged, CaseFile into, String actor, java.time.Instant now);

    /** The alerts of a case visible in {@code scope}, oldest first. */
    Uni<List<CaseAlert>> alerts(TenantScope scope, CaseId id);

    /** The observables of a case visible in {@code scope}, each with the alerts that brought it. */
    Uni<List<CaseObservable>> observables(TenantScope scope, CaseId id);

    /**
     * Open cases without an assignee, oldest first (creation time, then id), at most {@code limit},
     * strictly after {@code after} when given: a caller pages through all of them.
     */
    Uni<List<CaseFile>> waitingForAssignee(Optional<CaseFile> after, int limit);

    Uni<SlaStatsFigures> slaStats(TenantId tenant, java.time.Instant from, java.time.Instant to);
}

package io.socaas.cases.casefile.domain;

import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Use cases of the case file: taking in alerts and reading cases within a tenant scope. */
public class CaseFileService {

    private final KnownTenants tenants;

    private final CaseFileRepository repository;
    private final CaseFilePolicy policy;
    private final Clock clock;

    public CaseFileService(CaseFileRepository repository, CaseFilePolicy policy, Clock clock) {
        this(repository, policy, clock, KnownTenants.any());
    }

    public CaseFileService(CaseFileRepository repository, CaseFilePolicy policy, Clock clock, KnownTenants tenants) {
        this.tenants = java.util.Objects.requireNonNull(tenants, "tenants");
        this.repository = Objects.requireNonNull(repository);
        this.policy = Objects.requireNonNull(policy);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Takes in one alert in one transaction: ignores a redelivered alert, attaches a repeated
     * detection to the tenant's unresolved case with the same dedup key, or opens a new case. The
     * Uni completes after the commit. An intake that collides with a concurrent one is retried.
     */
    public Uni<IntakeOutcome> intake(IncomingAlert alert) {
        return Uni.createFrom()
                .deferred(() -> repository.inTransaction(TenantScope.of(alert.tenantId()), () -> intakeOnce(alert)))
                .onFailure(IntakeConflictException.class)
                .retry()
                .atMost(policy.conflictRetries());
    }

    private Uni<IntakeOutcome> intakeOnce(IncomingAlert alert) {
        return repository.findByAlert(alert.tenantId(), alert.alertId()).chain(recorded -> {
            Uni<Optional<CaseFile>> candidate = recorded.isPresent()
                    ? Uni.createFrom().item(Optional.empty())
                    : alert.dedupKeyIfAny()
                            .map(key -> repository.findUnresolvedByDedupKey(alert.tenantId(), key))
                            .orElseGet(() -> Uni.createFrom().item(Optional.empty()));
            return candidate.chain(existing -> apply(alert, IntakeDecision.decide(alert, recorded, existing)));
        });
    }

    private Uni<IntakeOutcome> apply(IncomingAlert alert, IntakeDecision decision) {
        return switch (decision) {
            case IntakeDecision.AlreadyRecorded recorded ->
                Uni.createFrom().item(new IntakeOutcome.Duplicate(recorded.existing()));
            case IntakeDecision.AttachTo attach -> {
                CaseFile updated = attach.existing().attach(alert, clock.instant());
                yield repository.attach(updated, alert).replaceWith(new IntakeOutcome.Attached(updated));
            }
            case IntakeDecision.OpenNew open -> {
                CaseFile opened = CaseFile.openFrom(alert, CaseId.newId(), clock.instant());
                yield repository.insert(opened, alert).replaceWith(new IntakeOutcome.Opened(opened));
            }
        };
    }

    /**
     * One case visible in {@code scope}.
     *
     * @throws CaseNotFoundException (as the Uni's failure) when the id names no case in the scope,
     *     including when it names another tenant's case or is malformed
     */
    public Uni<CaseFile> get(TenantScope scope, String caseId) {
        return CaseId.parse(caseId)
                .map(id -> repository.findById(scope, id))
                .orElseGet(() -> Uni.createFrom().item(Optional.empty()))
                .map(found -> found.orElseThrow(() -> new CaseNotFoundException(caseId)));
    }

    /**
     * The newest cases in {@code scope}, optionally only in the given states.
     *
     * @throws UnknownTenantException (as the Uni's failure) when the scope is one tenant that does
     *     not exist, so that a typo is not mistaken for a tenant without cases
     */
    public Uni<List<CaseFile>> list(TenantScope scope, Set<CaseStatus> statuses, Integer requestedLimit) {
        return Uni.createFrom()
                .item(() -> {
                    if (scope instanceof TenantScope.OneTenant one && !tenants.mayExist(one.tenant())) {
                        throw new UnknownTenantException(one.tenant());
                    }
                    return new CaseQuery(scope, statuses, policy.pageSize(requestedLimit));
                })
                .chain(repository::list);
    }

    /**
     * A page of {@link #list}: at most {@code requestedLimit} cases after {@code pageToken} (from
     * the newest when blank), and the token of the next page when more follow. Paging by cursor
     * lists every case exactly once while no case changes; a case that gets new activity meanwhile
     * moves to the front (the list's order is last activity).
     *
     * @throws InvalidCaseQueryException (as the Uni's failure) for a token not made by a previous page
     */
    public Uni<CasePage> page(TenantScope scope, Set<CaseStatus> statuses, Integer requestedLimit, String pageToken) {
        return page(new CaseQuery(scope, statuses, 1), requestedLimit, pageToken);
    }

    /** {@link #page(TenantScope, Set, Integer, String)} with the filters of {@code filter}. */
    public Uni<CasePage> page(CaseQuery filter, Integer requestedLimit, String pageToken) {
        TenantScope scope = filter.scope();
        return Uni.createFrom()
                .item(() -> {
                    if (scope instanceof TenantScope.OneTenant one && !tenants.mayExist(one.tenant())) {
                        throw new UnknownTenantException(one.tenant());
                    }
                    Optional<CaseCursor> after = pageToken == null || pageToken.isBlank()
                            ? Optional.empty()
                            : Optional.of(CaseCursor.parse(pageToken));
                    return filter.page(policy.pageSize(requestedLimit), after);
                })
                .chain(query -> repository
                        .list(query.page(query.limit() + 1, query.after()))
                        .map(found -> found.size() > query.limit()
                                ? new CasePage(
                                        found.subList(0, query.limit()),
                                        Optional.of(CaseCursor.after(found.get(query.limit() - 1))))
                                : new CasePage(found, Optional.empty())));
    }

    /**
     * {@link #execute} for a customer of the case's tenant (a comment, an answer): refused while the
     * tenant is suspended, when its users see their cases read-only.
     *
     * @throws TenantSuspendedException (as the Uni's failure) while the tenant is suspended
     */
    public Uni<CaseChange> executeForCustomer(TenantScope scope, String caseId, CaseCommand command, String actor) {
        if (scope instanceof TenantScope.OneTenant one && tenants.isSuspended(one.tenant())) {
            return Uni.createFrom().failure(new TenantSuspendedException(one.tenant()));
        }
        return execute(scope, caseId, java.util.OptionalLong.empty(), command, actor);
    }

    /**
     * Runs a command on a case in one transaction: the case is row-locked, checked against the
     * caller's version when one is given, changed by {@link CaseWorkflow}, and stored with its
     * timeline entry and outbox record.
     *
     * @param expectedVersion the version the caller saw ({@code If-Match}); empty to take the current
     * @return the change: the case before and after the command
     * @throws CaseNotFoundException when the case is not visible in {@code scope}
     * @throws StaleCaseException when the case changed since {@code expectedVersion}
     * @throws CaseConflictException when the command does not fit the case now
     */
    public Uni<CaseChange> execute(
            TenantScope scope,
            String caseId,
            java.util.OptionalLong expectedVersion,
            CaseCommand command,
            String actor) {
        CaseId id = CaseId.parse(caseId).orElse(null);
        if (id == null) {
            return Uni.createFrom().failure(new CaseNotFoundException(caseId));
        }
        return repository.inTransaction(
                scope,
                () -> repository.findForChange(scope, id).chain(found -> {
                    CaseFile current = found.orElseThrow(() -> new CaseNotFoundException(caseId));
                    if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                        throw new StaleCaseException(expectedVersion.getAsLong(), current.version());
                    }
                    CaseChange change = CaseWorkflow.apply(current, command, actor, clock.instant());
                    return repository.record(change).replaceWith(change);
                }));
    }

    /**
     * Merges case {@code caseId} into case {@code intoId} of the same tenant: the first ends as
     * merged, the second takes its alerts. Both are locked in id order, so two merges never
     * deadlock. Answers the first case's change.
     *
     * @throws CaseNotFoundException (as the Uni's failure) when either is not visible in the scope
     * @throws CaseConflictException (as the Uni's failure) when they belong to different tenants or
     *     either no longer takes alerts
     */
    public Uni<CaseChange> merge(
            TenantScope scope,
            String caseId,
            String intoId,
            java.util.OptionalLong expectedVersion,
            String reason,
            String actor) {
        CaseId id = CaseId.parse(caseId).orElse(null);
        CaseId into = CaseId.parse(intoId == null ? "" : intoId).orElse(null);
        if (id == null) {
            return Uni.createFrom().failure(new CaseNotFoundException(caseId));
        }
        if (into == null) {
            return Uni.createFrom().failure(new InvalidCaseCommandException("into", "into must be a case id"));
        }
        boolean sourceFirst = id.value().compareTo(into.value()) < 0;
        return repository.inTransaction(
                scope,
                () -> repository
                        .findForChange(scope, sourceFirst ? id : into)
                        .chain(first -> repository
                                .findForChange(scope, sourceFirst ? into : id)
                                .map(second -> sourceFirst
                                        ? new CaseFile[] {first.orElse(null), second.orElse(null)}
                                        : new CaseFile[] {second.orElse(null), first.orElse(null)}))
                        .chain(pair -> {
                            CaseFile source = pair[0];
                            CaseFile target = pair[1];
                            if (source == null) {
                                throw new CaseNotFoundException(caseId);
                            }
                            if (target == null) {
                                throw new CaseNotFoundException(intoId);
                            }
                            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != source.version()) {
                                throw new StaleCaseException(expectedVersion.getAsLong(), source.version());
                            }
                            if (!source.tenantId().equals(target.tenantId())) {
                                throw new CaseConflictException("cases of different tenants are not merged");
                            }
                            if (!target.status().acceptsAlerts()) {
                                throw new CaseConflictException("case " + target.id() + " is "
                                        + target.status().wireName() + ": it takes no alerts");
                            }
                            java.time.Instant now = clock.instant();
                            CaseChange change =
                                    CaseWorkflow.apply(source, new CaseCommand.Merge(intoId, reason), actor, now);
                            return repository
                                    .record(change)
                                    .chain(() -> repository.absorb(change.after(), target, actor, now))
                                    .replaceWith(change);
                        }));
    }

    /** The alerts of a case visible in {@code scope}, oldest first. */
    public Uni<List<CaseAlert>> alerts(TenantScope scope, String caseId) {
        return CaseId.parse(caseId)
                .map(id -> repository.alerts(scope, id))
                .orElseGet(() -> Uni.createFrom().failure(new CaseNotFoundException(caseId)));
    }

    /** The observables of a case visible in {@code scope}, each with the alerts that brought it. */
    public Uni<List<CaseObservable>> observables(TenantScope scope, String caseId) {
        return CaseId.parse(caseId)
                .map(id -> repository.observables(scope, id))
                .orElseGet(() -> Uni.createFrom().failure(new CaseNotFoundException(caseId)));
    }

    /** Open cases without an assignee, oldest first, strictly after {@code after} when given. */
    public Uni<List<CaseFile>> waitingForAssignee(Optional<CaseFile> after, int limit) {
        return repository.waitingForAssignee(after, limit);
    }

    /**
     * SLA figures of the cases {@code tenant} opened in {@code [from, to)}.
     *
     * @throws UnknownTenantException (as the Uni's failure) for a tenant the platform does not know
     * @throws InvalidCaseQueryException (as the Uni's failure) when the period is empty or reversed
     */
    public Uni<SlaStatsFigures> slaStats(
            io.socaas.events.TenantId tenant, java.time.Instant from, java.time.Instant to) {
        return Uni.createFrom()
                .item(() -> {
                    if (!tenants.mayExist(tenant)) {
                        throw new UnknownTenantException(tenant);
                    }
                    if (!from.isBefore(to)) {
                        throw new InvalidCaseQueryException("the period must end after it starts");
                    }
                    return tenant;
                })
                .chain(t -> repository.slaStats(t, from, to));
    }

    /** The analysts' queue in {@code scope}: worked cases, earliest SLA deadline first. */
    public Uni<List<QueueEntry>> queue(TenantScope scope, Integer requestedLimit) {
        return Uni.createFrom()
                .item(() -> policy.pageSize(requestedLimit))
                .chain(limit -> repository.queue(scope, limit));
    }

    /**
     * The timeline of a case visible in {@code scope}, oldest first; internal entries only for
     * {@code withInternal} (MSSP staff).
     */
    public Uni<List<TimelineEntry>> timeline(TenantScope scope, String caseId, boolean withInternal) {
        return CaseId.parse(caseId)
                .map(id -> repository.timeline(scope, id, withInternal))
                .orElseGet(() -> Uni.createFrom().failure(new CaseNotFoundException(caseId)));
    }
}

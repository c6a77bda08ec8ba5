package io.socaas.cases.casefile.domain;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Fake of the domain's own storage port for unit tests of the domain service. Commits can be made
 * to collide (as a concurrent replica would) to exercise the retry.
 */
final class InMemoryCaseFileRepository implements CaseFileRepository {

    final Map<CaseId, CaseFile> cases = new LinkedHashMap<>();
    final Map<String, CaseId> caseOfAlert = new LinkedHashMap<>();
    int collisionsToSimulate;
    int transactions;

    @Override
    public <T> Uni<T> inTransaction(TenantScope scope, Supplier<Uni<T>> work) {
        transactions++;
        Map<CaseId, CaseFile> casesBefore = new LinkedHashMap<>(cases);
        Map<String, CaseId> alertsBefore = new LinkedHashMap<>(caseOfAlert);
        return work.get().onItem().transformToUni(result -> {
            if (collisionsToSimulate > 0) {
                collisionsToSimulate--;
                cases.clear();
                cases.putAll(casesBefore);
                caseOfAlert.clear();
                caseOfAlert.putAll(alertsBefore);
                return Uni.createFrom().failure(new IntakeConflictException("simulated", null));
            }
            return Uni.createFrom().item(result);
        });
    }

    @Override
    public Uni<Optional<CaseFile>> findByAlert(TenantId tenant, String alertId) {
        return Uni.createFrom()
                .item(Optional.ofNullable(caseOfAlert.get(alertId))
                        .map(cases::get)
                        .filter(c -> c.tenantId().equals(tenant)));
    }

    @Override
    public Uni<Optional<CaseFile>> findUnresolvedByDedupKey(TenantId tenant, String dedupKey) {
        return Uni.createFrom()
                .item(cases.values().stream()
                        .filter(c -> c.tenantId().equals(tenant))
                        .filter(c -> dedupKey.equals(c.dedupKey()))
                        .filter(c -> c.status().acceptsAlerts())
                        .max(Comparator.comparing(CaseFile::createdAt)));
    }

    @Override
    public Uni<Void> insert(CaseFile opened, IncomingAlert firstAlert) {
        cases.put(opened.id(), opened);
        caseOfAlert.put(firstAlert.alertId(), opened.id());
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> attach(CaseFile updated, IncomingAlert alert) {
        cases.put(updated.id(), updated);
        caseOfAlert.put(alert.alertId(), updated.id());
        return Uni.createFrom().voidItem();
    }

    /** Changes recorded through {@link #record}, in order. */
    public final List<CaseChange> changes = new java.util.ArrayList<>();

    @Override
    public Uni<SlaStatsFigures> slaStats(TenantId tenant, java.time.Instant from, java.time.Instant to) {
        throw new UnsupportedOperationException("SLA figures are computed by the database: see SlaEscalatorTest");
    }

    @Override
    public Uni<Void> absorb(CaseFile merged, CaseFile into, String actor, java.time.Instant now) {
        throw new UnsupportedOperationException("merging moves rows in the database: see CaseMergeTest");
    }

    @Override
    public Uni<List<CaseAlert>> alerts(TenantScope scope, CaseId id) {
        throw new UnsupportedOperationException("alerts are read from the database: see CaseExportTest");
    }

    @Override
    public Uni<List<CaseObservable>> observables(TenantScope scope, CaseId id) {
        throw new UnsupportedOperationException("observables are read from the database: see CaseHandlingTest");
    }

    @Override
    public Uni<List<CaseFile>> waitingForAssignee(Optional<CaseFile> after, int limit) {
        throw new UnsupportedOperationException("auto-assignment reads the database: see AutoAssignerTest");
    }

    @Override
    public Uni<List<QueueEntry>> queue(TenantScope scope, int limit) {
        throw new UnsupportedOperationException("the queue is ordered by the database: see SlaEscalatorTest");
    }

    @Override
    public Uni<Optional<CaseFile>> findForChange(TenantScope scope, CaseId id) {
        return findById(scope, id);
    }

    @Override
    public Uni<Void> record(CaseChange change) {
        changes.add(change);
        cases.put(change.after().id(), change.after());
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<List<TimelineEntry>> timeline(TenantScope scope, CaseId id, boolean withInternal) {
        return Uni.createFrom()
                .item(changes.stream()
                        .filter(c -> c.after().id().equals(id)
                                && scope.includes(c.after().tenantId()))
                        .map(CaseChange::entry)
                        .filter(e -> withInternal || e.visibility() == CaseCommand.Visibility.CUSTOMER)
                        .toList());
    }

    @Override
    public Uni<Optional<CaseFile>> findById(TenantScope scope, CaseId id) {
        return Uni.createFrom().item(Optional.ofNullable(cases.get(id)).filter(c -> scope.includes(c.tenantId())));
    }

    @Override
    public Uni<List<CaseFile>> list(CaseQuery query) {
        List<CaseFile> found = new ArrayList<>(cases.values().stream()
                .filter(c -> query.scope().includes(c.tenantId()))
                .filter(c -> query.statuses().isEmpty() || query.statuses().contains(c.status()))
                .sorted(Comparator.comparing(CaseFile::createdAt).reversed())
                .limit(query.limit())
                .toList());
        return Uni.createFrom().item(found);
    }
}

package io.socaas.cases.casefile.persistence;

import io.smallrye.mutiny.Uni;
import io.socaas.cases.casefile.domain.CaseCommand;
import io.socaas.cases.casefile.domain.CaseConflictException;
import io.socaas.cases.casefile.domain.CaseFile;
import io.socaas.cases.casefile.domain.CaseFileService;
import io.socaas.cases.casefile.domain.CaseNotFoundException;
import io.socaas.cases.casefile.domain.InvalidCaseCommandException;
import io.socaas.cases.casefile.domain.TenantScope;
import io.socaas.cases.casefile.domain.TimelineEntry;
import io.socaas.scope.ScopedTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The tasks of a case, read and changed within the caller's tenant scope; each change is in the timeline. */
@ApplicationScoped
public class CaseTasks {

    /** Every transaction in a tenant scope (row-level security); a field so the constructor stays as it is. */
    @Inject
    ScopedTransactions scoped;

    private static final int MAX_TITLE = 500;

    private final CaseFileService cases;
    private final Clock clock = Clock.systemUTC();

    CaseTasks(CaseFileService cases) {
        this.cases = cases;
    }

    public Uni<List<TaskEntity>> list(TenantScope scope, String caseId) {
        return cases.get(scope, caseId)
                .chain(c -> scoped.transaction(
                        io.socaas.scope.TenantScope.of(c.tenantId().value()),
                        () -> TaskEntity.<TaskEntity>find(
                                        "caseId = ?1 and tenantId = ?2 order by createdAt, id",
                                        c.id().value(),
                                        c.tenantId().value())
                                .list()));
    }

    public Uni<TaskEntity> add(TenantScope scope, String caseId, String title, String assignee, String actor) {
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > MAX_TITLE) {
            return Uni.createFrom()
                    .failure(new InvalidCaseCommandException(
                            "title", "title is required, at most " + MAX_TITLE + " characters"));
        }
        Instant now = clock.instant();
        return cases.get(scope, caseId).chain(c -> {
            if (!c.status().acceptsAlerts()) {
                return Uni.createFrom()
                        .failure(new CaseConflictException(
                                "a case that is " + c.status().wireName() + " takes no new task"));
            }
            TaskEntity task = new TaskEntity();
            task.id = UUID.randomUUID();
            task.caseId = c.id().value();
            task.tenantId = c.tenantId().value();
            task.title = cleanTitle;
            task.assignee = assignee == null || assignee.isBlank() ? null : assignee.strip();
            task.status = "OPEN";
            task.createdBy = actor;
            task.createdAt = now;
            return scoped.transaction(
                    io.socaas.scope.TenantScope.of(c.tenantId().value()),
                    () -> task.persist()
                            .chain(() -> timeline(c, now, actor, "task-added", "", task.assignee, cleanTitle))
                            .replaceWith(task));
        });
    }

    public Uni<TaskEntity> complete(TenantScope scope, String caseId, String taskId, String actor) {
        Instant now = clock.instant();
        UUID id;
        try {
            id = UUID.fromString(taskId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new CaseNotFoundException(caseId + "/tasks/" + taskId));
        }
        return cases.get(scope, caseId)
                .chain(c -> scoped.transaction(
                        io.socaas.scope.TenantScope.of(c.tenantId().value()),
                        () -> TaskEntity.<TaskEntity>find(
                                        "id = ?1 and caseId = ?2 and tenantId = ?3",
                                        id,
                                        c.id().value(),
                                        c.tenantId().value())
                                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                                .firstResult()
                                .chain(task -> {
                                    if (task == null) {
                                        return Uni.createFrom()
                                                .failure(new CaseNotFoundException(caseId + "/tasks/" + taskId));
                                    }
                                    if ("DONE".equals(task.status)) {
                                        return Uni.createFrom()
                                                .failure(new CaseConflictException(
                                                        "task " + taskId + " was done by " + task.doneBy + " already"));
                                    }
                                    task.status = "DONE";
                                    task.doneBy = actor;
                                    task.doneAt = now;
                                    return timeline(c, now, actor, "task-done", "open", "done", task.title)
                                            .replaceWith(task);
                                })));
    }

    private static Uni<Void> timeline(
            CaseFile c, Instant now, String actor, String action, String before, String after, String detail) {
        return PanacheCaseFileRepository.timelineRow(
                        c,
                        new TimelineEntry(
                                c.id(),
                                now,
                                actor,
                                action,
                                before == null ? "" : before,
                                after == null ? "" : after,
                                detail,
                                CaseCommand.Visibility.INTERNAL))
                .persist()
                .replaceWithVoid();
    }
}

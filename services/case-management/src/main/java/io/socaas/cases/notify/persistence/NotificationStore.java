package io.socaas.cases.notify.persistence;

import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.socaas.cases.casefile.domain.CaseConflictException;
import io.socaas.cases.casefile.domain.TenantScope;
import io.socaas.cases.casefile.persistence.PanacheCaseFileRepository;
import io.socaas.cases.notify.persistence.NotificationEntity.Kind;
import io.socaas.cases.notify.persistence.NotificationEntity.Status;
import io.socaas.scope.ScopedTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and changes notifications within a caller's tenant scope. */
@ApplicationScoped
public class NotificationStore {

    /** Every transaction in a tenant scope (row-level security); a field so the constructor stays as it is. */
    @Inject
    ScopedTransactions scoped;

    /** Notifications in {@code scope}, newest first, optionally of one status. */
    public Uni<List<NotificationEntity>> list(TenantScope scope, Optional<Status> status, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        scopeFilter(scope, where, parameters);
        if (status.isPresent()) {
            where.append(" and status = :status");
            parameters = parameters.and("status", status.get());
        }
        where.append(" order by createdAt desc, id");
        String hql = where.toString();
        Parameters bound = parameters;
        return scoped.transaction(
                PanacheCaseFileRepository.rows(scope),
                () -> NotificationEntity.<NotificationEntity>find(hql, bound)
                        .range(0, limit - 1)
                        .list());
    }

    /** Pages sent to {@code analyst} (every page when empty), newest first. */
    public Uni<List<NotificationEntity>> pages(Optional<String> analyst, int limit) {
        return scoped.transaction(
                io.socaas.scope.TenantScope.system("pages of analysts, across tenants"),
                () -> (analyst.isPresent()
                                ? NotificationEntity.<NotificationEntity>find(
                                        "kind = ?1 and analyst = ?2 order by createdAt desc", Kind.PAGE, analyst.get())
                                : NotificationEntity.<NotificationEntity>find(
                                        "kind = ?1 order by createdAt desc", Kind.PAGE))
                        .range(0, limit - 1)
                        .list());
    }

    /**
     * A dead notification is due again with fresh attempts.
     *
     * @throws CaseConflictException when it is not dead
     */
    public Uni<Optional<NotificationEntity>> replay(TenantScope scope, UUID id, Instant now) {
        return scoped.transaction(
                PanacheCaseFileRepository.rows(scope),
                () -> NotificationEntity.<NotificationEntity>findById(id).map(row -> {
                    if (row == null || !scope.includes(io.socaas.events.TenantId.of(row.tenantId))) {
                        return Optional.<NotificationEntity>empty();
                    }
                    if (row.status != Status.DEAD) {
                        throw new CaseConflictException("notification " + id + " is "
                                + row.status.name().toLowerCase(java.util.Locale.ROOT)
                                + ", only a dead one is replayed");
                    }
                    row.status = Status.PENDING;
                    row.attempts = 0;
                    row.nextAttemptAt = now;
                    return Optional.of(row);
                }));
    }

    /**
     * The paged analyst (or a SOC manager for it) acknowledges a page.
     *
     * @throws CaseConflictException when it was acknowledged already
     */
    public Uni<Optional<NotificationEntity>> acknowledgePage(
            UUID id, Optional<String> analyst, String by, Instant now) {
        return scoped.transaction(
                io.socaas.scope.TenantScope.system("page acknowledgement"),
                () -> NotificationEntity.<NotificationEntity>findById(
                                id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                        .map(row -> {
                            if (row == null
                                    || row.kind != Kind.PAGE
                                    || (analyst.isPresent() && !analyst.get().equals(row.analyst))) {
                                return Optional.<NotificationEntity>empty();
                            }
                            if (row.acknowledgedAt != null) {
                                throw new CaseConflictException(
                                        "page " + id + " was acknowledged by " + row.acknowledgedBy + " already");
                            }
                            row.acknowledgedAt = now;
                            row.acknowledgedBy = by;
                            row.passOnAt = null;
                            return Optional.of(row);
                        })
                        // an acknowledged page ends its chain: none of its pages goes on along the rota
                        .call(acknowledged -> acknowledged.isEmpty() || acknowledged.get().pageChain == null
                                ? Uni.createFrom().voidItem()
                                : NotificationEntity.update(
                                        "passOnAt = null where tenantId = ?1 and pageChain = ?2",
                                        acknowledged.get().tenantId,
                                        acknowledged.get().pageChain)));
    }

    private static void scopeFilter(TenantScope scope, StringBuilder where, Parameters parameters) {
        switch (scope) {
            case TenantScope.OneTenant one -> {
                where.append(" and tenantId = :tenant");
                parameters.and("tenant", one.tenant().value());
            }
            case TenantScope.SomeTenants some -> {
                where.append(" and tenantId in :tenants");
                parameters.and("tenants", some.values());
            }
            case TenantScope.AllTenants all -> {}
        }
    }
}

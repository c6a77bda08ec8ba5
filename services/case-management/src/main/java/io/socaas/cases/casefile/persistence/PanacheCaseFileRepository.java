package io.socaas.cases.casefile.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.socaas.cases.casefile.domain.CaseCursor;
import io.socaas.cases.casefile.domain.CaseFile;
import io.socaas.cases.casefile.domain.CaseFileRepository;
import io.socaas.cases.casefile.domain.CaseId;
import io.socaas.cases.casefile.domain.CaseQuery;
import io.socaas.cases.casefile.domain.CaseStatus;
import io.socaas.cases.casefile.domain.IncomingAlert;
import io.socaas.cases.casefile.domain.IntakeConflictException;
import io.socaas.cases.casefile.domain.RuleAttribution;
import io.socaas.cases.casefile.domain.Severity;
import io.socaas.cases.casefile.domain.TenantScope;
import io.socaas.events.TenantId;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** {@link CaseFileRepository} on PostgreSQL through Hibernate Reactive Panache. */
@ApplicationScoped
public class PanacheCaseFileRepository implements CaseFileRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work)
                .onFailure(PanacheCaseFileRepository::isIntakeConflict)
                .transform(e -> new IntakeConflictException("concurrent intake of the same alert or dedup key", e));
    }

    @Override
    public Uni<Optional<CaseFile>> findByAlert(TenantId tenant, String alertId) {
        return Panache.withSession(() -> CaseAlertEntity.<CaseAlertEntity>find(
                        "alertId = ?1 and tenantId = ?2", alertId, tenant.value())
                .firstResult()
                .chain(alert -> alert == null
                        ? Uni.createFrom().item(Optional.<CaseFile>empty())
                        : findById(TenantScope.of(tenant), new CaseId(alert.caseId))));
    }

    @Override
    public Uni<Optional<CaseFile>> findUnresolvedByDedupKey(TenantId tenant, String dedupKey) {
        return Panache.withSession(() -> CaseEntity.<CaseEntity>find(
                        "tenantId = ?1 and dedupKey = ?2 and status <> ?3 order by createdAt desc",
                        tenant.value(),
                        dedupKey,
                        CaseStatus.RESOLVED.name())
                .firstResult()
                .chain(row -> withEvents(row == null ? List.of() : List.of(row)))
                .map(found -> found.stream().findFirst()));
    }

    @Override
    public Uni<Void> insert(CaseFile opened, IncomingAlert firstAlert) {
        CaseEntity row = new CaseEntity();
        row.id = opened.id().value();
        row.tenantId = opened.tenantId().value();
        row.title = opened.title();
        row.severity = opened.severity().name();
        row.status = opened.status().name();
        row.ruleId = opened.rule().id();
        row.ruleTitle = opened.rule().title();
        row.ruleAuthor = opened.rule().author();
        row.ruleReferenceUrl = opened.rule().referenceUrl();
        row.ruleLicense = opened.rule().license();
        row.summary = opened.summary();
        row.dedupKey = opened.dedupKey();
        row.alertCount = opened.alertCount();
        row.createdAt = opened.createdAt();
        row.updatedAt = opened.updatedAt();
        return Panache.withSession(() -> row.persist()
                .chain(() -> alertRow(opened.id(), firstAlert).persist())
                .chain(Panache::flush)
                .replaceWithVoid());
    }

    @Override
    public Uni<Void> attach(CaseFile updated, IncomingAlert alert) {
        return Panache.withSession(() -> alertRow(updated.id(), alert)
                .persist()
                .chain(Panache::flush)
                .chain(() -> CaseEntity.update(
                        "alertCount = alertCount + 1, severity = :severity, updatedAt = :now"
                                + " where id = :id and tenantId = :tenant",
                        Parameters.with("severity", updated.severity().name())
                                .and("now", updated.updatedAt())
                                .and("id", updated.id().value())
                                .and("tenant", updated.tenantId().value())))
                .replaceWithVoid());
    }

    @Override
    public Uni<Optional<CaseFile>> findById(TenantScope scope, CaseId id) {
        return Panache.withSession(() -> findRow(scope, id)
                .chain(found -> withEvents(found == null ? List.of() : List.of(found)))
                .map(found -> found.stream().findFirst()));
    }

    private static Uni<CaseEntity> findRow(TenantScope scope, CaseId id) {
        return switch (scope) {
            case TenantScope.OneTenant one ->
                CaseEntity.<CaseEntity>find(
                                "id = ?1 and tenantId = ?2",
                                id.value(),
                                one.tenant().value())
                        .firstResult();
            case TenantScope.AllTenants all -> CaseEntity.<CaseEntity>findById(id.value());
        };
    }

    @Override
    public Uni<List<CaseFile>> list(CaseQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (query.scope() instanceof TenantScope.OneTenant one) {
            where.append(" and tenantId = :tenant");
            parameters = parameters.and("tenant", one.tenant().value());
        }
        if (!query.statuses().isEmpty()) {
            where.append(" and status in :statuses");
            parameters = parameters.and(
                    "statuses", query.statuses().stream().map(Enum::name).toList());
        }
        if (query.after().isPresent()) {
            CaseCursor after = query.after().get();
            where.append(" and (updatedAt < :afterTime or (updatedAt = :afterTime and id < :afterId))");
            parameters = parameters.and("afterTime", after.updatedAt()).and("afterId", UUID.fromString(after.caseId()));
        }
        // the queue shows where something happened last: a repeated detection brings its case up
        where.append(" order by updatedAt desc, id desc");
        String hql = where.toString();
        Parameters bound = parameters;
        return Panache.withSession(() -> CaseEntity.<CaseEntity>find(hql, bound)
                .range(0, query.limit() - 1)
                .list()
                .chain(this::withEvents));
    }

    /** Loads the alerts' event ids of {@code rows} (one query) and maps them to the domain. */
    private Uni<List<CaseFile>> withEvents(List<CaseEntity> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = rows.stream().map(r -> r.id).toList();
        List<String> tenants = rows.stream().map(r -> r.tenantId).distinct().toList();
        return CaseAlertEntity.<CaseAlertEntity>find(
                        "caseId in ?1 and tenantId in ?2 order by detectedAt, alertId", ids, tenants)
                .list()
                .map(alerts -> {
                    Map<UUID, List<String>> events = new LinkedHashMap<>();
                    for (CaseAlertEntity alert : alerts) {
                        List<String> ofCase = events.computeIfAbsent(alert.caseId, k -> new java.util.ArrayList<>());
                        Arrays.stream(alert.eventIngestIds)
                                .filter(e -> !ofCase.contains(e))
                                .forEach(ofCase::add);
                    }
                    return rows.stream()
                            .map(row -> toDomain(row, events.getOrDefault(row.id, List.of())))
                            .toList();
                });
    }

    private static CaseAlertEntity alertRow(CaseId caseId, IncomingAlert alert) {
        CaseAlertEntity row = new CaseAlertEntity();
        row.alertId = alert.alertId();
        row.caseId = caseId.value();
        row.tenantId = alert.tenantId().value();
        row.eventIngestIds = alert.eventIngestIds().toArray(String[]::new);
        row.level = alert.severity().name();
        row.detectedAt = alert.detectedAt();
        return row;
    }

    private static CaseFile toDomain(CaseEntity row, Collection<String> eventIngestIds) {
        return new CaseFile(
                new CaseId(row.id),
                TenantId.of(row.tenantId),
                row.title,
                Severity.valueOf(row.severity),
                CaseStatus.valueOf(row.status),
                new RuleAttribution(row.ruleId, row.ruleTitle, row.ruleAuthor, row.ruleReferenceUrl, row.ruleLicense),
                row.summary,
                row.dedupKey,
                row.alertCount,
                List.copyOf(eventIngestIds),
                row.createdAt,
                row.updatedAt);
    }

    /**
     * A failure that means another intake of the same alert or dedup key got there first: a unique
     * violation in the database, or an alert row this transaction already loaded (the dedup lookup
     * read the case another replica just committed with this very alert in it).
     */
    static boolean isIntakeConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.NonUniqueObjectException nonUnique
                    && CaseAlertEntity.class.getName().equals(nonUnique.getEntityName())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getKind()
                            == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

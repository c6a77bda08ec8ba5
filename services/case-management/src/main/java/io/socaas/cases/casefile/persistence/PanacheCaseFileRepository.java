package io.socaas.cases.casefile.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.socaas.cases.casefile.domain.CaseAlert;
import io.socaas.cases.casefile.domain.CaseChange;
import io.socaas.cases.casefile.domain.CaseCommand;
import io.socaas.cases.casefile.domain.CaseConflictException;
import io.socaas.cases.casefile.domain.CaseCursor;
import io.socaas.cases.casefile.domain.CaseFile;
import io.socaas.cases.casefile.domain.CaseFileRepository;
import io.socaas.cases.casefile.domain.CaseId;
import io.socaas.cases.casefile.domain.CaseNotFoundException;
import io.socaas.cases.casefile.domain.CaseObservable;
import io.socaas.cases.casefile.domain.CaseQuery;
import io.socaas.cases.casefile.domain.CaseStatus;
import io.socaas.cases.casefile.domain.IncomingAlert;
import io.socaas.cases.casefile.domain.IntakeConflictException;
import io.socaas.cases.casefile.domain.Observable;
import io.socaas.cases.casefile.domain.QueueEntry;
import io.socaas.cases.casefile.domain.RuleAttribution;
import io.socaas.cases.casefile.domain.Severity;
import io.socaas.cases.casefile.domain.SlaStatsFigures;
import io.socaas.cases.casefile.domain.StaleCaseException;
import io.socaas.cases.casefile.domain.TenantScope;
import io.socaas.cases.casefile.domain.TimelineEntry;
import io.socaas.cases.casefile.domain.Verdict;
import io.socaas.events.TenantId;
import io.socaas.scope.ScopedTransactions;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.SQLException;
import java.time.Instant;
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
    /** Actor of the changes the service makes itself (intake). */
    static final String SYSTEM = "system";

    private final ScopedTransactions scoped;

    PanacheCaseFileRepository(ScopedTransactions scoped) {
        this.scoped = scoped;
    }

    /**
     * The database scope of a case scope: one tenant, an analyst's entitled tenants, or (MSSP staff
     * and analysts entitled to all tenants) the system scope.
     */
    public static io.socaas.scope.TenantScope rows(TenantScope scope) {
        return switch (scope) {
            case TenantScope.OneTenant one ->
                io.socaas.scope.TenantScope.of(one.tenant().value());
            case TenantScope.SomeTenants some -> io.socaas.scope.TenantScope.entitled(some.values());
            case TenantScope.AllTenants all -> io.socaas.scope.TenantScope.system("cases of every tenant (MSSP staff)");
        };
    }

    private static io.socaas.scope.TenantScope rows(TenantId tenant) {
        return io.socaas.scope.TenantScope.of(tenant.value());
    }

    @Override
    public <T> Uni<T> inTransaction(TenantScope scope, Supplier<Uni<T>> work) {
        return scoped.transaction(rows(scope), work)
                .onFailure(PanacheCaseFileRepository::isIntakeConflict)
                .transform(e -> new IntakeConflictException("concurrent intake of the same alert or dedup key", e));
    }

    @Override
    public Uni<Optional<CaseFile>> findByAlert(TenantId tenant, String alertId) {
        return scoped.transaction(
                rows(tenant),
                () -> CaseAlertEntity.<CaseAlertEntity>find("alertId = ?1 and tenantId = ?2", alertId, tenant.value())
                        .firstResult()
                        .chain(alert -> alert == null
                                ? Uni.createFrom().item(Optional.<CaseFile>empty())
                                : findById(TenantScope.of(tenant), new CaseId(alert.caseId))));
    }

    @Override
    public Uni<Optional<CaseFile>> findUnresolvedByDedupKey(TenantId tenant, String dedupKey) {
        return scoped.transaction(
                rows(tenant),
                () -> CaseEntity.<CaseEntity>find(
                                "tenantId = ?1 and dedupKey = ?2 and status not in ?3 order by createdAt desc",
                                tenant.value(),
                                dedupKey,
                                List.of(CaseStatus.CLOSED.name(), CaseStatus.MERGED.name()))
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
        row.ruleTags = opened.rule().tags().toArray(String[]::new);
        row.createdAt = opened.createdAt();
        row.updatedAt = opened.updatedAt();
        row.version = opened.version();
        TimelineEntry entry = new TimelineEntry(
                opened.id(),
                opened.createdAt(),
                SYSTEM,
                "opened",
                "",
                opened.status().wireName(),
                "alert " + firstAlert.alertId() + " of rule " + opened.rule().id(),
                CaseCommand.Visibility.CUSTOMER);
        CaseChange change = new CaseChange(null, opened, entry, Optional.of(CaseChange.Kind.OPENED), "");
        return scoped.transaction(
                rows(opened.tenantId()),
                () -> row.persist()
                        .chain(() -> alertRow(opened.id(), firstAlert).persist())
                        .chain(Panache::flush)
                        .chain(() -> timelineRow(opened, entry).persist())
                        .chain(() -> CaseOutbox.row(change).persist())
                        .chain(() -> CaseSlaEntity.dueNow(row.id, row.tenantId, opened.createdAt())
                                .persist())
                        .chain(() -> observables(opened.id(), firstAlert))
                        .chain(Panache::flush)
                        .replaceWithVoid());
    }

    @Override
    public Uni<Optional<CaseFile>> findForChange(TenantScope scope, CaseId id) {
        return scoped.transaction(
                rows(scope),
                () -> CaseEntity.<CaseEntity>findById(id.value(), LockModeType.PESSIMISTIC_WRITE)
                        .map(row -> row != null && scope.includes(TenantId.of(row.tenantId)) ? row : null)
                        .chain(found -> withEvents(found == null ? List.of() : List.of(found)))
                        .map(found -> found.stream().findFirst()));
    }

    @Override
    public Uni<Void> record(CaseChange change) {
        CaseFile after = change.after();
        return scoped.transaction(
                rows(after.tenantId()),
                () -> CaseEntity.<CaseEntity>findById(after.id().value(), LockModeType.PESSIMISTIC_WRITE)
                        .chain(row -> {
                            if (row == null
                                    || !row.tenantId.equals(after.tenantId().value())) {
                                return Uni.createFrom()
                                        .failure(new CaseNotFoundException(
                                                after.id().toString()));
                            }
                            if (change.before() != null
                                    && row.version != change.before().version()) {
                                return Uni.createFrom()
                                        .failure(new StaleCaseException(
                                                change.before().version(), row.version));
                            }
                            Instant at = change.entry().at();
                            row.status = after.status().name();
                            row.assignee = after.assignee();
                            row.verdict = after.verdict() == null
                                    ? null
                                    : after.verdict().name();
                            row.severity = after.severity().name();
                            row.version = after.version();
                            row.updatedAt = after.updatedAt();
                            if (after.status() != CaseStatus.OPEN
                                    && after.status() != CaseStatus.MERGED
                                    && row.acknowledgedAt == null) {
                                row.acknowledgedAt = at;
                            }
                            if (after.status() == CaseStatus.RESOLVED) {
                                row.resolvedAt = at;
                            }
                            if (after.status() == CaseStatus.CLOSED) {
                                row.closedAt = at;
                            }
                            if (change.before() != null
                                    && (change.before().status() == CaseStatus.RESOLVED
                                            || change.before().status() == CaseStatus.CLOSED)
                                    && after.status().isWorked()) {
                                row.resolvedAt = null; // reopened: the resolve clock runs again
                            }
                            Uni<Void> outbox = change.published().isPresent()
                                    ? CaseOutbox.row(change).persist().replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                            return timelineRow(after, change.entry())
                                    .persist()
                                    .chain(() -> outbox)
                                    .chain(() -> slaDueNow(row.id, at))
                                    .chain(Panache::flush);
                        })
                        .onFailure(PanacheCaseFileRepository::isIntakeConflict)
                        .transform(e -> new CaseConflictException("another case of tenant " + after.tenantId()
                                + " takes the alerts of dedup key '" + after.dedupKey()
                                + "' now: work that case, or close it first")));
    }

    @Override
    public Uni<List<TimelineEntry>> timeline(TenantScope scope, CaseId id, boolean withInternal) {
        return scoped.transaction(
                rows(scope),
                () -> findRow(scope, id).chain(row -> {
                    if (row == null) {
                        return Uni.createFrom().failure(new CaseNotFoundException(id.toString()));
                    }
                    String query = withInternal
                            ? "caseId = ?1 and tenantId = ?2 order by id"
                            : "caseId = ?1 and tenantId = ?2 and visibility = 'CUSTOMER' order by id";
                    return TimelineEntity.<TimelineEntity>find(query, id.value(), row.tenantId)
                            .list()
                            .map(rows -> rows.stream()
                                    .map(t -> new TimelineEntry(
                                            new CaseId(t.caseId),
                                            t.at,
                                            t.actor,
                                            t.action,
                                            t.beforeValue,
                                            t.afterValue,
                                            t.detail,
                                            CaseCommand.Visibility.valueOf(t.visibility)))
                                    .toList());
                }));
    }

    @Override
    public Uni<Void> absorb(CaseFile merged, CaseFile into, String actor, Instant now) {
        return scoped.transaction(
                rows(merged.tenantId()),
                () -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(
                                        "update case_alerts set case_id = ?1 where case_id = ?2 and tenant_id = ?3")
                                .setParameter(1, into.id().value())
                                .setParameter(2, merged.id().value())
                                .setParameter(3, merged.tenantId().value())
                                .executeUpdate()
                                .call(() -> session.createNativeQuery(
                                                "update case_observables set case_id = ?1 where case_id = ?2 and tenant_id = ?3")
                                        .setParameter(1, into.id().value())
                                        .setParameter(2, merged.id().value())
                                        .setParameter(3, merged.tenantId().value())
                                        .executeUpdate()))
                        .chain(moved -> {
                            Severity severity = merged.severity().compareTo(into.severity()) > 0
                                    ? merged.severity()
                                    : into.severity();
                            return CaseEntity.update(
                                            "alertCount = alertCount + :moved, severity = :severity, updatedAt = :now,"
                                                    + " version = version + 1 where id = :id and tenantId = :tenant",
                                            Parameters.with("moved", moved)
                                                    .and("severity", severity.name())
                                                    .and("now", now)
                                                    .and("id", into.id().value())
                                                    .and(
                                                            "tenant",
                                                            into.tenantId().value()))
                                    .chain(() -> timelineRow(
                                                    into,
                                                    new TimelineEntry(
                                                            into.id(),
                                                            now,
                                                            actor,
                                                            "merged-in",
                                                            merged.id().toString(),
                                                            String.valueOf(into.alertCount() + moved),
                                                            moved + " alerts of case " + merged.id() + " ("
                                                                    + merged.title() + ")",
                                                            CaseCommand.Visibility.CUSTOMER))
                                            .persist())
                                    .chain(() -> slaDueNow(into.id().value(), now));
                        })
                        .replaceWithVoid());
    }

    @Override
    public Uni<List<CaseAlert>> alerts(TenantScope scope, CaseId id) {
        return scoped.transaction(
                rows(scope),
                () -> findRow(scope, id)
                        .chain(row -> row == null
                                ? Uni.createFrom().<List<CaseAlert>>failure(new CaseNotFoundException(id.toString()))
                                : CaseAlertEntity.<CaseAlertEntity>find(
                                                "caseId = ?1 and tenantId = ?2 order by detectedAt, alertId",
                                                row.id,
                                                row.tenantId)
                                        .list()
                                        .map(alerts -> alerts.stream()
                                                .map(a -> new CaseAlert(
                                                        a.alertId,
                                                        Severity.valueOf(a.level),
                                                        a.detectedAt,
                                                        List.of(a.eventIngestIds)))
                                                .toList())));
    }

    /** The alert's observables, kept with the alert that brought them (a redelivery adds nothing). */
    private static Uni<Void> observables(CaseId caseId, IncomingAlert alert) {
        if (alert.observables().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (Observable o : alert.observables()) {
                all = all.chain(() -> session.createNativeQuery(
                                "insert into case_observables (alert_id, case_id, tenant_id, type, value, field, seen_at)"
                                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing")
                        .setParameter(1, alert.alertId())
                        .setParameter(2, caseId.value())
                        .setParameter(3, alert.tenantId().value())
                        .setParameter(4, o.type())
                        .setParameter(5, o.value())
                        .setParameter(6, o.field())
                        .setParameter(7, alert.detectedAt())
                        .executeUpdate()
                        .replaceWithVoid());
            }
            return all;
        });
    }

    @Override
    public Uni<List<CaseObservable>> observables(TenantScope scope, CaseId id) {
        return scoped.transaction(
                rows(scope),
                () -> findRow(scope, id)
                        .chain(row -> row == null
                                ? Uni.createFrom()
                                        .<List<CaseObservable>>failure(new CaseNotFoundException(id.toString()))
                                : Panache.getSession()
                                        .chain(session -> session.createNativeQuery(
                                                        "select type, value, string_agg(distinct field, ' ') as fields,"
                                                                + " string_agg(distinct alert_id, ' ') as alerts, min(seen_at), max(seen_at)"
                                                                + " from case_observables where case_id = ?1 and tenant_id = ?2"
                                                                + " group by type, value order by type, value",
                                                        Object[].class)
                                                .setParameter(1, row.id)
                                                .setParameter(2, row.tenantId)
                                                .getResultList())
                                        .map(rows -> rows.stream()
                                                .map(r -> new CaseObservable(
                                                        (String) r[0],
                                                        (String) r[1],
                                                        words(r[2]),
                                                        words(r[3]),
                                                        instant(r[4]),
                                                        instant(r[5])))
                                                .toList())));
    }

    private static List<String> words(Object joined) {
        return joined == null || joined.toString().isBlank()
                ? List.of()
                : List.of(joined.toString().split(" "));
    }

    @Override
    public Uni<List<CaseFile>> waitingForAssignee(Optional<CaseFile> after, int limit) {
        return scoped.transaction(
                io.socaas.scope.TenantScope.system("assignment of cases waiting for an assignee"),
                () -> after.map(last -> CaseEntity.<CaseEntity>find(
                                "assignee is null and status = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3))"
                                        + " order by createdAt, id",
                                CaseStatus.OPEN.name(),
                                last.createdAt(),
                                last.id().value()))
                        .orElseGet(() -> CaseEntity.<CaseEntity>find(
                                "assignee is null and status = ?1 order by createdAt, id", CaseStatus.OPEN.name()))
                        .range(0, limit - 1)
                        .list()
                        .chain(this::withEvents));
    }

    @Override
    public Uni<List<QueueEntry>> queue(TenantScope scope, int limit) {
        String tenantFilter = switch (scope) {
            case TenantScope.OneTenant one -> " and c.tenant_id = ?2";
            case TenantScope.SomeTenants some -> " and c.tenant_id in (?2)";
            case TenantScope.AllTenants all -> "";
        };
        String sql =
                "select cast(c.id as text), case when c.acknowledged_at is null then 'acknowledge' else 'resolve' end,"
                        + " case when c.acknowledged_at is null then s.acknowledge_deadline else s.resolve_deadline end as due"
                        + " from cases c left join case_sla s on s.case_id = c.id"
                        + " where c.status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER')"
                        + tenantFilter
                        + " order by due asc nulls last, c.created_at asc, c.id limit ?1";
        return scoped.transaction(
                rows(scope),
                () -> Panache.getSession()
                        .chain(session -> {
                            var query = session.createNativeQuery(sql, Object[].class)
                                    .setParameter(1, limit);
                            if (scope instanceof TenantScope.OneTenant one) {
                                query.setParameter(2, one.tenant().value());
                            } else if (scope instanceof TenantScope.SomeTenants some) {
                                query.setParameter(2, some.values());
                            }
                            return query.getResultList();
                        })
                        .chain(rows -> {
                            List<UUID> ids = rows.stream()
                                    .map(r -> UUID.fromString((String) r[0]))
                                    .toList();
                            if (ids.isEmpty()) {
                                return Uni.createFrom().item(List.<QueueEntry>of());
                            }
                            return CaseEntity.<CaseEntity>find("id in ?1", ids)
                                    .list()
                                    .chain(this::withEvents)
                                    .map(found -> {
                                        Map<UUID, CaseFile> byId = new LinkedHashMap<>();
                                        found.forEach(c -> byId.put(c.id().value(), c));
                                        List<QueueEntry> entries = new java.util.ArrayList<>();
                                        for (Object[] r : rows) {
                                            CaseFile c = byId.get(UUID.fromString((String) r[0]));
                                            if (c != null) {
                                                entries.add(new QueueEntry(c, (String) r[1], instant(r[2])));
                                            }
                                        }
                                        return entries;
                                    });
                        }));
    }

    @Override
    public Uni<SlaStatsFigures> slaStats(TenantId tenant, Instant from, Instant to) {
        String sql = "select count(*), count(c.acknowledged_at), count(c.resolved_at),"
                + " coalesce(avg(extract(epoch from c.acknowledged_at - c.created_at)), 0),"
                + " coalesce(avg(extract(epoch from c.resolved_at - c.created_at)), 0),"
                + " count(*) filter (where exists (select 1 from case_sla_actions a"
                + " where a.case_id = c.id and a.action_key like 'breach:%'))"
                + " from cases c where c.tenant_id = ?1 and c.created_at >= ?2 and c.created_at < ?3";
        return scoped.transaction(
                rows(tenant),
                () -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(sql, Object[].class)
                                .setParameter(1, tenant.value())
                                .setParameter(2, from)
                                .setParameter(3, to)
                                .getSingleResult())
                        .map(r -> new SlaStatsFigures(
                                ((Number) r[0]).longValue(),
                                ((Number) r[1]).longValue(),
                                ((Number) r[2]).longValue(),
                                java.time.Duration.ofMillis(Math.round(((Number) r[3]).doubleValue() * 1000)),
                                java.time.Duration.ofMillis(Math.round(((Number) r[4]).doubleValue() * 1000)),
                                ((Number) r[5]).longValue())));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case java.time.OffsetDateTime o -> o.toInstant();
            case java.time.LocalDateTime l -> l.toInstant(java.time.ZoneOffset.UTC);
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }

    /** The timeline row of {@code entry}. */
    public static TimelineEntity timelineRow(CaseFile caseFile, TimelineEntry entry) {
        TimelineEntity row = new TimelineEntity();
        row.caseId = caseFile.id().value();
        row.tenantId = caseFile.tenantId().value();
        row.at = entry.at();
        row.actor = entry.actor();
        row.action = entry.action();
        row.beforeValue = entry.before();
        row.afterValue = entry.after();
        row.detail = entry.detail();
        row.visibility = entry.visibility().name();
        return row;
    }

    @Override
    public Uni<Void> attach(CaseFile updated, IncomingAlert alert) {
        TimelineEntry entry = new TimelineEntry(
                updated.id(),
                updated.updatedAt(),
                SYSTEM,
                "alert-attached",
                String.valueOf(updated.alertCount() - 1),
                String.valueOf(updated.alertCount()),
                "alert " + alert.alertId() + " (" + alert.severity().wireName() + ")",
                CaseCommand.Visibility.CUSTOMER);
        return scoped.transaction(
                rows(updated.tenantId()),
                () -> alertRow(updated.id(), alert)
                        .persist()
                        .chain(Panache::flush)
                        .chain(() -> CaseEntity.update(
                                "alertCount = alertCount + 1, severity = :severity, updatedAt = :now, version = version + 1"
                                        + " where id = :id and tenantId = :tenant",
                                Parameters.with("severity", updated.severity().name())
                                        .and("now", updated.updatedAt())
                                        .and("id", updated.id().value())
                                        .and("tenant", updated.tenantId().value())))
                        .chain(() -> timelineRow(updated, entry).persist())
                        .chain(() -> observables(updated.id(), alert))
                        .chain(() -> slaDueNow(updated.id().value(), updated.updatedAt()))
                        .replaceWithVoid());
    }

    /** The case's SLA is looked at again right away (its state, severity or clocks changed). */
    private static Uni<Void> slaDueNow(UUID caseId, Instant now) {
        return CaseSlaEntity.update("nextCheckAt = ?1, updatedAt = ?1 where caseId = ?2", now, caseId)
                .replaceWithVoid();
    }

    @Override
    public Uni<Optional<CaseFile>> findById(TenantScope scope, CaseId id) {
        return scoped.transaction(
                rows(scope),
                () -> findRow(scope, id)
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
            case TenantScope.SomeTenants some ->
                CaseEntity.<CaseEntity>find("id = ?1 and tenantId in ?2", id.value(), some.values())
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
        } else if (query.scope() instanceof TenantScope.SomeTenants some) {
            where.append(" and tenantId in :tenants");
            parameters = parameters.and("tenants", some.values());
        }
        if (!query.statuses().isEmpty()) {
            where.append(" and status in :statuses");
            parameters = parameters.and(
                    "statuses", query.statuses().stream().map(Enum::name).toList());
        }
        if (!query.severities().isEmpty()) {
            where.append(" and severity in :severities");
            parameters = parameters.and(
                    "severities", query.severities().stream().map(Enum::name).toList());
        }
        if (query.openedFrom().isPresent()) {
            where.append(" and createdAt >= :openedFrom");
            parameters = parameters.and("openedFrom", query.openedFrom().get());
        }
        if (query.openedTo().isPresent()) {
            where.append(" and createdAt < :openedTo");
            parameters = parameters.and("openedTo", query.openedTo().get());
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
        return scoped.transaction(
                rows(query.scope()),
                () -> CaseEntity.<CaseEntity>find(hql, bound)
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
                    Map<UUID, Integer> alertCounts = new java.util.HashMap<>();
                    for (CaseAlertEntity alert : alerts) {
                        alertCounts.merge(alert.caseId, 1, Integer::sum);
                        List<String> ofCase = events.computeIfAbsent(alert.caseId, k -> new java.util.ArrayList<>());
                        Arrays.stream(alert.eventIngestIds)
                                .filter(e -> !ofCase.contains(e))
                                .forEach(ofCase::add);
                    }
                    return rows.stream()
                            .map(row -> toDomain(
                                    row,
                                    alertCounts.getOrDefault(row.id, row.alertCount),
                                    events.getOrDefault(row.id, List.of())))
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

    /**
     * The case as the domain sees it. Its alert count is the number of its alert rows read in the
     * same statement as its event ids, so the two always agree even while an intake commits between
     * the read of the case row and the read of its alerts.
     */
    private static CaseFile toDomain(CaseEntity row, int alertCount, Collection<String> eventIngestIds) {
        return new CaseFile(
                new CaseId(row.id),
                TenantId.of(row.tenantId),
                row.title,
                Severity.valueOf(row.severity),
                CaseStatus.valueOf(row.status),
                new RuleAttribution(
                        row.ruleId,
                        row.ruleTitle,
                        row.ruleAuthor,
                        row.ruleReferenceUrl,
                        row.ruleLicense,
                        row.ruleTags == null ? List.of() : List.of(row.ruleTags)),
                row.summary,
                row.dedupKey,
                alertCount,
                List.copyOf(eventIngestIds),
                row.createdAt,
                row.updatedAt,
                row.assignee,
                row.verdict == null ? null : Verdict.valueOf(row.verdict),
                row.version);
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

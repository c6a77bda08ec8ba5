package io.socaas.tenants.audit.persistence;

import io.smallrye.mutiny.Uni;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
import io.socaas.tenants.audit.domain.AuditEntry;
import io.socaas.tenants.audit.domain.AuditQuery;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The audit trail in PostgreSQL ({@code audit_log}): append once per entry id, and read. */
@ApplicationScoped
public class AuditLogRepository {

    private final ScopedTransactions scoped;

    AuditLogRepository(ScopedTransactions scoped) {
        this.scoped = scoped;
    }

    /**
     * Appends the entry unless one with its id is stored already (a redelivery).
     *
     * @return whether it was new
     */
    public Uni<Boolean> appendOnce(TenantScope scope, AuditEntry entry) {
        return scoped.sql(
                scope,
                connection -> connection
                        .preparedQuery("""
                        insert into audit_log
                            (entry_id, at, service, actor, subject, client_id, actor_roles, tenant_id, action,
                             target, before_json, after_json, request_id, trace_id, status, outcome)
                        values ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
                        on conflict (entry_id) do nothing""")
                        .execute(Tuple.from(new Object[] {
                            entry.entryId(),
                            entry.at().atOffset(ZoneOffset.UTC),
                            entry.service(),
                            entry.actor(),
                            entry.subject(),
                            entry.clientId(),
                            entry.actorRoles().toArray(String[]::new),
                            entry.tenantId(),
                            entry.action(),
                            entry.target(),
                            entry.beforeJson(),
                            entry.afterJson(),
                            entry.requestId(),
                            entry.traceId(),
                            entry.status(),
                            entry.outcome()
                        }))
                        .map(result -> result.rowCount() == 1));
    }

    /** Entries matching the query, oldest first, at most {@code limit}. */
    public Uni<List<AuditEntry>> find(TenantScope scope, AuditQuery query, int limit) {
        StringBuilder sql = new StringBuilder("""
                select entry_id::text as entry_id, at, service, actor, subject, client_id, actor_roles, tenant_id,
                       action, target, before_json, after_json, request_id, trace_id, status, outcome
                from audit_log
                where at >= $1 and at < $2""");
        List<Object> parameters = new ArrayList<>(
                List.of(query.from().atOffset(ZoneOffset.UTC), query.to().atOffset(ZoneOffset.UTC)));
        if (query.tenantId() != null) {
            parameters.add(query.tenantId());
            sql.append(" and tenant_id = $").append(parameters.size());
        }
        if (query.service() != null) {
            parameters.add(query.service());
            sql.append(" and service = $").append(parameters.size());
        }
        if (query.actor() != null) {
            parameters.add(query.actor());
            sql.append(" and actor = $").append(parameters.size());
        }
        parameters.add(limit);
        sql.append(" order by at, id limit $").append(parameters.size());
        return scoped.sql(
                scope,
                connection -> connection
                        .preparedQuery(sql.toString())
                        .execute(Tuple.from(parameters))
                        .map(rows -> {
                            List<AuditEntry> entries = new ArrayList<>();
                            for (Row row : rows) {
                                entries.add(entryOf(row));
                            }
                            return entries;
                        }));
    }

    private static AuditEntry entryOf(Row row) {
        String[] roles = row.getArrayOfStrings("actor_roles");
        return new AuditEntry(
                row.getString("entry_id"),
                row.getOffsetDateTime("at").toInstant(),
                row.getString("service"),
                row.getString("actor"),
                row.getString("subject"),
                row.getString("client_id"),
                roles == null ? List.of() : Arrays.asList(roles),
                row.getString("tenant_id"),
                row.getString("action"),
                row.getString("target"),
                row.getString("before_json"),
                row.getString("after_json"),
                row.getString("request_id"),
                row.getString("trace_id"),
                row.getInteger("status"),
                row.getString("outcome"));
    }
}

package io.socaas.tenants.audit.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.socaas.tenants.audit.domain.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The audit log in PostgreSQL: append and read. */
@ApplicationScoped
public class AuditLogRepository implements PanacheRepositoryBase<AuditEntryEntity, Long> {

    public Uni<Void> append(AuditEntry entry) {
        AuditEntryEntity row = new AuditEntryEntity();
        row.at = entry.at();
        row.actor = entry.actor();
        row.subject = entry.subject();
        row.clientId = entry.clientId();
        row.action = entry.action();
        row.tenantId = entry.tenantId();
        row.requestId = entry.requestId();
        row.status = entry.status();
        row.outcome = entry.outcome();
        return persist(row).replaceWithVoid();
    }

    /** Entries in [from, to), optionally of one tenant, oldest first, at most {@code limit}. */
    public Uni<List<AuditEntry>> find(String tenantId, Instant from, Instant to, int limit) {
        String query = "at >= :from and at < :to" + (tenantId == null ? "" : " and tenantId = :tenant");
        Parameters parameters = Parameters.with("from", from).and("to", to);
        if (tenantId != null) {
            parameters = parameters.and("tenant", tenantId);
        }
        return find(query, Sort.by("at").and("id"), parameters)
                .page(0, limit)
                .list()
                .map(rows -> rows.stream()
                        .map(r -> new AuditEntry(
                                r.at, r.actor, r.subject, r.clientId, r.action, r.tenantId, r.requestId, r.status))
                        .toList());
    }
}

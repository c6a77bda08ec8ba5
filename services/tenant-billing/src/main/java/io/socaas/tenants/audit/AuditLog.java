package io.socaas.tenants.audit;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.socaas.tenants.audit.domain.AuditEntry;
import io.socaas.tenants.audit.persistence.AuditLogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The audit log aggregate: appends entries, reads them back for mssp-admin. */
@ApplicationScoped
public class AuditLog {

    public static final int MAX_ENTRIES = 1000;

    private final AuditLogRepository entries;

    AuditLog(AuditLogRepository entries) {
        this.entries = entries;
    }

    @WithTransaction
    public Uni<Void> append(AuditEntry entry) {
        return entries.append(entry);
    }

    /** Entries in [from, to), of one tenant when given, oldest first, at most {@value #MAX_ENTRIES}. */
    @WithSession
    public Uni<List<AuditEntry>> find(String tenantId, Instant from, Instant to) {
        return entries.find(tenantId, from, to, MAX_ENTRIES);
    }
}

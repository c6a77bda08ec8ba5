package io.socaas.tenants.audit;

import io.smallrye.mutiny.Uni;
import io.socaas.scope.ScopedTransactions;
import io.socaas.scope.TenantScope;
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
    private final ScopedTransactions scoped;

    AuditLog(AuditLogRepository entries, ScopedTransactions scoped) {
        this.entries = entries;
        this.scoped = scoped;
    }

    /**
     * Appends the entry in its tenant's scope; an entry of a call about no tenant (or about a
     * tenant id that is not one) in the system scope.
     */
    public Uni<Void> append(AuditEntry entry) {
        return scoped.transaction(
                scopeOf(entry.tenantId(), "audit entry of a call about no tenant"), () -> entries.append(entry));
    }

    /** Entries in [from, to), of one tenant when given, oldest first, at most {@value #MAX_ENTRIES}. */
    public Uni<List<AuditEntry>> find(String tenantId, Instant from, Instant to) {
        return scoped.transaction(
                scopeOf(tenantId, "audit log read across tenants (mssp-admin)"),
                () -> entries.find(tenantId, from, to, MAX_ENTRIES));
    }

    private static TenantScope scopeOf(String tenantId, String otherwise) {
        if (tenantId != null) {
            try {
                return TenantScope.of(tenantId);
            } catch (IllegalArgumentException notATenantId) {
                // fall through: recorded (or looked for) as it was given, in the system scope
            }
        }
        return TenantScope.system(otherwise);
    }
}

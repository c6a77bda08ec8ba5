package io.socaas.tenants.audit;

import io.smallrye.mutiny.Uni;
import io.socaas.scope.TenantScope;
import io.socaas.tenants.audit.domain.AuditEntry;
import io.socaas.tenants.audit.domain.AuditQuery;
import io.socaas.tenants.audit.persistence.AuditLogRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The platform's audit trail (every service's entries from {@code soc.audit.v1}): appends each
 * entry once, reads them back for mssp-admin (all) and a customer admin (its tenant's).
 */
@ApplicationScoped
public class AuditLog {

    public static final int MAX_ENTRIES = 1000;

    private final AuditLogRepository entries;

    AuditLog(AuditLogRepository entries) {
        this.entries = entries;
    }

    /**
     * Appends the entry in its tenant's scope, once per entry id; an entry about no tenant (or about a
     * tenant id that is not one) in the system scope.
     *
     * @return whether it was new
     */
    public Uni<Boolean> append(AuditEntry entry) {
        return entries.appendOnce(scopeOf(entry.tenantId(), "audit entry of an action about no tenant"), entry);
    }

    /** Entries matching the query, oldest first, at most {@value #MAX_ENTRIES}. */
    public Uni<List<AuditEntry>> find(AuditQuery query) {
        return entries.find(
                scopeOf(query.tenantId(), "audit trail read across tenants (mssp-admin)"), query, MAX_ENTRIES);
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

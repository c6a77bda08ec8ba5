package io.socaas.tenants.audit.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the platform's audit trail as stored: its id, when, which service, who (user name,
 * token subject, client, roles), on which tenant (null: platform-wide), what (action and target),
 * the object before and after as JSON, under which request and trace id, and how it ended.
 */
public record AuditEntry(
        String entryId,
        Instant at,
        String service,
        String actor,
        String subject,
        String clientId,
        List<String> actorRoles,
        String tenantId,
        String action,
        String target,
        String beforeJson,
        String afterJson,
        String requestId,
        String traceId,
        int status,
        String outcome) {

    public AuditEntry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(outcome, "outcome");
        actorRoles = List.copyOf(actorRoles);
        target = target == null ? "" : target;
        traceId = traceId == null ? "" : traceId;
        beforeJson = beforeJson == null || beforeJson.isEmpty() ? null : beforeJson;
        afterJson = afterJson == null || afterJson.isEmpty() ? null : afterJson;
        tenantId = tenantId == null || tenantId.isEmpty() ? null : tenantId;
    }
}

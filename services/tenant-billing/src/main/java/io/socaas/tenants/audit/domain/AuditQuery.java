package io.socaas.tenants.audit.domain;

import java.time.Instant;
import java.util.Objects;

/** Which entries to read: in [from, to), optionally of one tenant, service and actor (null: any). */
public record AuditQuery(String tenantId, String service, String actor, Instant from, Instant to) {

    public AuditQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}

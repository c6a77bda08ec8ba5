package io.socaas.audittrail;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * What the service code knows about the mutating call it serves and the REST filter cannot see:
 * the tenant of the object acted on (a case's tenant, say), the object named as target, and the
 * object before and after. Kept per request on the request's (duplicated) Vert.x context, which
 * every callback of its Mutiny chain and the response filter share: the resource or service sets
 * what it knows, the filter puts it in the entry. Never pass secrets (keys, passwords) in before or
 * after.
 */
public final class AuditDetails {

    private static final String KEY = "socaas.audit.details";

    private String tenant;
    private String target;
    private Object before;
    private Object after;

    /**
     * The details of the current request; outside a request (a scheduler, a Kafka consumer) a new
     * instance that nobody reads, so callers need not check.
     */
    public static AuditDetails current() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            // not serving a request: a throwaway that nobody reads
            return new AuditDetails();
        }
        AuditDetails details = ContextLocals.<AuditDetails>get(KEY).orElse(null);
        if (details == null) {
            details = new AuditDetails();
            ContextLocals.put(KEY, details);
        }
        return details;
    }

    /** The tenant the action is about. */
    public AuditDetails tenant(String tenantId) {
        this.tenant = tenantId;
        return this;
    }

    /** The object acted on, e.g. {@code case 6f1c...}. */
    public AuditDetails target(String target) {
        this.target = target;
        return this;
    }

    /** The object before the action (serialised as JSON when the entry is written). */
    public AuditDetails before(Object before) {
        this.before = before;
        return this;
    }

    /** The object after the action (serialised as JSON when the entry is written). */
    public AuditDetails after(Object after) {
        this.after = after;
        return this;
    }

    public String tenant() {
        return tenant;
    }

    public String target() {
        return target;
    }

    public Object before() {
        return before;
    }

    public Object after() {
        return after;
    }
}

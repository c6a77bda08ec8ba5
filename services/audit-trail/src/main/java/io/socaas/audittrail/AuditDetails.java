package io.socaas.audittrail;

import jakarta.enterprise.context.RequestScoped;

/**
 * What the service code knows about the mutating call it serves and the REST filter cannot see:
 * the tenant of the object acted on (a case's tenant, say), the object named as target, and the
 * object before and after. Request scoped: the resource or service sets what it knows, the filter
 * puts it in the entry. Never pass secrets (keys, passwords) in before or after.
 */
@RequestScoped
public class AuditDetails {

    private static final AuditDetails NOWHERE = new AuditDetails();

    private String tenant;
    private String target;
    private Object before;
    private Object after;

    /**
     * The details of the current request; outside a request (a scheduler, a Kafka consumer) an
     * instance that nobody reads, so callers need not check.
     */
    public static AuditDetails current() {
        var container = io.quarkus.arc.Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return NOWHERE;
        }
        var handle = container.instance(AuditDetails.class);
        return handle.isAvailable() ? handle.get() : NOWHERE;
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

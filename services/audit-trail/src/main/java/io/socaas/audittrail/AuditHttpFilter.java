package io.socaas.audittrail;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Appends every mutating REST call (POST, PUT, PATCH, DELETE under {@code socaas.audit.paths},
 * {@code /api/} by default) of the service to the audit trail, whatever its outcome, refusals
 * included: nothing to wire per route, so a new route cannot be forgotten. The action is the
 * route with its path parameters named ({@code POST /api/v1/cases/{id}:claim}), the target its
 * path parameters; what only the service knows (the tenant of a case, before and after) comes from
 * {@link AuditDetails}, before and after kept compact ({@link AuditChange}: the fields the action
 * changed). Without it, the tenant is the path parameter {@code tenantId} (or {@code
 * tenant}), or the tenant of a created {@code /api/v1/tenants/<id>} in the answer's Location.
 *
 * <p>Each request gets an id ({@value #REQUEST_ID}: the caller's when it sends one, else a new
 * UUID), echoed in the answer and kept in the entry. The answer leaves once the entry is on Kafka.
 */
public class AuditHttpFilter {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final String REQUEST_ID_PROPERTY = "socaas.request-id";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_REQUEST_ID_LENGTH = 200;

    private final AuditTrail trail;
    private final AuditConfig config;
    private final CurrentIdentityAssociation identity;

    AuditHttpFilter(AuditTrail trail, AuditConfig config, CurrentIdentityAssociation identity) {
        this.trail = trail;
        this.config = config;
        this.identity = identity;
    }

    /** The request id given to {@code request} (see {@link #REQUEST_ID}). */
    public static String requestId(ContainerRequestContext request) {
        Object id = request.getProperty(REQUEST_ID_PROPERTY);
        return id == null ? "-" : id.toString();
    }

    @ServerRequestFilter(preMatching = true)
    public void assignRequestId(ContainerRequestContext request) {
        String given = request.getHeaderString(REQUEST_ID);
        String id = given != null && !given.isBlank() && given.length() <= MAX_REQUEST_ID_LENGTH
                ? given
                : UUID.randomUUID().toString();
        request.setProperty(REQUEST_ID_PROPERTY, id);
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response) {
        String requestId = requestId(request);
        response.getHeaders().putSingle(REQUEST_ID, requestId);
        String path = request.getUriInfo().getPath();
        if (!trail.enabled()
                || !MUTATING.contains(request.getMethod())
                || config.paths().stream().noneMatch(path::startsWith)) {
            return Uni.createFrom().voidItem();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getUriInfo().getPathParameters().forEach((name, values) -> parameters.put(name, values.getFirst()));
        String action = AuditRecord.route(request.getMethod(), path, parameters);
        AuditDetails details = AuditDetails.current();
        String tenant = firstOf(
                details == null ? null : details.tenant(),
                parameters.get("tenantId"),
                parameters.get("tenant"),
                tenantOfLocation(response));
        String target = details != null && details.target() != null
                ? details.target()
                : parameters.entrySet().stream()
                        .map(p -> p.getKey() + "=" + p.getValue())
                        .collect(Collectors.joining(" "));
        AuditChange change = details == null ? AuditChange.NONE : trail.change(details.before(), details.after());
        String traceId = AuditTrail.currentTraceId();
        int status = response.getStatus();
        return AuditTrail.callerOf(identity.getDeferredIdentity())
                .flatMap(actor -> trail.recordOrLog(trail.entry(
                        actor,
                        tenant,
                        action,
                        target,
                        change,
                        requestId,
                        traceId,
                        status,
                        AuditRecord.httpOutcome(status))));
    }

    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    /** For a creation (POST /api/v1/tenants) the tenant is in the answer's Location. */
    private static String tenantOfLocation(ContainerResponseContext response) {
        if (response.getLocation() == null) {
            return null;
        }
        String location = response.getLocation().getPath();
        String prefix = "/api/v1/tenants/";
        int at = location.indexOf(prefix);
        if (at < 0) {
            return null;
        }
        String rest = location.substring(at + prefix.length());
        int end = rest.indexOf('/');
        return end < 0 ? rest : rest.substring(0, end);
    }
}

package io.socaas.tenants.audit.rest;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.socaas.tenants.audit.AuditLog;
import io.socaas.tenants.audit.domain.AuditEntry;
import io.socaas.tenants.security.Caller;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Appends every mutating API call (POST, PUT, PATCH, DELETE under {@code /api/}) to the audit log,
 * whatever its outcome, refusals included. Each request gets an id ({@value #REQUEST_ID}: the
 * caller's when it sends one, else a new UUID), echoed in the answer and kept in the entry.
 */
public class AuditFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);

    public static final String REQUEST_ID = "X-Request-Id";
    private static final String REQUEST_ID_PROPERTY = "socaas.request-id";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_REQUEST_ID_LENGTH = 200;

    private final AuditLog audit;
    private final CurrentIdentityAssociation identity;
    private final Clock clock = Clock.systemUTC();

    AuditFilter(AuditLog audit, CurrentIdentityAssociation identity) {
        this.audit = audit;
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
        Object requestId = request.getProperty(REQUEST_ID_PROPERTY);
        if (requestId != null) {
            response.getHeaders().putSingle(REQUEST_ID, requestId);
        }
        String path = request.getUriInfo().getPath();
        if (!MUTATING.contains(request.getMethod()) || !path.startsWith("/api/")) {
            return Uni.createFrom().voidItem();
        }
        Map<String, String> parameters = new HashMap<>();
        request.getUriInfo().getPathParameters().forEach((name, values) -> parameters.put(name, values.getFirst()));
        String action = AuditEntry.route(request.getMethod(), path, parameters);
        String tenant = parameters.get("tenantId");
        int status = response.getStatus();
        return identity.getDeferredIdentity()
                .onFailure()
                .recoverWithNull()
                .map(Caller::of)
                .flatMap(caller -> audit.append(new AuditEntry(
                        clock.instant().truncatedTo(ChronoUnit.MICROS),
                        caller.username(),
                        caller.subject(),
                        caller.clientId(),
                        action,
                        tenant != null ? tenant : tenantOf(response),
                        String.valueOf(requestId),
                        status)))
                .onFailure()
                .recoverWithUni(e -> {
                    LOG.errorf(e, "could not append %s (request %s) to the audit log", action, requestId);
                    return Uni.createFrom().voidItem();
                });
    }

    /** For a creation (POST /api/v1/tenants) the tenant is in the answer's Location. */
    private static String tenantOf(ContainerResponseContext response) {
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
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}

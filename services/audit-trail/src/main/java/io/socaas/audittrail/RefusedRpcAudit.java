package io.socaas.audittrail;

import io.grpc.BindableService;
import io.grpc.Status;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.AuthorizationFailureEvent;
import io.quarkus.security.spi.runtime.MethodDescription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Records a call of a mutating gRPC method ({@link AuditedRpc}) that the security layer refused
 * before the method ran: who tried (anonymous without a token), what, and why ({@code
 * UNAUTHENTICATED} or {@code PERMISSION_DENIED} as status, the refusal in the entry's after as
 * {@code {"refused":"..."}}). The request is not read, so the entry names no tenant (it is a
 * platform entry, which mssp-admins read). The refusal is answered at once; the entry follows.
 */
@ApplicationScoped
public class RefusedRpcAudit {

    private static final Logger LOG = Logger.getLogger(RefusedRpcAudit.class);

    private final AuditTrail trail;
    private final Clock clock = Clock.systemUTC();
    private final Map<MethodDescription, Optional<String>> actions = new ConcurrentHashMap<>();

    RefusedRpcAudit(AuditTrail trail) {
        this.trail = trail;
    }

    void refused(@Observes AuthorizationFailureEvent event) {
        if (!trail.enabled()
                || !(event.getEventProperties().get(AuthorizationFailureEvent.SECURED_METHOD_KEY)
                        instanceof MethodDescription method)) {
            return;
        }
        Optional<String> action = actions.computeIfAbsent(method, RefusedRpcAudit::auditedAction);
        if (action.isEmpty()) {
            return;
        }
        SecurityIdentity identity = event.getSecurityIdentity();
        Throwable why = event.getAuthorizationFailure();
        Status.Code code = why instanceof UnauthorizedException || identity == null || identity.isAnonymous()
                ? Status.Code.UNAUTHENTICATED
                : Status.Code.PERMISSION_DENIED;
        String reason = code == Status.Code.UNAUTHENTICATED
                ? "no valid token"
                : "role not allowed" + (why == null || why.getMessage() == null ? "" : ": " + why.getMessage());
        AuditRecord entry = new AuditRecord(
                clock.instant(),
                trail.service(),
                AuditTrail.actorOf(identity),
                null,
                action.get(),
                "",
                "",
                trail.json(Map.of("refused", reason)),
                "-",
                AuditTrail.currentTraceId(),
                code.value(),
                AuditRecord.REFUSED);
        trail.recordOrLog(entry).subscribe().with(ignored -> {});
    }

    /**
     * {@code gRPC <service>/<Method>} when {@code method} is an {@link AuditedRpc} method of a gRPC
     * service (its interface {@code X} has a generated {@code XGrpc} with the proto's {@code
     * SERVICE_NAME}); empty for anything else (REST resources, reading methods).
     */
    static Optional<String> auditedAction(MethodDescription method) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(method.getClassName(), false, loader);
            Method declared = null;
            for (Method candidate : type.getMethods()) {
                if (candidate.getName().equals(method.getMethodName())
                        && candidate.isAnnotationPresent(AuditedRpc.class)) {
                    declared = candidate;
                }
            }
            if (declared == null) {
                return Optional.empty();
            }
            String rpc = declared.getName().substring(0, 1).toUpperCase(Locale.ROOT)
                    + declared.getName().substring(1);
            for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
                for (Class<?> contract : candidate.getInterfaces()) {
                    Optional<String> service = serviceName(contract, loader);
                    if (service.isPresent()) {
                        return Optional.of("gRPC " + service.get() + "/" + rpc);
                    }
                }
            }
            LOG.warnf("%s is marked @AuditedRpc but is no generated gRPC service", method);
            return Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Optional<String> serviceName(Class<?> contract, ClassLoader loader) {
        if (contract == BindableService.class) {
            return Optional.empty();
        }
        try {
            Object name = Class.forName(contract.getName() + "Grpc", false, loader)
                    .getField("SERVICE_NAME")
                    .get(null);
            return Optional.of(name.toString());
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }
}

package io.socaas.audittrail;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import io.quarkus.grpc.runtime.Interceptors;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Prioritized;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Appends to the audit trail each call of a mutating gRPC method that ends {@code UNAUTHENTICATED}
 * or {@code PERMISSION_DENIED} without the method having recorded it through {@link GrpcAudit}:
 * the calls the security layer refuses before the method runs (no or no valid token against
 * {@code @Authenticated}, a role {@code @RolesAllowed} does not grant). The entry: who (the
 * caller's identity as far as it is known, {@code anonymous} without a valid token), the tenant the
 * request names in its {@code tenant_id} when that is a well-formed tenant id (else none, a
 * platform entry), action {@code gRPC <full method name>}, status = the gRPC code, outcome {@code
 * refused}, the trace id. The refusal leaves once the entry is on Kafka.
 *
 * <p>A method is mutating unless its proto says it only reads ({@code option idempotency_level =
 * NO_SIDE_EFFECTS}, which the generated stub carries as {@link MethodDescriptor#isSafe()}): see
 * {@link #mutating}, the one place that decides.
 *
 * <p>Where it runs: Quarkus orders gRPC server interceptors by {@link Prioritized#getPriority()},
 * the highest outermost (the {@code @Priority} annotation is not read for them). The security
 * interceptor ({@code GrpcSecurityInterceptor}) has {@code Integer.MAX_VALUE - 100}, the exception
 * handler {@link Interceptors#EXCEPTION_HANDLER}, the blocking handler {@link
 * Interceptors#BLOCKING_HANDLER}, the request context {@link Interceptors#REQUEST_CONTEXT}, the
 * call's duplicated Vert.x context {@link Interceptors#DUPLICATE_CONTEXT}. This one sits just
 * outside the exception handler: it sees the status that the security layer or the exception
 * handler closes the call with, and it still runs in the call's request context (so the caller's
 * identity is at hand) and on its duplicated context.
 */
@GlobalInterceptor
@ApplicationScoped
public class RefusedRpcAudit implements ServerInterceptor, Prioritized {

    /** Just outside the exception handler, inside the blocking handler (see the class comment). */
    static final int PRIORITY = Interceptors.EXCEPTION_HANDLER + 5;

    /** The call's duplicated context holds this once the method records its own call (GrpcAudit). */
    static final String RECORDED_BY_METHOD = "socaas.audit.grpc-recorded-by-method";

    private static final Logger LOG = Logger.getLogger(RefusedRpcAudit.class);
    private static final String TENANT_FIELD = "tenant_id";

    private final AuditTrail trail;
    private final CurrentIdentityAssociation identity;

    RefusedRpcAudit(AuditTrail trail, CurrentIdentityAssociation identity) {
        this.trail = trail;
        this.identity = identity;
    }

    /**
     * True when {@code method} changes something: every method its proto does not declare free of
     * side effects ({@code option idempotency_level = NO_SIDE_EFFECTS}).
     */
    public static boolean mutating(MethodDescriptor<?, ?> method) {
        return !method.isSafe();
    }

    /** UNAUTHENTICATED and PERMISSION_DENIED: the refusals of the security layer. */
    static boolean refusedBySecurity(Status status) {
        return status.getCode() == Status.Code.UNAUTHENTICATED || status.getCode() == Status.Code.PERMISSION_DENIED;
    }

    /**
     * The tenant a request names: its string field {@code tenant_id} when it is a well-formed
     * tenant id; null otherwise (no such field, empty, anything else).
     */
    static String tenantOf(Object request) {
        if (!(request instanceof MessageOrBuilder message)) {
            return null;
        }
        FieldDescriptor field = message.getDescriptorForType().findFieldByName(TENANT_FIELD);
        if (field == null || field.isRepeated() || field.getJavaType() != FieldDescriptor.JavaType.STRING) {
            return null;
        }
        Object value = message.getField(field);
        return value instanceof String tenant && TenantId.isValid(tenant) ? tenant : null;
    }

    /** Called by {@link GrpcAudit}: the method runs and records its call itself, refused or not. */
    static void methodRecordsItsCall() {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            ContextLocals.put(RECORDED_BY_METHOD, Boolean.TRUE);
        }
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
            ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        if (!trail.enabled() || !mutating(call.getMethodDescriptor())) {
            return next.startCall(call, headers);
        }
        Watched<ReqT, RespT> watched = new Watched<>(call, Vertx.currentContext());
        ServerCall.Listener<ReqT> listener = next.startCall(watched, headers);
        // the security interceptor (inside this one) has now associated the caller's identity
        watched.caller = callerIdentity();
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(ReqT message) {
                if (watched.tenant == null) {
                    watched.tenant = tenantOf(message);
                }
                super.onMessage(message);
            }
        };
    }

    private Uni<SecurityIdentity> callerIdentity() {
        try {
            return identity.getDeferredIdentity();
        } catch (RuntimeException e) {
            // no request context: the caller stays unknown
            LOG.debugf("no identity for a gRPC call's audit entry: %s", e.getMessage());
            return Uni.createFrom().nullItem();
        }
    }

    /** The call as the service sees it, recording a refusal on its way out. */
    private final class Watched<ReqT, RespT> extends ForwardingServerCall.SimpleForwardingServerCall<ReqT, RespT> {

        private final Context context;
        volatile Uni<SecurityIdentity> caller = Uni.createFrom().nullItem();
        volatile String tenant;

        Watched(ServerCall<ReqT, RespT> call, Context context) {
            super(call);
            this.context = context;
        }

        @Override
        public void close(Status status, Metadata trailers) {
            if (!refusedBySecurity(status) || recordedByMethod()) {
                super.close(status, trailers);
                return;
            }
            String action = "gRPC " + getMethodDescriptor().getFullMethodName();
            String traceId = AuditTrail.currentTraceId();
            int code = status.getCode().value();
            // a call without a valid token only claims its tenant: the entry is the platform's, with the
            // claim as its target, so that nobody can fill a tenant's own trail without credentials;
            // a refused call has no request id of its own: each gets a fresh one (the entry's id)
            String claimed = tenant;
            AuditTrail.callerOf(caller)
                    .flatMap(actor -> {
                        boolean anonymous = Actor.ANONYMOUS.equals(actor);
                        return trail.recordOrLog(trail.entry(
                                actor,
                                anonymous ? null : claimed,
                                action,
                                anonymous && claimed != null ? "claimed tenant_id=" + claimed : "",
                                AuditChange.NONE,
                                "rpc-" + UUID.randomUUID(),
                                traceId,
                                code,
                                AuditRecord.grpcOutcome(code)));
                    })
                    .subscribe()
                    .with(recorded -> closeOnCallContext(status, trailers), failure -> {
                        LOG.errorf(failure, "could not append the refused call %s to the audit trail", action);
                        closeOnCallContext(status, trailers);
                    });
        }

        private boolean recordedByMethod() {
            return context != null && Boolean.TRUE.equals(context.getLocal(RECORDED_BY_METHOD));
        }

        /** The answer leaves on the call's own context, as it would have without the entry. */
        private void closeOnCallContext(Status status, Metadata trailers) {
            if (context == null || Vertx.currentContext() == context) {
                super.close(status, trailers);
            } else {
                context.runOnContext(ignored -> super.close(status, trailers));
            }
        }
    }
}

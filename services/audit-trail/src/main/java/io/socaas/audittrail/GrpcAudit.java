package io.socaas.audittrail;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Mutating gRPC methods append their call to the audit trail through this: {@code
 * audit.call(DetectionServiceGrpc.getUploadIntelMethod().getFullMethodName(), tenant, target, () ->
 * work, after)}. The entry is written whether the call succeeds or fails (with its status code),
 * before the answer leaves. Calls refused before the method runs (no token, missing role) are
 * recorded by {@link RefusedRpcAudit}, which leaves the calls recorded here alone. Each service's
 * tests check that the methods going through this are those its proto does not declare free of
 * side effects ({@link RefusedRpcAudit#mutating}), so a new method cannot be forgotten.
 */
@ApplicationScoped
public class GrpcAudit {

    private final AuditTrail trail;
    private final CurrentIdentityAssociation identity;

    GrpcAudit(AuditTrail trail, CurrentIdentityAssociation identity) {
        this.trail = trail;
        this.identity = identity;
    }

    /**
     * Runs {@code call} and records it as {@code gRPC <fullMethodName>} about {@code tenantId}
     * (null for none) and {@code target}, with {@code after} of its answer (null: none; never a
     * secret) as the object after.
     */
    public <T> Uni<T> call(
            String fullMethodName,
            String tenantId,
            String target,
            Supplier<Uni<? extends T>> call,
            Function<T, Object> after) {
        return call(fullMethodName, tenantId, target, call, null, after);
    }

    /**
     * {@link #call(String, String, String, Supplier, Function)} for a method whose answer also
     * knows the object before (a command that answers the change it made): before and after are
     * kept compact, the fields the call changed ({@link AuditChange}).
     */
    public <T> Uni<T> call(
            String fullMethodName,
            String tenantId,
            String target,
            Supplier<Uni<? extends T>> call,
            Function<T, Object> before,
            Function<T, Object> after) {
        String action = "gRPC " + fullMethodName;
        String traceId = AuditTrail.currentTraceId();
        // the method runs: its call is recorded here, refused or not, and not again by RefusedRpcAudit
        RefusedRpcAudit.methodRecordsItsCall();
        return AuditTrail.callerOf(identity.getDeferredIdentity())
                .flatMap(actor -> Uni.createFrom()
                        .<T>deferred(() -> call.get())
                        .onItemOrFailure()
                        .<T>transformToUni((answer, failure) -> {
                            int code = failure == null ? 0 : codeOf(failure);
                            AuditChange change = failure == null
                                    ? trail.change(
                                            before == null ? null : before.apply(answer),
                                            after == null ? null : after.apply(answer))
                                    : AuditChange.NONE;
                            AuditRecord entry = trail.entry(
                                    actor,
                                    tenantId,
                                    action,
                                    target,
                                    change,
                                    "-",
                                    traceId,
                                    code,
                                    AuditRecord.grpcOutcome(code));
                            Uni<Void> recorded = trail.recordOrLog(entry);
                            if (failure != null) {
                                return recorded.chain(() -> Uni.createFrom().<T>failure(failure));
                            }
                            return recorded.replaceWith(answer);
                        }));
    }

    private static int codeOf(Throwable failure) {
        if (failure instanceof StatusRuntimeException e) {
            return e.getStatus().getCode().value();
        }
        if (failure instanceof StatusException e) {
            return e.getStatus().getCode().value();
        }
        return Status.fromThrowable(failure).getCode().value();
    }
}

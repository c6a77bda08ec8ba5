package io.socaas.correlation.detection.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.ExceptionHandler;
import io.quarkus.grpc.ExceptionHandlerProvider;
import io.socaas.correlation.rules.domain.InvalidRuleException;
import io.socaas.correlation.rules.domain.UnknownTenantException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The one gRPC error mapper of correlation: domain exceptions to {@link Status}. Client errors are
 * logged at DEBUG; anything unexpected becomes INTERNAL without details and is logged at ERROR.
 */
@ApplicationScoped
public class GrpcStatusMapper implements ExceptionHandlerProvider {

    private static final Logger LOG = Logger.getLogger(GrpcStatusMapper.class);

    static StatusException toStatusException(Throwable failure) {
        if (failure instanceof StatusException status) {
            return status;
        }
        if (failure instanceof StatusRuntimeException status) {
            return new StatusException(status.getStatus(), status.getTrailers());
        }
        Status status = toStatus(failure);
        if (status.getCode() == Status.Code.INTERNAL) {
            LOG.error("gRPC call failed", failure);
        } else {
            LOG.debugf("gRPC call answered %s: %s", status.getCode(), failure.getMessage());
        }
        return status.asException();
    }

    static Status toStatus(Throwable failure) {
        if (io.socaas.serviceidentity.GrpcAuthFailures.isSecurityFailure(failure)) {
            return io.socaas.serviceidentity.GrpcAuthFailures.statusOf(failure);
        }
        if (failure instanceof InvalidRuleException) {
            return Status.INVALID_ARGUMENT.withDescription(failure.getMessage());
        }
        if (failure instanceof UnknownTenantException) {
            return Status.NOT_FOUND.withDescription(failure.getMessage());
        }
        return Status.INTERNAL.withDescription("internal error");
    }

    @Override
    public Throwable transform(Throwable failure) {
        return toStatusException(failure);
    }

    @Override
    public <ReqT, RespT> ExceptionHandler<ReqT, RespT> createHandler(
            ServerCall.Listener<ReqT> listener, ServerCall<ReqT, RespT> call, Metadata metadata) {
        return new ExceptionHandler<>(listener, call, metadata) {
            @Override
            protected void handleException(Throwable failure, ServerCall<ReqT, RespT> serverCall, Metadata trailers) {
                StatusException status = toStatusException(failure);
                Metadata sent = status.getTrailers() != null ? status.getTrailers() : trailers;
                try {
                    serverCall.close(status.getStatus(), sent);
                } catch (IllegalStateException alreadyClosed) {
                    LOG.debug("gRPC call already closed", alreadyClosed);
                }
            }
        };
    }
}

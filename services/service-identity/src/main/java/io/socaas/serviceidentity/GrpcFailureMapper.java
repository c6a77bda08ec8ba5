package io.socaas.serviceidentity;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.ExceptionHandler;
import io.quarkus.grpc.ExceptionHandlerProvider;
import org.jboss.logging.Logger;

/**
 * The base of a service's one gRPC error mapper: a status the call already chose stays; a security
 * failure is answered as {@link GrpcAuthFailures} says; a domain failure becomes the status the
 * service names ({@link #domainStatus}), logged at DEBUG; anything else is INTERNAL without details,
 * logged at ERROR. A service subclasses it as an {@code @ApplicationScoped} bean.
 */
public abstract class GrpcFailureMapper implements ExceptionHandlerProvider {

    private static final Logger LOG = Logger.getLogger(GrpcFailureMapper.class);

    /** The status of one of the service's own failures, or empty for an unexpected one. */
    protected abstract java.util.Optional<Status> domainStatus(Throwable failure);

    /** The status a failure is answered with. */
    public Status statusOf(Throwable failure) {
        if (GrpcAuthFailures.isSecurityFailure(failure)) {
            return GrpcAuthFailures.statusOf(failure);
        }
        return domainStatus(failure).orElseGet(() -> Status.INTERNAL.withDescription("internal error"));
    }

    /** The failure as the exception the gRPC server answers with. */
    public StatusException toStatusException(Throwable failure) {
        if (failure instanceof StatusException status) {
            return status;
        }
        if (failure instanceof StatusRuntimeException status) {
            return new StatusException(status.getStatus(), status.getTrailers());
        }
        Status status = statusOf(failure);
        if (status.getCode() == Status.Code.INTERNAL) {
            LOG.error("gRPC call failed", failure);
        } else {
            LOG.debugf("gRPC call answered %s: %s", status.getCode(), failure.getMessage());
        }
        return status.asException();
    }

    @Override
    public Throwable transform(Throwable failure) {
        return toStatusException(failure);
    }

    @Override
    public <Q, R> ExceptionHandler<Q, R> createHandler(
            ServerCall.Listener<Q> listener, ServerCall<Q, R> call, Metadata metadata) {
        return new ExceptionHandler<>(listener, call, metadata) {
            @Override
            protected void handleException(Throwable failure, ServerCall<Q, R> serverCall, Metadata trailers) {
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

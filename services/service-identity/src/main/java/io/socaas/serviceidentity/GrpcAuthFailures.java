package io.socaas.serviceidentity;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusException;
import io.quarkus.grpc.auth.AuthExceptionHandler;
import io.quarkus.grpc.auth.AuthExceptionHandlerProvider;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * How a gRPC server of the platform answers a caller it does not let in: no token, or one it
 * cannot verify or does not accept, is {@code UNAUTHENTICATED}; a verified caller without the
 * role or tenant is {@code PERMISSION_DENIED}. (Quarkus' default answers a call without token
 * {@code PERMISSION_DENIED}, which tells a client to stop retrying rather than to authenticate.) It
 * replaces Quarkus' own provider (an enabled alternative), so that exactly one answers.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class GrpcAuthFailures implements AuthExceptionHandlerProvider {

    /** The status of a security failure. */
    public static Status statusOf(Throwable failure) {
        if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException) {
            return Status.UNAUTHENTICATED.withDescription(
                    "a bearer token of the realm, issued to a client this service accepts, is required");
        }
        return Status.PERMISSION_DENIED.withDescription("the caller's roles or tenants do not allow this call");
    }

    /** Whether {@code failure} is a security failure this class answers. */
    public static boolean isSecurityFailure(Throwable failure) {
        return failure instanceof AuthenticationException || failure instanceof SecurityException;
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1;
    }

    @Override
    public <Q, R> AuthExceptionHandler<Q, R> createHandler(
            ServerCall.Listener<Q> listener, ServerCall<Q, R> call, Metadata metadata) {
        return new AuthExceptionHandler<>(listener, call, metadata) {
            @Override
            protected void handleException(Throwable failure, ServerCall<Q, R> serverCall, Metadata trailers) {
                if (isSecurityFailure(failure)) {
                    serverCall.close(statusOf(failure), trailers);
                } else {
                    super.handleException(failure, serverCall, trailers);
                }
            }
        };
    }

    @Override
    public StatusException transformToStatusException(Throwable failure) {
        return new StatusException(statusOf(failure));
    }

    @Override
    public boolean handlesException(Throwable failure) {
        return isSecurityFailure(failure);
    }
}

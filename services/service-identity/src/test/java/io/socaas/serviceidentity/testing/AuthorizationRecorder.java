package io.socaas.serviceidentity.testing;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * For the services' tests that stand in for another service's gRPC server: hands the {@code
 * authorization} header of every call received to {@link #received} (empty when the call carried
 * none), so that a test can check which token the service under test sent. Tokens are not
 * verified: that is the real server's job.
 */
public abstract class AuthorizationRecorder implements ServerInterceptor {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    /**
     * Takes note of one call's header; answers the context the call runs in ({@code
     * Context.current()}, or one with values for the stand-in's implementation).
     */
    protected abstract Context received(String authorization);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String authorization = headers.get(AUTHORIZATION);
        return Contexts.interceptCall(received(authorization == null ? "" : authorization), call, headers, next);
    }
}

package io.socaas.serviceidentity;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.Objects;

/**
 * The bearer token of the signed-in user a service calls for.
 * The called service checks that user's roles and tenants, never a tenant id in the request alone.
 * {@link ServiceToken} leaves such calls as they are. Works on every channel (header metadata, not
 * call credentials, which some channels ignore).
 */
public final class UserToken implements ClientInterceptor {

    private final String bearer;

    private UserToken(String accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        if (accessToken.isBlank()) {
            throw new IllegalArgumentException("an empty token");
        }
        this.bearer = "Bearer " + accessToken;
    }

    /**
     * An interceptor putting {@code accessToken} (without {@code Bearer }) on every call of a stub:
     * {@code stub.withInterceptors(UserToken.bearer(token))}.
     */
    public static UserToken bearer(String accessToken) {
        return new UserToken(accessToken);
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                headers.removeAll(ServiceToken.AUTHORIZATION);
                headers.put(ServiceToken.AUTHORIZATION, bearer);
                super.start(listener, headers);
            }
        };
    }

    @Override
    public String toString() {
        return "UserToken[redacted]";
    }
}

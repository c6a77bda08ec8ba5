package io.socaas.serviceidentity;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Puts the calling service's own Keycloak token (client-credentials grant of the client configured
 * under {@code quarkus.oidc-client.*}) on every call of a gRPC client it is registered on: {@code
 * @GrpcClient("x") @RegisterClientInterceptor(ServiceToken.class)}. A call that already carries a
 * bearer token (a user's, {@link UserToken}) is left as it is: it is made for that user.
 *
 * <p>The token is fetched on first use and again when it has less than {@link #RENEW_BEFORE} to
 * live, so callers (blocking stubs on worker threads) rarely wait for Keycloak. When no token can
 * be had, the call fails with {@code UNAVAILABLE} before anything is sent: callers already treat
 * that as "try again later". Only {@code @RegisterClientInterceptor} names it, which ArC does not
 * count as a use, hence {@code @Unremovable}.
 */
@ApplicationScoped
@Unremovable
public class ServiceToken implements ClientInterceptor {

    /** How long before its expiry a token is replaced. */
    public static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private static final Logger LOG = Logger.getLogger(ServiceToken.class);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    private final OidcClient client;
    private final Clock clock;
    private volatile Held held;

    @Inject
    ServiceToken(OidcClient client) {
        this(client, Clock.systemUTC());
    }

    ServiceToken(OidcClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                if (!headers.containsKey(AUTHORIZATION)) {
                    headers.put(AUTHORIZATION, "Bearer " + accessToken(method.getFullMethodName()));
                }
                super.start(listener, headers);
            }
        };
    }

    /** The current access token, fetched anew when missing or about to expire. */
    String accessToken(String forMethod) {
        Held current = held;
        if (current != null && current.validAt(clock.instant().plus(RENEW_BEFORE))) {
            return current.token();
        }
        synchronized (this) {
            current = held;
            if (current != null && current.validAt(clock.instant().plus(RENEW_BEFORE))) {
                return current.token();
            }
            try {
                Tokens tokens = client.getTokens().await().atMost(FETCH_TIMEOUT);
                held = Held.of(tokens, clock.instant());
                return held.token();
            } catch (RuntimeException e) {
                LOG.warnf("no service token from Keycloak for %s: %s", forMethod, e.toString());
                throw Status.UNAVAILABLE
                        .withDescription("this service could not get its token from Keycloak: " + e.getMessage())
                        .withCause(e)
                        .asRuntimeException();
            }
        }
    }

    /** A token and when it expires. */
    record Held(String token, Instant expiresAt) {

        /** Tokens without an expiry are used for a minute, then fetched again. */
        static Held of(Tokens tokens, Instant now) {
            Long expiresAt = tokens.getAccessTokenExpiresAt();
            return new Held(
                    tokens.getAccessToken(),
                    expiresAt == null ? now.plus(Duration.ofMinutes(1)) : Instant.ofEpochSecond(expiresAt));
        }

        boolean validAt(Instant instant) {
            return instant.isBefore(expiresAt);
        }
    }
}

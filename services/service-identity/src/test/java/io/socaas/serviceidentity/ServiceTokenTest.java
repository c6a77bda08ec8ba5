package io.socaas.serviceidentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import io.socaas.testclock.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a service fetches its token anew: the renewal arithmetic, with the token endpoint scripted. */
class ServiceTokenTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final ScriptedTokenEndpoint endpoint = new ScriptedTokenEndpoint();
    private final ServiceToken token = new ServiceToken(endpoint, clock);

    @Test
    void aTokenIsFetchedOnceAndUsedWhileItLivesLongEnough() {
        endpoint.answer("first", clock.instant().plusSeconds(300));

        assertThat(token.accessToken("m")).isEqualTo("first");
        clock.advance(Duration.ofSeconds(269));
        assertThat(token.accessToken("m")).isEqualTo("first");
        assertThat(endpoint.fetches).isEqualTo(1);
    }

    @Test
    void aTokenCloseToItsExpiryIsReplacedBeforeItIsSent() {
        endpoint.answer("first", clock.instant().plusSeconds(300));
        endpoint.answer("second", clock.instant().plusSeconds(600));
        token.accessToken("m");

        // 29 s left: less than RENEW_BEFORE, a call made now could reach the server expired
        clock.advance(Duration.ofSeconds(271));

        assertThat(token.accessToken("m")).isEqualTo("second");
        assertThat(endpoint.fetches).isEqualTo(2);
    }

    @Test
    void aTokenWithoutExpiryIsFetchedAgainAfterAMinute() {
        endpoint.answer("no-expiry", null);
        endpoint.answer("next", null);
        token.accessToken("m");
        clock.advance(Duration.ofSeconds(29));
        assertThat(token.accessToken("m")).isEqualTo("no-expiry");
        clock.advance(Duration.ofSeconds(2));
        assertThat(token.accessToken("m")).isEqualTo("next");
    }

    @Test
    void withoutKeycloakTheCallIsUnavailableAndTheNextOneTriesAgain() {
        endpoint.fail(new IllegalStateException("connection refused"));
        endpoint.answer("after", clock.instant().plusSeconds(300));

        StatusRuntimeException failure =
                catchThrowableOfType(StatusRuntimeException.class, () -> token.accessToken("socaas.x/Y"));

        assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(failure.getStatus().getDescription()).contains("Keycloak");
        assertThat(token.accessToken("socaas.x/Y")).isEqualTo("after");
    }

    /** The token endpoint, answering what each test scripts, in order. */
    private static final class ScriptedTokenEndpoint implements OidcClient {
        private final Deque<Uni<Tokens>> answers = new ArrayDeque<>();
        int fetches;

        void answer(String accessToken, Instant expiresAt) {
            answers.add(Uni.createFrom()
                    .item(new Tokens(
                            accessToken,
                            expiresAt == null ? null : expiresAt.getEpochSecond(),
                            null,
                            null,
                            null,
                            null,
                            "socaas-test")));
        }

        void fail(RuntimeException failure) {
            answers.add(Uni.createFrom().failure(failure));
        }

        @Override
        public Uni<Tokens> getTokens(Map<String, String> additionalGrantParameters) {
            fetches++;
            return answers.removeFirst();
        }

        @Override
        public Uni<Tokens> refreshTokens(String refreshToken, Map<String, String> additionalGrantParameters) {
            throw new UnsupportedOperationException("client credentials are fetched, not refreshed");
        }

        @Override
        public Uni<Boolean> revokeAccessToken(String accessToken, Map<String, String> additionalParameters) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }
}

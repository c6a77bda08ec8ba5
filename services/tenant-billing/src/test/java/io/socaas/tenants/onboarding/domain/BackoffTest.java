package io.socaas.tenants.onboarding.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30), 5);

    @Test
    void doublesAfterEachFailureUpToTheMaximum() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(1000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(backoff.allowsAnotherAttempt(4)).isTrue();
        assertThat(backoff.allowsAnotherAttempt(5)).isFalse();
    }
}

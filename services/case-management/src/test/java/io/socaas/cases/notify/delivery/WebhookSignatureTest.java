package io.socaas.cases.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.cases.notify.domain.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void signsTheTimestampAndBodyAsAReceiverRecomputesIt() {
        // computed independently: python3 hmac.new(b"whsec-test", b'1764670000.{"type":"case.opened"}', sha256)
        assertThat(WebhookSignature.sign(
                        "whsec-test".getBytes(StandardCharsets.UTF_8), 1764670000L, "{\"type\":\"case.opened\"}"))
                .isEqualTo("v1=14ad8acac3c64b186d17c30083a35477c3c9753fc81bc5100c1bbda9be08e393");
    }

    @Test
    void anotherTimestampOrBodyOrSecretGivesAnotherSignature() {
        byte[] secret = "whsec-test".getBytes(StandardCharsets.UTF_8);
        String signed = WebhookSignature.sign(secret, 1764670000L, "{}");
        assertThat(WebhookSignature.sign(secret, 1764670001L, "{}")).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign(secret, 1764670000L, "{ }")).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign("other".getBytes(StandardCharsets.UTF_8), 1764670000L, "{}"))
                .isNotEqualTo(signed);
        assertThatThrownBy(() -> WebhookSignature.sign(new byte[0], 1L, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retriesBackOffExponentiallyUpToTheCapAndThenGiveUp() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(30), 5);
        Instant now = Instant.parse("2026-12-02T10:00:00Z");

        assertThat(policy.nextAttempt(1, now)).contains(now.plusSeconds(5));
        assertThat(policy.nextAttempt(2, now)).contains(now.plusSeconds(10));
        assertThat(policy.nextAttempt(3, now)).contains(now.plusSeconds(20));
        assertThat(policy.nextAttempt(4, now)).contains(now.plusSeconds(30));
        assertThat(policy.nextAttempt(5, now)).isEmpty();
    }
}

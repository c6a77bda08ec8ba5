package io.socaas.localstack.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The cluster id the launcher formats Kafka's storage with: 16 random bytes in URL-safe base64, never
 * starting with '-' (one id in 64 would, and the storage tool then reads it as an option and refuses
 * to format, so the stack failed to start now and then).
 */
class KafkaClusterIdTest {

    @Test
    void idsAreSixteenRandomBytesThatNeverStartWithADash() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String id = Kafka.clusterId();
            assertThat(id).doesNotStartWith("-").hasSize(22);
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
            seen.add(id);
        }
        assertThat(seen).hasSize(20_000);
    }
}

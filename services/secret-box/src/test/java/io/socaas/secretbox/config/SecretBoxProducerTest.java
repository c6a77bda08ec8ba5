package io.socaas.secretbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socaas.secretbox.SecretBoxException;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretBoxProducerTest {

    private static SecretBoxConfig config(String keys, String active) {
        return new SecretBoxConfig() {
            @Override
            public Optional<String> keys() {
                return Optional.ofNullable(keys);
            }

            @Override
            public Optional<String> activeKey() {
                return Optional.ofNullable(active);
            }
        };
    }

    @Test
    void withoutAKeyTheServiceRefusesToStartNamingTheSettings() {
        assertThatThrownBy(() -> new SecretBoxProducer().secretBox(config(null, null)))
                .isInstanceOf(SecretBoxException.BadKeyring.class)
                .hasMessageStartingWith("secrets at rest cannot be encrypted: no encryption key is configured")
                .hasMessageContaining("SOCAAS_SECRET_BOX_KEYS")
                .hasMessageContaining("SOCAAS_SECRET_BOX_ACTIVE_KEY")
                .hasMessageContaining("secretBox.existingSecret");
    }

    @Test
    void aWrongActiveKeyIsRefusedAtStart() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);

        assertThatThrownBy(() -> new SecretBoxProducer().secretBox(config("k1:" + key, "k2")))
                .hasMessageContaining("the active key 'k2' is not in the keyring [k1]")
                .message()
                .doesNotContain(key);
    }

    @Test
    void aGoodKeyringGivesTheBox() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);

        assertThat(new SecretBoxProducer()
                        .secretBox(config("k1:" + key, null))
                        .keyring()
                        .activeKeyId())
                .isEqualTo("k1");
    }
}

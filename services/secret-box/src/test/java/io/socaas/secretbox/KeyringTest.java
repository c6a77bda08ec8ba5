package io.socaas.secretbox;

import static io.socaas.secretbox.KeyringTestData.aKeyring;
import static io.socaas.secretbox.KeyringTestData.randomKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyringTest {

    @Test
    void aSingleKeyIsActiveWithoutBeingNamed() {
        Keyring keyring = Keyring.parse("2026-12:" + randomKey(), Optional.empty());

        assertThat(keyring.activeKeyId()).isEqualTo("2026-12");
    }

    @Test
    void severalKeysNeedTheActiveOneNamed() {
        String setting = aKeyring().withKey("a").withKey("b").setting();

        assertThatThrownBy(() -> Keyring.parse(setting, Optional.empty()))
                .isInstanceOf(SecretBoxException.BadKeyring.class)
                .hasMessageContaining("no active key is named");
        assertThat(Keyring.parse(setting, Optional.of("b")).keyIds()).containsExactly("a", "b");
    }

    @Test
    void noKeyIsRefused() {
        assertThatThrownBy(() -> Keyring.parse(null, Optional.empty()))
                .isInstanceOf(SecretBoxException.BadKeyring.class)
                .hasMessage("no encryption key is configured");
        assertThatThrownBy(() -> Keyring.parse(" , ", Optional.of("k1"))).hasMessage("no encryption key is configured");
    }

    @Test
    void anActiveKeyOutsideTheKeyringIsRefused() {
        assertThatThrownBy(() -> Keyring.parse("k1:" + randomKey(), Optional.of("k2")))
                .isInstanceOf(SecretBoxException.BadKeyring.class)
                .hasMessage("the active key 'k2' is not in the keyring [k1]");
    }

    @Test
    void wrongKeysAreNamedWithoutShowingTheirMaterial() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> Keyring.parse("k1:" + short16, Optional.empty()))
                .hasMessage("key 'k1' is 16 bytes; AES-256 needs 32 (openssl rand -base64 32)")
                .message()
                .doesNotContain(short16);
        assertThatThrownBy(() -> Keyring.parse("k1:not*base64", Optional.empty()))
                .hasMessage("key 'k1' is not valid Base64");
        assertThatThrownBy(() -> Keyring.parse(randomKey(), Optional.empty()))
                .isInstanceOf(SecretBoxException.BadKeyring.class);
        assertThatThrownBy(() -> Keyring.parse("bad id:" + randomKey(), Optional.empty()))
                .hasMessageContaining("key entry 1: its id");
        String k = randomKey();
        assertThatThrownBy(() -> Keyring.parse("k1:" + k + ",k1:" + k, Optional.of("k1")))
                .hasMessage("key id 'k1' is given twice");
    }

    @Test
    void itsDescriptionNamesKeysByIdOnly() {
        String key = randomKey();

        assertThat(Keyring.parse("k1:" + key, Optional.empty()).toString())
                .isEqualTo("Keyring[active=k1, keys=[k1]]")
                .doesNotContain(key);
    }
}

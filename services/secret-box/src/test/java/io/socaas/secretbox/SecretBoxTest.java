package io.socaas.secretbox;

import static io.socaas.secretbox.KeyringTestData.aKeyring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final AssociatedData ACME_ADMIN = AssociatedData.of("onetime_credentials", "acme", "admin-password");

    @Test
    void aSealedSecretOpensWithItsOwnAssociatedData() {
        SecretBox box = aKeyring().withKey("k1").box();

        byte[] stored = box.sealText("Initial-Passw0rd!", ACME_ADMIN);

        assertThat(box.openText(stored, ACME_ADMIN)).isEqualTo("Initial-Passw0rd!");
    }

    @Test
    void theStoredBytesNeverHoldTheSecretAndTwoSealsDiffer() {
        SecretBox box = aKeyring().withKey("k1").box();
        String secret = "sk_live_0123456789abcdef";

        byte[] first = box.sealText(secret, ACME_ADMIN);
        byte[] second = box.sealText(secret, ACME_ADMIN);

        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(first).isNotEqualTo(second);
        assertThat(SealedSecret.parse(first).nonce())
                .isNotEqualTo(SealedSecret.parse(second).nonce());
    }

    @Test
    void aSecretMovedToAnotherTenantsRowDoesNotOpen() {
        SecretBox box = aKeyring().withKey("k1").box();
        byte[] acmes = box.sealText("acme's secret", ACME_ADMIN);

        assertThatThrownBy(() -> box.open(acmes, AssociatedData.of("onetime_credentials", "globex", "admin-password")))
                .isInstanceOf(SecretBoxException.NotAuthentic.class)
                .hasMessageContaining("globex")
                .hasMessageContaining("key 'k1'");
        assertThatThrownBy(() -> box.open(acmes, AssociatedData.of("onetime_credentials", "acme", "ingest-key")))
                .isInstanceOf(SecretBoxException.NotAuthentic.class);
    }

    @Test
    void partsOfTheAssociatedDataCannotBeShiftedIntoEachOther() {
        SecretBox box = aKeyring().withKey("k1").box();
        byte[] stored = box.sealText("x", AssociatedData.of("t", "ab", "c"));

        assertThatThrownBy(() -> box.open(stored, AssociatedData.of("t", "a", "bc")))
                .isInstanceOf(SecretBoxException.NotAuthentic.class);
    }

    @Test
    void aChangedByteAnywhereIsRefused() {
        SecretBox box = aKeyring().withKey("k1").box();
        byte[] stored = box.sealText("secret", ACME_ADMIN);

        for (int i = 0; i < stored.length; i++) {
            byte[] changed = stored.clone();
            changed[i] ^= 0x01;
            assertThatThrownBy(() -> box.open(changed, ACME_ADMIN)).isInstanceOf(SecretBoxException.class);
        }
    }

    @Test
    void afterRotationOldSecretsStillOpenAndResealMovesThemToTheActiveKey() {
        KeyringTestData keys = aKeyring().withKey("k1");
        byte[] underK1 = keys.box().sealText("old secret", ACME_ADMIN);

        // step 1: k2 added (k1 still active), step 2: k2 active
        SecretBox added = keys.withKey("k2").active("k1").box();
        assertThat(added.reseal(underK1, ACME_ADMIN)).isEmpty();
        SecretBox rotated = keys.active("k2").box();

        assertThat(rotated.openText(underK1, ACME_ADMIN)).isEqualTo("old secret");
        assertThat(SecretBox.keyIdOf(rotated.sealText("new", ACME_ADMIN))).isEqualTo("k2");

        byte[] resealed = rotated.reseal(underK1, ACME_ADMIN).orElseThrow();
        assertThat(SecretBox.keyIdOf(resealed)).isEqualTo("k2");
        assertThat(rotated.reseal(resealed, ACME_ADMIN)).isEmpty();

        // step 4: k1 removed; what was re-sealed opens, what was not is a clear error
        SecretBox withoutK1 =
                new SecretBox(Keyring.parse(keys.setting().replaceFirst("k1:[^,]*,", ""), java.util.Optional.of("k2")));
        assertThat(withoutK1.openText(resealed, ACME_ADMIN)).isEqualTo("old secret");
        assertThatThrownBy(() -> withoutK1.open(underK1, ACME_ADMIN))
                .isInstanceOf(SecretBoxException.UnknownKey.class)
                .hasMessageContaining("sealed under key 'k1'")
                .hasMessageContaining("[k2]");
    }

    @Test
    void aKeyOfTheSameIdButOtherMaterialIsAClearError() {
        byte[] stored = aKeyring().withKey("k1").box().sealText("secret", ACME_ADMIN);
        SecretBox other = aKeyring().withKey("k1").box();

        assertThatThrownBy(() -> other.open(stored, ACME_ADMIN))
                .isInstanceOf(SecretBoxException.NotAuthentic.class)
                .hasMessageContaining("key 'k1' is not the key it was sealed with");
    }

    @Test
    void bytesThatAreNoSealedSecretAreMalformed() {
        SecretBox box = aKeyring().withKey("k1").box();

        assertThatThrownBy(() -> box.open("sk_live_cleartext".getBytes(StandardCharsets.UTF_8), ACME_ADMIN))
                .isInstanceOf(SecretBoxException.Malformed.class);
    }

    @Test
    void anEmptySecretRoundTrips() {
        SecretBox box = aKeyring().withKey("k1").box();

        assertThat(box.openText(box.sealText("", ACME_ADMIN), ACME_ADMIN)).isEmpty();
    }
}

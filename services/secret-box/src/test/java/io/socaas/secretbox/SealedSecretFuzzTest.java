package io.socaas.secretbox;

import static io.socaas.secretbox.KeyringTestData.aKeyring;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the stored format: whatever a database row holds, parsing gives a
 * sealed secret or {@link SecretBoxException.Malformed}, and opening gives the secret or a {@link
 * SecretBoxException}, nothing else. The seeds under {@code SealedSecretFuzzTestInputs/} run in
 * every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SealedSecretFuzzTest {

    private static final SecretBox BOX = aKeyring().withKey("k1").box();
    private static final AssociatedData CONTEXT = AssociatedData.of("onetime_credentials", "acme", "ingest-key");

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyStoredBytesParseOrAreMalformed(byte[] stored) {
        try {
            assertThat(SealedSecret.parse(stored).toBytes()).isEqualTo(stored);
        } catch (SecretBoxException.Malformed expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyStoredBytesOpenOrFailWithASecretBoxError(byte[] stored) {
        try {
            BOX.open(stored, CONTEXT);
        } catch (SecretBoxException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}

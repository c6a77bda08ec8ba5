package io.socaas.secretbox;

import static io.socaas.secretbox.KeyringTestData.aKeyring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of the stored format and of sealing, over generated secrets, contexts and bytes. */
class SealedSecretPropertiesTest {

    private static final SecretBox BOX = aKeyring().withKey("k1").box();

    @Test
    void anyBytesParseToASealedSecretOrAreMalformed() {
        qt().forAll(bytes(0, 120)).checkAssert(stored -> {
            Throwable failure = catchThrowable(() -> {
                SealedSecret parsed = SealedSecret.parse(stored);
                // what parses is written back byte for byte
                assertThat(parsed.toBytes()).isEqualTo(stored);
            });
            if (failure != null) {
                assertThat(failure).isInstanceOf(SecretBoxException.Malformed.class);
            }
        });
    }

    @Test
    void anySecretOpensAsItselfUnderItsContextOnly() {
        qt().forAll(strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(0, 200), contexts(), contexts())
                .checkAssert((secret, context, other) -> {
                    byte[] stored = BOX.sealText(secret, AssociatedData.of("t", context));

                    assertThat(BOX.openText(stored, AssociatedData.of("t", context)))
                            .isEqualTo(secret);
                    if (!other.equals(context)) {
                        assertThat(catchThrowable(() -> BOX.open(stored, AssociatedData.of("t", other))))
                                .isInstanceOf(SecretBoxException.NotAuthentic.class);
                    }
                });
    }

    @Test
    void aSealedSecretWithAnyByteChangedNeverOpens() {
        byte[] stored = BOX.sealText("sk_live_secret", AssociatedData.of("t", "acme"));
        qt().forAll(integers().between(0, stored.length - 1), integers().between(1, 255))
                .checkAssert((position, flip) -> {
                    byte[] changed = stored.clone();
                    changed[position] ^= flip.byteValue();

                    assertThat(catchThrowable(() -> BOX.open(changed, AssociatedData.of("t", "acme"))))
                            .isInstanceOf(SecretBoxException.class);
                });
    }

    private static Gen<byte[]> bytes(int min, int max) {
        return lists().of(integers().between(Byte.MIN_VALUE, Byte.MAX_VALUE))
                .ofSizeBetween(min, max)
                .map(values -> {
                    byte[] out = new byte[values.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = values.get(i).byteValue();
                    }
                    return out;
                });
    }

    private static Gen<String> contexts() {
        return strings().basicLatinAlphabet().ofLengthBetween(0, 12);
    }
}

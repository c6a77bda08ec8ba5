package io.socaas.tenants.ingestkey.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IngestKeySecretsTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void secretIsSkPrefixAnd32BytesOfUnpaddedBase64url() {
        String secret = IngestKeySecrets.newSecret(random);

        assertThat(secret).startsWith("sk_").hasSize(3 + 43).doesNotContain("=", "+", "/");
        assertThat(Base64.getUrlDecoder().decode(secret.substring(3))).hasSize(32);
        assertThat(IngestKeySecrets.isWellFormedSecret(secret)).isTrue();
    }

    @Test
    void secretEncodesExactlyTheRandomBytes() {
        byte[] expected = new byte[32];
        new Random(7).nextBytes(expected);
        SecureRandom fixed = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                new Random(7).nextBytes(bytes);
            }
        };

        String secret = IngestKeySecrets.newSecret(fixed);

        assertThat(Base64.getUrlDecoder().decode(secret.substring(3))).isEqualTo(expected);
    }

    @Test
    void secretsDoNotRepeat() {
        Set<String> secrets = new HashSet<>();
        IntStream.range(0, 1_000).forEach(i -> secrets.add(IngestKeySecrets.newSecret(random)));

        assertThat(secrets).hasSize(1_000);
    }

    @Test
    void hashIsLowerCaseHexSha256OfTheUtf8Key() {
        // FIPS 180-2 test vector
        assertThat(IngestKeySecrets.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hashDiffersFromTheSecretAndIsStable() {
        String secret = IngestKeySecrets.newSecret(random);

        assertThat(IngestKeySecrets.sha256(secret))
                .isEqualTo(IngestKeySecrets.sha256(secret))
                .doesNotContain(secret.substring(3))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void keyIdIsIkPrefixAndTheLowerCaseUlid() {
        assertThat(IngestKeySecrets.keyIdFromUlid("01ARZ3NDEKTSV4RRFFQ69G5FAV"))
                .isEqualTo("ik_01arz3ndektsv4rrffq69g5fav");
        assertThat(IngestKeySecrets.isWellFormedKeyId("ik_01arz3ndektsv4rrffq69g5fav"))
                .isTrue();
    }

    @Test
    void keyIdRefusesSomethingThatIsNotAUlid() {
        assertThatThrownBy(() -> IngestKeySecrets.keyIdFromUlid("not-a-ulid"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wellFormednessRejectsTruncatedOrForeignKeys() {
        String secret = IngestKeySecrets.newSecret(random);

        assertThat(IngestKeySecrets.isWellFormedSecret(secret.substring(0, secret.length() - 1)))
                .isFalse();
        assertThat(IngestKeySecrets.isWellFormedSecret("pk_" + secret.substring(3)))
                .isFalse();
        assertThat(IngestKeySecrets.isWellFormedSecret(null)).isFalse();
    }
}

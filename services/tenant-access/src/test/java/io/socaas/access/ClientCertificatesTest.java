package io.socaas.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientCertificatesTest {

    @Test
    void subjectsThatDifferInCaseAndSpacingHaveOneCanonicalForm() {
        assertThat(ClientCertificates.canonicalSubject("CN=Firewall 1, O=Acme"))
                .isEqualTo(ClientCertificates.canonicalSubject("cn=firewall 1,o=ACME"))
                .contains("cn=firewall 1,o=acme");
    }

    @Test
    void somethingThatIsNoDistinguishedNameHasNoCanonicalForm() {
        assertThat(ClientCertificates.canonicalSubject("not a dn")).isEmpty();
        assertThat(ClientCertificates.canonicalSubject(" ")).isEmpty();
        assertThat(ClientCertificates.canonicalSubject(null)).isEmpty();
    }

    @Test
    void fingerprintsAreComparedAsLowerCaseHexWithoutColons() {
        assertThat(ClientCertificates.normalizedFingerprint(" 3A:7F:0B ")).isEqualTo("3a7f0b");
        assertThat(ClientCertificates.normalizedFingerprint(null)).isEmpty();
    }
}

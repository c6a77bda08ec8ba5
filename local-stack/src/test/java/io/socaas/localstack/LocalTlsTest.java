package io.socaas.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTlsTest {

    @TempDir
    Path home;

    private StackSettings settings(boolean tls) {
        return new StackSettings(home, home, Path.of(System.getProperty("java.home")), 1.0, tls);
    }

    @Test
    void withoutTlsEveryUrlIsPlainHttp() {
        StackSettings plain = settings(false);

        assertThat(plain.keycloakUrl()).isEqualTo("http://127.0.0.1:8180");
        assertThat(plain.serviceUrl(8083)).isEqualTo("http://127.0.0.1:8083");
        assertThat(plain.opensearchUrl()).isEqualTo("http://127.0.0.1:9200");
        assertThat(Files.exists(plain.tlsDir())).isFalse();
    }

    @Test
    void withTlsKeycloakAndTheServicesAreReachedByHttpsOnTheirUsualPorts() {
        StackSettings tls = settings(true);

        assertThat(tls.keycloakUrl()).isEqualTo("https://127.0.0.1:8180");
        assertThat(tls.issuer()).isEqualTo("https://127.0.0.1:8180/realms/socaas");
        assertThat(tls.serviceUrl(8083)).isEqualTo("https://127.0.0.1:8083");
        assertThat(tls.opensearchUrl()).isEqualTo("https://127.0.0.1:9200");
    }

    @Test
    void aServiceRunsUnderTheTlsProfileWithItsOwnKeyStoreAndTheLocalCa() {
        LocalTls tls = LocalTls.of(settings(true));

        Map<String, String> env = tls.serviceEnvironment("case-management", Optional.empty());

        assertThat(env)
                .containsEntry("QUARKUS_PROFILE", "prod,tls")
                .containsEntry("SOCAAS_TLS_CA", home.resolve("tls/ca.pem").toString())
                .containsEntry(
                        "SOCAAS_TLS_KEY_STORE",
                        home.resolve("tls/case-management.p12").toString())
                .containsEntry("SOCAAS_TLS_KEY_STORE_PASSWORD", LocalTls.PASSWORD)
                .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "https://127.0.0.1:8180/realms/socaas")
                .containsEntry("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL", "https://127.0.0.1:8180")
                .containsEntry("SOCAAS_INGESTION_INDEXING_OPENSEARCH_URL", "https://127.0.0.1:9200")
                .containsEntry("SOCAAS_CORRELATION_OPENSEARCH_URL", "https://127.0.0.1:9200")
                .containsEntry("SOCAAS_ONBOARDING_OPENSEARCH_URL", "https://127.0.0.1:9200")
                // no TLS known of the cluster: the link to PostgreSQL stays plain
                .containsEntry("SOCAAS_DB_SSL_MODE", "disable");
        assertThat(Path.of(env.get("SOCAAS_TLS_KEY_STORE"))).isRegularFile();
        assertThat(tls.caCertificate()).isRegularFile();
    }

    @Test
    void postgresWithACertificateIsCheckedAgainstItsRoot() {
        Path root = Path.of("/etc/ssl/certs/ssl-cert-snakeoil.pem");

        Map<String, String> env = LocalTls.of(settings(true))
                .serviceEnvironment("tenant-billing", Optional.of(new LocalTls.PostgresTrust("verify-ca", root)));

        assertThat(env)
                .containsEntry("SOCAAS_DB_SSL_MODE", "verify-ca")
                .containsEntry("SOCAAS_DB_HOSTNAME_VERIFICATION", "NONE")
                .containsEntry("SOCAAS_DB_CA", root.toString());
    }

    @Test
    void postgresGivenACertificateOfTheLocalCaIsCheckedAgainstItByAddress() throws Exception {
        LocalTls tls = LocalTls.of(settings(true));
        Files.createDirectories(tls.postgresMarker().getParent());
        Files.writeString(tls.postgresMarker(), "noted\n");

        assertThat(tls.postgresTrust()).contains(new LocalTls.PostgresTrust("verify-full", tls.caCertificate()));
        assertThat(tls.serviceEnvironment("case-management", tls.postgresTrust()))
                .containsEntry("SOCAAS_DB_SSL_MODE", "verify-full")
                .containsEntry("SOCAAS_DB_HOSTNAME_VERIFICATION", "HTTPS")
                .containsEntry("SOCAAS_DB_CA", tls.caCertificate().toString());
    }

    @Test
    void aServersKeyStoreAsPemIsItsChainUpToTheCaAndItsKey() throws Exception {
        LocalTls tls = LocalTls.of(settings(true));

        LocalTls.ServerPem pem = tls.serverPem("postgres");

        var certificates = java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificates(
                        new java.io.ByteArrayInputStream(pem.certificateChain().getBytes()));
        var ca = java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(tls.caCertificate()));
        assertThat(certificates).hasSize(2);
        var leaf = (java.security.cert.X509Certificate) certificates.iterator().next();
        leaf.verify(ca.getPublicKey());
        assertThat(leaf.getSubjectX500Principal().getName()).contains("CN=localhost");
        assertThat(pem.privateKey())
                .startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        String base64 = pem.privateKey().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var key = java.security.KeyFactory.getInstance(leaf.getPublicKey().getAlgorithm())
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(
                        java.util.Base64.getDecoder().decode(base64)));
        // the key is the certificate's: what it signs, the certificate's public key verifies
        var signer = java.security.Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        var verifier = java.security.Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(leaf.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void keycloakServesHttpsOnlyWithItsKeyStore() {
        LocalTls tls = LocalTls.of(settings(true));

        List<String> options = tls.keycloakOptions(8180);

        assertThat(options)
                .contains("--http-enabled=false", "--https-port=8180")
                .contains("--https-key-store-file=" + home.resolve("tls/keycloak.p12"));
        assertThat(home.resolve("tls/keycloak.p12")).isRegularFile();
    }
}

package io.socaas.transporttls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCertificateAuthorityTest {

    private static final String PASSWORD = "local-ca-test-password";

    @TempDir
    static Path dir;

    static LocalCertificateAuthority ca;
    static Path server;

    @BeforeAll
    static void makeCa() {
        ca = LocalCertificateAuthority.in(dir.resolve("ca"), PASSWORD);
        server = ca.keyStore("kafka", List.of("localhost"), List.of("127.0.0.1"));
    }

    @Test
    void aClientThatTrustsTheCaCompletesAHandshakeWithTheServerAtItsAddress() throws Exception {
        String answer = handshake(LocalCertificateAuthority.trusting(ca.caCertificate()), "127.0.0.1");
        assertThat(answer).isEqualTo("hello over TLS");
    }

    @Test
    void onlyTheOwnerMayReadTheKeysWhoseStoresShareOneKnownPassword() throws Exception {
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve("ca"))))
                .isEqualTo("rwx------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(dir.resolve("ca/ca.p12"))))
                .isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(server)))
                .isEqualTo("rw-------");
    }

    @Test
    void aClientThatTrustsAnotherCaRefusesTheServer() throws Exception {
        LocalCertificateAuthority other = LocalCertificateAuthority.in(dir.resolve("other"), PASSWORD);
        assertThatThrownBy(() -> handshake(LocalCertificateAuthority.trusting(other.caCertificate()), "127.0.0.1"))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void theCertificateNamesOnlyTheGivenHostsSoAnotherNameIsRefused() throws Exception {
        assertThatThrownBy(() -> handshake(LocalCertificateAuthority.trusting(ca.caCertificate()), "127.0.0.2"))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("127.0.0.2");
    }

    @Test
    void anExistingCaAndKeyStoreAreKeptSoThatWhatTrustsThemKeepsTrustingThem() throws Exception {
        byte[] caBefore = Files.readAllBytes(ca.caCertificate());
        byte[] storeBefore = Files.readAllBytes(server);

        LocalCertificateAuthority again = LocalCertificateAuthority.in(dir.resolve("ca"), PASSWORD);
        Path store = again.keyStore("kafka", List.of("localhost"), List.of("127.0.0.1"));

        assertThat(Files.readAllBytes(again.caCertificate())).isEqualTo(caBefore);
        assertThat(Files.readAllBytes(store)).isEqualTo(storeBefore);
    }

    @Test
    void theCaCertificateIsACaAndSignsTheServerChain() throws Exception {
        X509Certificate caCert = pem(ca.caCertificate());
        assertThat(caCert.getBasicConstraints()).isGreaterThanOrEqualTo(0);

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(server)) {
            store.load(in, PASSWORD.toCharArray());
        }
        assertThat(java.util.Collections.list(store.aliases())).containsExactly("kafka");
        var chain = store.getCertificateChain("kafka");
        assertThat(chain).hasSize(2);
        chain[0].verify(caCert.getPublicKey());
        assertThat(((X509Certificate) chain[0]).getSubjectAlternativeNames())
                .extracting(name -> (Object) name.get(1))
                .containsExactlyInAnyOrder((Object) "localhost", "127.0.0.1");
    }

    @Test
    void aCertificateWithoutAnyNameIsRefused() {
        assertThatThrownBy(() -> LocalCertificateAuthority.subjectAlternativeNames(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Serves one line over TLS with the server's key store and reads it as a client of {@code host}. */
    private static String handshake(SSLContext client, String host) throws Exception {
        SSLContext serverContext = LocalCertificateAuthority.serverContext(server, PASSWORD);
        try (SSLServerSocket listener =
                (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0)) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept();
                        OutputStream out = accepted.getOutputStream()) {
                    out.write("hello over TLS".getBytes());
                } catch (Exception refused) {
                    // the client refused the certificate: nothing to serve
                }
            });
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(host, listener.getLocalPort())) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.setSoTimeout(10_000);
                String answer = new String(socket.getInputStream().readAllBytes());
                served.get(10, TimeUnit.SECONDS);
                return answer;
            }
        }
    }

    private static X509Certificate pem(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}

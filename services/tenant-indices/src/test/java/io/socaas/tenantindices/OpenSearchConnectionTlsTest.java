package io.socaas.tenantindices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.socaas.transporttls.LocalCertificateAuthority;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenSearch client over HTTPS: it trusts the platform's CA it is given, and only that. The
 * server is the JDK's HTTPS server with a certificate of the test's CA, answering the ping that
 * OpenSearch answers on its root (the local OpenSearch has no TLS, see local-stack).
 */
class OpenSearchConnectionTlsTest {

    private static final String PASSWORD = "opensearch-tls-test";

    @TempDir
    static Path dir;

    static LocalCertificateAuthority ca;
    static HttpsServer server;
    static URI url;

    @BeforeAll
    static void serveHttps() throws Exception {
        ca = LocalCertificateAuthority.in(dir.resolve("ca"), PASSWORD);
        Path store = ca.keyStore("opensearch", List.of("localhost"), List.of("127.0.0.1"));
        SSLContext context = LocalCertificateAuthority.serverContext(store, PASSWORD);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        url = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aConnectionTrustingThePlatformCaReachesTheClusterOverHttps() throws IOException {
        try (OpenSearchConnection connection =
                OpenSearchConnection.to(url, Optional.of(LocalCertificateAuthority.trusting(ca.caCertificate())))) {
            assertThat(connection.client().ping().value()).isTrue();
        }
    }

    @Test
    void withoutThePlatformCaTheClusterIsRefused() throws IOException {
        try (OpenSearchConnection connection = OpenSearchConnection.to(url, Optional.empty())) {
            assertThatThrownBy(() -> connection.client().ping()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aConnectionTrustingAnotherCaRefusesTheCluster() throws IOException {
        LocalCertificateAuthority other = LocalCertificateAuthority.in(dir.resolve("other"), PASSWORD);
        try (OpenSearchConnection connection =
                OpenSearchConnection.to(url, Optional.of(LocalCertificateAuthority.trusting(other.caCertificate())))) {
            assertThatThrownBy(() -> connection.client().ping()).isInstanceOf(IOException.class);
        }
    }
}

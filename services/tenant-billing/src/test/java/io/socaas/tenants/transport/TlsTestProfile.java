package io.socaas.tenants.transport;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.socaas.transporttls.LocalCertificateAuthority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The service as {@code ./soc up --tls} runs it: the profile {@code tls} over the test profile, with
 * a key store and CA made for the test (in {@code target/test-tls}). The shared local stack's Kafka
 * and PostgreSQL are plain, so only the links to them stay plain here; the HTTP and gRPC server and
 * the gRPC client are what this profile puts on TLS.
 */
public class TlsTestProfile implements QuarkusTestProfile {

    static final String PASSWORD = "test-tls-password";
    static final LocalCertificateAuthority CA = LocalCertificateAuthority.in(Path.of("target", "test-tls"), PASSWORD);
    static final int PORT = freePort();

    @Override
    public String getConfigProfile() {
        return "tls";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Path keyStore = CA.keyStore("tenant-billing", List.of("localhost"), List.of("127.0.0.1"));
        return Map.ofEntries(
                // the profile tls over everything the test profile sets
                Map.entry("quarkus.config.profile.parent", "test"),
                Map.entry("SOCAAS_TLS_KEY_STORE", keyStore.toString()),
                Map.entry("SOCAAS_TLS_KEY_STORE_PASSWORD", PASSWORD),
                Map.entry("SOCAAS_TLS_CA", CA.caCertificate().toString()),
                Map.entry("quarkus.http.test-ssl-port", String.valueOf(PORT)),
                // the test framework trusts every certificate by default; this test is about the CA
                Map.entry("quarkus.tls.trust-all", "false"),
                Map.entry("quarkus.grpc.clients.tenant-directory.port", String.valueOf(PORT)),
                // in tests the client is pointed at the plain test port unless told otherwise
                Map.entry("quarkus.grpc.clients.tenant-directory.test-port", String.valueOf(PORT)),
                // the shared local stack's Kafka and PostgreSQL listen without TLS
                Map.entry("kafka.security.protocol", "PLAINTEXT"),
                Map.entry("quarkus.datasource.reactive.postgresql.ssl-mode", "disable"),
                Map.entry("quarkus.datasource.reactive.trust-certificate-pem", "false"),
                Map.entry("quarkus.datasource.jdbc.additional-jdbc-properties.sslmode", "disable"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

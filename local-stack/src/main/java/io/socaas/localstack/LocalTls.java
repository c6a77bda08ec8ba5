package io.socaas.localstack;

import io.socaas.transporttls.LocalCertificateAuthority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The local platform with TLS ({@code ./soc up --tls}): a CA and one certificate per component under
 * {@code SOCAAS_HOME/tls} (made once with the JDK's keytool, kept afterwards), and what each
 * component is given to use them: the services' environment (the configuration profile {@code tls}
 * of services/transport-tls), Kafka's SSL listener, Keycloak's HTTPS options, the launcher's own
 * trust. Every certificate is valid for {@code localhost} and {@code 127.0.0.1}.
 */
public final class LocalTls {

    /** The password of the local key stores: files of a development machine, not a secret. */
    public static final String PASSWORD = "socaas-local-tls";

    /**
     * The root of Debian's PostgreSQL certificate, when the package ssl-cert made one: Debian's
     * clusters then run with {@code ssl = on} and that self-signed certificate.
     */
    public static final Path DEBIAN_POSTGRES_ROOT = Path.of("/etc/ssl/certs/ssl-cert-snakeoil.pem");

    private static final List<String> HOSTS = List.of("localhost");
    private static final List<String> ADDRESSES = List.of(StackSettings.HOST);

    private final StackSettings settings;
    private final LocalCertificateAuthority ca;

    private LocalTls(StackSettings settings, LocalCertificateAuthority ca) {
        this.settings = settings;
        this.ca = ca;
    }

    /** The local CA of the stack, made now if missing. */
    public static LocalTls of(StackSettings settings) {
        return new LocalTls(settings, LocalCertificateAuthority.in(settings.tlsDir(), PASSWORD));
    }

    /** The CA certificate to trust (browsers, curl --cacert, clients). */
    public Path caCertificate() {
        return ca.caCertificate();
    }

    /** The PKCS#12 key store (key and chain) of a component, made now if missing. */
    public Path keyStore(String component) {
        return ca.keyStore(component, HOSTS, ADDRESSES);
    }

    /**
     * How a client checks the local PostgreSQL: the ssl mode and the root of the server's certificate.
     */
    public record PostgresTrust(String sslMode, Path root) {}

    /**
     * The environment of a service: the profile {@code tls}, its key store and the CA, Keycloak and
     * OpenSearch by HTTPS, and PostgreSQL checked as {@code postgres} says when the cluster serves TLS
     * (without it the link to PostgreSQL stays plain).
     */
    public Map<String, String> serviceEnvironment(String service, Optional<PostgresTrust> postgres) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_PROFILE", "prod,tls");
        env.put("SOCAAS_TLS_KEY_STORE", keyStore(service).toString());
        env.put("SOCAAS_TLS_KEY_STORE_PASSWORD", PASSWORD);
        env.put("SOCAAS_TLS_CA", caCertificate().toString());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", settings.issuer());
        env.put("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", settings.issuer());
        env.put("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL", settings.keycloakUrl());
        env.put(
                "QUARKUS_SMALLRYE_OPENAPI_OIDC_OPEN_ID_CONNECT_URL",
                settings.issuer() + "/.well-known/openid-configuration");
        env.put("SOCAAS_INGESTION_INDEXING_OPENSEARCH_URL", settings.opensearchUrl());
        env.put("SOCAAS_CORRELATION_OPENSEARCH_URL", settings.opensearchUrl());
        env.put("SOCAAS_ONBOARDING_OPENSEARCH_URL", settings.opensearchUrl());
        if (postgres.isPresent()) {
            env.put("SOCAAS_DB_SSL_MODE", postgres.get().sslMode());
            env.put(
                    "SOCAAS_DB_HOSTNAME_VERIFICATION",
                    postgres.get().sslMode().equals("verify-full") ? "HTTPS" : "NONE");
            env.put("SOCAAS_DB_CA", postgres.get().root().toString());
        } else {
            env.put("SOCAAS_DB_SSL_MODE", "disable");
        }
        return env;
    }

    /**
     * How the local PostgreSQL is checked: against the local CA and by address ({@code verify-full})
     * when the launcher gave the cluster a certificate of it (see {@code component.Postgres}),
     * otherwise against Debian's own certificate when the package ssl-cert made one; empty when the
     * cluster serves no TLS the launcher knows of.
     */
    public Optional<PostgresTrust> postgresTrust() {
        if (Files.isRegularFile(postgresMarker())) {
            return Optional.of(new PostgresTrust("verify-full", caCertificate()));
        }
        return Files.isReadable(DEBIAN_POSTGRES_ROOT)
                ? Optional.of(new PostgresTrust("verify-ca", DEBIAN_POSTGRES_ROOT))
                : Optional.empty();
    }

    /** Noted by the launcher once the local PostgreSQL serves a certificate of the local CA. */
    public Path postgresMarker() {
        return settings.run().resolve("postgres.tls");
    }

    /** A server's certificate chain and private key, as PEM files (PostgreSQL's ssl_cert_file and ssl_key_file). */
    public record ServerPem(String certificateChain, String privateKey) {}

    /** The key store of {@code component} as PEM: its chain up to the CA and its unencrypted PKCS#8 key. */
    public ServerPem serverPem(String component) {
        Path store = keyStore(component);
        try (var in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            var key = keys.getKey(component, PASSWORD.toCharArray());
            StringBuilder chain = new StringBuilder();
            for (var certificate : keys.getCertificateChain(component)) {
                chain.append(pem("CERTIFICATE", certificate.getEncoded()));
            }
            return new ServerPem(chain.toString(), pem("PRIVATE KEY", key.getEncoded()));
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new StackException(component, "cannot read its key store " + store + ": " + e.getMessage(), null);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The broker's SSL settings: its key store ({@code kafka}) and, for its own connections, the CA. */
    public String kafkaSslSettings() {
        return """
                ssl.keystore.type=PKCS12
                ssl.keystore.location=%1$s
                ssl.keystore.password=%2$s
                ssl.key.password=%2$s
                ssl.truststore.type=PEM
                ssl.truststore.location=%3$s
                """.formatted(keyStore("kafka"), PASSWORD, caCertificate());
    }

    /** The settings of a Kafka client of the launcher (its health checks and topic creation). */
    public Map<String, String> kafkaClientSettings() {
        return Map.of(
                "security.protocol", "SSL",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", caCertificate().toString());
    }

    /** Keycloak's options: HTTPS only, on its usual port. */
    public List<String> keycloakOptions(int port) {
        return List.of(
                "--http-enabled=false",
                "--https-port=" + port,
                "--https-key-store-file=" + keyStore("keycloak"),
                "--https-key-store-password=" + PASSWORD);
    }

    /** A TLS context that trusts the local CA (and nothing else), for the launcher's HTTP calls. */
    public SSLContext clientContext() {
        return LocalCertificateAuthority.trusting(caCertificate());
    }

    /** A trust store that holds the local CA (and nothing else), for clients configured by key store. */
    public KeyStore trustStore() {
        return LocalCertificateAuthority.trustStore(caCertificate());
    }
}

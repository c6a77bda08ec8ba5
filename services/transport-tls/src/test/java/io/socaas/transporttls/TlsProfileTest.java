package io.socaas.transporttls;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared configuration under a service's own: plain unless the profile {@code tls} is active,
 * then every listener and client on TLS with the files the environment names.
 */
class TlsProfileTest {

    /** What a service's application.properties says (ordinal 250), as ingestion does. */
    private static final Map<String, String> SERVICE = Map.of(
            "quarkus.http.port", "8081",
            "kafka.bootstrap.servers", "127.0.0.1:9092",
            "quarkus.grpc.clients.tenant-directory.plain-text", "${transport-tls.plain-text}");

    /** What ./soc up --tls or the chart puts in the environment. */
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "SOCAAS_TLS_KEY_STORE", "/pki/ingestion.p12",
            "SOCAAS_TLS_KEY_STORE_PASSWORD", "secret",
            "SOCAAS_TLS_CA", "/pki/ca.pem");

    @Test
    void withoutTheProfileEverythingStaysPlain() throws IOException {
        SmallRyeConfig config = config();

        assertThat(KafkaClientSecurity.settings(config)).isEmpty();
        assertThat(config.getValue("quarkus.grpc.clients.tenant-directory.plain-text", Boolean.class))
                .isTrue();
        assertThat(config.getOptionalValue("quarkus.http.tls-configuration-name", String.class))
                .isEmpty();
        assertThat(config.getOptionalValue("quarkus.http.insecure-requests", String.class))
                .isEmpty();
        assertThat(config.getOptionalValue("quarkus.tls.trust-store.pem.certs", String.class))
                .isEmpty();
    }

    @Test
    void theTlsProfileServesHttpsOnlyOnTheServicePortAndTrustsTheCaInEveryClient() throws IOException {
        SmallRyeConfig config = config("prod", "tls");

        assertThat(config.getValue("quarkus.http.tls-configuration-name", String.class))
                .isEqualTo("socaas");
        assertThat(config.getValue("quarkus.http.ssl-port", Integer.class)).isEqualTo(8081);
        assertThat(config.getValue("quarkus.http.insecure-requests", String.class))
                .isEqualTo("disabled");
        assertThat(config.getValue("quarkus.tls.socaas.key-store.p12.path", String.class))
                .isEqualTo("/pki/ingestion.p12");
        assertThat(config.getValue("quarkus.tls.socaas.key-store.p12.password", String.class))
                .isEqualTo("secret");
        assertThat(config.getValue("quarkus.tls.trust-store.pem.certs", String.class))
                .isEqualTo("/pki/ca.pem");
        assertThat(config.getValue("quarkus.grpc.clients.tenant-directory.plain-text", Boolean.class))
                .isFalse();
        assertThat(config.getValue("quarkus.oidc.tls.tls-configuration-name", String.class))
                .isEqualTo("socaas");
        assertThat(config.getValue("quarkus.datasource.reactive.postgresql.ssl-mode", String.class))
                .isEqualTo("verify-ca");
        assertThat(config.getValue("quarkus.datasource.jdbc.additional-jdbc-properties.sslrootcert", String.class))
                .isEqualTo("/pki/ca.pem");
    }

    @Test
    void theKafkaClientsAServiceBuildsItselfUseSslWithTheCa() throws IOException {
        assertThat(KafkaClientSecurity.settings(config("prod", "tls")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "security.protocol", "SSL",
                        "ssl.truststore.type", "PEM",
                        "ssl.truststore.location", "/pki/ca.pem"));
    }

    @Test
    void postgresMayHaveARootOfItsOwn() throws IOException {
        SmallRyeConfig config = configWith(Map.of("SOCAAS_DB_CA", "/etc/ssl/certs/ssl-cert-snakeoil.pem"), "tls");

        assertThat(config.getValue("quarkus.datasource.reactive.trust-certificate-pem.certs", String.class))
                .isEqualTo("/etc/ssl/certs/ssl-cert-snakeoil.pem");
        assertThat(config.getValue("quarkus.datasource.jdbc.additional-jdbc-properties.sslrootcert", String.class))
                .isEqualTo("/etc/ssl/certs/ssl-cert-snakeoil.pem");
    }

    @Test
    void aServiceSettingOfItsOwnWinsOverTheSharedOne() throws IOException {
        SmallRyeConfig config = configWith(Map.of("kafka.security.protocol", "SASL_SSL"), "tls");

        assertThat(KafkaClientSecurity.settings(config)).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void clientsOutsideQuarkusTrustThePlatformCaOnlyUnderTheProfile(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        LocalCertificateAuthority ca = LocalCertificateAuthority.in(dir, "profile-test");
        Map<String, String> realCa = Map.of("SOCAAS_TLS_CA", ca.caCertificate().toString());

        assertThat(PlatformTrust.sslContext(configWith(realCa))).isEmpty();
        assertThat(PlatformTrust.sslContext(configWith(realCa, "prod", "tls"))).isPresent();
    }

    private static SmallRyeConfig config(String... profiles) throws IOException {
        return configWith(Map.of(), profiles);
    }

    /** {@code more}: environment variables (SOCAAS_*) or the service's own settings. */
    private static SmallRyeConfig configWith(Map<String, String> more, String... profiles) throws IOException {
        Map<String, String> service = new java.util.HashMap<>(SERVICE);
        Map<String, String> environment = new java.util.HashMap<>(ENVIRONMENT);
        more.forEach((key, value) -> (key.startsWith("SOCAAS_") ? environment : service).put(key, value));
        return new SmallRyeConfigBuilder()
                .withProfiles(java.util.List.of(profiles))
                .withSources(new PropertiesConfigSource(
                        TlsProfileTest.class.getResource("/META-INF/microprofile-config.properties"), 100))
                .withSources(new PropertiesConfigSource(service, "application.properties", 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .build();
    }
}

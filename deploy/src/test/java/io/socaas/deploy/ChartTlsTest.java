package io.socaas.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * With {@code tls.enabled} every service runs the configuration profile "tls" of
 * services/transport-tls with the files it needs, serves HTTPS (and gRPC) only, and each of its
 * clients speaks TLS; without it the chart renders no trace of TLS.
 */
class ChartTlsTest {

    /** TLS on, against infrastructure with TLS endpoints (Kafka: an SSL listener on its usual port). */
    static final Map<String, Object> TLS =
            Map.of("tls.enabled", true, "opensearch.url", "https://socaas-opensearch.opensearch.svc:9200");

    private static final Set<String> DATABASE_SERVICES = Set.of("case-management", "tenant-billing");
    private static final Pattern GRPC_CLIENT_HOST = Pattern.compile("QUARKUS_GRPC_CLIENTS_(\\w+)_HOST");

    @Test
    void everyServiceRunsTheTlsProfileWithItsKeyStoreAndCaMountedWhereItLooks() {
        List<HasMetadata> objects = Chart.render(List.of(Chart.productionValues()), TLS);

        for (String service : Chart.SERVICES) {
            Map<String, String> config = config(objects, service);
            PodSpec pod = pod(objects, service);
            Container container = pod.getContainers().getFirst();

            assertThat(config)
                    .as(service)
                    .containsEntry("QUARKUS_PROFILE", "prod,tls")
                    .containsEntry("SOCAAS_TLS_KEY_STORE", "/etc/socaas/tls/keystore.p12")
                    .containsEntry("SOCAAS_TLS_CA", "/etc/socaas/tls/ca.crt");
            assertThat(mountedFiles(pod, container, "socaas-tls"))
                    .as("files of Secret socaas-tls in %s", service)
                    .contains(config.get("SOCAAS_TLS_KEY_STORE"), config.get("SOCAAS_TLS_CA"));
            assertThat(container.getVolumeMounts())
                    .filteredOn(m -> m.getName().equals("tls"))
                    .singleElement()
                    .satisfies(m -> assertThat(m.getReadOnly()).isTrue());
            assertThat(container.getEnv())
                    .filteredOn(e -> e.getName().equals("SOCAAS_TLS_KEY_STORE_PASSWORD"))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.getValue()).isNull();
                        assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("socaas-tls-password");
                        assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
                    });
        }
    }

    @Test
    void theProbesAndThePrometheusScrapeUseHttps() {
        List<HasMetadata> objects = Chart.render(List.of(Chart.productionValues()), TLS);

        for (String service : Chart.SERVICES) {
            Container container = pod(objects, service).getContainers().getFirst();
            for (Probe probe :
                    List.of(container.getReadinessProbe(), container.getLivenessProbe(), container.getStartupProbe())) {
                assertThat(probe.getHttpGet().getScheme()).as(service).isEqualTo("HTTPS");
                assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
            }
            assertThat(ManifestChecks.workloads(objects).entrySet().stream()
                            .filter(e -> e.getKey().endsWith("/" + service))
                            .findFirst()
                            .orElseThrow()
                            .getValue()
                            .getMetadata()
                            .getAnnotations())
                    .containsEntry("prometheus.io/scheme", "https");
        }
    }

    @Test
    void theServicesReachKeycloakOpenSearchAndPostgresOverTls() {
        List<HasMetadata> objects = Chart.render(List.of(Chart.productionValues()), TLS);

        for (String service : Chart.SERVICES) {
            Map<String, String> config = config(objects, service);
            config.forEach((key, value) -> {
                if (key.endsWith("_AUTH_SERVER_URL")
                        || key.endsWith("_OPENSEARCH_URL")
                        || key.equals("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL")) {
                    assertThat(value).as("%s of %s", key, service).startsWith("https://");
                }
            });
            // Kafka: the tls profile's SSL settings hold, nothing in the chart overrides them
            assertThat(config.keySet())
                    .as(service)
                    .noneMatch(k -> k.startsWith("KAFKA_SECURITY_") || k.startsWith("KAFKA_SSL_"));
            if (DATABASE_SERVICES.contains(service)) {
                assertThat(config)
                        .as(service)
                        .containsEntry("SOCAAS_DB_SSL_MODE", "verify-full")
                        // the reactive client refuses verify-full without a host name check
                        .containsEntry("SOCAAS_DB_HOSTNAME_VERIFICATION", "HTTPS")
                        // PostgreSQL's certificate is the platform CA's: SOCAAS_TLS_CA
                        .doesNotContainKey("SOCAAS_DB_CA");
            } else {
                assertThat(config).as(service).doesNotContainKey("SOCAAS_DB_SSL_MODE");
            }
        }
    }

    /** The variables the chart sets are the ones the tls profile reads for each client. */
    @Test
    void theTlsProfileTurnsTheVariablesIntoTheClientsTlsSettings() throws IOException {
        Properties profile = properties(Chart.repo()
                .resolve("services/transport-tls/src/main/resources/META-INF/microprofile-config.properties"));

        assertThat(profile)
                .containsEntry("%tls.quarkus.http.insecure-requests", "disabled")
                .containsEntry("%tls.quarkus.http.ssl-port", "${quarkus.http.port}")
                .containsEntry("%tls.quarkus.tls.socaas.key-store.p12.path", "${SOCAAS_TLS_KEY_STORE}")
                .containsEntry("%tls.quarkus.tls.socaas.key-store.p12.password", "${SOCAAS_TLS_KEY_STORE_PASSWORD}")
                .containsEntry("%tls.quarkus.tls.trust-store.pem.certs", "${SOCAAS_TLS_CA}")
                .containsEntry("%tls.kafka.security.protocol", "SSL")
                .containsEntry("%tls.kafka.ssl.truststore.location", "${SOCAAS_TLS_CA}")
                .containsEntry("%tls.transport-tls.plain-text", "false");
        assertThat(profile.getProperty("%tls.quarkus.datasource.jdbc.additional-jdbc-properties.sslmode"))
                .startsWith("${SOCAAS_DB_SSL_MODE:");
        assertThat(profile.getProperty("%tls.quarkus.datasource.reactive.postgresql.ssl-mode"))
                .startsWith("${SOCAAS_DB_SSL_MODE:");
        assertThat(profile.getProperty("%tls.quarkus.datasource.jdbc.additional-jdbc-properties.sslrootcert"))
                .isEqualTo("${SOCAAS_DB_CA:${SOCAAS_TLS_CA}}");
    }

    /** Every gRPC client the chart points at another service turns to TLS with the profile. */
    @Test
    void everyGrpcClientTheChartConfiguresSwitchesToTlsWithTheProfile() throws IOException {
        List<HasMetadata> objects = Chart.render(List.of(Chart.productionValues()), TLS);
        int clients = 0;

        for (String service : Chart.SERVICES) {
            Properties properties = properties(Chart.repo()
                    .resolve("services")
                    .resolve(service)
                    .resolve("src/main/resources/application.properties"));
            Map<String, String> byEnv = new HashMap<>();
            properties.stringPropertyNames().forEach(p -> byEnv.put(ServiceSettingsTest.env(p), p));
            for (String key : config(objects, service).keySet()) {
                Matcher host = GRPC_CLIENT_HOST.matcher(key);
                if (!host.matches()) {
                    continue;
                }
                clients++;
                String plainText = byEnv.get("QUARKUS_GRPC_CLIENTS_" + host.group(1) + "_PLAIN_TEXT");
                String tlsName = byEnv.get("_TLS_QUARKUS_GRPC_CLIENTS_" + host.group(1) + "_TLS_CONFIGURATION_NAME");
                assertThat(plainText)
                        .as("plain-text setting of %s in %s", key, service)
                        .isNotNull();
                assertThat(properties.getProperty(plainText)).isEqualTo("${transport-tls.plain-text}");
                assertThat(tlsName)
                        .as("tls profile's TLS configuration of %s in %s", key, service)
                        .isNotNull();
                assertThat(properties.getProperty(tlsName)).isEqualTo("socaas");
            }
        }
        assertThat(clients).as("gRPC clients the chart configures").isEqualTo(3);
    }

    @Test
    void withCloudNativePgTheDatabaseServicesTrustItsClusterCa() {
        Map<String, Object> sets = new HashMap<>(TLS);
        sets.put("operators.cloudnativepg.enabled", true);
        List<HasMetadata> objects = Chart.render(List.of(), sets);

        for (String service : Chart.SERVICES) {
            Map<String, String> config = config(objects, service);
            PodSpec pod = pod(objects, service);
            if (DATABASE_SERVICES.contains(service)) {
                assertThat(config).as(service).containsEntry("SOCAAS_DB_CA", "/etc/socaas/tls-postgres/ca.crt");
                assertThat(mountedFiles(pod, pod.getContainers().getFirst(), "socaas-pg-ca"))
                        .contains(config.get("SOCAAS_DB_CA"));
            } else {
                assertThat(config).as(service).doesNotContainKey("SOCAAS_DB_CA");
                assertThat(pod.getVolumes()).noneMatch(v -> v.getName().equals("postgres-ca"));
            }
        }
    }

    @Test
    void theNginxIngressesReachTheServicesOverHttps() {
        List<Ingress> ingresses = Chart.ofKind(Chart.render(List.of(Chart.productionValues()), TLS), Ingress.class);

        assertThat(ingresses)
                .hasSize(4)
                .allSatisfy(i -> assertThat(i.getMetadata().getAnnotations())
                        .containsEntry("nginx.ingress.kubernetes.io/backend-protocol", "HTTPS"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void certManagerIssuesOneKeyStoreNamingEveryService() {
        Map<String, Object> sets = new HashMap<>(TLS);
        sets.put("tls.certManager.enabled", true);
        List<HasMetadata> objects = Chart.render(List.of(), sets);

        GenericKubernetesResource certificate =
                (GenericKubernetesResource) Chart.named(objects, "Certificate", "socaas-tls");
        assertThat(certificate.getApiVersion()).isEqualTo("cert-manager.io/v1");
        Map<String, Object> spec = map(certificate.getAdditionalProperties().get("spec"));
        assertThat(spec).containsEntry("secretName", "socaas-tls");
        assertThat(map(spec.get("issuerRef")))
                .containsEntry("name", "socaas-ca")
                .containsEntry("kind", "ClusterIssuer");
        for (String service : Chart.SERVICES) {
            assertThat((List<Object>) spec.get("dnsNames"))
                    .as("names of %s", service)
                    .contains(service, service + ".socaas", service + ".socaas.svc");
        }
        Map<String, Object> pkcs12 = map(map(spec.get("keystores")).get("pkcs12"));
        assertThat(pkcs12).containsEntry("create", true);
        assertThat(map(pkcs12.get("passwordSecretRef")))
                .containsEntry("name", "socaas-tls-password")
                .containsEntry("key", "password");
    }

    @Test
    void infrastructureWithoutTlsIsRefused() {
        assertThatThrownBy(() -> Chart.render(List.of(), Map.of("tls.enabled", true)))
                .hasMessageContaining("opensearch.url must be an https URL");
        assertThatThrownBy(() -> Chart.render(
                        List.of(),
                        Map.of(
                                "tls.enabled", true,
                                "opensearch.url", "https://opensearch:9200",
                                "keycloak.url", "http://keycloak:8080")))
                .hasMessageContaining("keycloak.url must be an https URL");
        Map<String, Object> strimzi = new HashMap<>(TLS);
        strimzi.put("operators.strimzi.enabled", true);
        assertThatThrownBy(() -> Chart.render(List.of(), strimzi)).hasMessageContaining("operators.strimzi");
    }

    @Test
    void withTlsOffNothingOfItIsRendered() {
        Map<String, Object> sets = Map.of("tls.certManager.enabled", true);
        for (List<HasMetadata> objects :
                List.of(Chart.render(List.of(Chart.productionValues()), Map.of()), Chart.render(List.of(), sets))) {
            assertThat(objects).noneMatch(o -> o.getKind().equals("Certificate"));
            for (String service : Chart.SERVICES) {
                assertThat(config(objects, service).keySet())
                        .as(service)
                        .doesNotContain("QUARKUS_PROFILE", "SOCAAS_DB_SSL_MODE", "SOCAAS_DB_CA")
                        .noneMatch(k -> k.startsWith("SOCAAS_TLS_"));
                PodSpec pod = pod(objects, service);
                Container container = pod.getContainers().getFirst();
                assertThat(container.getReadinessProbe().getHttpGet().getScheme())
                        .isNull();
                assertThat(container.getLivenessProbe().getHttpGet().getScheme())
                        .isNull();
                assertThat(container.getStartupProbe().getHttpGet().getScheme()).isNull();
                assertThat(pod.getVolumes()).extracting(Volume::getName).doesNotContain("tls", "postgres-ca");
                assertThat(container.getEnv() == null ? List.<EnvVar>of() : container.getEnv())
                        .extracting(EnvVar::getName)
                        .doesNotContain("SOCAAS_TLS_KEY_STORE_PASSWORD");
            }
            Chart.ofKind(objects, Ingress.class)
                    .forEach(i -> assertThat(
                                    i.getMetadata().getAnnotations() == null
                                            ? Map.<String, String>of()
                                            : i.getMetadata().getAnnotations())
                            .doesNotContainKey("nginx.ingress.kubernetes.io/backend-protocol"));
        }
    }

    private static Map<String, String> config(List<HasMetadata> objects, String service) {
        return ((ConfigMap) Chart.named(objects, "ConfigMap", service + "-config")).getData();
    }

    private static PodSpec pod(List<HasMetadata> objects, String service) {
        return ManifestChecks.workloads(objects).entrySet().stream()
                .filter(e -> e.getKey().endsWith("/" + service))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no workload " + service))
                .getValue()
                .getSpec();
    }

    /** The paths in the container of every file the pod mounts from the given Secret. */
    private static List<String> mountedFiles(PodSpec pod, Container container, String secret) {
        return pod.getVolumes().stream()
                .filter(v ->
                        v.getSecret() != null && v.getSecret().getSecretName().equals(secret))
                .flatMap(v -> container.getVolumeMounts().stream()
                        .filter(m -> m.getName().equals(v.getName()))
                        .map(VolumeMount::getMountPath)
                        .flatMap(dir -> v.getSecret().getItems().stream()
                                .map(KeyToPath::getPath)
                                .map(file -> dir + "/" + file)))
                .toList();
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file)));
        return properties;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}

package io.socaas.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart renders, without a cluster, into objects that an operator could install. */
class ChartRenderTest {

    /** The renders every rule holds for: the defaults, production, and every optional part on. */
    static Stream<Arguments> renders() {
        Path production = Chart.productionValues();
        return Stream.of(
                Arguments.of("default values", List.of(), Map.of()),
                Arguments.of("values-production.yaml", List.of(production), Map.of()),
                Arguments.of(
                        "every operator resource on",
                        List.of(),
                        Map.of(
                                "operators.strimzi.enabled", true,
                                "operators.opensearch.enabled", true,
                                "operators.keycloak.enabled", true,
                                "operators.cloudnativepg.enabled", true)),
                Arguments.of(
                        "correlation with persistent state, autoscaled",
                        List.of(),
                        Map.of(
                                "services.correlation.kafkaStreams.persistence.enabled", true,
                                "services.correlation.autoscaling.enabled", true,
                                "services.ingestion.autoscaling.enabled", true)),
                Arguments.of("values-production.yaml with TLS", List.of(production), ChartTlsTest.TLS),
                Arguments.of("TLS with a cert-manager certificate", List.of(), withCertManager()));
    }

    private static Map<String, Object> withCertManager() {
        Map<String, Object> sets = new java.util.HashMap<>(ChartTlsTest.TLS);
        sets.put("tls.certManager.enabled", true);
        return sets;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyRuleHolds(String name, List<Path> valuesFiles, Map<String, Object> sets) {
        List<HasMetadata> objects = Chart.render(valuesFiles, sets);

        var external = Values.external(Chart.values(valuesFiles.toArray(Path[]::new)));
        assertThat(ManifestChecks.violations(objects, external, Chart.SERVICES)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void eachServiceHasItsWorkloadServiceAccountAndDisruptionBudget(
            String name, List<Path> valuesFiles, Map<String, Object> sets) {
        List<HasMetadata> objects = Chart.render(valuesFiles, sets);

        for (String service : Chart.SERVICES) {
            assertThat(Chart.named(objects, "Service", service)).isNotNull();
            assertThat(Chart.named(objects, "ServiceAccount", service)).isNotNull();
            assertThat(Chart.named(objects, "ConfigMap", service + "-config")).isNotNull();
            assertThat(Chart.named(objects, "NetworkPolicy", service)).isNotNull();
            assertThat(Chart.named(objects, "PodDisruptionBudget", service)).isNotNull();
            PodTemplateSpec pod = ManifestChecks.workloads(objects).entrySet().stream()
                    .filter(e -> e.getKey().endsWith("/" + service))
                    .findFirst()
                    .orElseThrow()
                    .getValue();
            assertThat(pod.getSpec().getServiceAccountName()).isEqualTo(service);
            var container = pod.getSpec().getContainers().getFirst();
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        }
    }

    @Test
    void theServicesListenOnTheirContractPortsOnAllInterfaces() {
        List<HasMetadata> objects = Chart.render();
        Map<String, String> ports = Map.of(
                "ingestion", "8081",
                "correlation", "8082",
                "case-management", "8083",
                "tenant-billing", "8084",
                "reporting", "8085");

        ports.forEach((service, port) -> {
            ConfigMap config = (ConfigMap) Chart.named(objects, "ConfigMap", service + "-config");
            assertThat(config.getData())
                    .containsEntry("QUARKUS_HTTP_PORT", port)
                    .containsEntry("QUARKUS_HTTP_HOST", "0.0.0.0")
                    .containsKey("KAFKA_BOOTSTRAP_SERVERS");
        });
    }

    @Test
    void tenantBillingGetsItsOwnSettings() {
        List<HasMetadata> objects = Chart.render();
        ConfigMap config = (ConfigMap) Chart.named(objects, "ConfigMap", "tenant-billing-config");

        assertThat(config.getData())
                .containsEntry("SOCAAS_INGEST_KEYS_ROTATION_GRACE", "24h")
                .containsEntry("SOCAAS_SECURITY_ACCEPTED_CLIENTS", "socaas-portal,crm,socaas-ingestion")
                .containsEntry("QUARKUS_OIDC_CLIENT_CLIENT_ID", "socaas-tenant-billing")
                .containsEntry("SOCAAS_ONBOARDING_KUBERNETES_ENABLED", "true")
                .containsEntry("QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_ID", "socaas-tenant-billing")
                .containsEntry("QUARKUS_GRPC_CLIENTS_CASE_SERVICE_HOST", "case-management")
                .containsKeys("SOCAAS_ONBOARDING_OPENSEARCH_URL", "QUARKUS_DATASOURCE_REACTIVE_URL");
        var pod = ManifestChecks.workloads(objects)
                .get("Deployment/tenant-billing")
                .getSpec();
        assertThat(pod.getAutomountServiceAccountToken()).isTrue();
        assertThat(pod.getContainers().getFirst().getEnv())
                .extracting(e -> e.getName())
                .contains(
                        "SOCAAS_KEYCLOAK_ADMIN_CLIENT_SECRET",
                        "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET",
                        "QUARKUS_DATASOURCE_PASSWORD");
    }

    @Test
    void theServicesThatCallOthersCarryTheirOwnKeycloakClientAndNothingMore() {
        List<HasMetadata> objects = Chart.render();
        ConfigMap ingestion = (ConfigMap) Chart.named(objects, "ConfigMap", "ingestion-config");
        assertThat(ingestion.getData())
                .containsEntry("QUARKUS_OIDC_CLIENT_CLIENT_ID", "socaas-ingestion")
                .containsKey("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL")
                // no bearer tokens are served here: the portal's client secret stays away
                .doesNotContainKey("QUARKUS_OIDC_CLIENT_ID");
        var env = ManifestChecks.workloads(objects)
                .get("Deployment/ingestion")
                .getSpec()
                .getContainers()
                .getFirst()
                .getEnv();
        assertThat(env)
                .filteredOn(e -> e.getName().equals("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET"))
                .singleElement()
                .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName())
                        .isEqualTo("socaas-ingestion-keycloak"));
        assertThat(env).noneMatch(e -> e.getName().equals("QUARKUS_OIDC_CREDENTIALS_SECRET"));
        ConfigMap reporting = (ConfigMap) Chart.named(objects, "ConfigMap", "reporting-config");
        assertThat(reporting.getData()).doesNotContainKey("QUARKUS_OIDC_CLIENT_CLIENT_ID");
    }

    @Test
    void onlyTenantBillingGetsAnApiToken() {
        List<HasMetadata> objects = Chart.render();

        ManifestChecks.workloads(objects)
                .forEach((workload, pod) -> assertThat(pod.getSpec().getAutomountServiceAccountToken())
                        .as(workload)
                        .isEqualTo(workload.equals("Deployment/tenant-billing")));
        Chart.ofKind(objects, ServiceAccount.class)
                .forEach(sa -> assertThat(sa.getAutomountServiceAccountToken()).isFalse());
    }

    @Test
    void correlationKeepsItsStreamsStateOnAVolumePerReplicaWhenAsked() {
        List<HasMetadata> objects =
                Chart.render(List.of(), Map.of("services.correlation.kafkaStreams.persistence.enabled", true));

        StatefulSet correlation = (StatefulSet) Chart.named(objects, "StatefulSet", "correlation");
        assertThat(correlation.getSpec().getVolumeClaimTemplates())
                .extracting(c -> c.getMetadata().getName())
                .containsExactly("kafka-streams-state");
        assertThat(correlation
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .getFirst()
                        .getVolumeMounts())
                .anyMatch(m -> m.getName().equals("kafka-streams-state")
                        && m.getMountPath().equals("/var/lib/socaas/kafka-streams"));
        assertThat(Chart.named(objects, "Service", "correlation-headless")).isNotNull();
        assertThat(objects)
                .noneMatch(o -> o.getKind().equals("Deployment")
                        && o.getMetadata().getName().equals("correlation"));
    }

    @Test
    void productionAutoscalesAndSpreadsTheStatelessServices() {
        List<HasMetadata> objects = Chart.render(Chart.productionValues());

        assertThat(Chart.ofKind(objects, HorizontalPodAutoscaler.class))
                .extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .contains("ingestion", "correlation", "case-management", "reporting");
        assertThat(Chart.ofKind(objects, PodDisruptionBudget.class)).hasSize(Chart.SERVICES.size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void productionNeverScalesAConsumerBeyondThePartitionsOfItsTopic() {
        Map<String, Object> values = Chart.values(Chart.productionValues());
        var topics = (Map<String, Map<String, Object>>)
                ((Map<String, Object>) ((Map<String, Object>) values.get("operators")).get("strimzi")).get("topics");
        Map<String, String> consumes = Map.of("correlation", "soc.events.v1", "case-management", "soc.alerts.v1");
        List<HorizontalPodAutoscaler> scalers =
                Chart.ofKind(Chart.render(Chart.productionValues()), HorizontalPodAutoscaler.class);

        consumes.forEach((service, topic) -> assertThat(scalers)
                .filteredOn(h -> h.getSpec().getScaleTargetRef().getName().equals(service))
                .singleElement()
                .satisfies(h -> assertThat(h.getSpec().getMaxReplicas())
                        .as("%s replicas vs partitions of %s", service, topic)
                        .isLessThanOrEqualTo((Integer) topics.get(topic).get("partitions"))));
    }

    @Test
    void productionRoutesEachExposedServiceOnItsOwnHostWithTls() {
        List<HasMetadata> objects = Chart.render(Chart.productionValues());

        assertThat(Chart.ofKind(objects, io.fabric8.kubernetes.api.model.networking.v1.Ingress.class))
                .extracting(i -> i.getMetadata().getName())
                .containsExactlyInAnyOrder("ingestion", "reporting", "case-management", "tenant-billing");
        assertThat(Chart.ofKind(objects, io.fabric8.kubernetes.api.model.networking.v1.Ingress.class))
                .allSatisfy(i -> assertThat(i.getSpec().getTls()).hasSize(1));
    }

    @Test
    void noIngressRoutesAnInternalGrpcMethodOrTheHealthAndMetricsEndpoints() throws Exception {
        List<String> internal = new java.util.ArrayList<>(grpcMethodPaths());
        assertThat(internal).contains("/socaas.cases.v1.CaseService/ListCases");
        internal.add("/q/health/ready");
        internal.add("/q/metrics");

        List<String> routed = Chart.ofKind(
                        Chart.render(Chart.productionValues()),
                        io.fabric8.kubernetes.api.model.networking.v1.Ingress.class)
                .stream()
                .flatMap(i -> i.getSpec().getRules().stream())
                .flatMap(r -> r.getHttp().getPaths().stream())
                .map(io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath::getPath)
                .toList();

        assertThat(routed).isNotEmpty().contains("/console", "/api/v1/events");
        for (String prefix : routed) {
            assertThat(internal)
                    .as("paths routed from outside by the prefix %s", prefix)
                    .noneMatch(path ->
                            path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/"));
        }
    }

    /** {@code /<package>.<Service>/<Method>} of every rpc in proto/. */
    private static List<String> grpcMethodPaths() throws java.io.IOException {
        java.util.regex.Pattern pkg = java.util.regex.Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
        // a service's block runs to the next service (an rpc may have a body of options in braces)
        java.util.regex.Pattern service =
                java.util.regex.Pattern.compile("(?m)^service\\s+(\\w+)\\s*\\{((?:(?!^service\\s)[\\s\\S])*)");
        java.util.regex.Pattern rpc = java.util.regex.Pattern.compile("rpc\\s+(\\w+)\\s*\\(");
        List<String> paths = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(Chart.repo().resolve("proto/src/main/proto"))) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".proto")).toList()) {
                String text = java.nio.file.Files.readString(file);
                var p = pkg.matcher(text);
                String packageName = p.find() ? p.group(1) + "." : "";
                var s = service.matcher(text);
                while (s.find()) {
                    var r = rpc.matcher(s.group(2));
                    while (r.find()) {
                        paths.add("/" + packageName + s.group(1) + "/" + r.group(1));
                    }
                }
            }
        }
        return paths;
    }
}

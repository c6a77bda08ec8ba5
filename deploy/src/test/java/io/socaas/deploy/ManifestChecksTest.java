package io.socaas.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each rule of {@link ManifestChecks} catches a render broken in its way. */
class ManifestChecksTest {

    private static final ManifestChecks.External NOTHING_EXTERNAL = new ManifestChecks.External(Set.of(), Set.of());

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ingestion
            spec:
              replicas: 2
              selector:
                matchLabels: { app.kubernetes.io/name: ingestion }
              template:
                metadata:
                  labels: { app.kubernetes.io/name: ingestion }
                spec:
                  securityContext: { runAsNonRoot: true, runAsUser: 185 }
                  containers:
                    - name: ingestion
                      image: registry.example.com/socaas/ingestion:1
                      ports: [ { name: http, containerPort: 8081 } ]
                      envFrom: [ { configMapRef: { name: ingestion-config } } ]
                      env:
                        - name: QUARKUS_OIDC_CREDENTIALS_SECRET
                          valueFrom: { secretKeyRef: { name: oidc, key: client-secret } }
                      readinessProbe: { httpGet: { path: /q/health/ready, port: http } }
                      livenessProbe: { httpGet: { path: /q/health/live, port: http } }
                      resources:
                        requests: { cpu: 100m, memory: 256Mi }
                        limits: { memory: 512Mi }
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities: { drop: [ALL] }
                      volumeMounts: [ { name: tmp, mountPath: /tmp } ]
                  volumes: [ { name: tmp, emptyDir: {} } ]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: ingestion-config }
            data: { QUARKUS_HTTP_HOST: 0.0.0.0 }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: ingestion }
            spec:
              selector: { app.kubernetes.io/name: ingestion }
              ports: [ { name: http, port: 8081, targetPort: http } ]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: { name: ingestion }
            spec:
              podSelector: { matchLabels: { app.kubernetes.io/name: ingestion } }
              policyTypes: [Ingress, Egress]
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: { name: ingestion }
            spec:
              minAvailable: 1
              selector: { matchLabels: { app.kubernetes.io/name: ingestion } }
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: { name: ingestion }
            spec:
              scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ingestion }
              minReplicas: 2
              maxReplicas: 4
            """;

    private static final ManifestChecks.External OIDC_EXTERNAL = new ManifestChecks.External(Set.of(), Set.of("oidc"));

    private static List<String> violations(String manifest, ManifestChecks.External external) {
        return ManifestChecks.violations(Chart.parse(manifest), external, List.of("ingestion"));
    }

    private static List<String> violationsAfter(Consumer<Deployment> breakIt) {
        List<HasMetadata> objects = Chart.parse(DEPLOYMENT.replace("  replicas: 2\n", ""));
        breakIt.accept((Deployment) objects.getFirst());
        return ManifestChecks.violations(objects, OIDC_EXTERNAL, List.of("ingestion"));
    }

    @Test
    void aSoundRenderPasses() {
        assertThat(violations(DEPLOYMENT.replace("  replicas: 2\n", ""), OIDC_EXTERNAL))
                .isEmpty();
    }

    @Test
    void aSecretThatIsNeitherRenderedNorExternalIsCaught() {
        assertThat(violations(DEPLOYMENT.replace("  replicas: 2\n", ""), NOTHING_EXTERNAL))
                .containsExactly("Deployment/ingestion uses Secret oidc, neither rendered nor listed as external");
    }

    @Test
    void anUndefinedConfigMapIsCaught() {
        assertThat(violations(
                        DEPLOYMENT
                                .replace("  replicas: 2\n", "")
                                .replace("name: ingestion-config }\ndata", "name: other }\ndata"),
                        OIDC_EXTERNAL))
                .containsExactly(
                        "Deployment/ingestion uses ConfigMap ingestion-config, neither rendered nor listed as external");
    }

    @Test
    void replicasBesideAnAutoscalerAreCaught() {
        assertThat(violations(DEPLOYMENT, OIDC_EXTERNAL))
                .containsExactly("Deployment ingestion sets replicas although an HorizontalPodAutoscaler scales it");
    }

    @Test
    void missingProbesAreCaught() {
        assertThat(violationsAfter(d -> {
                    var c = d.getSpec().getTemplate().getSpec().getContainers().getFirst();
                    c.setReadinessProbe(null);
                    c.setLivenessProbe(null);
                }))
                .containsExactly(
                        "Deployment/ingestion container ingestion has no readiness probe",
                        "Deployment/ingestion container ingestion has no liveness probe");
    }

    @Test
    void missingResourcesAreCaught() {
        assertThat(violationsAfter(d -> d.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .getFirst()
                        .setResources(null)))
                .containsExactly(
                        "Deployment/ingestion container ingestion requests no cpu and memory",
                        "Deployment/ingestion container ingestion has no memory limit");
    }

    @Test
    void aContainerThatMayRunAsRootIsCaught() {
        assertThat(violationsAfter(d ->
                        d.getSpec().getTemplate().getSpec().getSecurityContext().setRunAsNonRoot(null)))
                .containsExactly("Deployment/ingestion container ingestion may run as root");
        assertThat(violationsAfter(d ->
                        d.getSpec().getTemplate().getSpec().getSecurityContext().setRunAsUser(0L)))
                .containsExactly("Deployment/ingestion container ingestion may run as root");
    }

    @Test
    void aWritableRootAndEscalationAndCapabilitiesAreCaught() {
        assertThat(violationsAfter(d -> {
                    var security = d.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .getFirst()
                            .getSecurityContext();
                    security.setReadOnlyRootFilesystem(false);
                    security.setAllowPrivilegeEscalation(null);
                    security.setCapabilities(null);
                }))
                .containsExactly(
                        "Deployment/ingestion container ingestion has a writable root filesystem",
                        "Deployment/ingestion container ingestion allows privilege escalation",
                        "Deployment/ingestion container ingestion does not drop all capabilities");
    }

    @Test
    void aReadOnlyRootWithoutATmpVolumeIsCaught() {
        assertThat(violationsAfter(d -> d.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .getFirst()
                        .setVolumeMounts(List.of())))
                .containsExactly(
                        "Deployment/ingestion container ingestion has a read-only root but no emptyDir on /tmp");
    }

    @Test
    void aServiceThatSelectsNoPodsIsCaught() {
        assertThat(violationsAfter(d -> d.getSpec().getTemplate().getMetadata().setLabels(Map.of("app", "other"))))
                .contains(
                        "Service ingestion selects no Deployment or StatefulSet's pods",
                        "Deployment/ingestion has no NetworkPolicy of its own for ingress and egress",
                        "PodDisruptionBudget ingestion selects no workload's pods");
    }

    @Test
    void aServiceWithoutItsWorkloadAndAnAutoscalerOfNothingAreCaught() {
        assertThat(violationsAfter(d -> d.getMetadata().setName("renamed")))
                .contains(
                        "HorizontalPodAutoscaler ingestion targets Deployment/ingestion, which is not rendered",
                        "service ingestion has no Deployment or StatefulSet");
    }

    @Test
    void aDisruptionBudgetThatBlocksEveryDrainIsCaught() {
        assertThat(violations(
                        DEPLOYMENT.replace("  replicas: 2\n", "").replace("minReplicas: 2", "minReplicas: 1"),
                        OIDC_EXTERNAL))
                .containsExactly(
                        "PodDisruptionBudget ingestion keeps 1 of 1 pods available: no node could ever be drained");
    }

    @Test
    void anIngressToNoServiceIsCaught() {
        String ingress = """
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: { name: ingestion }
                spec:
                  rules:
                    - host: ingest.example.com
                      http:
                        paths:
                          - path: /
                            pathType: Prefix
                            backend: { service: { name: ingestion, port: { name: grpc } } }
                """;

        assertThat(violations(DEPLOYMENT.replace("  replicas: 2\n", "") + ingress, OIDC_EXTERNAL))
                .containsExactly("Ingress ingestion routes to ingestion, which is no rendered Service with that port");
    }

    @Test
    void aFieldTheApiDoesNotKnowIsCaught() {
        String misspelt = DEPLOYMENT
                .replace("  replicas: 2\n", "")
                .replace(
                        "readinessProbe: { httpGet: { path: /q/health/ready, port: http } }",
                        "readinessProbe: { httpGet: { path: /q/health/ready, port: http }, periodSecond: 5 }");

        assertThat(violations(misspelt, OIDC_EXTERNAL))
                .containsExactly("Deployment/ingestion.spec.template.spec.containers[0].readinessProbe"
                        + " has fields the Kubernetes API does not know: [periodSecond]");
    }
}

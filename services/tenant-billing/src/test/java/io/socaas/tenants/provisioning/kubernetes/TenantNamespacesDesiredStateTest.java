package io.socaas.tenants.provisioning.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.socaas.events.TenantId;
import io.socaas.tenants.provisioning.domain.TenantNamespacePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The desired Kubernetes state of a tenant, computed without any server. */
class TenantNamespacesDesiredStateTest {

    private final List<HasMetadata> resources =
            TenantNamespaces.resources(TenantNamespacePlan.desiredFor(TenantId.of("initech")));

    @Test
    void theManifestShownInK8sIsExactlyWhatOnboardingMakesForAcme() throws Exception {
        List<HasMetadata> shown;
        try (var in = Files.newInputStream(Path.of("../../k8s/tenant-namespace-template.yaml"))) {
            shown = Serialization.unmarshal(in);
        }
        List<HasMetadata> made = TenantNamespaces.resources(TenantNamespacePlan.desiredFor(TenantId.of("acme")));

        assertThat(shown)
                .extracting(HasMetadata::getKind)
                .containsExactlyElementsOf(
                        made.stream().map(HasMetadata::getKind).toList());
        assertThat(shown)
                .extracting(r -> r.getMetadata().getName())
                .containsExactlyElementsOf(
                        made.stream().map(r -> r.getMetadata().getName()).toList());
        assertThat(shown.getFirst().getMetadata().getLabels())
                .isEqualTo(made.getFirst().getMetadata().getLabels());
        assertThat(((ResourceQuota) shown.get(1)).getSpec()).isEqualTo(((ResourceQuota) made.get(1)).getSpec());
        assertThat(((LimitRange) shown.get(2)).getSpec()).isEqualTo(((LimitRange) made.get(2)).getSpec());
        assertThat(((NetworkPolicy) shown.get(3)).getSpec()).isEqualTo(((NetworkPolicy) made.get(3)).getSpec());
    }

    @Test
    void aNamespaceNamedForTheTenantAndLabelledWithIt() {
        Namespace namespace = (Namespace) resources.getFirst();

        assertThat(namespace.getMetadata().getName()).isEqualTo("tenant-initech");
        assertThat(namespace.getMetadata().getLabels())
                .containsEntry("socaas.io/tenant", "initech")
                .containsEntry("app.kubernetes.io/part-of", "socaas")
                .containsEntry("app.kubernetes.io/managed-by", "socaas-tenant-billing");
    }

    @Test
    void everythingElseLivesInThatNamespace() {
        assertThat(resources.subList(1, resources.size()))
                .extracting(r -> r.getMetadata().getNamespace())
                .containsOnly("tenant-initech");
        assertThat(resources)
                .extracting(HasMetadata::getKind)
                .containsExactly("Namespace", "ResourceQuota", "LimitRange", "NetworkPolicy");
    }

    @Test
    void aQuotaCapsComputeAndPods() {
        ResourceQuota quota = (ResourceQuota) resources.get(1);

        assertThat(quota.getSpec().getHard())
                .containsEntry("requests.cpu", new Quantity("1"))
                .containsEntry("limits.memory", new Quantity("2Gi"))
                .containsEntry("pods", new Quantity("10"));
    }

    @Test
    void containersWithoutResourcesGetDefaults() {
        LimitRange limits = (LimitRange) resources.get(2);

        var item = limits.getSpec().getLimits().getFirst();
        assertThat(item.getType()).isEqualTo("Container");
        assertThat(item.getDefault()).containsEntry("memory", new Quantity("512Mi"));
        assertThat(item.getDefaultRequest()).containsEntry("cpu", new Quantity("100m"));
    }

    @Test
    void theNetworkPolicyDeniesAllTrafficInAndOut() {
        NetworkPolicy policy = (NetworkPolicy) resources.get(3);

        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(policy.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
        assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
    }
}

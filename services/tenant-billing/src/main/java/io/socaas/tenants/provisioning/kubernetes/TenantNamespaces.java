package io.socaas.tenants.provisioning.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.socaas.events.TenantId;
import io.socaas.tenants.onboarding.domain.StepFailedException;
import io.socaas.tenants.provisioning.domain.TenantNamespacePlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Writes a tenant's {@link TenantNamespacePlan} to the cluster (create, or update what exists) and
 * deletes its namespace when the tenant is purged.
 */
@ApplicationScoped
public class TenantNamespaces {

    private static final Logger LOG = Logger.getLogger(TenantNamespaces.class);

    private final KubernetesClient client;

    TenantNamespaces(KubernetesClient client) {
        this.client = client;
    }

    /** The plan as Kubernetes resources, namespace first. */
    public static List<HasMetadata> resources(TenantNamespacePlan plan) {
        Namespace namespace = new NamespaceBuilder()
                .withNewMetadata()
                .withName(plan.namespace())
                .withLabels(plan.labels())
                .endMetadata()
                .build();
        ResourceQuota quota = new ResourceQuotaBuilder()
                .withNewMetadata()
                .withName(plan.quotaName())
                .withNamespace(plan.namespace())
                .withLabels(plan.labels())
                .endMetadata()
                .withNewSpec()
                .withHard(quantities(plan.quota()))
                .endSpec()
                .build();
        LimitRange limits = new LimitRangeBuilder()
                .withNewMetadata()
                .withName(plan.limitRangeName())
                .withNamespace(plan.namespace())
                .withLabels(plan.labels())
                .endMetadata()
                .withNewSpec()
                .addNewLimit()
                .withType("Container")
                .withDefault(quantities(plan.defaultLimits()))
                .withDefaultRequest(quantities(plan.defaultRequests()))
                .endLimit()
                .endSpec()
                .build();
        // an empty pod selector with both policy types and no rules: nothing in, nothing out
        NetworkPolicy denyAll = new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(plan.networkPolicyName())
                .withNamespace(plan.namespace())
                .withLabels(plan.labels())
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .endPodSelector()
                .withPolicyTypes("Ingress", "Egress")
                .endSpec()
                .build();
        return List.of(namespace, quota, limits, denyAll);
    }

    /** Creates or updates every resource of the tenant's plan; returns what was written. */
    public String apply(TenantId tenant) {
        TenantNamespacePlan plan = TenantNamespacePlan.desiredFor(tenant);
        try {
            for (HasMetadata resource : resources(plan)) {
                client.resource(resource).createOr(NonDeletingOperation::update);
            }
            LOG.infof("Kubernetes namespace %s ready", plan.namespace());
            return "namespace " + plan.namespace() + " with " + plan.quotaName() + ", " + plan.limitRangeName() + ", "
                    + plan.networkPolicyName();
        } catch (KubernetesClientException e) {
            throw new StepFailedException("Kubernetes: " + e.getMessage(), e);
        }
    }

    /** Deletes the tenant's namespace (and with it everything in it). */
    public void purge(TenantId tenant) {
        try {
            client.namespaces()
                    .withName(TenantNamespacePlan.namespaceOf(tenant))
                    .delete();
        } catch (KubernetesClientException e) {
            throw new StepFailedException("Kubernetes: " + e.getMessage(), e);
        }
    }

    private static Map<String, Quantity> quantities(Map<String, String> values) {
        return values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> new Quantity(e.getValue())));
    }
}

package io.socaas.tenants.provisioning.domain;

import io.socaas.events.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a tenant needs in Kubernetes for its dedicated workloads (collectors): a namespace
 * {@code tenant-<id>}, a ResourceQuota, a LimitRange giving every container defaults, and a
 * NetworkPolicy that denies all traffic in and out until something is allowed explicitly.
 * Computed without any server ({@link #desiredFor}); an applier writes it.
 *
 * @param quota ResourceQuota {@code spec.hard} (e.g. {@code requests.cpu -> 2})
 * @param defaultLimits LimitRange container {@code default} (limits)
 * @param defaultRequests LimitRange container {@code defaultRequest}
 */
public record TenantNamespacePlan(
        String namespace,
        Map<String, String> labels,
        String quotaName,
        Map<String, String> quota,
        String limitRangeName,
        Map<String, String> defaultLimits,
        Map<String, String> defaultRequests,
        String networkPolicyName) {

    public static final String PART_OF_LABEL = "app.kubernetes.io/part-of";
    public static final String TENANT_LABEL = "socaas.io/tenant";
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "socaas-tenant-billing";

    public TenantNamespacePlan {
        Objects.requireNonNull(namespace, "namespace");
        labels = Map.copyOf(labels);
        quota = Map.copyOf(quota);
        defaultLimits = Map.copyOf(defaultLimits);
        defaultRequests = Map.copyOf(defaultRequests);
    }

    /** The namespace of a tenant. */
    public static String namespaceOf(TenantId tenant) {
        return "tenant-" + tenant.value();
    }

    /**
     * The desired resources of a tenant: small, for its collectors only (the same as
     * {@code k8s/tenant-namespace-template.yaml} shows for the demo tenant).
     */
    public static TenantNamespacePlan desiredFor(TenantId tenant) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(PART_OF_LABEL, "socaas");
        labels.put(TENANT_LABEL, tenant.value());
        labels.put(MANAGED_BY_LABEL, MANAGER);
        Map<String, String> quota = new LinkedHashMap<>();
        quota.put("requests.cpu", "1");
        quota.put("requests.memory", "1Gi");
        quota.put("limits.memory", "2Gi");
        quota.put("pods", "10");
        return new TenantNamespacePlan(
                namespaceOf(tenant),
                labels,
                "tenant-quota",
                quota,
                "tenant-limits",
                Map.of("cpu", "500m", "memory", "512Mi"),
                Map.of("cpu", "100m", "memory", "128Mi"),
                "default-deny");
    }
}

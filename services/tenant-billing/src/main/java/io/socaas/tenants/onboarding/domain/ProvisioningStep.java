package io.socaas.tenants.onboarding.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The steps of a tenant's provisioning, in the order they run. Each is idempotent: running it again
 * after a failure or a restart finds what an earlier attempt made and completes it.
 *
 * <p>The tenant is published as active only after everything it needs exists, so the Kubernetes
 * namespace comes before the publication.
 */
public enum ProvisioningStep {
    /** The tenant row with its plan, status provisioning (written with the request itself). */
    TENANT_RECORD("tenant-record"),
    /** Keycloak organization (alias = tenant id) and its first customer admin. */
    KEYCLOAK_ORGANIZATION("keycloak-organization"),
    /** The first ingest key (returned once). */
    INGEST_KEY("ingest-key"),
    /** OpenSearch index template {@code events-<id>-*}, today's index and alias {@code events-<id>}. */
    OPENSEARCH_INDEX("opensearch-index"),
    /** Namespace {@code tenant-<id>} with quota, limits and a default-deny network policy. */
    KUBERNETES_NAMESPACE("kubernetes-namespace"),
    /** Status active, published on soc.tenants.v1. */
    PUBLISH("publish");

    private final String wireName;

    ProvisioningStep(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ProvisioningStep> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}

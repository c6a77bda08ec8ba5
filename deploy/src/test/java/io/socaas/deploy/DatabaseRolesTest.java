package io.socaas.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A service whose tables have row-level security logs in as its application role, which owns
 * nothing, and only Flyway uses the owner's credentials.
 */
class DatabaseRolesTest {

    private final List<HasMetadata> objects = Chart.render(Chart.productionValues());

    @Test
    void tenantBillingReadsAndWritesAsItsApplicationRoleAndMigratesAsTheOwner() {
        Map<String, String> secrets = secretsOf("tenant-billing");

        assertThat(secrets)
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "socaas-tenants-app-db/username")
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "socaas-tenants-app-db/password")
                .containsEntry("QUARKUS_FLYWAY_USERNAME", "socaas-tenants-db/username")
                .containsEntry("QUARKUS_FLYWAY_PASSWORD", "socaas-tenants-db/password");
    }

    @Test
    void caseManagementReadsAndWritesAsItsApplicationRoleAndMigratesAsTheOwner() {
        Map<String, String> secrets = secretsOf("case-management");

        assertThat(secrets)
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "socaas-cases-app-db/username")
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "socaas-cases-app-db/password")
                .containsEntry("QUARKUS_FLYWAY_USERNAME", "socaas-cases-db/username")
                .containsEntry("QUARKUS_FLYWAY_PASSWORD", "socaas-cases-db/password");
    }

    /** Variable -> "secret/key" of the variables the service's container takes from Secrets. */
    private Map<String, String> secretsOf(String service) {
        return ManifestChecks.workloads(objects).entrySet().stream()
                .filter(e -> e.getKey().endsWith("/" + service))
                .flatMap(e -> e.getValue().getSpec().getContainers().getFirst().getEnv().stream())
                .filter(v -> v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null)
                .collect(Collectors.toMap(
                        EnvVar::getName,
                        v -> v.getValueFrom().getSecretKeyRef().getName() + "/"
                                + v.getValueFrom().getSecretKeyRef().getKey()));
    }
}

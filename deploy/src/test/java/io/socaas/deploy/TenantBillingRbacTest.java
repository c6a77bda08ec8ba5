package io.socaas.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * tenant-billing may make and delete tenant namespaces with their quota, limits and network policy,
 * and nothing else. The rules themselves are checked against what tenant-billing's applier does by
 * TenantNamespacesRbacTest in services/tenant-billing.
 */
class TenantBillingRbacTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<HasMetadata> objects = Chart.render();

    @Test
    void theOnlyRoleIsTenantBillingsAndItsRulesAreTheChartsRuleFile() throws Exception {
        List<ClusterRole> roles = Chart.ofKind(objects, ClusterRole.class);
        List<PolicyRule> fromFile = List.of(YAML.readValue(
                Files.readString(Chart.dir().resolve("files/tenant-namespace-rules.yaml")), PolicyRule[].class));

        assertThat(objects)
                .noneMatch(o -> o.getKind().equals("Role") || o.getKind().equals("RoleBinding"));
        assertThat(roles)
                .singleElement()
                .satisfies(role -> assertThat(role.getRules()).isEqualTo(fromFile));
    }

    @Test
    void theRulesCoverTenantNamespaceObjectsOnly() {
        ClusterRole role = Chart.ofKind(objects, ClusterRole.class).getFirst();

        assertThat(role.getRules())
                .flatExtracting(PolicyRule::getResources)
                .containsExactlyInAnyOrder("namespaces", "resourcequotas", "limitranges", "networkpolicies");
        assertThat(role.getRules())
                .flatExtracting(PolicyRule::getVerbs)
                .doesNotContain("*", "list", "watch", "patch", "escalate", "bind", "impersonate");
        assertThat(role.getRules())
                .allMatch(r ->
                        r.getResourceNames() == null || r.getResourceNames().isEmpty());
        assertThat(role.getRules())
                .allMatch(r ->
                        r.getNonResourceURLs() == null || r.getNonResourceURLs().isEmpty());
    }

    @Test
    void theRoleIsBoundToTenantBillingsServiceAccountAlone() {
        ClusterRoleBinding binding =
                Chart.ofKind(objects, ClusterRoleBinding.class).getFirst();
        ClusterRole role = Chart.ofKind(objects, ClusterRole.class).getFirst();

        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("ServiceAccount");
            assertThat(s.getName()).isEqualTo("tenant-billing");
            assertThat(s.getNamespace()).isEqualTo(Chart.NAMESPACE);
        });
    }

    @Test
    void withoutKubernetesProvisioningThereIsNoRoleAndNoToken() {
        List<HasMetadata> without =
                Chart.render(List.of(), Map.of("services.tenant-billing.kubernetesProvisioning.enabled", false));

        assertThat(without).noneMatch(o -> o.getKind().startsWith("ClusterRole"));
        assertThat(ManifestChecks.workloads(without)
                        .get("Deployment/tenant-billing")
                        .getSpec()
                        .getAutomountServiceAccountToken())
                .isFalse();
    }
}

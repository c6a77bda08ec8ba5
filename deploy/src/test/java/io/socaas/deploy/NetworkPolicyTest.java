package io.socaas.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each service reaches only what it needs, and only its callers reach it. */
class NetworkPolicyTest {

    private final List<HasMetadata> production = Chart.render(Chart.productionValues());

    private NetworkPolicy policy(String service) {
        return (NetworkPolicy) Chart.named(production, "NetworkPolicy", service);
    }

    /** The platform services a policy lets in (by their pod label app.kubernetes.io/name). */
    private static Set<String> servicesIn(List<NetworkPolicyPeer> peers) {
        return peers == null
                ? Set.of()
                : peers.stream()
                        .map(NetworkPolicyPeer::getPodSelector)
                        .filter(Objects::nonNull)
                        .filter(s -> s.getMatchLabels() != null)
                        .map(s -> s.getMatchLabels().get("app.kubernetes.io/name"))
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet());
    }

    private Set<String> callersOf(String service) {
        return policy(service).getSpec().getIngress().stream()
                .map(NetworkPolicyIngressRule::getFrom)
                .flatMap(from -> servicesIn(from).stream())
                .collect(Collectors.toSet());
    }

    private Set<String> calledBy(String service) {
        return policy(service).getSpec().getEgress().stream()
                .map(NetworkPolicyEgressRule::getTo)
                .flatMap(to -> servicesIn(to).stream())
                .collect(Collectors.toSet());
    }

    private Set<Integer> egressPorts(String service) {
        return policy(service).getSpec().getEgress().stream()
                .flatMap(r -> r.getPorts().stream())
                .map(p -> p.getPort().getIntVal())
                .collect(Collectors.toSet());
    }

    @Test
    void everyRuleNamesItsPorts() {
        for (String service : Chart.SERVICES) {
            assertThat(policy(service).getSpec().getIngress())
                    .allMatch(r -> !r.getPorts().isEmpty());
            assertThat(policy(service).getSpec().getEgress())
                    .allMatch(r -> !r.getPorts().isEmpty());
        }
    }

    @Test
    void theGrpcCallsOfTheCodeAreTheOnlyPathsBetweenServices() {
        assertThat(calledBy("ingestion")).containsExactly("tenant-billing");
        assertThat(calledBy("correlation")).isEmpty();
        assertThat(calledBy("case-management")).isEmpty();
        assertThat(calledBy("tenant-billing")).containsExactly("case-management");
        assertThat(calledBy("reporting")).containsExactly("case-management");

        assertThat(callersOf("tenant-billing")).containsExactly("ingestion");
        assertThat(callersOf("case-management")).containsExactlyInAnyOrder("tenant-billing", "reporting");
        assertThat(callersOf("correlation")).isEmpty();
    }

    @Test
    void correlationTakesNoTrafficButMetrics() {
        List<NetworkPolicyIngressRule> ingress = policy("correlation").getSpec().getIngress();

        assertThat(ingress).hasSize(1);
        assertThat(ingress.getFirst().getFrom())
                .allMatch(peer -> peer.getNamespaceSelector() != null
                        && "monitoring"
                                .equals(peer.getNamespaceSelector()
                                        .getMatchLabels()
                                        .get("kubernetes.io/metadata.name")));
    }

    @Test
    void onlyTheOwnersOfDataReachPostgresOnlyTenantBillingTheApiServerAndOnlyTheIndexOwnersOpenSearch() {
        assertThat(egressPorts("case-management")).contains(5432).doesNotContain(9200, 6443);
        // tenant-billing provisions and purges the tenants' indices
        assertThat(egressPorts("tenant-billing")).contains(5432, 9200, 6443);
        for (String service : List.of("ingestion", "correlation", "reporting")) {
            assertThat(egressPorts(service)).as(service).doesNotContain(5432, 6443);
        }
        // correlation checks its callers' tokens with Keycloak's keys, and a Backtest reads the tenant's
        // stored events
        assertThat(egressPorts("correlation")).containsExactlyInAnyOrder(53, 9092, 8080, 443, 8443, 9200);
        assertThat(egressPorts("reporting")).doesNotContain(9200);
        // ingestion indexes the events and applies retention, and gets its own token from Keycloak for
        // its TenantDirectory calls
        assertThat(egressPorts("ingestion"))
                .containsExactlyInAnyOrder(53, 9092, 8084, 9200, 8080, 443, 8443)
                .doesNotContain(5432);
    }

    @Test
    void productionLimitsInfrastructureTrafficToItsNamespaces() {
        NetworkPolicyEgressRule kafka = policy("correlation").getSpec().getEgress().stream()
                .filter(r -> r.getPorts().getFirst().getPort().getIntVal() == 9092)
                .findFirst()
                .orElseThrow();

        assertThat(kafka.getTo())
                .singleElement()
                .satisfies(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
                        .containsEntry("kubernetes.io/metadata.name", "kafka"));
    }
}

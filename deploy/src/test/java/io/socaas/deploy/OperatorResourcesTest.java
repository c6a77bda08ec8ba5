package io.socaas.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.socaas.localstack.component.Kafka;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The operators' resources agree with what the local stack runs: topics, realm, databases. */
class OperatorResourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HasMetadata> objects = Chart.render(
            List.of(),
            Map.of(
                    "operators.strimzi.enabled", true,
                    "operators.opensearch.enabled", true,
                    "operators.keycloak.enabled", true,
                    "operators.cloudnativepg.enabled", true));

    private List<GenericKubernetesResource> ofKind(String kind) {
        return objects.stream()
                .filter(o -> o.getKind().equals(kind))
                .map(GenericKubernetesResource.class::cast)
                .toList();
    }

    private JsonNode spec(GenericKubernetesResource resource) {
        return JSON.valueToTree(resource.getAdditionalProperties().get("spec"));
    }

    @Test
    void theKafkaTopicsAreTheLocalStacksPlatformTopics() {
        Map<String, JsonNode> topics = ofKind("KafkaTopic").stream()
                .map(this::spec)
                .collect(Collectors.toMap(s -> s.get("topicName").asText(), s -> s, (a, b) -> a, TreeMap::new));

        Set<String> platformTopics = Kafka.TOPICS.keySet().stream()
                // the services' tests use the soc.<name>.test.v1 twins, never a deployment
                .filter(t -> !t.contains(".test."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(topics.keySet()).isEqualTo(platformTopics);
        topics.forEach((name, spec) -> {
            assertThat(spec.get("partitions").asInt())
                    .as("partitions of %s", name)
                    .isGreaterThanOrEqualTo(Kafka.TOPICS.get(name));
            assertThat(spec.get("replicas").asInt()).isEqualTo(3);
            boolean compacted =
                    spec.path("config").path("cleanup.policy").asText().equals("compact");
            // one record per tenant (its configuration, its own threat intelligence lists) or per
            // analyst (its tenant entitlement)
            assertThat(compacted)
                    .as("%s compacted", name)
                    .isEqualTo(name.startsWith("soc.tenants.")
                            || name.startsWith("soc.intel.")
                            || name.startsWith("soc.entitlements."));
            if (name.startsWith("soc.intel.")) {
                // all of a tenant's lists in one record: as much as the local stack allows
                assertThat(spec.path("config").path("max.message.bytes").asInt())
                        .isEqualTo(8 * 1024 * 1024);
            }
        });
    }

    @Test
    void kafkaRunsInKraftModeWithControllerAndBrokerPools() {
        GenericKubernetesResource kafka = ofKind("Kafka").getFirst();

        assertThat(kafka.getMetadata().getAnnotations())
                .containsEntry("strimzi.io/kraft", "enabled")
                .containsEntry("strimzi.io/node-pools", "enabled");
        assertThat(ofKind("KafkaNodePool"))
                .extracting(p -> spec(p).get("roles").get(0).asText())
                .containsExactlyInAnyOrder("controller", "broker");
    }

    @Test
    void theRealmImportHasTheLocalRealmsRolesClientsAndServiceAccountsButNoUsersOrSecrets() throws Exception {
        JsonNode local = JSON.readTree(
                Files.readString(Chart.repo().resolve("local-stack/src/main/resources/keycloak/socaas-realm.json")));
        JsonNode imported = spec(ofKind("KeycloakRealmImport").getFirst()).get("realm");

        assertThat(imported.get("realm").asText()).isEqualTo(local.get("realm").asText());
        assertThat(imported.get("organizationsEnabled").asBoolean()).isTrue();
        assertThat(imported.get("sslRequired").asText()).isEqualTo("external");
        // the same login security as the local realm: lockout, token and session lifetimes, password
        // rules, OTP policy and the login flows that require a one-time code from MSSP staff; only
        // the password deny list is left out, a file the local stack gives its Keycloak and that the
        // operator's Keycloak does not have, and a deployment never accepts a code twice (the local
        // realm does, for its demo staff who log in from several test processes at once)
        local.properties().forEach(setting -> {
            if (setting.getValue().isValueNode()
                    && !setting.getKey().equals("passwordPolicy")
                    && !setting.getKey().equals("otpPolicyCodeReusable")) {
                assertThat(imported.get(setting.getKey())).as(setting.getKey()).isEqualTo(setting.getValue());
            }
        });
        assertThat(imported.get("otpPolicyCodeReusable").asBoolean()).isFalse();
        assertThat(imported.get("authenticationFlows")).isEqualTo(local.get("authenticationFlows"));
        assertThat(imported.get("authenticatorConfig")).isEqualTo(local.get("authenticatorConfig"));
        assertThat(local.get("passwordPolicy").asText())
                .startsWith(imported.get("passwordPolicy").asText() + " and passwordBlacklist(");
        assertThat(imported.get("roles")).isEqualTo(local.get("roles"));
        Map<String, JsonNode> localClients = byName(local.get("clients"), "clientId");
        Map<String, JsonNode> clients = byName(imported.get("clients"), "clientId");
        assertThat(clients.keySet()).isEqualTo(localClients.keySet());
        clients.forEach((id, client) -> {
            for (String flag : List.of(
                    "publicClient", "standardFlowEnabled", "directAccessGrantsEnabled", "serviceAccountsEnabled")) {
                assertThat(client.get(flag))
                        .as("%s %s", id, flag)
                        .isEqualTo(localClients.get(id).get(flag));
            }
            assertThat(client.get("defaultClientScopes"))
                    .isEqualTo(localClients.get(id).get("defaultClientScopes"));
            assertThat(client.get("secret").asText()).as("%s secret", id).matches("\\$\\{[A-Z_]+}");
        });
        Map<String, JsonNode> localServiceAccounts = byName(local.get("users"), "username");
        localServiceAccounts.values().removeIf(u -> !u.has("serviceAccountClientId"));
        Map<String, JsonNode> users = byName(imported.get("users"), "username");
        assertThat(users).isEqualTo(localServiceAccounts);
        assertThat(imported.has("organizations")).isFalse();
    }

    @Test
    void everyRealmSecretPlaceholderComesFromASecret() {
        JsonNode spec = spec(ofKind("KeycloakRealmImport").getFirst());
        Set<String> used = StreamSupport.stream(spec.get("realm").get("clients").spliterator(), false)
                .map(c -> c.get("secret").asText().replaceAll("[${}]", ""))
                .collect(Collectors.toSet());

        assertThat(iterator(spec.get("placeholders"))).isEqualTo(used);
    }

    @Test
    void postgresHasARoleAndDatabasePerServiceThatOwnsDataAndTheApplicationRoles() {
        JsonNode cluster = spec(ofKind("Cluster").getFirst());
        Set<String> roles = StreamSupport.stream(
                        cluster.get("managed").get("roles").spliterator(), false)
                .map(r -> r.get("name").asText())
                .collect(Collectors.toSet());
        Set<String> databases = ofKind("Database").stream()
                .map(d -> spec(d).get("name").asText())
                .collect(Collectors.toSet());

        assertThat(roles)
                .containsExactlyInAnyOrder(
                        "socaas_cases", "socaas_cases_app", "socaas_tenants", "socaas_tenants_app", "keycloak");
        assertThat(databases).containsExactlyInAnyOrder("socaas_cases", "socaas_tenants", "keycloak");
    }

    @Test
    void theServicesUseTheOperatorsEndpoints() {
        var config =
                (io.fabric8.kubernetes.api.model.ConfigMap) Chart.named(objects, "ConfigMap", "tenant-billing-config");

        assertThat(config.getData())
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "socaas-kafka-bootstrap:9092")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://socaas-pg-rw:5432/socaas_tenants")
                .containsEntry("SOCAAS_ONBOARDING_OPENSEARCH_URL", "http://socaas-opensearch:9200")
                .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "https://login.example.com/realms/socaas");
        var ingestion =
                (io.fabric8.kubernetes.api.model.ConfigMap) Chart.named(objects, "ConfigMap", "ingestion-config");
        assertThat(ingestion.getData())
                .containsEntry("SOCAAS_INGESTION_INDEXING_OPENSEARCH_URL", "http://socaas-opensearch:9200");
    }

    private static Map<String, JsonNode> byName(JsonNode array, String field) {
        Map<String, JsonNode> map = new HashMap<>();
        array.forEach(n -> map.put(n.get(field).asText(), n));
        return map;
    }

    private static Set<String> iterator(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

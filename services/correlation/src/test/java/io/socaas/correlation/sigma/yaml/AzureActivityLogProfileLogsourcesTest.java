package io.socaas.correlation.sigma.yaml;

import static io.socaas.correlation.sigma.yaml.IngestedEvents.assumeCorpus;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.firedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.id;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.ingestedJson;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.json;
import static io.socaas.correlation.sigma.yaml.IngestedEvents.logsources;
import static org.assertj.core.api.Assertions.assertThat;

import io.socaas.correlation.detection.domain.EventAdmission;
import io.socaas.correlation.sigma.domain.Logsource;
import io.socaas.events.ocsf.OcsfNormalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Azure Activity log records as the older log profiles exported them (category {@code Write},
 * {@code Delete} or {@code Action}, the operation also, or only, as the authorization's action), and
 * the Activity Log REST API's records of those categories, as ingestion normalizes them (event-model's
 * {@link OcsfNormalizer}, then {@link EventAdmission}), are SigmaHQ's {@code azure}/{@code
 * activitylogs} events: the rules read the operation as {@code operationName} whichever way the
 * record names it, fire on the operation they describe and not on another. Records are written after
 * the Activity log's documented storage and Event Hubs schema and the REST API's EventData. Without
 * the corpus ({@code SOCAAS_CORPUS}) the rule tests are skipped.
 */
class AzureActivityLogProfileLogsourcesTest {

    private static final Logsource ACTIVITYLOGS = new Logsource("azure", null, "activitylogs");
    private static final String RULES = "rules/cloud/azure/activity_logs/";

    /**
     * A log profile's record: {@code operationName} only when given, the action under {@code
     * identity.authorization} (or, with {@code topLevel}, under {@code authorization}).
     */
    private static String logProfile(String category, String operationName, String action, boolean topLevel) {
        Map<String, Object> authorization = new LinkedHashMap<>();
        authorization.put("action", action);
        authorization.put("scope", "/subscriptions/5c1e9a7b/resourceGroups/net-core");
        authorization.put("evidence", Map.of("role", "Network Contributor", "principalId", "p-7f3a"));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("time", "2026-03-04T13:22:48.5170000Z");
        record.put(
                "resourceId",
                "/subscriptions/5c1e9a7b/resourceGroups/net-core/providers/Microsoft.Network/networkSecurityGroups/nsg-dmz");
        if (operationName != null) {
            record.put("operationName", operationName);
        }
        record.put("category", category);
        record.put("resultType", "Success");
        record.put("resultSignature", "Succeeded.");
        record.put("durationMs", 412);
        record.put("callerIpAddress", "198.51.100.61");
        record.put("correlationId", "3b7e2d90-41c5-4f8a-9e06-d1a2c7b5f843");
        record.put("level", "Information");
        record.put("location", "northeurope");
        Map<String, Object> claims = Map.of(
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", "ines.moreau@fabrikam.example",
                "http://schemas.microsoft.com/identity/claims/objectidentifier", "p-7f3a");
        if (topLevel) {
            record.put("authorization", authorization);
            record.put("identity", Map.of("claims", claims));
        } else {
            record.put("identity", Map.of("authorization", authorization, "claims", claims));
        }
        return json(record);
    }

    /** The Activity Log REST API's record: {@code operationName.value} only when given. */
    private static String rest(String category, String operationName, String action) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("authorization", Map.of("action", action, "scope", "/subscriptions/5c1e9a7b"));
        record.put("caller", "ines.moreau@fabrikam.example");
        record.put("category", Map.of("value", category, "localizedValue", category));
        record.put("eventTimestamp", "2026-03-04T13:22:48.517Z");
        if (operationName != null) {
            record.put("operationName", Map.of("value", operationName, "localizedValue", operationName));
        }
        record.put("resourceId", "/subscriptions/5c1e9a7b/resourceGroups/net-core/providers/Microsoft.Network/x");
        record.put("status", Map.of("value", "Succeeded"));
        record.put("subscriptionId", "5c1e9a7b");
        return json(record);
    }

    @Test
    void logProfileRecordsAreActivityLogsWhereverTheyNameTheOperation() {
        for (String record : List.of(
                logProfile(
                        "Write",
                        "Microsoft.Network/networkSecurityGroups/write",
                        "Microsoft.Network/networkSecurityGroups/write",
                        false),
                logProfile("Delete", null, "Microsoft.Network/networkSecurityGroups/delete", false),
                logProfile("Action", null, "Microsoft.Authorization/elevateAccess/action", true),
                rest("Write", "Microsoft.Network/azureFirewalls/write", "Microsoft.Network/azureFirewalls/write"),
                rest("Delete", null, "Microsoft.Network/azureFirewalls/delete"))) {
            // a record with both names is read by two sources of the logsource; the first one's mapping counts
            assertThat(logsources(ingestedJson(record))).as(record).containsOnly(ACTIVITYLOGS);
        }
        // those category names on another service's record, without the schema's resultType
        String draft = json(Map.of("category", "Write", "resourceId", "doc-9", "operationName", "save draft"));
        assertThat(logsources(ingestedJson(draft))).doesNotContain(ACTIVITYLOGS);
    }

    @Test
    void activityRulesReadTheAuthorizationsActionWhenTheRecordHasNoOperationName() {
        assumeCorpus();
        String nsg = id(RULES + "azure_network_security_modified_or_deleted.yml");
        // the operation named by operationName and by the identity's authorization
        assertThat(firedJson(logProfile(
                        "Write",
                        "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/SECURITYRULES/WRITE",
                        "Microsoft.Network/networkSecurityGroups/securityRules/write",
                        false)))
                .contains(nsg);
        // named only by the authorization, under identity or beside it
        for (boolean topLevel : List.of(false, true)) {
            assertThat(firedJson(logProfile(
                            "Delete", null, "Microsoft.Network/networkSecurityGroups/securityRules/delete", topLevel)))
                    .as("authorization at the top level: %s", topLevel)
                    .contains(nsg);
            // a near miss: a public address deleted
            assertThat(firedJson(logProfile("Delete", null, "Microsoft.Network/publicIPAddresses/delete", topLevel)))
                    .as("authorization at the top level: %s", topLevel)
                    .doesNotContain(nsg);
        }
        String elevate = id(RULES + "azure_subscription_permissions_elevation_via_activitylogs.yml");
        assertThat(firedJson(logProfile("Action", null, "Microsoft.Authorization/elevateAccess/action", true)))
                .contains(elevate);
        assertThat(firedJson(logProfile("Action", null, "Microsoft.Compute/virtualMachines/restart/action", true)))
                .doesNotContain(elevate);
    }

    @Test
    void restRecordsOfTheOlderCategoriesFireTooWithOrWithoutAnOperationName() {
        assumeCorpus();
        String firewall = id(RULES + "azure_firewall_modified_or_deleted.yml");
        assertThat(firedJson(rest(
                        "Write", "Microsoft.Network/azureFirewalls/write", "Microsoft.Network/azureFirewalls/write")))
                .contains(firewall);
        assertThat(firedJson(rest("Delete", null, "Microsoft.Network/azureFirewalls/delete")))
                .contains(firewall);
        assertThat(firedJson(rest("Delete", null, "Microsoft.Network/azureFirewallFqdnTags/delete")))
                .doesNotContain(firewall);
        assertThat(firedJson(
                        rest("Write", "Microsoft.Network/routeTables/write", "Microsoft.Network/routeTables/write")))
                .doesNotContain(firewall);
    }
}

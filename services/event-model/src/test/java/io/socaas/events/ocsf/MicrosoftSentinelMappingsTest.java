package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Sentinel's alerts and incidents as the Log Analytics tables SecurityAlert and
 * SecurityIncident hold them and a workspace's data export streams them: findings with their name,
 * ids, product, severity, techniques, status and verdict. Rows in the tables' documented columns with
 * this test's own values.
 */
class MicrosoftSentinelMappingsTest {

    private static final String SENTINEL = "Microsoft Sentinel";

    private static final String ALERT = """
            {"TenantId": "6f5e4d3c-0000-4000-8000-000000000001", "TimeGenerated": "2025-11-05T11:04:27.3312001Z",
             "DisplayName": "Mass download by a single user", "AlertName": "Mass download by a single user",
             "AlertSeverity": "%s", "Description": "A user downloaded an unusual number of files from SharePoint in one hour.",
             "ProviderName": "ASI Scheduled Alerts", "VendorName": "Microsoft", "VendorOriginalId": "b1c2d3e4-0000-4000-8000-000000000010",
             "SystemAlertId": "c2d3e4f5-0000-4000-8000-000000000011", "ResourceId": "", "SourceComputerId": "",
             "AlertType": "7e6d5c4b-0000-4000-8000-000000000012_a1b2", "ConfidenceLevel": "", "ConfidenceScore": null,
             "IsIncident": false, "StartTime": "2025-11-05T09:59:00Z", "EndTime": "2025-11-05T10:59:00Z",
             "ProcessingEndTime": "2025-11-05T11:04:27.1100000Z", "RemediationSteps": "", "ExtendedProperties": "{\\"Query Period\\":\\"01:00:00\\"}",
             "Entities": "[{\\"$id\\":\\"3\\",\\"Name\\":\\"robin.diaz\\",\\"UPNSuffix\\":\\"northwind.example\\",\\"Type\\":\\"account\\"}]",
             "SourceSystem": "Detection", "WorkspaceSubscriptionId": "7c6b5a49-0000-4000-8000-000000000001",
             "WorkspaceResourceGroup": "soc", "ExtendedLinks": "", "ProductName": "Azure Sentinel",
             "ProductComponentName": "Scheduled Alerts", "AlertLink": "", "Status": "%s",
             "CompromisedEntity": "robin.diaz@northwind.example", "Tactics": "Exfiltration", "Techniques": "[\\"T1530\\"]",
             "SubTechniques": "[]", "Type": "SecurityAlert"}""";

    @Test
    void alertsAreDetectionFindingsByTheirStatus() throws Exception {
        JsonNode alert = json(ALERT.formatted("High", "New"));
        assertProduct(alert, SENTINEL);
        assertThat(alert.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(alert.get("activity_id").asInt()).isEqualTo(1);
        assertThat(alert.get("is_alert").asBoolean()).isTrue();
        assertThat(alert.get("status_id").asInt()).isEqualTo(1);
        assertThat(alert.get("severity_id").asInt()).isEqualTo(4);
        assertThat(alert.at("/finding_info/title").asText()).isEqualTo("Mass download by a single user");
        assertThat(alert.at("/finding_info/uid").asText()).isEqualTo("c2d3e4f5-0000-4000-8000-000000000011");
        assertThat(alert.at("/finding_info/product/name").asText()).isEqualTo("Azure Sentinel");
        assertThat(alert.at("/finding_info/analytic/name").asText()).isEqualTo("Scheduled Alerts");
        assertThat(alert.at("/finding_info/attacks/0/technique/uid").asText()).isEqualTo("T1530");
        assertThat(alert.at("/finding_info/attacks/0/tactic/name").asText()).isEqualTo("Exfiltration");
        assertThat(alert.at("/resources/0/name").asText()).isEqualTo("robin.diaz@northwind.example");
        assertThat(alert.at("/metadata/log_name").asText()).isEqualTo("SecurityAlert");
        assertThat(alert.get("time").asLong()).isEqualTo(epochMillis("2025-11-05T11:04:27.331Z"));
        // the entities stay where detection and the analyst read them
        assertThat(alert.at("/unmapped/Entities").asText()).contains("robin.diaz");

        JsonNode working = json(ALERT.formatted("Medium", "InProgress"));
        assertThat(working.get("activity_id").asInt()).isEqualTo(2);
        assertThat(working.get("status_id").asInt()).isEqualTo(2);
        assertThat(working.get("severity_id").asInt()).isEqualTo(3);

        JsonNode resolved = json(ALERT.formatted("Low", "Resolved"));
        assertThat(resolved.get("activity_id").asInt()).isEqualTo(3);
        assertThat(resolved.get("status_id").asInt()).isEqualTo(4);
        assertThat(resolved.has("is_alert")).isFalse();

        JsonNode dismissed = json(ALERT.formatted("Informational", "Dismissed"));
        assertThat(dismissed.get("activity_id").asInt()).isEqualTo(3);
        assertThat(dismissed.get("status").asText()).isEqualTo("Suppressed");
        assertThat(dismissed.get("severity_id").asInt()).isEqualTo(1);
    }

    @Test
    void incidentsAreIncidentFindingsWithTheirOwnerAndVerdict() throws Exception {
        String incident = """
                {"TenantId": "6f5e4d3c-0000-4000-8000-000000000001", "TimeGenerated": "2025-11-05T13:10:00.0000000Z",
                 "IncidentName": "e5f6a7b8-0000-4000-8000-000000000013", "Title": "Mass download by a single user",
                 "Description": "", "Severity": "High", "Status": "%s", "Classification": "%s",
                 "ClassificationComment": "confirmed with the user's manager", "ClassificationReason": "SuspiciousActivity",
                 "Owner": "{\\"objectId\\":\\"a9b8c7d6-0000-4000-8000-000000000014\\",\\"email\\":\\"sam.ops@northwind.example\\",\\"assignedTo\\":\\"Sam Ops\\",\\"userPrincipalName\\":\\"sam.ops@northwind.example\\"}",
                 "ProviderName": "Azure Sentinel", "ProviderIncidentId": "4711", "FirstActivityTime": "2025-11-05T09:59:00Z",
                 "LastActivityTime": "2025-11-05T10:59:00Z", "CreatedTime": "2025-11-05T11:04:30Z", "IncidentNumber": 4711,
                 "IncidentUrl": "https://portal.azure.com/#asset/Microsoft_Azure_Security_Insights/Incident/e5f6a7b8",
                 "AlertIds": "[\\"c2d3e4f5-0000-4000-8000-000000000011\\"]", "Labels": "[]", "Type": "SecurityIncident"}""";
        JsonNode closed = json(incident.formatted("Closed", "TruePositive"));
        assertProduct(closed, SENTINEL);
        assertThat(closed.get("class_uid").asInt()).isEqualTo(2005);
        assertThat(closed.get("activity_id").asInt()).isEqualTo(3);
        assertThat(closed.get("status_id").asInt()).isEqualTo(5);
        assertThat(closed.get("severity_id").asInt()).isEqualTo(4);
        assertThat(closed.get("verdict_id").asInt()).isEqualTo(2);
        assertThat(closed.at("/finding_info_list/0/title").asText()).isEqualTo("Mass download by a single user");
        assertThat(closed.at("/finding_info_list/0/uid_alt").asText()).isEqualTo("4711");
        assertThat(closed.at("/assignee/name").asText()).isEqualTo("Sam Ops");
        assertThat(closed.at("/assignee/email_addr").asText()).isEqualTo("sam.ops@northwind.example");
        assertThat(closed.get("src_url").asText()).endsWith("/Incident/e5f6a7b8");
        assertThat(closed.has("desc")).as("an empty description is none").isFalse();

        JsonNode fresh = json(incident.formatted("New", ""));
        assertThat(fresh.get("activity_id").asInt()).isEqualTo(1);
        assertThat(fresh.has("verdict_id")).isFalse();
        assertThat(json(incident.formatted("Active", "")).get("activity_id").asInt())
                .isEqualTo(2);
        assertThat(json(incident.formatted("Closed", "FalsePositive"))
                        .get("verdict_id")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void otherWorkspaceRowsAreNotTakenForAlerts() throws Exception {
        // a Windows event in the SecurityEvent table is the Windows files', not an alert
        JsonNode windows = json("""
                {"TenantId": "6f5e4d3c-0000-4000-8000-000000000001", "TimeGenerated": "2025-11-05T13:20:00Z", "Type": "SecurityEvent",
                 "Computer": "NW-DC01.northwind.example", "EventID": 4625, "Activity": "4625 - An account failed to log on.",
                 "TargetUserName": "robin.diaz", "IpAddress": "198.51.100.77", "Channel": "Security"}""");
        assertThat(windows.at("/metadata/product/name").asText()).isNotEqualTo(SENTINEL);
        // an alert row without its name is not claimed
        JsonNode nameless = json(ALERT.formatted("High", "New")
                .replace(
                        "\"DisplayName\": \"Mass download by a single user\", \"AlertName\": \"Mass download by a single user\",",
                        ""));
        assertThat(nameless.at("/metadata/product/name").asText()).isNotEqualTo(SENTINEL);
    }

    @Test
    void anAlertsConfidenceLevelIsTheFindingsConfidence() throws Exception {
        // a Defender for Endpoint alert as Sentinel collects it, with the provider's confidence
        String alert = ALERT.formatted("Medium", "New")
                .replace("\"ConfidenceLevel\": \"\"", "\"ConfidenceLevel\": \"%s\"")
                .replace(
                        "\"ProductName\": \"Azure Sentinel\"",
                        "\"ProductName\": \"Microsoft Defender Advanced Threat Protection\"");
        JsonNode high = json(alert.formatted("High"));
        assertThat(high.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(high.get("confidence_id").asInt()).isEqualTo(3);
        assertThat(high.get("confidence").asText()).isEqualTo("High");
        assertThat(json(alert.formatted("Low")).get("confidence_id").asInt()).isEqualTo(1);
        // Unknown, as most providers write it, and an empty level set no confidence
        assertThat(json(alert.formatted("Unknown")).has("confidence_id")).isFalse();
        assertThat(json(ALERT.formatted("Medium", "New")).has("confidence_id")).isFalse();
    }
}

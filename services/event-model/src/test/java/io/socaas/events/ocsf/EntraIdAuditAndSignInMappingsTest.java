package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socaas.events.EventBatchParser;
import io.socaas.events.JsonEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an analyst gets from Microsoft Entra ID's audit and sign-in logs as an Azure Monitor
 * diagnostic setting streams them to an Event Hub ({@code {"records": [...]}}, split by the intake
 * into one event per record) and as Microsoft Graph returns them: the permissions granted to
 * applications, the sign-in methods registered, why a change failed. Records written in the
 * documented shapes with this test's own values.
 */
class EntraIdAuditAndSignInMappingsTest {

    private static final String ENTRA = "Microsoft Entra ID";

    /** An audit record as the diagnostic export writes it, the directory audit under properties. */
    private static final String EXPORTED_AUDIT = """
            {"time": "2025-11-05T08:30:12.4431223Z", "resourceId": "/tenants/6f5e4d3c-0000-4000-8000-000000000001/providers/Microsoft.aadiam",
             "operationName": "%1$s", "operationVersion": "1.0", "category": "AuditLogs",
             "tenantId": "6f5e4d3c-0000-4000-8000-000000000001", "resultSignature": "None", "durationMs": 0,
             "callerIpAddress": "198.51.100.61", "correlationId": "0a1b2c3d-0000-4000-8000-000000000002", "Level": 4,
             "properties": {"id": "Directory_0a1b2c3d-0000-4000-8000-000000000002_X1Y2Z_1", "category": "%2$s",
               "correlationId": "0a1b2c3d-0000-4000-8000-000000000002", "result": "%3$s", "resultReason": "%4$s",
               "activityDisplayName": "%1$s", "activityDateTime": "2025-11-05T08:30:12.4431223+00:00",
               "loggedByService": "Core Directory", "operationType": "Assign",
               "initiatedBy": {"user": {"id": "1a2b3c4d-0000-4000-8000-000000000003", "displayName": null,
                 "userPrincipalName": "sam.ops@northwind.example", "ipAddress": "198.51.100.61", "roles": []}},
               "targetResources": %5$s,
               "additionalDetails": [{"key": "User-Agent", "value": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/131.0"}]}}""";

    private static JsonNode exported(String activity, String category, String result, String reason, String targets)
            throws Exception {
        return json(EXPORTED_AUDIT.formatted(activity, category, result, reason, targets));
    }

    @Test
    void consentsAndApplicationPermissionsAreUserAccessManagement() throws Exception {
        JsonNode consent = exported("Consent to application", "ApplicationManagement", "success", "", """
                [{"id": "5e6f7a8b-0000-4000-8000-000000000004", "displayName": "Mail Archiver Online", "type": "ServicePrincipal",
                  "modifiedProperties": [
                    {"displayName": "ConsentContext.IsAdminConsent", "oldValue": null, "newValue": "\\"False\\""},
                    {"displayName": "ConsentAction.Permissions", "oldValue": null,
                     "newValue": "\\"[] => [[Id: Zk9r, ClientId: 5e6f7a8b-0000-4000-8000-000000000004, PrincipalId: 1a2b3c4d-0000-4000-8000-000000000003, ResourceId: 9f8e7d6c-0000-4000-8000-000000000005, ConsentType: Principal, Scope: Mail.Read Mail.Send offline_access, CreatedDateTime: , LastModifiedDateTime: ]]; \\""}]}]""");
        assertProduct(consent, ENTRA);
        assertThat(consent.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(consent.get("activity_id").asInt()).isEqualTo(1);
        assertThat(consent.at("/resource/name").asText()).isEqualTo("Mail Archiver Online");
        assertThat(consent.at("/resource/uid").asText()).isEqualTo("5e6f7a8b-0000-4000-8000-000000000004");
        assertThat(consent.at("/resource/type").asText()).isEqualTo("Application");
        assertThat(consent.at("/privileges").toString()).isEqualTo("[\"Mail.Read\",\"Mail.Send\",\"offline_access\"]");
        assertThat(consent.at("/user/name").asText()).as("who consented").isEqualTo("sam.ops@northwind.example");
        assertThat(consent.at("/actor/user/name").asText()).isEqualTo("sam.ops@northwind.example");
        assertThat(consent.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.61");
        assertThat(consent.at("/api/operation").asText()).isEqualTo("Consent to application");
        assertThat(consent.at("/http_request/user_agent").asText()).contains("Edg/131.0");
        assertStatus(consent, 1);

        JsonNode appRole =
                exported("Add app role assignment to service principal", "ApplicationManagement", "success", "", """
                [{"id": "9f8e7d6c-0000-4000-8000-000000000005", "displayName": "Microsoft Graph", "type": "ServicePrincipal",
                  "modifiedProperties": [
                    {"displayName": "AppRole.Id", "oldValue": null, "newValue": "\\"9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8\\""},
                    {"displayName": "AppRole.Value", "oldValue": null, "newValue": "\\"RoleManagement.ReadWrite.Directory\\""}]}]""");
        assertThat(appRole.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(appRole.get("activity_id").asInt()).isEqualTo(1);
        assertThat(appRole.at("/privileges").toString()).isEqualTo("[\"RoleManagement.ReadWrite.Directory\"]");
        assertThat(appRole.at("/resource/name").asText()).isEqualTo("Microsoft Graph");

        JsonNode removed = exported(
                "Remove app role assignment from service principal", "ApplicationManagement", "success", "", """
                [{"id": "9f8e7d6c-0000-4000-8000-000000000005", "displayName": "Microsoft Graph", "type": "ServicePrincipal",
                  "modifiedProperties": [{"displayName": "AppRole.Value", "oldValue": "\\"Mail.ReadWrite\\"", "newValue": null}]}]""");
        assertThat(removed.get("activity_id").asInt()).isEqualTo(2);
        assertThat(removed.at("/privileges").toString()).isEqualTo("[\"Mail.ReadWrite\"]");

        JsonNode delegated = exported("Add delegated permission grant", "ApplicationManagement", "success", "", """
                [{"id": "9f8e7d6c-0000-4000-8000-000000000005", "displayName": "Microsoft Graph", "type": "ServicePrincipal",
                  "modifiedProperties": [{"displayName": "DelegatedPermissionGrant.Scope", "oldValue": "\\"\\"", "newValue": "\\" Files.Read.All User.Read\\""}]}]""");
        assertThat(delegated.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(delegated.at("/privileges").toString()).isEqualTo("[\"Files.Read.All\",\"User.Read\"]");

        // a credential added to an application is no grant of permissions: still API Activity, with the application
        JsonNode credential =
                exported("Add service principal credentials", "ApplicationManagement", "success", "", """
                [{"id": "5e6f7a8b-0000-4000-8000-000000000004", "displayName": "Mail Archiver Online", "type": "ServicePrincipal",
                  "modifiedProperties": [{"displayName": "KeyDescription", "oldValue": "[]", "newValue": "[\\"[KeyIdentifier=7c1d, KeyType=Password, KeyUsage=Verify, DisplayName=ci]\\"]"}]}]""");
        assertThat(credential.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(credential.at("/resources/0/name").asText()).isEqualTo("Mail Archiver Online");
        assertThat(credential.has("privileges")).isFalse();
    }

    @Test
    void signInMethodsRegisteredOrDeletedAreMfaFactorChanges() throws Exception {
        String user = """
                [{"id": "2b3c4d5e-0000-4000-8000-000000000006", "displayName": "Robin Diaz", "type": "User",
                  "userPrincipalName": "robin.diaz@northwind.example", "modifiedProperties": []}]""";
        JsonNode registered = exported(
                "User registered security info",
                "UserManagement",
                "success",
                "User registered Authenticator App with Notification and Code",
                user);
        assertThat(registered.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(registered.get("activity_id").asInt()).isEqualTo(10);
        assertThat(registered.at("/user/name").asText()).isEqualTo("robin.diaz@northwind.example");

        JsonNode byAdmin = exported(
                "Admin deleted security info",
                "UserManagement",
                "success",
                "Admin deleted phone method for user",
                user);
        assertThat(byAdmin.get("activity_id").asInt()).isEqualTo(11);
        assertThat(byAdmin.at("/actor/user/name").asText()).isEqualTo("sam.ops@northwind.example");

        JsonNode updated = exported("Update user", "UserManagement", "success", "", user);
        assertThat(updated.get("activity_id").asInt()).isEqualTo(99);
    }

    @Test
    void aFailedChangeSaysWhy() throws Exception {
        JsonNode failed = exported(
                "Add member to role",
                "RoleManagement",
                "failure",
                "The directory object quota limit for the tenant has been exceeded.",
                """
                [{"id": "2b3c4d5e-0000-4000-8000-000000000006", "displayName": null, "type": "User",
                  "userPrincipalName": "robin.diaz@northwind.example",
                  "modifiedProperties": [{"displayName": "Role.DisplayName", "oldValue": null, "newValue": "\\"Application Administrator\\""}]}]""");
        assertThat(failed.get("class_uid").asInt()).isEqualTo(3006);
        assertStatus(failed, 2);
        assertThat(failed.get("status_detail").asText())
                .isEqualTo("The directory object quota limit for the tenant has been exceeded.");
        assertThat(failed.at("/group/name").asText()).isEqualTo("Application Administrator");

        // an activation through Privileged Identity Management is a membership too
        JsonNode pim =
                exported("Add member to role in PIM completed (timebound)", "RoleManagement", "success", "", """
                [{"id": "7d8e9f0a-0000-4000-8000-000000000007", "displayName": "Global Administrator", "type": "Role"},
                 {"id": "2b3c4d5e-0000-4000-8000-000000000006", "displayName": "Robin Diaz", "type": "User",
                  "userPrincipalName": "robin.diaz@northwind.example"}]""");
        assertThat(pim.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(pim.get("activity_id").asInt()).isEqualTo(3);
        assertThat(pim.at("/group/name").asText()).isEqualTo("Global Administrator");
        assertThat(pim.at("/user/name").asText()).isEqualTo("robin.diaz@northwind.example");
        assertThat(pim.has("status_detail")).as("an empty reason is none").isFalse();
    }

    @Test
    void anEventHubBatchIsReadRecordByRecord() throws Exception {
        String batch = "{\"records\": ["
                + EXPORTED_AUDIT.formatted("Consent to application", "ApplicationManagement", "success", "", """
                [{"id": "5e6f7a8b-0000-4000-8000-000000000004", "displayName": "Mail Archiver Online", "type": "ServicePrincipal"}]""")
                + ", " + EXPORTED_AUDIT.formatted("User deleted security info", "UserManagement", "success", "", """
                [{"id": "2b3c4d5e-0000-4000-8000-000000000006", "type": "User", "userPrincipalName": "robin.diaz@northwind.example"}]""")
                + "]}";
        // a pretty-printed body, as application/json
        List<JsonEvent> events =
                new EventBatchParser().parse(batch.getBytes(StandardCharsets.UTF_8), EventBatchParser.Format.JSON);
        assertThat(events).hasSize(2);
        JsonNode first = json(events.get(0).toObjectNode().toString());
        JsonNode second = json(events.get(1).toObjectNode().toString());
        assertThat(first.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(second.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(second.get("activity_id").asInt()).isEqualTo(11);
    }

    /** A sign-in as the diagnostic export writes it (categories SignInLogs, NonInteractiveUserSignInLogs, ...). */
    private static final String EXPORTED_SIGN_IN = """
            {"time": "2025-11-05T07:58:01.1234567Z", "resourceId": "/tenants/6f5e4d3c-0000-4000-8000-000000000001/providers/Microsoft.aadiam",
             "operationName": "Sign-in activity", "operationVersion": "1.0", "category": "%1$s",
             "tenantId": "6f5e4d3c-0000-4000-8000-000000000001", "resultType": "%2$s", "resultSignature": "None",
             "durationMs": 0, "callerIpAddress": "203.0.113.145", "correlationId": "4c5d6e7f-0000-4000-8000-000000000010",
             "identity": "Robin Diaz", "Level": 4, "location": "NL",
             "properties": {"id": "8e9f0a1b-0000-4000-8000-000000000011", "createdDateTime": "2025-11-05T07:58:01.1234567+00:00",
               "userDisplayName": "Robin Diaz", "userPrincipalName": "robin.diaz@northwind.example",
               "userId": "2b3c4d5e-0000-4000-8000-000000000006", "appId": "d3590ed6-52b3-4102-aeff-aad2292ab01c",
               "appDisplayName": "Microsoft Office", "ipAddress": "203.0.113.145", "clientAppUsed": "Mobile Apps and Desktop clients",
               "userAgent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/131.0", "isInteractive": %3$s,
               "authenticationProtocol": "%4$s", "authenticationRequirement": "%5$s",
               "deviceDetail": {"deviceId": "0d1e2f3a-0000-4000-8000-000000000012", "displayName": "NW-LT-0451",
                                "operatingSystem": "Windows 11", "browser": "Edge 131.0.0", "isCompliant": true, "trustType": "Azure AD joined"},
               "location": {"city": "Utrecht", "state": "Utrecht", "countryOrRegion": "NL"},
               "status": %6$s,
               "resourceDisplayName": "Microsoft Graph", "resourceId": "00000003-0000-0000-c000-000000000000"}}""";

    @Test
    void signInsCarryTheDeviceHowTheyWereReachedAndWhetherMfaWasRequired() throws Exception {
        JsonNode r = json(EXPORTED_SIGN_IN.formatted(
                "NonInteractiveUserSignInLogs",
                "0",
                "false",
                "none",
                "multiFactorAuthentication",
                "{\"errorCode\": 0, \"additionalDetails\": \"MFA requirement satisfied by claim in the token\"}"));
        assertProduct(r, ENTRA);
        assertThat(r.get("class_uid").asInt()).isEqualTo(3002);
        assertStatus(r, 1);
        assertThat(r.at("/user/name").asText()).isEqualTo("robin.diaz@northwind.example");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.145");
        assertThat(r.at("/src_endpoint/name").asText()).isEqualTo("NW-LT-0451");
        assertThat(r.at("/src_endpoint/uid").asText()).isEqualTo("0d1e2f3a-0000-4000-8000-000000000012");
        assertThat(r.at("/src_endpoint/os/name").asText()).isEqualTo("Windows 11");
        assertThat(r.get("is_mfa").asBoolean()).isTrue();
        assertThat(r.get("status_detail").asText()).isEqualTo("MFA requirement satisfied by claim in the token");
        assertThat(r.has("auth_protocol")).as("'none' names no protocol").isFalse();

        JsonNode singleFactor = json(EXPORTED_SIGN_IN.formatted(
                "SignInLogs", "0", "true", "none", "singleFactorAuthentication", "{\"errorCode\": 0}"));
        assertThat(singleFactor.get("is_mfa").asBoolean()).isFalse();
        assertThat(singleFactor.has("status_detail")).isFalse();

        // a device code sign-in, as device code phishing leaves it
        JsonNode deviceCode = json(EXPORTED_SIGN_IN.formatted(
                "SignInLogs", "0", "true", "deviceCode", "singleFactorAuthentication", "{\"errorCode\": 0}"));
        assertThat(deviceCode.get("auth_protocol_id").asInt()).isEqualTo(99);
        assertThat(deviceCode.get("auth_protocol").asText()).isEqualTo("deviceCode");

        // a failure says why; a failure that required MFA is no evidence that MFA was used
        JsonNode failed = json(
                EXPORTED_SIGN_IN.formatted(
                        "SignInLogs",
                        "50126",
                        "true",
                        "ropc",
                        "multiFactorAuthentication",
                        "{\"errorCode\": 50126, \"failureReason\": \"Error validating credentials due to invalid username or password.\"}"));
        assertStatus(failed, 2);
        assertThat(failed.get("status_code").asText()).isEqualTo("50126");
        assertThat(failed.get("status_detail").asText())
                .isEqualTo("Error validating credentials due to invalid username or password.");
        assertThat(failed.has("is_mfa")).isFalse();
        assertThat(failed.get("auth_protocol").asText()).isEqualTo("ropc");

        // a failure Entra gives no reason for keeps what it adds
        JsonNode bare = json(EXPORTED_SIGN_IN.formatted(
                "SignInLogs",
                "50074",
                "true",
                "none",
                "multiFactorAuthentication",
                "{\"errorCode\": 50074, \"additionalDetails\": \"MFA required in Azure AD\"}"));
        assertThat(bare.get("status_detail").asText()).isEqualTo("MFA required in Azure AD");
    }

    @Test
    void federatedAndMicrosoftServicePrincipalSignInsAreAuthenticationToo() throws Exception {
        JsonNode federated = json(
                EXPORTED_SIGN_IN.formatted("ADFSSignInLogs", "0", "true", "wsFederation", "", "{\"errorCode\": 0}"));
        assertThat(federated.get("class_uid").asInt()).isEqualTo(3002);
        assertStatus(federated, 1);
        assertThat(federated.at("/metadata/log_name").asText()).isEqualTo("ADFSSignInLogs");
        assertThat(federated.get("auth_protocol").asText()).isEqualTo("wsFederation");

        JsonNode microsoftApp = json(EXPORTED_SIGN_IN.formatted(
                "MicrosoftServicePrincipalSignInLogs",
                "7000215",
                "false",
                "none",
                "",
                "{\"errorCode\": 7000215, \"failureReason\": \"Invalid client secret provided.\"}"));
        assertStatus(microsoftApp, 2);
        assertThat(microsoftApp.get("status_detail").asText()).isEqualTo("Invalid client secret provided.");
    }

    @Test
    void riskyUsersKeepTheirOwnTimeInAzuresExportForms() throws Exception {
        // the export writes time in .NET's en-US form and riskLastUpdatedDateTime with a one-digit hour
        String record = """
                {"time": "9/9/2025 9:59:27 AM", "resourceId": "/tenants/6f5e4d3c-0000-4000-8000-000000000001/providers/microsoft.aadiam",
                 "operationName": "Risky user", "operationVersion": "1.0", "category": "RiskyUsers",
                 "tenantId": "6f5e4d3c-0000-4000-8000-000000000001", "resultSignature": "None", "durationMs": 0,
                 "correlationId": "2b3c4d5e-0000-4000-8000-000000000006", "identity": "robin diaz", "Level": 4,
                 "properties": {"id": "2b3c4d5e-0000-4000-8000-000000000006", "userDisplayName": "Robin Diaz",
                   "userPrincipalName": "robin.diaz@northwind.example", "riskLastUpdatedDateTime": "2025-09-09T9:59:27.958Z",
                   "riskState": "atRisk", "riskDetail": "none", "riskLevel": "high", "isGuest": false, "isDeleted": false}}""";
        JsonNode risky = json(record);
        assertProduct(risky, ENTRA);
        assertThat(risky.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(risky.get("time").asLong())
                .isEqualTo(java.time.Instant.parse("2025-09-09T09:59:27.958Z").toEpochMilli());
        assertThat(risky.at("/metadata/labels").toString()).doesNotContain(OcsfNormalizer.LABEL_TIME_FROM_RECEIVED);

        // without the detailed time, the record's own time in the en-US form
        JsonNode coarse = json(record.replace("\"riskLastUpdatedDateTime\": \"2025-09-09T9:59:27.958Z\",", ""));
        assertThat(coarse.at("/unmapped/properties/riskLastUpdatedDateTime").isMissingNode())
                .isTrue();
        assertThat(coarse.get("time").asLong())
                .isEqualTo(java.time.Instant.parse("2025-09-09T09:59:27Z").toEpochMilli());
    }

    @Test
    void logAnalyticsAuditRowsReadAsTheExportDoes() throws Exception {
        // a workspace's AuditLogs table, as Microsoft Sentinel's data export streams it: the columns capitalized
        JsonNode role = json("""
                {"TenantId": "6f5e4d3c-0000-4000-8000-000000000001", "SourceSystem": "Azure AD", "TimeGenerated": "2025-11-05T08:41:09.0010000Z",
                 "OperationName": "Add member to role", "OperationVersion": "1.0", "Category": "RoleManagement", "Result": "success",
                 "ResultSignature": "None", "ResultReason": "", "DurationMs": 0, "CorrelationId": "0a1b2c3d-0000-4000-8000-000000000020",
                 "Identity": "Sam Ops", "Level": "4", "AdditionalDetails": [], "Id": "Directory_0a1b2c3d_X_2",
                 "InitiatedBy": {"user": {"id": "1a2b3c4d-0000-4000-8000-000000000003", "userPrincipalName": "sam.ops@northwind.example",
                                          "ipAddress": "198.51.100.61"}},
                 "LoggedByService": "Core Directory", "OperationType": "Assign",
                 "TargetResources": [{"id": "2b3c4d5e-0000-4000-8000-000000000006", "type": "User", "userPrincipalName": "robin.diaz@northwind.example",
                                      "modifiedProperties": [{"displayName": "Role.DisplayName", "oldValue": null, "newValue": "\\"Global Administrator\\""}]}],
                 "ActivityDateTime": "2025-11-05T08:41:08.9990000Z", "ActivityDisplayName": "Add member to role", "Type": "AuditLogs"}""");
        assertProduct(role, ENTRA);
        assertThat(role.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(role.get("activity_id").asInt()).isEqualTo(3);
        assertStatus(role, 1);
        assertThat(role.at("/group/name").asText()).isEqualTo("Global Administrator");
        assertThat(role.at("/user/name").asText()).isEqualTo("robin.diaz@northwind.example");
        assertThat(role.at("/actor/user/name").asText()).isEqualTo("sam.ops@northwind.example");
        assertThat(role.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.61");
        assertThat(role.at("/api/operation").asText()).isEqualTo("Add member to role");
        assertThat(role.at("/metadata/labels").toString()).doesNotContain(OcsfNormalizer.LABEL_TIME_FROM_RECEIVED);

        JsonNode policy = json("""
                {"TenantId": "6f5e4d3c-0000-4000-8000-000000000001", "TimeGenerated": "2025-11-05T08:45:00Z", "Type": "AuditLogs",
                 "Category": "Policy", "Result": "failure", "ResultReason": "Policy is read-only", "ActivityDisplayName": "Update conditional access policy",
                 "ActivityDateTime": "2025-11-05T08:45:00Z", "LoggedByService": "Conditional Access", "OperationType": "Update",
                 "InitiatedBy": {"user": {"userPrincipalName": "sam.ops@northwind.example", "ipAddress": "198.51.100.61"}},
                 "TargetResources": [{"id": "3c4d5e6f-0000-4000-8000-000000000021", "displayName": "Require MFA for admins", "type": "Policy"}]}""");
        assertThat(policy.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(policy.get("activity_id").asInt()).isEqualTo(3);
        assertStatus(policy, 2);
        assertThat(policy.get("status_detail").asText()).isEqualTo("Policy is read-only");
        assertThat(policy.at("/resources/0/name").asText()).isEqualTo("Require MFA for admins");

        // another table of the workspace is not taken for a directory audit
        JsonNode other = json("""
                {"TenantId": "6f5e4d3c-0000-4000-8000-000000000001", "TimeGenerated": "2025-11-05T08:45:00Z", "Type": "AzureActivity",
                 "OperationNameValue": "MICROSOFT.COMPUTE/VIRTUALMACHINES/DELETE", "ActivityDisplayName": "Delete Virtual Machine"}""");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo(ENTRA);
    }

    /**
     * The row with its dynamic columns written as the text of their JSON, as a workspace query's
     * result, a CSV export of it and connectors that forward query results write them.
     */
    private static String withDynamicColumnsAsText(String row, String... columns) throws Exception {
        var object = (com.fasterxml.jackson.databind.node.ObjectNode) MappedRecords.JSON.readTree(row);
        for (String column : columns) {
            object.put(column, MappedRecords.JSON.writeValueAsString(object.get(column)));
        }
        return MappedRecords.JSON.writeValueAsString(object);
    }

    @Test
    void logAnalyticsAuditRowsReadTheirTargetsActorAndDetailsFromText() throws Exception {
        String role = """
                {"TenantId": "6f5e4d3c-0000-4000-8000-000000000001", "SourceSystem": "Azure AD", "TimeGenerated": "2025-11-05T08:41:09.0010000Z",
                 "OperationName": "Add member to role", "Category": "RoleManagement", "Result": "success", "ResultReason": "",
                 "Id": "Directory_0a1b2c3d_X_2", "LoggedByService": "Core Directory", "OperationType": "Assign",
                 "AdditionalDetails": [{"key": "User-Agent", "value": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/131.0"}],
                 "InitiatedBy": {"user": {"id": "1a2b3c4d-0000-4000-8000-000000000003", "userPrincipalName": "sam.ops@northwind.example",
                                          "ipAddress": "198.51.100.61"}},
                 "TargetResources": [{"id": "7c8d9e0f-0000-4000-8000-000000000030", "type": "Role", "displayName": null,
                                      "modifiedProperties": []},
                                     {"id": "2b3c4d5e-0000-4000-8000-000000000006", "type": "User", "userPrincipalName": "robin.diaz@northwind.example",
                                      "modifiedProperties": [{"displayName": "Role.DisplayName", "oldValue": null, "newValue": "\\"Global Administrator\\""}]}],
                 "ActivityDateTime": "2025-11-05T08:41:08.9990000Z", "ActivityDisplayName": "Add member to role", "Type": "AuditLogs"}""";
        JsonNode asText = json(withDynamicColumnsAsText(role, "TargetResources", "InitiatedBy", "AdditionalDetails"));
        assertThat(MappedRecords.JSON
                        .readTree(asText.at("/unmapped/TargetResources").asText())
                        .isArray())
                .as("the text stays as sent")
                .isTrue();
        for (JsonNode r : List.of(json(role), asText)) {
            assertProduct(r, ENTRA);
            assertThat(r.get("class_uid").asInt()).isEqualTo(3006);
            assertThat(r.get("activity_id").asInt()).isEqualTo(3);
            assertThat(r.at("/group/name").asText())
                    .as("the role, from the target's modified properties")
                    .isEqualTo("Global Administrator");
            assertThat(r.at("/user/name").asText())
                    .as("the target of type User")
                    .isEqualTo("robin.diaz@northwind.example");
            assertThat(r.at("/user/uid").asText()).isEqualTo("2b3c4d5e-0000-4000-8000-000000000006");
            assertThat(r.at("/actor/user/name").asText()).isEqualTo("sam.ops@northwind.example");
            assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.61");
            assertThat(r.at("/http_request/user_agent").asText()).contains("Edg/131.0");
        }

        String consent = """
                {"TenantId": "6f5e4d3c-0000-4000-8000-000000000001", "TimeGenerated": "2025-11-05T08:50:00Z", "Type": "AuditLogs",
                 "Category": "ApplicationManagement", "Result": "success", "ActivityDisplayName": "Consent to application",
                 "ActivityDateTime": "2025-11-05T08:50:00Z", "LoggedByService": "Core Directory", "OperationType": "Assign",
                 "AdditionalDetails": [{"key": "AppId", "value": "5e6f7a8b-0000-4000-8000-000000000004"}],
                 "InitiatedBy": {"user": {"userPrincipalName": "sam.ops@northwind.example", "ipAddress": "198.51.100.61"}},
                 "TargetResources": [{"id": "5e6f7a8b-0000-4000-8000-000000000004", "displayName": "Mail Archiver Online", "type": "ServicePrincipal",
                   "modifiedProperties": [{"displayName": "ConsentAction.Permissions", "oldValue": null,
                     "newValue": "\\"[] => [[Id: Zk9r, ClientId: 5e6f7a8b-0000-4000-8000-000000000004, ConsentType: Principal, Scope: Mail.Read offline_access, CreatedDateTime: ]]; \\""}]}]}""";
        for (JsonNode r : List.of(
                json(consent),
                json(withDynamicColumnsAsText(consent, "TargetResources", "InitiatedBy", "AdditionalDetails")))) {
            assertThat(r.get("class_uid").asInt()).isEqualTo(3005);
            assertThat(r.at("/resource/name").asText()).isEqualTo("Mail Archiver Online");
            assertThat(r.at("/privileges").toString()).isEqualTo("[\"Mail.Read\",\"offline_access\"]");
            // details without a User-Agent give none
            assertThat(r.at("/http_request/user_agent").isMissingNode()).isTrue();
        }

        // a sign-in row of the same workspace, its dynamic columns as text too, is not taken for a directory audit
        JsonNode signIn = json(withDynamicColumnsAsText("""
                {"TenantId": "6f5e4d3c-0000-4000-8000-000000000001", "TimeGenerated": "2025-11-05T08:52:00Z", "Type": "SigninLogs",
                 "OperationName": "Sign-in activity", "Category": "SignInLogs", "ResultType": "0", "UserPrincipalName": "sam.ops@northwind.example",
                 "AppDisplayName": "Azure Portal", "IPAddress": "198.51.100.61",
                 "Status": {"errorCode": 0}, "DeviceDetail": {"browser": "Edge 131.0.0"}}""", "Status", "DeviceDetail"));
        assertThat(signIn.get("class_uid").asInt()).isNotEqualTo(3006).isNotEqualTo(3005);
        assertThat(signIn.at("/api/operation").asText()).isNotEqualTo("Add member to role");
    }
}

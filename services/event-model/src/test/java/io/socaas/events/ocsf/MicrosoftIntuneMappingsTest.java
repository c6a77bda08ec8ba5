package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Intune's audit and operational logs as a diagnostic setting exports them (category AuditLogs
 * and OperationalLogs) and as the Log Analytics tables IntuneAuditLogs and IntuneOperationalLogs hold them.
 * The diagnostic records' shape is that of a published parser's documented samples of Intune's event hub
 * export (its "Update ClientCertificate" audit record and "Enrollment" operational record); the
 * Entra ID audit record of the same category stays Entra ID's.
 */
class MicrosoftIntuneMappingsTest {

    @Test
    void auditRecordsAreApiActivityWithTheAdministratorAndTheTarget() throws Exception {
        JsonNode updated = json(
                "{\"time\":\"2024-12-21T01:45:10.1234000Z\",\"tenantId\":\"b53a5e71-a22f-41a3-b56c-23d42ab2df33\","
                        + "\"category\":\"AuditLogs\",\"operationName\":\"Update ClientCertificate\",\"properties\":{"
                        + "\"ActivityDate\":\"12/21/2024 1:45:10 AM\",\"ActivityResultStatus\":0,\"ActivityType\":1,\"Actor\":{"
                        + "\"ActorType\":2,\"Application\":null,\"ApplicationName\":null,\"IsDelegatedAdmin\":true,"
                        + "\"Name\":\"Alexandra Rodriguez\",\"ObjectId\":\"432f8c11-4e45-48a6-b1b5-e63d92ab75ac\","
                        + "\"PartnerTenantId\":\"11111111-0000-0000-0000-000000001234\",\"UserPermissions\":[\"*\"],"
                        + "\"UPN\":\"alex.rodriguez@examplecorp.com\"},\"AdditionalDetails\":\"\","
                        + "\"AuditEventId\":\"654321aa-bc23-c456-a789-f0123456789a\",\"Category\":1,\"RelationId\":null,"
                        + "\"TargetDisplayNames\":[\"\\u003cnull\\u003e\"],\"TargetObjectIds\":[\"4F3B1CB1DC7957A814998A3E9D3919E5D3601E88\"],"
                        + "\"Targets\":[{\"ModifiedProperties\":[{\"Name\":\"AccountContextId\",\"Old\":null,"
                        + "\"New\":\"b53a5e71-a22f-41a3-b56c-23d42ab2df33\"},{\"Name\":\"deviceID\",\"Old\":null,"
                        + "\"New\":\"12345678-9012-3456-7890-abcd1234ef01\"},{\"Name\":\"DeviceEnrollmentType\",\"Old\":null,\"New\":\"20\"}],"
                        + "\"Name\":\"Certificate for Test Purpose\"}]},\"resultType\":\"Success\","
                        + "\"resultDescription\":\"Operation completed successfully.\","
                        + "\"correlationId\":\"98765432-10fe-cdab-a890-bcdef0123456\",\"identity\":\"alex.rodriguez@examplecorp.com\"}");
        assertProduct(updated, "Intune");
        assertThat(updated.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(updated.get("activity_id").asInt()).isEqualTo(3);
        assertThat(updated.get("status_id").asInt()).isEqualTo(1);
        assertThat(updated.at("/api/operation").asText()).isEqualTo("Update ClientCertificate");
        assertThat(updated.at("/api/request/uid").asText()).isEqualTo("98765432-10fe-cdab-a890-bcdef0123456");
        assertThat(updated.at("/actor/user/name").asText()).isEqualTo("alex.rodriguez@examplecorp.com");
        assertThat(updated.at("/actor/user/uid").asText()).isEqualTo("432f8c11-4e45-48a6-b1b5-e63d92ab75ac");
        assertThat(updated.at("/resources/0/uid").asText()).isEqualTo("4F3B1CB1DC7957A814998A3E9D3919E5D3601E88");
        assertThat(updated.at("/resources/0/name").asText()).isEqualTo("Certificate for Test Purpose");
        assertThat(updated.get("time").asLong()).isEqualTo(epochMillis("2024-12-21T01:45:10.123Z"));

        // the same columns as a Log Analytics row of IntuneAuditLogs, Properties as JSON text: a device wiped
        JsonNode wiped = json(
                "{\"TimeGenerated\":\"2026-03-01T09:00:00Z\",\"Type\":\"IntuneAuditLogs\","
                        + "\"OperationName\":\"Wipe ManagedDevice\",\"ResultType\":\"Failure\",\"Identity\":\"admin@contoso.com\","
                        + "\"Properties\":\"{\\\"Actor\\\":{\\\"UPN\\\":\\\"admin@contoso.com\\\",\\\"ObjectId\\\":\\\"0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\\\"},"
                        + "\\\"TargetObjectIds\\\":[\\\"15f64a2f-b41a-4a5c-93ce-111e3ac8bf56\\\"],\\\"TargetDisplayNames\\\":[\\\"LAPTOP-7\\\"]}\"}");
        assertThat(wiped.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(wiped.get("activity_id").asInt()).isEqualTo(99);
        assertThat(wiped.get("status_id").asInt()).isEqualTo(2);
        assertThat(wiped.at("/actor/user/uid").asText()).isEqualTo("0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b");
        assertThat(wiped.at("/resources/0/name").asText()).isEqualTo("LAPTOP-7");
    }

    @Test
    void enrollmentsAreEntityManagementEnrollOfTheDevice() throws Exception {
        JsonNode enrolled = json(
                "{\"time\":\"2024-12-20T00:33:46.2052000Z\",\"tenantId\":\"49f8a7b6-e2d1-41ac-b3c5-64c7e18f1234\","
                        + "\"category\":\"OperationalLogs\",\"operationName\":\"Enrollment\",\"resultType\":\"Success\",\"properties\":{"
                        + "\"AADDeviceId\":\"83d9a21b-d67e-45ab-a32d-9bae85c67890\",\"IntuneDeviceId\":\"15f64a2f-b41a-4a5c-93ce-111e3ac8bf56\","
                        + "\"IntuneAccountId\":\"25b6c79f-e511-43da-81af-f6be5d9f2310\",\"IntuneUserId\":\"42c1a51d-75cd-4212-ba95-85c21a432109\","
                        + "\"MessageId\":\"93ce4a3e-c21b-41ab-a98c-e53211ac43fd\",\"AADTenantId\":\"19f8a7b6-e2d1-41ac-b3c5-64c7e18f1234\","
                        + "\"OperationalLogCategory\":\"DeviceEnrollment\",\"EnrollmentTimeUTC\":\"2024-12-20T00:33:46.2052Z\","
                        + "\"ScenarioName\":\"Microsoft.Management.Services.Diagnostics.SLAEvents.EnrollmentSLAEvent\","
                        + "\"OsVersion\":\"10.0.12345.6789\",\"ScaleUnit\":\"SU001\",\"Os\":\"Windows\","
                        + "\"EnrollmentType\":\"WindowsAutoEnrollment\",\"FailureReason\":\"None\",\"FailureCategory\":\"Not Applicable\"}}");
        assertProduct(enrolled, "Intune");
        assertThat(enrolled.get("class_uid").asInt()).isEqualTo(3004);
        assertThat(enrolled.get("activity_id").asInt()).isEqualTo(6);
        assertThat(enrolled.get("status_id").asInt()).isEqualTo(1);
        assertThat(enrolled.at("/entity/uid").asText()).isEqualTo("15f64a2f-b41a-4a5c-93ce-111e3ac8bf56");
        assertThat(enrolled.at("/entity/type").asText()).isEqualTo("Device");
        assertThat(enrolled.at("/device/os/name").asText()).isEqualTo("Windows");
        assertThat(enrolled.has("status_detail")).isFalse();

        JsonNode failed = json(
                "{\"time\":\"2026-03-01T08:00:00Z\",\"category\":\"OperationalLogs\",\"operationName\":\"Enrollment\","
                        + "\"resultType\":\"Fail\",\"properties\":{\"IntuneDeviceId\":\"00000000-0000-0000-0000-000000000000\","
                        + "\"IntuneUserId\":\"42c1a51d-75cd-4212-ba95-85c21a432109\",\"Os\":\"iOS\",\"OsVersion\":\"17.4\","
                        + "\"EnrollmentType\":\"AppleUserEnrollment\",\"FailureReason\":\"DeviceNotSupported\","
                        + "\"FailureCategory\":\"DeviceNotSupported\"}}");
        assertThat(failed.get("class_uid").asInt()).isEqualTo(3004);
        assertThat(failed.get("status_id").asInt()).isEqualTo(2);
        assertThat(failed.get("status_detail").asText()).isEqualTo("DeviceNotSupported");
    }

    @Test
    void entraIdAuditRecordsOfTheSameCategoryStayEntraIds() throws Exception {
        JsonNode entra = json(
                "{\"time\":\"2026-03-01T09:00:00.0000000Z\",\"resourceId\":\"/tenants/00000000-0000-0000-0000-000000000001/providers/Microsoft.aadiam\","
                        + "\"operationName\":\"Add member to group\",\"operationVersion\":\"1.0\",\"category\":\"AuditLogs\","
                        + "\"tenantId\":\"00000000-0000-0000-0000-000000000001\",\"resultSignature\":\"None\",\"durationMs\":0,"
                        + "\"callerIpAddress\":\"<null>\",\"correlationId\":\"c1\",\"Level\":4,\"properties\":{\"id\":\"Directory_1\","
                        + "\"category\":\"GroupManagement\",\"correlationId\":\"c1\",\"result\":\"success\",\"resultReason\":\"\","
                        + "\"activityDisplayName\":\"Add member to group\",\"activityDateTime\":\"2026-03-01T09:00:00Z\","
                        + "\"loggedByService\":\"Core Directory\",\"operationType\":\"Assign\",\"initiatedBy\":{\"user\":{"
                        + "\"id\":\"u1\",\"userPrincipalName\":\"admin@contoso.com\"}},\"targetResources\":[{\"id\":\"u2\","
                        + "\"type\":\"User\",\"userPrincipalName\":\"bob@contoso.com\"}]}}");
        assertThat(entra.at("/metadata/product/name").asText()).isNotEqualTo("Intune");
        // an operational record without Intune's device is not Intune's
        JsonNode other = json("{\"time\":\"2026-03-01T09:00:00Z\",\"category\":\"OperationalLogs\","
                + "\"operationName\":\"Backup\",\"properties\":{\"JobId\":\"1\"}}");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Intune");
    }

    @Test
    void deviceComplianceRecordsAreDeviceInventoryWithWhetherTheDeviceComplies() throws Exception {
        // a row of the IntuneDeviceComplianceOrg table, its columns as the Azure Monitor reference lists them
        String row = "{\"Type\":\"IntuneDeviceComplianceOrg\",\"TenantId\":\"7c0d2b1e-aaaa-bbbb-cccc-0123456789ab\","
                + "\"TimeGenerated\":\"2026-03-01T08:00:00Z\",\"SourceSystem\":\"Azure\",\"Result\":\"Success\","
                + "\"DeviceName\":\"LT-RHEA-01\",\"DeviceId\":\"5b8d9e2a-0000-4000-8000-0000000000c1\",\"ComplianceState\":\"%s\","
                + "\"OS\":\"Windows\",\"OSVersion\":\"10.0.22631.3155\",\"OwnerType\":\"Corporate\","
                + "\"UPN\":\"rhea@corp.example\",\"UserEmail\":\"rhea@corp.example\",\"UserId\":\"0f1e2d3c-0000-4000-8000-0000000000a1\","
                + "\"SerialNumber\":\"PF3ABCDE\",\"DeviceType\":\"Windows\",\"InGracePeriodUntil\":\"\",\"DeviceHealthThreatLevel\":\"Secured\"}";
        JsonNode failing = json(row.formatted("Not Compliant"));
        assertProduct(failing, "Intune");
        assertThat(failing.get("class_uid").asInt()).isEqualTo(5001);
        assertThat(failing.get("activity_id").asInt()).isEqualTo(1);
        assertThat(failing.at("/device/is_compliant").asBoolean(true)).isFalse();
        assertThat(failing.at("/device/name").asText()).isEqualTo("LT-RHEA-01");
        assertThat(failing.at("/device/uid").asText()).isEqualTo("5b8d9e2a-0000-4000-8000-0000000000c1");
        assertThat(failing.at("/device/os/name").asText()).isEqualTo("Windows");
        assertThat(failing.at("/device/os/version").asText()).isEqualTo("10.0.22631.3155");
        assertThat(failing.at("/device/owner/email_addr").asText()).isEqualTo("rhea@corp.example");
        assertThat(failing.get("status_detail").asText()).isEqualTo("Not Compliant");
        assertThat(failing.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:00:00Z"));
        assertThat(json(row.formatted("Compliant")).at("/device/is_compliant").asBoolean(false))
                .isTrue();
        assertThat(json(row.formatted("Noncompliant"))
                        .at("/device/is_compliant")
                        .asBoolean(true))
                .isFalse();
        // a state that says nothing of compliance leaves it unset
        assertThat(json(row.formatted("Not evaluated"))
                        .at("/device/is_compliant")
                        .isMissingNode())
                .isTrue();

        // another table with a ComplianceState is not Intune's
        JsonNode other =
                json("{\"Type\":\"DeviceInventory_CL\",\"ComplianceState\":\"Compliant\",\"DeviceName\":\"x\"}");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Intune");
    }
}

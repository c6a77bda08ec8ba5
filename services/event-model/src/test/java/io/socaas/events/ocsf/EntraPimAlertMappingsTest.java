package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Privileged Identity Management's security alert incidents for Microsoft Entra roles, as Microsoft
 * Graph returns them (beta, identityGovernance/roleManagementAlerts/alerts/{id}/alertIncidents). The
 * too-many-global-administrators incident is the example of Microsoft Graph's "Manage security alerts
 * for Microsoft Entra roles using PIM APIs" article; the others follow the incident types' documented
 * properties (assignee, role, assignment and sign-in times).
 */
class EntraPimAlertMappingsTest {

    private static final String TOO_MANY_GLOBAL_ADMINS = """
            {"@odata.type": "#microsoft.graph.tooManyGlobalAdminsAssignedToTenantAlertIncident",
             "id": "6dd82b18-d45f-4346-bf87-e9700db41849", "assigneeId": "6dd82b18-d45f-4346-bf87-e9700db41849",
             "assigneeDisplayName": "Nestor Wilke", "assigneeUserPrincipalName": "NestorW@Contoso.com"}""";

    private static final String ASSIGNED_OUTSIDE_PIM = """
            {"@odata.type": "#microsoft.graph.rolesAssignedOutsidePrivilegedIdentityManagementAlertIncident",
             "id": "9f1c6a62-7a0e-4c43-9d2b-3f0a5e6c1d20", "assigneeId": "31336492-bf1b-48bb-a072-e554e4f992fc",
             "assigneeDisplayName": "Megan Bowen", "assigneeUserPrincipalName": "MeganB@Contoso.com",
             "assignmentCreatedDateTime": "2026-03-01T08:51:02.913Z", "roleDefinitionId": "62e90394-69f5-4237-9190-012177145e10",
             "roleDisplayName": "Global Administrator", "roleTemplateId": "62e90394-69f5-4237-9190-012177145e10"}""";

    private static final String STALE_SIGN_IN = """
            {"@odata.type": "#microsoft.graph.staleSignInAlertIncident", "id": "0c4d2e1f-5a6b-4c7d-8e9f-a0b1c2d3e4f5",
             "assigneeId": "a1b2c3d4-0000-4000-8000-00000000b0c5", "assigneeDisplayName": "Backup Service",
             "assigneeUserPrincipalName": "svc-backup@Contoso.com", "assignmentCreatedDateTime": "2025-01-10T08:00:00Z",
             "roleDefinitionId": "194ae4cb-b126-40b2-bd5b-6091b380977d", "roleDisplayName": "Security Administrator",
             "roleTemplateId": "194ae4cb-b126-40b2-bd5b-6091b380977d", "lastSignInDateTime": "2025-06-01T08:00:00Z"}""";

    @Test
    void alertIncidentsAreDetectionFindingsTitledAndRatedAsPimDoes() throws Exception {
        JsonNode admins = json(TOO_MANY_GLOBAL_ADMINS);
        assertProduct(admins, "Microsoft Entra ID");
        assertThat(admins.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(admins.get("is_alert").asBoolean()).isTrue();
        assertThat(admins.at("/finding_info/title").asText()).isEqualTo("There are too many global administrators");
        assertThat(admins.at("/finding_info/types/0").asText())
                .isEqualTo("tooManyGlobalAdminsAssignedToTenantAlertIncident");
        assertThat(admins.get("severity_id").asInt()).isEqualTo(2);
        assertThat(admins.at("/evidences/0/user/name").asText()).isEqualTo("NestorW@Contoso.com");
        assertThat(admins.at("/metadata/log_name").asText()).isEqualTo("roleManagementAlerts");
        // detection reads the incident's type
        assertThat(admins.at("/unmapped/pimAlertIncident").asText())
                .isEqualTo("tooManyGlobalAdminsAssignedToTenantAlertIncident");

        JsonNode stale = json(STALE_SIGN_IN);
        assertThat(stale.get("severity_id").asInt()).isEqualTo(3);
        assertThat(stale.at("/finding_info/title").asText()).isEqualTo("Potential stale accounts in a privileged role");
        assertThat(stale.at("/resources/0/name").asText()).isEqualTo("Security Administrator");
    }

    @Test
    void rolesAssignedOutsidePimAreHighWithTheRole() throws Exception {
        JsonNode outside = json(ASSIGNED_OUTSIDE_PIM);
        assertThat(outside.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(outside.get("severity_id").asInt()).isEqualTo(4);
        assertThat(outside.at("/finding_info/title").asText())
                .isEqualTo("Roles are being assigned outside of Privileged Identity Management");
        assertThat(outside.at("/resources/0/name").asText()).isEqualTo("Global Administrator");
        assertThat(outside.at("/evidences/0/user/name").asText()).isEqualTo("MeganB@Contoso.com");
        assertThat(outside.at("/unmapped/pimOutsidePimAlert").asText())
                .isEqualTo("rolesAssignedOutsidePrivilegedIdentityManagementAlert");
    }

    @Test
    void alertsAndTheirConfigurationsAreNoIncidents() throws Exception {
        // the alert itself (its incidents counted) and an alert's configuration are not claimed
        JsonNode alert = json("""
                {"id": "DirectoryRole_3b0e753b-22fa-4c16-9bf2-470b80be80d6_TooManyGlobalAdminsAssignedToTenantAlert",
                 "alertDefinitionId": "DirectoryRole_3b0e753b-22fa-4c16-9bf2-470b80be80d6_TooManyGlobalAdminsAssignedToTenantAlert",
                 "scopeId": "/", "scopeType": "DirectoryRole", "incidentCount": 7, "isActive": true,
                 "lastModifiedDateTime": "2023-09-20T17:06:01.363Z", "lastScannedDateTime": "2023-09-20T17:06:01.363Z"}""");
        assertThat(alert.get("class_uid").asInt()).isNotEqualTo(2004);
        JsonNode configuration = json("""
                {"@odata.type": "#microsoft.graph.tooManyGlobalAdminsAssignedToTenantAlertConfiguration",
                 "id": "DirectoryRole_3b0e753b-22fa-4c16-9bf2-470b80be80d6_TooManyGlobalAdminsAssignedToTenantAlert",
                 "scopeType": "DirectoryRole", "scopeId": "/", "isEnabled": true, "globalAdminCountThreshold": 3}""");
        assertThat(configuration.get("class_uid").asInt()).isNotEqualTo(2004);
    }
}

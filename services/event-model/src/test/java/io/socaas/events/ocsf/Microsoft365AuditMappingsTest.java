package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * What an analyst gets from Microsoft 365 unified audit log records (Office 365 Management Activity
 * API) beyond their class: the outcome every workload writes in ResultStatus, the object an
 * operation acted on, the mailbox sign-ins of Exchange, the role, group and application of a
 * directory change. Records written in the API's documented shapes with this test's own values.
 */
class Microsoft365AuditMappingsTest {

    private static final String M365 = "Microsoft 365";

    /** An Exchange admin cmdlet as the audit log records it (RecordType 1). */
    private static final String CMDLET = """
            {"CreationTime": "2025-11-04T09:20:11", "Id": "6e1d0c2b-1111-4a2b-9c3d-00000000a001", "Operation": "%s",
             "OrganizationId": "d1e2f3a4", "RecordType": 1, "ResultStatus": "%s", "UserKey": "10037FFE8A1B2C3D",
             "UserType": 2, "Version": 1, "Workload": "Exchange", "ClientIP": "198.51.100.23:51544",
             "ObjectId": "%s", "UserId": "helpdesk@fabrikam.example", "AppId": "", "ExternalAccess": false,
             "OrganizationName": "fabrikam.onmicrosoft.com", "OriginatingServer": "VI1PR08MB0001 (15.20.8158.20)",
             "Parameters": %s}""";

    /** An Entra ID directory change as the audit log records it (RecordType 8). */
    private static final String DIRECTORY = """
            {"CreationTime": "2025-11-04T10:02:45", "Id": "6e1d0c2b-1111-4a2b-9c3d-00000000b001", "Operation": "%s",
             "OrganizationId": "d1e2f3a4", "RecordType": 8, "ResultStatus": "%s", "UserKey": "10037FFE8A1B2C3D@fabrikam.example",
             "UserType": 0, "Version": 1, "Workload": "AzureActiveDirectory", "ClientIP": "192.0.2.140",
             "ObjectId": "%s", "UserId": "itadmin@fabrikam.example", "AzureActiveDirectoryEventType": 1,
             "Actor": [{"ID": "itadmin@fabrikam.example", "Type": 5}],
             "ModifiedProperties": %s,
             "Target": %s}""";

    @Test
    void everyWorkloadsResultStatusIsTheOutcome() throws Exception {
        JsonNode failedCmdlet = json(CMDLET.formatted("Set-Mailbox", "False", "kim.lee", """
                [{"Name": "Identity", "Value": "kim.lee"}, {"Name": "ForwardingSmtpAddress", "Value": "smtp:kim@mailbox.example"}]"""));
        assertProduct(failedCmdlet, M365);
        assertThat(failedCmdlet.get("class_uid").asInt()).isEqualTo(6003);
        assertStatus(failedCmdlet, 2);
        assertThat(failedCmdlet.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.23");

        JsonNode done = json(CMDLET.formatted("Set-Mailbox", "True", "kim.lee", "[]"));
        assertStatus(done, 1);

        JsonNode failedDirectoryChange = json(DIRECTORY.formatted(
                "Add user.",
                "Failure",
                "new.hire@fabrikam.example",
                "[]",
                "[{\"ID\": \"new.hire@fabrikam.example\", \"Type\": 5}]"));
        assertThat(failedDirectoryChange.get("class_uid").asInt()).isEqualTo(3001);
        assertStatus(failedDirectoryChange, 2);

        JsonNode partly = json(CMDLET.formatted("Remove-DistributionGroup", "PartiallySucceeded", "Sales DL", "[]"));
        assertThat(partly.get("status_id").asInt()).isEqualTo(99);

        // SharePoint writes no ResultStatus: no outcome is made up
        JsonNode viewed = json("""
                {"CreationTime": "2025-11-04T10:30:00", "Id": "6e1d0c2b-1111-4a2b-9c3d-00000000c001", "Operation": "PageViewed",
                 "OrganizationId": "d1e2f3a4", "RecordType": 4, "UserKey": "i:0h.f|membership|10037ffe8a1b2c3d@live.com",
                 "UserType": 0, "Version": 1, "Workload": "SharePoint", "ClientIP": "192.0.2.140",
                 "ObjectId": "https://fabrikam.sharepoint.example/sites/hr/SitePages/Home.aspx", "UserId": "kim.lee@fabrikam.example"}""");
        assertThat(viewed.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(viewed.path("status_id").asInt())
                .as("no status of %s", viewed)
                .isZero();
    }

    @Test
    void operationsNameTheObjectTheyActedOn() throws Exception {
        JsonNode cmdlet = json(CMDLET.formatted(
                "Set-OwaMailboxPolicy", "True", "fabrikam.onmicrosoft.com\\\\OwaMailboxPolicy-Default", """
                [{"Name": "Identity", "Value": "OwaMailboxPolicy-Default"}, {"Name": "AdditionalStorageProvidersAvailable", "Value": "False"}]"""));
        assertThat(cmdlet.at("/activity_id").asInt()).isEqualTo(3);
        assertThat(cmdlet.at("/resources/0/uid").asText())
                .isEqualTo("fabrikam.onmicrosoft.com\\OwaMailboxPolicy-Default");
        assertThat(cmdlet.at("/resources/0/name").asText()).isEqualTo("OwaMailboxPolicy-Default");

        // Exchange's mailbox audit: the mail deleted, the folder read
        JsonNode purged = json("""
                {"CreationTime": "2025-11-04T11:00:05", "Id": "6e1d0c2b-1111-4a2b-9c3d-00000000d001", "Operation": "HardDelete",
                 "OrganizationId": "d1e2f3a4", "RecordType": 3, "ResultStatus": "Succeeded", "UserKey": "10037FFE8A1B2C3D",
                 "UserType": 0, "Version": 1, "Workload": "Exchange", "ClientIP": "203.0.113.88", "UserId": "kim.lee@fabrikam.example",
                 "ClientIPAddress": "203.0.113.88", "ClientInfoString": "Client=OWA;Action=ViaProxy", "LogonType": 0,
                 "MailboxOwnerUPN": "kim.lee@fabrikam.example", "CrossMailboxOperation": false,
                 "Folder": {"Id": "LgAAAAB1", "Path": "\\\\Deleted Items"},
                 "AffectedItems": [{"Id": "RgAAAAB2", "InternetMessageId": "<k1@fabrikam.example>", "Subject": "Your sign-in from a new device",
                                    "ParentFolder": {"Id": "LgAAAAB1", "Path": "\\\\Deleted Items"}}]}""");
        assertThat(purged.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(purged.get("activity_id").asInt()).isEqualTo(4);
        assertThat(purged.at("/resources/0/name").asText()).isEqualTo("Your sign-in from a new device");
        assertStatus(purged, 1);
    }

    @Test
    void exchangeMailboxSignInsAreAuthentication() throws Exception {
        String login = """
                {"CreationTime": "2025-11-04T07:45:10", "Id": "6e1d0c2b-1111-4a2b-9c3d-00000000e001", "Operation": "MailboxLogin",
                 "OrganizationId": "d1e2f3a4", "RecordType": 2, "ResultStatus": "%s", "UserKey": "10037FFE8A1B2C3D",
                 "UserType": 0, "Version": 1, "Workload": "%s", "ClientIP": "203.0.113.88", "UserId": "kim.lee@fabrikam.example",
                 "ClientIPAddress": "203.0.113.88", "ClientInfoString": "Client=Microsoft.Exchange.Imap4", "ExternalAccess": false,
                 "InternalLogonType": 0, "LogonType": 0, "LogonUserSid": "S-1-5-21-1004336348-1177238915-682003330-51234",
                 "MailboxGuid": "0b7c2c1e-5a4f-4e8b-9d5e-3f1a2b3c4d5e", "MailboxOwnerSid": "S-1-5-21-1004336348-1177238915-682003330-51234",
                 "MailboxOwnerUPN": "kim.lee@fabrikam.example"}""";
        JsonNode ok = json(login.formatted("Succeeded", "Exchange"));
        assertProduct(ok, M365);
        assertLogon(ok, 1, "kim.lee@fabrikam.example", "203.0.113.88");
        assertThat(ok.at("/user/uid").asText()).isEqualTo("S-1-5-21-1004336348-1177238915-682003330-51234");
        assertThat(ok.at("/service/name").asText()).isEqualTo("Exchange");
        assertThat(ok.get("time").asLong()).isEqualTo(epochMillis("2025-11-04T07:45:10Z"));

        assertLogon(json(login.formatted("Failed", "Exchange")), 2, "kim.lee@fabrikam.example", "203.0.113.88");

        // the same operation name from another workload is not taken for a mailbox sign-in
        JsonNode elsewhere = json(login.formatted("Succeeded", "AzureActiveDirectory"));
        assertThat(elsewhere.get("class_uid").asInt()).isEqualTo(6003);
    }

    @Test
    void signInsCarryTheClientsUserAgentFromTheExtendedProperties() throws Exception {
        JsonNode r = json("""
                {"CreationTime": "2025-11-04T07:40:02", "Id": "6e1d0c2b-1111-4a2b-9c3d-00000000f001", "Operation": "UserLoggedIn",
                 "OrganizationId": "d1e2f3a4", "RecordType": 15, "ResultStatus": "Success", "UserKey": "10037FFE8A1B2C3D@fabrikam.example",
                 "UserType": 0, "Version": 1, "Workload": "AzureActiveDirectory", "ClientIP": "203.0.113.88",
                 "ObjectId": "00000003-0000-0ff1-ce00-000000000000", "UserId": "kim.lee@fabrikam.example",
                 "AzureActiveDirectoryEventType": 1,
                 "ExtendedProperties": [{"Name": "ResultStatusDetail", "Value": "Redirect"},
                                        {"Name": "UserAgent", "Value": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"},
                                        {"Name": "RequestType", "Value": "OAuth2:Authorize"}],
                 "ApplicationId": "89bee1f7-5e6e-4d8a-9f3d-ecd601259da7"}""");
        assertLogon(r, 1, "kim.lee@fabrikam.example", "203.0.113.88");
        assertThat(r.at("/http_request/user_agent").asText())
                .isEqualTo("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
    }

    @Test
    void directoryRoleAndGroupChangesNameTheRoleAndTheGroup() throws Exception {
        JsonNode added =
                json(DIRECTORY.formatted("Add member to role.", "Success", "ops.lead@fabrikam.example", """
                [{"Name": "Role.ObjectID", "NewValue": "5b1f4c8e-0000-4000-8000-00000000aa01", "OldValue": ""},
                 {"Name": "Role.DisplayName", "NewValue": "Privileged Role Administrator", "OldValue": ""},
                 {"Name": "Role.TemplateId", "NewValue": "e8611ab8-c189-46e8-94e1-60213ab1f814", "OldValue": ""},
                 {"Name": "Role.WellKnownObjectName", "NewValue": "PrivilegedRoleAdmin", "OldValue": ""}]""", """
                [{"ID": "User_7a6b5c4d-0000-4000-8000-000000000001", "Type": 2}, {"ID": "ops.lead@fabrikam.example", "Type": 5}]"""));
        assertThat(added.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(added.get("activity_id").asInt()).isEqualTo(1);
        assertThat(added.at("/user/name").asText()).isEqualTo("ops.lead@fabrikam.example");
        assertThat(added.at("/resource/name").asText()).isEqualTo("Privileged Role Administrator");
        assertThat(added.at("/resource/uid").asText())
                .as("the role's template, the same in every tenant")
                .isEqualTo("e8611ab8-c189-46e8-94e1-60213ab1f814");
        assertThat(added.at("/resource/type").asText()).isEqualTo("Role");
        assertThat(added.at("/actor/user/name").asText()).isEqualTo("itadmin@fabrikam.example");
        assertStatus(added, 1);

        // removed: the role is the value the member had before
        JsonNode removed = json(
                DIRECTORY.formatted("Remove member from role.", "Success", "ops.lead@fabrikam.example", """
                [{"Name": "Role.DisplayName", "NewValue": "", "OldValue": "Exchange Administrator"},
                 {"Name": "Role.TemplateId", "NewValue": "", "OldValue": "29232cdf-9323-42fd-ade2-1d097af3e4de"}]""", "[]"));
        assertThat(removed.get("activity_id").asInt()).isEqualTo(2);
        assertThat(removed.at("/resource/name").asText()).isEqualTo("Exchange Administrator");

        JsonNode member =
                json(DIRECTORY.formatted("Add member to group.", "Success", "ops.lead@fabrikam.example", """
                [{"Name": "Group.ObjectID", "NewValue": "3c2b1a09-0000-4000-8000-00000000bb02", "OldValue": ""},
                 {"Name": "Group.DisplayName", "NewValue": "VPN Users", "OldValue": ""}]""", "[]"));
        assertThat(member.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(member.at("/group/name").asText()).isEqualTo("VPN Users");
        assertThat(member.at("/group/uid").asText()).isEqualTo("3c2b1a09-0000-4000-8000-00000000bb02");
        assertThat(member.at("/user/name").asText()).isEqualTo("ops.lead@fabrikam.example");

        JsonNode left = json(
                DIRECTORY.formatted("Remove member from group.", "Success", "ops.lead@fabrikam.example", """
                [{"Name": "Group.DisplayName", "NewValue": "", "OldValue": "VPN Users"}]""", "[]"));
        assertThat(left.get("activity_id").asInt()).isEqualTo(4);
        assertThat(left.at("/group/name").asText()).isEqualTo("VPN Users");

        // wrapped by Wazuh's Office 365 module: the same role
        JsonNode wrapped = json("{\"integration\": \"office365\", \"office365\": "
                + DIRECTORY.formatted("Add member to role.", "Success", "ops.lead@fabrikam.example", """
                [{"Name": "Role.DisplayName", "NewValue": "Security Reader", "OldValue": ""}]""", "[]") + "}");
        assertThat(wrapped.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(wrapped.at("/resource/name").asText()).isEqualTo("Security Reader");

        // a membership change that names no role leaves the role out rather than guessing it
        JsonNode bare =
                json(DIRECTORY.formatted("Add member to role.", "Success", "ops.lead@fabrikam.example", "[]", "[]"));
        assertThat(bare.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(bare.at("/resource/name").isMissingNode()).isTrue();
    }

    @Test
    void consentNamesTheApplicationAndTheScopesGranted() throws Exception {
        JsonNode consent = json(DIRECTORY.formatted(
                "Consent to application.", "Success", "9d8c7b6a-0000-4000-8000-00000000cc03", """
                [{"Name": "ConsentContext.IsAdminConsent", "NewValue": "False", "OldValue": ""},
                 {"Name": "ConsentContext.OnBehalfOfAll", "NewValue": "False", "OldValue": ""},
                 {"Name": "ConsentAction.Permissions", "NewValue": "[] => [[Id: q8Yx2, ClientId: 9d8c7b6a-0000-4000-8000-00000000cc03, PrincipalId: 7a6b5c4d-0000-4000-8000-000000000001, ResourceId: 1f2e3d4c-0000-4000-8000-00000000dd04, ConsentType: Principal, Scope:  Mail.ReadWrite Files.Read.All offline_access, CreatedDateTime: , LastModifiedDateTime: ]]; ", "OldValue": ""}]""", """
                [{"ID": "ServicePrincipal_9d8c7b6a-0000-4000-8000-00000000cc03", "Type": 2},
                 {"ID": "9d8c7b6a-0000-4000-8000-00000000cc03", "Type": 2}, {"ID": "ServicePrincipal", "Type": 2},
                 {"ID": "Invoice Viewer Pro", "Type": 1}]"""));
        assertThat(consent.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(consent.get("activity_id").asInt()).isEqualTo(1);
        assertThat(consent.at("/resource/uid").asText()).isEqualTo("9d8c7b6a-0000-4000-8000-00000000cc03");
        assertThat(consent.at("/resource/name").asText()).isEqualTo("Invoice Viewer Pro");
        assertThat(consent.at("/resource/type").asText()).isEqualTo("Application");
        assertThat(consent.at("/privileges").toString())
                .isEqualTo("[\"Mail.ReadWrite\",\"Files.Read.All\",\"offline_access\"]");
        assertThat(consent.at("/user/name").asText()).isEqualTo("itadmin@fabrikam.example");
        assertStatus(consent, 1);

        // a scope that only the grant before the change held is not taken for one granted now
        JsonNode narrowed = json(DIRECTORY.formatted(
                "Consent to application.", "Success", "9d8c7b6a-0000-4000-8000-00000000cc03", """
                [{"Name": "ConsentAction.Permissions", "NewValue": "[[Id: q8Yx2, ConsentType: Principal, Scope:  Mail.ReadWrite]] => [[Id: q8Yx2, ConsentType: Principal, Scope:  User.Read]]; ", "OldValue": ""}]""", "[]"));
        assertThat(narrowed.at("/privileges").toString()).isEqualTo("[\"User.Read\"]");

        // no permissions written: still the grant, without privileges
        JsonNode bare = json(DIRECTORY.formatted(
                "Consent to application.", "Success", "9d8c7b6a-0000-4000-8000-00000000cc03", "[]", "[]"));
        assertThat(bare.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(bare.has("privileges")).isFalse();
    }
}

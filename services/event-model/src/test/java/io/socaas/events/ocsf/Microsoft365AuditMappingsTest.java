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

        // a directory change to an application: the application by the name its target list gives (type 1)
        JsonNode credential =
                json(DIRECTORY.formatted("Add service principal credentials.", "Success", "Not Available", "[]", """
                [{"ID": "ServicePrincipal_5e6f7a8b-0000-4000-8000-000000000004", "Type": 2},
                 {"ID": "5e6f7a8b-0000-4000-8000-000000000004", "Type": 2}, {"ID": "ServicePrincipal", "Type": 2},
                 {"ID": "Payroll Export Connector", "Type": 1}]"""));
        assertThat(credential.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(credential.at("/resources/0/name").asText()).isEqualTo("Payroll Export Connector");
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

    @Test
    void mailboxDelegationIsUserAccessManagementOfTheMailbox() throws Exception {
        JsonNode fullAccess = json(CMDLET.formatted("Add-MailboxPermission", "True", "ceo", """
                [{"Name": "Identity", "Value": "ceo"}, {"Name": "User", "Value": "temp.contractor"},
                 {"Name": "AccessRights", "Value": "FullAccess"}, {"Name": "InheritanceType", "Value": "All"}]"""));
        assertProduct(fullAccess, M365);
        assertThat(fullAccess.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(fullAccess.get("activity_id").asInt()).isEqualTo(1);
        assertThat(fullAccess.at("/user/name").asText()).as("the delegate").isEqualTo("temp.contractor");
        assertThat(fullAccess.at("/resource/name").asText()).as("the mailbox").isEqualTo("ceo");
        assertThat(fullAccess.at("/resource/type").asText()).isEqualTo("Mailbox");
        assertThat(fullAccess.at("/privileges").toString()).isEqualTo("[\"FullAccess\"]");
        assertThat(fullAccess.at("/actor/user/name").asText()).isEqualTo("helpdesk@fabrikam.example");
        assertStatus(fullAccess, 1);

        JsonNode sendAs = json(CMDLET.formatted("Add-RecipientPermission", "True", "finance", """
                [{"Name": "Identity", "Value": "finance"}, {"Name": "Trustee", "Value": "temp.contractor"},
                 {"Name": "AccessRights", "Value": "SendAs"}]"""));
        assertThat(sendAs.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(sendAs.at("/user/name").asText()).isEqualTo("temp.contractor");
        assertThat(sendAs.at("/privileges").toString()).isEqualTo("[\"SendAs\"]");

        JsonNode revoked = json(CMDLET.formatted("Remove-MailboxPermission", "True", "ceo", """
                [{"Name": "Identity", "Value": "ceo"}, {"Name": "User", "Value": "temp.contractor"},
                 {"Name": "AccessRights", "Value": "FullAccess"}]"""));
        assertThat(revoked.get("activity_id").asInt()).isEqualTo(2);

        JsonNode impersonation = json(
                CMDLET.formatted("New-ManagementRoleAssignment", "True", "ApplicationImpersonation-svc-archive", """
                [{"Name": "Role", "Value": "ApplicationImpersonation"}, {"Name": "User", "Value": "svc-archive"}]"""));
        assertThat(impersonation.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(impersonation.at("/user/name").asText()).isEqualTo("svc-archive");
        assertThat(impersonation.at("/resource/name").asText()).isEqualTo("ApplicationImpersonation");

        JsonNode roleGroup = json(CMDLET.formatted("Add-RoleGroupMember", "True", "Organization Management", """
                [{"Name": "Identity", "Value": "Organization Management"}, {"Name": "Member", "Value": "temp.contractor"}]"""));
        assertThat(roleGroup.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(roleGroup.get("activity_id").asInt()).isEqualTo(3);
        assertThat(roleGroup.at("/group/name").asText()).isEqualTo("Organization Management");
        assertThat(roleGroup.at("/user/name").asText()).isEqualTo("temp.contractor");

        // a folder shared from the mailbox, as the mailbox audit records it
        JsonNode folder = json("""
                {"CreationTime": "2025-11-04T12:10:00", "Id": "6e1d0c2b-1111-4a2b-9c3d-00000000a101", "Operation": "AddFolderPermissions",
                 "OrganizationId": "d1e2f3a4", "RecordType": 2, "ResultStatus": "Succeeded", "UserKey": "10037FFE8A1B2C3D",
                 "UserType": 0, "Version": 1, "Workload": "Exchange", "ClientIP": "203.0.113.88", "UserId": "kim.lee@fabrikam.example",
                 "ClientIPAddress": "203.0.113.88", "LogonType": 0, "MailboxOwnerUPN": "kim.lee@fabrikam.example",
                 "Item": {"Id": "LgAAAAC9", "ParentFolder": {"Id": "LgAAAAC9", "Path": "\\\\Inbox", "Name": "Inbox",
                          "MemberRights": "ReadAny, Visible", "MemberSid": "S-1-5-21-1004336348-1177238915-682003330-61001",
                          "MemberUpn": "temp.contractor@fabrikam.example"}}}""");
        assertThat(folder.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(folder.at("/user/name").asText()).isEqualTo("temp.contractor@fabrikam.example");
        assertThat(folder.at("/resource/name").asText()).isEqualTo("\\Inbox");
        assertThat(folder.at("/resource/type").asText()).isEqualTo("Mailbox folder");

        // the same cmdlet name outside Exchange's workload is not read as a delegation
        JsonNode elsewhere = json(CMDLET.formatted("Add-MailboxPermission", "True", "ceo", "[]")
                .replace("\"Workload\": \"Exchange\"", "\"Workload\": \"Generic\""));
        assertThat(elsewhere.get("class_uid").asInt()).isEqualTo(6003);
    }

    @Test
    void inboxRulesAndForwardingNameTheRuleAndTheMailbox() throws Exception {
        JsonNode created = json(CMDLET.formatted("New-InboxRule", "True", "kim.lee\\\\.", """
                [{"Name": "Name", "Value": "."}, {"Name": "SubjectContainsWords", "Value": "invoice;payment"},
                 {"Name": "MoveToFolder", "Value": "RSS Feeds"}, {"Name": "MarkAsRead", "Value": "True"},
                 {"Name": "StopProcessingRules", "Value": "True"}]"""));
        assertThat(created.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(created.get("activity_id").asInt()).isEqualTo(1);
        assertThat(created.at("/resources/0/name").asText()).isEqualTo(".");
        assertThat(created.at("/resources/0/type").asText()).isEqualTo("Inbox rule");
        assertThat(created.at("/api/operation").asText()).isEqualTo("New-InboxRule");
        // the rule's parameters stay where detection reads them
        assertThat(created.at("/unmapped/Parameters").toString()).contains("RSS Feeds");

        JsonNode changed = json(CMDLET.formatted("Set-InboxRule", "True", "kim.lee\\\\Archive", """
                [{"Name": "Identity", "Value": "kim.lee\\\\Archive"}, {"Name": "ForwardTo", "Value": "kim.home@mailbox.example"}]"""));
        assertThat(changed.get("activity_id").asInt()).isEqualTo(3);
        assertThat(changed.at("/resources/0/name").asText()).isEqualTo("kim.lee\\Archive");

        JsonNode removed = json(CMDLET.formatted("Remove-InboxRule", "False", "kim.lee\\\\Archive", """
                [{"Name": "Identity", "Value": "kim.lee\\\\Archive"}]"""));
        assertThat(removed.get("activity_id").asInt()).isEqualTo(4);
        assertStatus(removed, 2);

        // a rule made in Outlook: the mailbox audit's UpdateInboxRules, the change from RuleOperation
        String client = """
                {"CreationTime": "2025-11-04T12:20:00", "Id": "6e1d0c2b-1111-4a2b-9c3d-00000000a201", "Operation": "UpdateInboxRules",
                 "OrganizationId": "d1e2f3a4", "RecordType": 2, "ResultStatus": "Succeeded", "UserKey": "10037FFE8A1B2C3D",
                 "UserType": 0, "Version": 1, "Workload": "Exchange", "ClientIP": "203.0.113.88", "UserId": "kim.lee@fabrikam.example",
                 "ClientIPAddress": "203.0.113.88", "ClientInfoString": "Client=MSExchangeRPC", "LogonType": 0,
                 "MailboxOwnerUPN": "kim.lee@fabrikam.example", "ObjectId": "kim.lee",
                 "OperationProperties": [{"Name": "RuleName", "Value": "Clean up"}, {"Name": "RuleId", "Value": "4120051752"},
                                         {"Name": "RuleActions", "Value": "[{\\"ActionType\\":\\"DeleteMessage\\"}]"},
                                         {"Name": "RuleOperation", "Value": "%s"}]}""";
        JsonNode added = json(client.formatted("AddMailboxRule"));
        assertThat(added.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(added.get("activity_id").asInt()).isEqualTo(1);
        assertThat(added.at("/resources/0/name").asText()).isEqualTo("Clean up");
        assertThat(added.at("/resources/0/uid").asText()).isEqualTo("4120051752");
        assertThat(json(client.formatted("ModifyMailboxRule"))
                        .get("activity_id")
                        .asInt())
                .isEqualTo(3);
        assertThat(json(client.formatted("RemoveMailboxRule"))
                        .get("activity_id")
                        .asInt())
                .isEqualTo(4);

        JsonNode forwarding = json(CMDLET.formatted("Set-Mailbox", "True", "kim.lee", """
                [{"Name": "Identity", "Value": "kim.lee"}, {"Name": "ForwardingSmtpAddress", "Value": "smtp:kim.home@mailbox.example"},
                 {"Name": "DeliverToMailboxAndForward", "Value": "False"}]"""));
        assertThat(forwarding.get("activity_id").asInt()).isEqualTo(3);
        assertThat(forwarding.at("/resources/0/name").asText()).isEqualTo("kim.lee");
        assertThat(forwarding.at("/resources/0/type").asText()).isEqualTo("Mailbox");

        JsonNode transport = json(CMDLET.formatted("New-TransportRule", "True", "Copy board mail", """
                [{"Name": "Name", "Value": "Copy board mail"}, {"Name": "BlindCopyTo", "Value": "archive@mailbox.example"}]"""));
        assertThat(transport.get("activity_id").asInt()).isEqualTo(1);
        assertThat(transport.at("/resources/0/name").asText()).isEqualTo("Copy board mail");
        assertThat(transport.at("/resources/0/type").asText()).isEqualTo("Transport rule");

        // reading the rules is no rule change: a read of its own
        JsonNode listed = json(CMDLET.formatted(
                "Get-InboxRule", "True", "kim.lee", "[{\"Name\": \"Mailbox\", \"Value\": \"kim.lee\"}]"));
        assertThat(listed.get("activity_id").asInt()).isEqualTo(2);
        assertThat(listed.at("/resources/0/type").isMissingNode()).isTrue();
    }

    @Test
    void teamsMembershipIsGroupManagementOfTheTeam() throws Exception {
        String teams = """
                {"CreationTime": "2025-11-04T13:00:00", "Id": "6e1d0c2b-1111-4a2b-9c3d-00000000a301", "Operation": "%s",
                 "OrganizationId": "d1e2f3a4", "RecordType": 25, "UserKey": "7a6b5c4d-0000-4000-8000-000000000001",
                 "UserType": 0, "Version": 1, "Workload": "MicrosoftTeams", "ClientIP": "192.0.2.140",
                 "UserId": "kim.lee@fabrikam.example", "CommunicationType": "Team", "AADGroupId": "4e5f6a7b-0000-4000-8000-00000000ee05",
                 "TeamGuid": "19:q3kD0f1@thread.tacv2", "TeamName": "Mergers 2026",
                 "Members": [{"DisplayName": "Partner Counsel", "Role": 3, "UPN": "counsel_lawfirm.example#EXT#@fabrikam.onmicrosoft.com"}]}""";
        JsonNode guest = json(teams.formatted("MemberAdded"));
        assertProduct(guest, M365);
        assertThat(guest.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(guest.get("activity_id").asInt()).isEqualTo(3);
        assertThat(guest.at("/group/name").asText()).isEqualTo("Mergers 2026");
        assertThat(guest.at("/group/uid").asText()).isEqualTo("4e5f6a7b-0000-4000-8000-00000000ee05");
        assertThat(guest.at("/user/name").asText()).isEqualTo("counsel_lawfirm.example#EXT#@fabrikam.onmicrosoft.com");
        assertThat(guest.at("/actor/user/name").asText()).isEqualTo("kim.lee@fabrikam.example");
        assertThat(json(teams.formatted("MemberRemoved")).get("activity_id").asInt())
                .isEqualTo(4);
        assertThat(json(teams.formatted("TeamCreated")).get("activity_id").asInt())
                .isEqualTo(6);
        assertThat(json(teams.formatted("TeamDeleted")).get("activity_id").asInt())
                .isEqualTo(5);

        // other Teams activity stays API Activity
        JsonNode message = json(teams.formatted("MessageSent"));
        assertThat(message.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(message.has("group")).isFalse();
    }

    @Test
    void dataLossPreventionMatchesAreDataSecurityFindings() throws Exception {
        JsonNode file = json("""
                {"CreationTime": "2025-11-04T14:00:00", "Id": "6e1d0c2b-1111-4a2b-9c3d-00000000a401", "IncidentId": "77aa88bb-0000-4000-8000-00000000ff06",
                 "ObjectId": "c0ffee00-0000-4000-8000-000000000007", "Operation": "DLPRuleMatch", "OrganizationId": "d1e2f3a4",
                 "PolicyDetails": [{"PolicyId": "aa11bb22-0000-4000-8000-000000000008", "PolicyName": "Payroll Data",
                   "Rules": [{"ActionParameters": [], "Actions": ["NotifyUser"], "RuleId": "bb22cc33-0000-4000-8000-000000000009",
                              "RuleMode": "Enable", "RuleName": "Bank account numbers, few", "Severity": "Medium",
                              "ConditionsMatched": {"SensitiveInformation": [{"Confidence": 85, "Count": 3, "SensitiveType": "a44669fe"}]}}]}],
                 "RecordType": 11, "SensitiveInfoDetectionIsIncluded": false,
                 "SharePointMetaData": {"FileName": "salaries-2026.xlsx", "FileOwner": "Kim Lee",
                   "FilePathUrl": "https://fabrikam-my.sharepoint.example/personal/kim_lee/Documents/salaries-2026.xlsx",
                   "From": "kim.lee@fabrikam.example", "UniqueID": "c0ffee00-0000-4000-8000-000000000007"},
                 "UserId": "DlpPolicyEventBasedAssistantOneDriveForBusiness", "UserKey": "DlpPolicyEventBasedAssistantOneDriveForBusiness",
                 "UserType": 4, "Version": 1, "Workload": "OneDrive"}""");
        assertProduct(file, M365);
        assertThat(file.get("class_uid").asInt()).isEqualTo(2006);
        assertThat(file.get("activity_id").asInt()).isEqualTo(1);
        assertThat(file.get("is_alert").asBoolean()).isTrue();
        assertThat(file.at("/finding_info/title").asText()).isEqualTo("Bank account numbers, few");
        assertThat(file.at("/finding_info/uid").asText()).isEqualTo("77aa88bb-0000-4000-8000-00000000ff06");
        assertThat(file.at("/data_security/policy/name").asText()).isEqualTo("Payroll Data");
        assertThat(file.at("/file/name").asText()).isEqualTo("salaries-2026.xlsx");
        assertThat(file.at("/actor/user/name").asText())
                .as("the user, not the service that evaluated the policy")
                .isEqualTo("kim.lee@fabrikam.example");
        assertThat(file.get("severity_id").asInt()).isEqualTo(3);
        assertThat(file.get("action_id").asInt()).isEqualTo(1);
        assertThat(file.get("time").asLong()).isEqualTo(epochMillis("2025-11-04T14:00:00Z"));

        JsonNode mail = json("""
                {"CreationTime": "2025-11-04T14:05:00", "Id": "6e1d0c2b-1111-4a2b-9c3d-00000000a402", "IncidentId": "77aa88bb-0000-4000-8000-00000000ff07",
                 "ObjectId": "<CAF3r@fabrikam.example>", "Operation": "DlpRuleMatch", "OrganizationId": "d1e2f3a4",
                 "PolicyDetails": [{"PolicyId": "aa11bb22-0000-4000-8000-000000000008", "PolicyName": "Payroll Data",
                   "Rules": [{"Actions": ["BlockAccess", "GenerateIncidentReport"], "RuleName": "Bank account numbers, many", "Severity": "High"}]}],
                 "RecordType": 13, "SensitiveInfoDetectionIsIncluded": true, "UserId": "kim.lee@fabrikam.example", "UserType": 0,
                 "Version": 1, "Workload": "Exchange",
                 "ExchangeMetaData": {"BCC": [], "CC": [], "From": "kim.lee@fabrikam.example", "MessageID": "<CAF3r@fabrikam.example>",
                   "RecipientCount": 1, "Sent": "2025-11-04T14:04:58", "Subject": "numbers you asked for", "To": ["kim.home@mailbox.example"]}}""");
        assertThat(mail.get("class_uid").asInt()).isEqualTo(2006);
        assertThat(mail.get("severity_id").asInt()).isEqualTo(4);
        assertThat(mail.get("action_id").asInt()).as("blocked").isEqualTo(2);
        assertThat(mail.get("disposition_id").asInt()).isEqualTo(2);
        assertThat(mail.at("/resources/0/name").asText()).isEqualTo("numbers you asked for");

        JsonNode undone = json("""
                {"CreationTime": "2025-11-04T14:06:00", "Id": "6e1d0c2b-1111-4a2b-9c3d-00000000a403", "Operation": "DLPRuleUndo",
                 "OrganizationId": "d1e2f3a4", "RecordType": 13, "UserId": "kim.lee@fabrikam.example", "Workload": "Exchange",
                 "PolicyDetails": [{"PolicyName": "Payroll Data", "Rules": [{"RuleName": "Bank account numbers, many", "Severity": "High"}]}]}""");
        assertThat(undone.get("class_uid").asInt()).isEqualTo(2006);
        assertThat(undone.get("activity_id").asInt()).as("suppressed").isEqualTo(4);

        // the other DLP record types (informational, no rule matched) are not findings
        JsonNode info = json("""
                {"CreationTime": "2025-11-04T14:07:00", "Id": "6e1d0c2b-1111-4a2b-9c3d-00000000a404", "Operation": "DlpInfo",
                 "OrganizationId": "d1e2f3a4", "RecordType": 11, "UserId": "DlpPolicyEventBasedAssistant", "Workload": "SharePoint"}""");
        assertThat(info.get("class_uid").asInt()).isEqualTo(6003);
    }

    @Test
    void sharePointGroupMembershipIsGroupManagementOfTheSite() throws Exception {
        String site = """
                {"ClientIP": "192.0.2.140", "CorrelationId": "9a8b7c6d-0000-4000-8000-00000000a501", "CreationTime": "2025-11-04T15:00:00",
                 "EventData": "%s", "EventSource": "SharePoint", "Id": "6e1d0c2b-1111-4a2b-9c3d-00000000a501",
                 "ItemType": "Web", "ObjectId": "https://fabrikam.sharepoint.example/sites/Legal", "Operation": "%s",
                 "OrganizationId": "d1e2f3a4", "RecordType": 14, "Site": "5f4e3d2c-0000-4000-8000-00000000a502",
                 "SiteUrl": "https://fabrikam.sharepoint.example/sites/Legal", "TargetUserOrGroupName": "counsel@lawfirm.example",
                 "TargetUserOrGroupType": "Guest", "UserAgent": "Mozilla/5.0", "UserId": "kim.lee@fabrikam.example",
                 "UserKey": "i:0h.f|membership|10037ffe8a1b2c3d@live.com", "UserType": 0, "Version": 1, "Workload": "SharePoint"}""";
        JsonNode added = json(site.formatted("<Group>Legal Owners</Group>", "AddedToGroup"));
        assertProduct(added, M365);
        assertThat(added.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(added.get("activity_id").asInt()).isEqualTo(3);
        assertThat(added.at("/group/name").asText()).isEqualTo("Legal Owners");
        assertThat(added.at("/user/name").asText()).isEqualTo("counsel@lawfirm.example");
        assertThat(added.at("/user/type").asText()).isEqualTo("Guest");
        assertThat(added.at("/resource/name").asText()).isEqualTo("https://fabrikam.sharepoint.example/sites/Legal");
        assertThat(added.at("/actor/user/name").asText()).isEqualTo("kim.lee@fabrikam.example");

        JsonNode removed = json(site.formatted("<Group>Legal Owners</Group>", "RemovedFromGroup"));
        assertThat(removed.get("activity_id").asInt()).isEqualTo(4);

        // without the group written: still the membership, without a made-up group
        JsonNode bare = json(site.formatted("", "AddedToGroup"));
        assertThat(bare.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(bare.has("group")).isFalse();

        // a file shared with the same guest stays a share of the file
        JsonNode shared = json(site.formatted("<Type>Edit</Type>", "SharingSet")
                .replace("\"ItemType\": \"Web\"", "\"ItemType\": \"File\", \"SourceFileName\": \"brief.docx\""));
        assertThat(shared.get("class_uid").asInt()).isEqualTo(6006);
        assertThat(shared.get("activity_id").asInt()).isEqualTo(12);
        assertThat(shared.at("/file/name").asText()).isEqualTo("brief.docx");
    }

    @Test
    void mailThreatVerdictsCarryTheSendersAuthenticationAndTheDirection() throws Exception {
        JsonNode r = json("""
                {"CreationTime": "2025-11-04T16:00:00", "Id": "6e1d0c2b-1111-4a2b-9c3d-00000000a601", "Operation": "TIMailData",
                 "OrganizationId": "d1e2f3a4", "RecordType": 28, "UserKey": "ThreatIntel", "UserType": 4, "Version": 1,
                 "Workload": "ThreatIntelligence", "UserId": "ThreatIntel", "ObjectId": "7b6a5c4d-0000-4000-8000-00000000a602",
                 "NetworkMessageId": "7b6a5c4d-0000-4000-8000-00000000a603", "InternetMessageId": "<3f2e@mailer.example>",
                 "Subject": "Your invoice is overdue", "P1Sender": "billing@mailer.example", "P2Sender": "billing@fabrikam-pay.example",
                 "Recipients": ["kim.lee@fabrikam.example"], "SenderIp": "198.51.100.201", "Verdict": "Phish",
                 "DeliveryAction": "Blocked", "PhishConfidenceLevel": "High", "Policy": "HighConfidencePhish",
                 "DetectionMethod": "URL malicious reputation", "Directionality": "Inbound",
                 "AuthDetails": [{"Name": "SPF", "Value": "Fail"}, {"Name": "DKIM", "Value": "None"},
                                 {"Name": "DMARC", "Value": "Fail"}, {"Name": "Comp Auth", "Value": "fail"}]}""");
        assertThat(r.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(r.at("/email_auth/spf").asText()).isEqualTo("Fail");
        assertThat(r.at("/email_auth/dkim").asText()).isEqualTo("None");
        assertThat(r.at("/email_auth/dmarc").asText()).isEqualTo("Fail");
        assertThat(r.get("direction_id").asInt()).isEqualTo(1);
        assertThat(r.get("direction").asText()).isEqualTo("Inbound");

        // a record without them names neither
        JsonNode bare = json(r.at("/unmapped").toString().replace("\"Directionality\":\"Inbound\",", ""));
        assertThat(bare.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(bare.has("direction_id")).isFalse();
    }

    @Test
    void officeActivityRowsOfAWorkspaceReadAsTheApisRecords() throws Exception {
        // the Log Analytics table OfficeActivity, as Microsoft Sentinel's data export streams it
        JsonNode download = json("""
                {"TenantId": "6f5e4d3c-0000-4000-8000-000000000001", "SourceSystem": "OfficeActivityManager",
                 "TimeGenerated": "2025-11-04T17:00:02Z", "RecordType": "SharePointFileOperation", "Operation": "FileDownloaded",
                 "OrganizationId": "d1e2f3a4", "UserType": "Regular", "UserKey": "i:0h.f|membership|10037ffe8a1b2c3d@live.com",
                 "OfficeWorkload": "OneDrive", "ResultStatus": "", "OfficeObjectId": "https://fabrikam-my.sharepoint.example/personal/kim_lee/Documents/salaries-2026.xlsx",
                 "UserId": "kim.lee@fabrikam.example", "ClientIP": "203.0.113.88", "UserAgent": "Mozilla/5.0 (X11; Linux x86_64)",
                 "Site_Url": "https://fabrikam-my.sharepoint.example/personal/kim_lee/", "SourceRelativeUrl": "Documents",
                 "SourceFileName": "salaries-2026.xlsx", "SourceFileExtension": "xlsx", "ItemType": "File", "Type": "OfficeActivity"}""");
        assertProduct(download, M365);
        assertThat(download.get("class_uid").asInt()).isEqualTo(6006);
        assertThat(download.get("activity_id").asInt()).isEqualTo(2);
        assertThat(download.at("/file/name").asText()).isEqualTo("salaries-2026.xlsx");
        assertThat(download.at("/file/url").asText()).endsWith("/Documents/salaries-2026.xlsx");
        assertThat(download.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.88");
        assertThat(download.at("/api/service/name").asText()).isEqualTo("OneDrive");
        assertThat(download.get("time").asLong()).isEqualTo(epochMillis("2025-11-04T17:00:02Z"));

        JsonNode login = json("""
                {"TenantId": "6f5e4d3c-0000-4000-8000-000000000001", "TimeGenerated": "2025-11-04T17:01:00Z", "RecordType": "ExchangeItem",
                 "Operation": "MailboxLogin", "OfficeWorkload": "Exchange", "ResultStatus": "Succeeded", "UserId": "kim.lee@fabrikam.example",
                 "ClientIP": "203.0.113.88:50112", "Client_IPAddress": "203.0.113.88", "ClientInfoString": "Client=Microsoft.Exchange.Imap4",
                 "MailboxOwnerUPN": "kim.lee@fabrikam.example", "Type": "OfficeActivity"}""");
        assertLogon(login, 1, "kim.lee@fabrikam.example", "203.0.113.88");

        // a row of another table is not taken for an audit record
        JsonNode other = json("""
                {"TenantId": "6f5e4d3c-0000-4000-8000-000000000001", "TimeGenerated": "2025-11-04T17:01:00Z", "Type": "AppServiceHTTPLogs",
                 "Operation": "GET", "CsHost": "shop.fabrikam.example"}""");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo(M365);
    }

    @Test
    void officeActivityRowsReadTheirParametersFromTheTextLogAnalyticsKeeps() throws Exception {
        // OfficeActivity's Parameters, ExtendedProperties and OperationProperties are text columns
        // (Microsoft's own queries read them with parse_json(Parameters)): the same names read them
        String row = """
                {"TenantId": "6f5e4d3c-0000-4000-8000-000000000001", "SourceSystem": "OfficeActivityManager",
                 "TimeGenerated": "2025-11-04T12:05:00Z", "RecordType": "ExchangeAdmin", "Operation": "%s",
                 "OrganizationId": "d1e2f3a4", "UserType": "Admin", "UserKey": "10037FFE8A1B2C3D", "OfficeWorkload": "Exchange",
                 "ResultStatus": "True", "OfficeObjectId": "%s", "UserId": "helpdesk@fabrikam.example",
                 "ClientIP": "198.51.100.23:51544", "ExternalAccess": false, "OrganizationName": "fabrikam.onmicrosoft.com",
                 "OriginatingServer": "VI1PR08MB0001 (15.20.8158.20)", "Parameters": "%s", "Type": "OfficeActivity"}""";
        JsonNode forwarding = json(row.formatted("New-InboxRule", "kim.lee\\\\Fwd", """
                [{\\"Name\\":\\"Mailbox\\",\\"Value\\":\\"kim.lee\\"},\
                {\\"Name\\":\\"Name\\",\\"Value\\":\\"Fwd\\"},\
                {\\"Name\\":\\"ForwardTo\\",\\"Value\\":\\"kim.home@mailbox.example\\"}]"""));
        assertProduct(forwarding, M365);
        assertThat(forwarding.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(forwarding.get("activity_id").asInt()).isEqualTo(1);
        assertThat(forwarding.at("/resources/0/name").asText())
                .as("the rule's name, not its identity")
                .isEqualTo("Fwd");
        assertThat(forwarding.at("/resources/0/type").asText()).isEqualTo("Inbox rule");
        // the text stays as sent, where detection reads it
        assertThat(forwarding.at("/unmapped/Parameters").asText()).contains("kim.home@mailbox.example");

        JsonNode fullAccess = json(row.formatted("Add-MailboxPermission", "ceo", """
                [{\\"Name\\":\\"Identity\\",\\"Value\\":\\"ceo\\"},\
                {\\"Name\\":\\"User\\",\\"Value\\":\\"temp.contractor\\"},\
                {\\"Name\\":\\"AccessRights\\",\\"Value\\":\\"FullAccess\\"}]"""));
        assertThat(fullAccess.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(fullAccess.at("/user/name").asText()).as("the delegate").isEqualTo("temp.contractor");
        assertThat(fullAccess.at("/resource/name").asText()).as("the mailbox").isEqualTo("ceo");
        assertThat(fullAccess.at("/privileges").toString()).isEqualTo("[\"FullAccess\"]");

        // a text without the parameter a name asks for: the next field listed is read, nothing is made up
        JsonNode unnamed = json(row.formatted("Set-Mailbox", "kim.lee", """
                [{\\"Name\\":\\"ForwardingSmtpAddress\\",\\"Value\\":\\"smtp:kim.home@mailbox.example\\"}]"""));
        assertThat(unnamed.at("/resources/0/name").asText()).isEqualTo("kim.lee");
        JsonNode noDelegate = json(row.formatted("Add-MailboxPermission", "ceo", "[]"));
        assertThat(noDelegate.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(noDelegate.at("/user/name").isMissingNode()).isTrue();

        // a sign-in row's user agent from its ExtendedProperties text
        JsonNode signIn = json("""
                {"TenantId": "6f5e4d3c-0000-4000-8000-000000000001", "TimeGenerated": "2025-11-04T07:40:02Z",
                 "RecordType": "AzureActiveDirectoryStsLogon", "Operation": "UserLoggedIn", "OfficeWorkload": "AzureActiveDirectory",
                 "ResultStatus": "Success", "UserId": "kim.lee@fabrikam.example", "ClientIP": "203.0.113.88",
                 "OfficeObjectId": "00000003-0000-0ff1-ce00-000000000000", "Type": "OfficeActivity",
                 "ExtendedProperties": "[{\\"Name\\":\\"ResultStatusDetail\\",\\"Value\\":\\"Redirect\\"},\
                {\\"Name\\":\\"UserAgent\\",\\"Value\\":\\"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\\"}]"}""");
        assertLogon(signIn, 1, "kim.lee@fabrikam.example", "203.0.113.88");
        assertThat(signIn.at("/http_request/user_agent").asText())
                .isEqualTo("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
    }
}

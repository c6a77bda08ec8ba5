package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.JSON;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socaas.events.syslog.MalformedLogException;
import io.socaas.events.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Cloud and SaaS audit records: Microsoft 365 unified audit log records (Office 365 Management
 * Activity API), Microsoft Entra ID sign-in logs (Graph signIns, the Azure Monitor diagnostic
 * export) and AWS CloudTrail records, each as the service writes it and as Wazuh (or EventBridge)
 * wraps it, become Authentication or API Activity records; records of other services, Windows
 * events and JSON events that only share a field name are not claimed by these files. Records
 * written from each service's documented schema, and the corpus's real ones (Wazuh's office365,
 * ms-graph and AWS rule tests, the OTRF CloudTrail recording).
 */
class CloudAuditMappingsTest {

    private static final String M365 = "Microsoft 365";
    private static final String ENTRA = "Microsoft Entra ID";
    private static final String CLOUDTRAIL = "CloudTrail";
    private static final Set<String> OURS = Set.of(M365, ENTRA, CLOUDTRAIL);

    private static String product(JsonNode r) {
        return r.at("/metadata/product/name").asText();
    }

    private static void assertLogon(JsonNode r, String product, int statusId, String user, String srcIp) {
        assertProduct(r, product);
        MappedRecords.assertLogon(r, statusId, user, srcIp);
        assertThat(r.get("type_uid").asLong()).isEqualTo(300201);
        assertTimeOfTheRecord(r);
    }

    private static void assertApi(
            JsonNode r, String product, int activityId, String operation, String service, String actor) {
        assertProduct(r, product);
        assertThat(r.get("class_uid").asInt()).as("class of %s", r).isEqualTo(6003);
        assertThat(r.get("class_name").asText()).isEqualTo("API Activity");
        assertThat(r.get("category_uid").asInt()).isEqualTo(6);
        assertThat(r.get("activity_id").asInt()).as("activity of %s", r).isEqualTo(activityId);
        assertThat(r.get("type_uid").asLong()).isEqualTo(600300 + activityId);
        assertThat(r.at("/api/operation").asText()).isEqualTo(operation);
        assertThat(r.at("/api/service/name").asText()).isEqualTo(service);
        assertThat(r.at("/actor/user/name").asText()).isEqualTo(actor);
        assertThat(r.has("user")).as("API Activity has no 'user'").isFalse();
        assertTimeOfTheRecord(r);
    }

    /** A SharePoint or OneDrive file operation: File Hosting Activity with the operation, workload and user. */
    private static void assertFileHosting(JsonNode r, int activityId, String operation, String service, String actor) {
        assertProduct(r, M365);
        assertThat(r.get("class_uid").asInt()).as("class of %s", r).isEqualTo(6006);
        assertThat(r.get("activity_id").asInt()).as("activity of %s", r).isEqualTo(activityId);
        assertThat(r.at("/api/operation").asText()).isEqualTo(operation);
        assertThat(r.at("/api/service/name").asText()).isEqualTo(service);
        assertThat(r.at("/actor/user/name").asText()).isEqualTo(actor);
        assertTimeOfTheRecord(r);
    }

    /** The record's time is its own, not the time it was received. */
    private static void assertTimeOfTheRecord(JsonNode r) {
        assertThat(r.at("/metadata/labels").toString()).doesNotContain(OcsfNormalizer.LABEL_TIME_FROM_RECEIVED);
    }

    // ---------------------------------------------------------------- Microsoft 365

    /** An Azure AD sign-in as the Management Activity API returns it (RecordType 15, AzureActiveDirectoryStsLogon). */
    private static final String M365_LOGIN_FAILED = """
            {"CreationTime": "2024-05-02T08:15:27", "Id": "5d7d3a9e-3c2f-4f43-8a4c-0b1d7c2b9a11",
             "Operation": "UserLoginFailed", "OrganizationId": "8b2f0a4c-1d2e-4f5a-9b6c-7d8e9f0a1b2c",
             "RecordType": 15, "ResultStatus": "Failed", "UserKey": "10032001A2B3C4D5@contoso.onmicrosoft.com",
             "UserType": 0, "Version": 1, "Workload": "AzureActiveDirectory", "ClientIP": "203.0.113.24",
             "ObjectId": "00000002-0000-0ff1-ce00-000000000000", "UserId": "alice@contoso.com",
             "AzureActiveDirectoryEventType": 1,
             "ExtendedProperties": [{"Name": "UserAgent", "Value": "Mozilla/5.0"},
                                    {"Name": "RequestType", "Value": "Login:login"},
                                    {"Name": "ResultStatusDetail", "Value": "Success"}],
             "ModifiedProperties": [], "Actor": [{"ID": "alice@contoso.com", "Type": 5}],
             "ActorContextId": "8b2f0a4c-1d2e-4f5a-9b6c-7d8e9f0a1b2c", "ActorIpAddress": "203.0.113.24",
             "InterSystemsId": "a1b2c3d4-0000-4000-8000-000000000001", "IntraSystemId": "b2c3d4e5-0000-4000-8000-000000000002",
             "Target": [{"ID": "00000002-0000-0ff1-ce00-000000000000", "Type": 0}],
             "TargetContextId": "8b2f0a4c-1d2e-4f5a-9b6c-7d8e9f0a1b2c", "ApplicationId": "00000002-0000-0ff1-ce00-000000000000",
             "ErrorNumber": "50126", "LogonError": "InvalidUserNameOrPassword"}""";

    @Test
    void microsoft365SignInsAreAuthentication() throws Exception {
        // a flat record as the Management Activity API writes it, without the optional fields
        JsonNode ok = json("""
                {"CreationTime": "2024-05-02T08:15:27", "Operation": "UserLoggedIn", "Workload": "AzureActiveDirectory",
                 "RecordType": 15, "UserId": "alice@contoso.com", "ClientIP": "203.0.113.24", "ResultStatus": "Success"}""");
        assertLogon(ok, M365, 1, "alice@contoso.com", "203.0.113.24");
        assertThat(ok.get("time").asLong()).as("CreationTime is UTC").isEqualTo(epochMillis("2024-05-02T08:15:27Z"));
        assertThat(ok.has("status_detail")).isFalse();
        assertThat(ok.at("/api/operation").asText()).isEqualTo("UserLoggedIn");

        JsonNode failed = json(M365_LOGIN_FAILED);
        assertLogon(failed, M365, 2, "alice@contoso.com", "203.0.113.24");
        assertThat(failed.get("status_detail").asText()).isEqualTo("InvalidUserNameOrPassword");
        assertThat(failed.get("status_code").asText()).isEqualTo("50126");
        assertThat(failed.at("/user/uid").asText()).isEqualTo("10032001A2B3C4D5@contoso.onmicrosoft.com");
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T08:15:27Z"));
        assertThat(failed.at("/metadata/vendor_name").isMissingNode()).isTrue();
        assertThat(failed.at("/metadata/product/vendor_name").asText()).isEqualTo("Microsoft");
        // the source's fields stay under unmapped for detection
        assertThat(failed.at("/unmapped/ResultStatus").asText()).isEqualTo("Failed");

        // wrapped by Wazuh's Office 365 module
        JsonNode wrapped = json("{\"integration\": \"office365\", \"office365\": " + M365_LOGIN_FAILED + "}");
        assertLogon(wrapped, M365, 2, "alice@contoso.com", "203.0.113.24");
        assertThat(wrapped.get("status_detail").asText()).isEqualTo("InvalidUserNameOrPassword");
        assertThat(wrapped.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T08:15:27Z"));
        JsonNode wrappedOk = json("""
                {"integration": "office365", "office365": {"CreationTime": "2024-05-02T09:00:00", "Operation": "UserLoggedIn",
                 "Workload": "AzureActiveDirectory", "RecordType": 15, "UserId": "bob@contoso.com",
                 "ClientIP": "198.51.100.4", "ResultStatus": "Success"}}""");
        assertLogon(wrappedOk, M365, 1, "bob@contoso.com", "198.51.100.4");
        assertThat(wrappedOk.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T09:00:00Z"));
    }

    @Test
    void microsoft365OperationsAreApiActivityByVerb() throws Exception {
        // Exchange admin cmdlet; Exchange writes ClientIP with a port, IPv6 in brackets
        JsonNode inboxRule = json("""
                {"CreationTime": "2024-05-02T10:01:02", "Id": "0f9e8d7c-0000-4000-8000-000000000010",
                 "Operation": "New-InboxRule", "OrganizationId": "8b2f0a4c-1d2e-4f5a-9b6c-7d8e9f0a1b2c", "RecordType": 1,
                 "ResultStatus": "True", "UserKey": "10032001A2B3C4D5", "UserType": 2, "Version": 1,
                 "Workload": "Exchange", "ClientIP": "[2001:db8::7]:51234", "ObjectId": "alice\\\\Forward all",
                 "UserId": "alice@contoso.com", "AppId": "00000002-0000-0ff1-ce00-000000000000",
                 "ExternalAccess": false, "OrganizationName": "contoso.onmicrosoft.com",
                 "OriginatingServer": "AM0PR01MB1234 (15.20.7452.000)",
                 "Parameters": [{"Name": "Name", "Value": "Forward all"}, {"Name": "ForwardTo", "Value": "x@example.org"}]}""");
        assertApi(inboxRule, M365, 1, "New-InboxRule", "Exchange", "alice@contoso.com");
        assertThat(inboxRule.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8::7");
        assertThat(inboxRule.at("/actor/user/uid").asText()).isEqualTo("10032001A2B3C4D5");
        assertThat(inboxRule.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T10:01:02Z"));
        assertThat(inboxRule.at("/unmapped/Parameters/1/Value").asText()).isEqualTo("x@example.org");

        // Exchange mailbox audit, IPv4 with a port
        JsonNode accessed = json("""
                {"CreationTime": "2024-05-02T10:05:00", "Id": "0f9e8d7c-0000-4000-8000-000000000011",
                 "Operation": "MailItemsAccessed", "OrganizationId": "8b2f0a4c", "RecordType": 50, "ResultStatus": "Succeeded",
                 "UserKey": "10032001A2B3C4D5", "UserType": 0, "Version": 1, "Workload": "Exchange",
                 "UserId": "alice@contoso.com", "ClientIPAddress": "198.51.100.9:45678", "ClientInfoString": "Client=OWA",
                 "MailboxOwnerUPN": "alice@contoso.com", "OperationCount": 3}""");
        assertApi(accessed, M365, 2, "MailItemsAccessed", "Exchange", "alice@contoso.com");
        assertThat(accessed.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.9");

        // SharePoint / OneDrive file operations, with their user agent
        String sharePoint = """
                {"CreationTime": "2024-05-02T11:00:00", "Id": "0f9e8d7c-0000-4000-8000-0000000000%s",
                 "Operation": "%s", "OrganizationId": "8b2f0a4c", "RecordType": 6, "UserKey": "i:0h.f|membership|1003@live.com",
                 "UserType": 0, "Version": 1, "Workload": "%s", "ClientIP": "192.0.2.15", "UserId": "carol@contoso.com",
                 "ObjectId": "https://contoso.sharepoint.com/sites/finance/Shared Documents/q1.xlsx",
                 "UserAgent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "EventSource": "SharePoint",
                 "ItemType": "File", "SourceFileName": "q1.xlsx", "SiteUrl": "https://contoso.sharepoint.com/sites/finance/"}""";
        Map<String, Integer> fileOperations = new TreeMap<>(Map.of(
                "FileDownloaded", 2,
                "FileAccessed", 14,
                "FilePreviewed", 9,
                "FileUploaded", 1,
                "FileCopied", 6,
                "FileModified", 3,
                "FileRenamed", 5,
                "SharingSet", 12,
                "SharingRevoked", 13,
                "FileDeleted", 4));
        fileOperations.put("FileMoved", 7);
        fileOperations.put("FileRestored", 8);
        fileOperations.put("FileCheckedOut", 10);
        int n = 10;
        for (var e : fileOperations.entrySet()) {
            JsonNode r = json(sharePoint.formatted(n++, e.getKey(), "SharePoint"));
            assertFileHosting(r, e.getValue(), e.getKey(), "SharePoint", "carol@contoso.com");
            assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.15");
            assertThat(r.at("/http_request/user_agent").asText()).startsWith("Mozilla/5.0");
            assertThat(r.at("/file/name").asText()).isEqualTo("q1.xlsx");
            assertThat(r.at("/file/url").asText())
                    .isEqualTo("https://contoso.sharepoint.com/sites/finance/Shared Documents/q1.xlsx");
        }
        assertFileHosting(
                json(sharePoint.formatted(30, "FileDeletedFirstStageRecycleBin", "OneDrive")),
                4,
                "FileDeletedFirstStageRecycleBin",
                "OneDrive",
                "carol@contoso.com");
        // a folder created is no file transfer: API Activity
        assertApi(
                json(sharePoint.formatted(31, "FolderCreated", "SharePoint")),
                M365,
                1,
                "FolderCreated",
                "SharePoint",
                "carol@contoso.com");

        // Azure AD directory changes, Exchange cmdlets and operations without a clear verb
        Map<String, Integer> operations = new TreeMap<>(Map.of(
                "Update application.", 3,
                "Add service principal.", 1,
                "Set-Mailbox", 3,
                "Remove-MailboxPermission", 4,
                "Get-MessageTrace", 2,
                "Send", 99,
                "Disable Strong Authentication.", 3));
        operations.put("HardDelete", 4);
        operations.put("MoveToDeletedItems", 4);
        operations.put("Update", 3);
        operations.put("Create", 1);
        operations.put("MailboxLogin", 99);
        for (var e : operations.entrySet()) {
            JsonNode r = json("""
                    {"CreationTime": "2024-05-02T12:00:00", "Operation": "%s", "RecordType": 8, "ResultStatus": "Success",
                     "Workload": "AzureActiveDirectory", "UserId": "admin@contoso.com", "ClientIP": "sanitized"}""".formatted(e.getKey()));
            assertApi(r, M365, e.getValue(), e.getKey(), "AzureActiveDirectory", "admin@contoso.com");
            assertThat(r.at("/src_endpoint/ip").isMissingNode())
                    .as("'sanitized' is no address")
                    .isTrue();
        }

        // wrapped by Wazuh: the same activity
        JsonNode wrapped = json("{\"integration\": \"office365\", \"office365\": "
                + sharePoint.formatted(40, "FileDownloaded", "OneDrive") + "}");
        assertFileHosting(wrapped, 2, "FileDownloaded", "OneDrive", "carol@contoso.com");
        assertThat(wrapped.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.15");
        assertThat(wrapped.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T11:00:00Z"));
    }

    @Test
    void microsoft365DirectoryChangesAreAccountGroupAndRoleChanges() throws Exception {
        String directory = """
                {"CreationTime": "2024-05-02T12:30:00", "Id": "0f9e8d7c-0000-4000-8000-000000000050", "Operation": "%s",
                 "OrganizationId": "8b2f0a4c", "RecordType": 8, "ResultStatus": "Success", "UserKey": "10032001A2B3C4D5",
                 "UserType": 0, "Version": 1, "Workload": "AzureActiveDirectory", "ClientIP": "203.0.113.61",
                 "ObjectId": "dave@contoso.com", "UserId": "admin@contoso.com", "AzureActiveDirectoryEventType": 1,
                 "Actor": [{"ID": "admin@contoso.com", "Type": 5}], "Target": [{"ID": "dave@contoso.com", "Type": 5}]}""";
        record Expected(int classUid, int activityId) {}
        Map<String, Expected> expected = new TreeMap<>(Map.of(
                "Add user.", new Expected(3001, 1),
                "Delete user.", new Expected(3001, 6),
                "Reset user password.", new Expected(3001, 4),
                "Change user password.", new Expected(3001, 3),
                "Disable account.", new Expected(3001, 5),
                "Update user.", new Expected(3001, 99),
                "Add member to role.", new Expected(3005, 1),
                "Remove member from role.", new Expected(3005, 2),
                "Add member to group.", new Expected(3006, 3),
                "Remove member from group.", new Expected(3006, 4)));
        for (var e : expected.entrySet()) {
            JsonNode r = json(directory.formatted(e.getKey()));
            assertProduct(r, M365);
            assertThat(r.get("class_uid").asInt())
                    .as(e.getKey())
                    .isEqualTo(e.getValue().classUid());
            assertThat(r.get("activity_id").asInt())
                    .as(e.getKey())
                    .isEqualTo(e.getValue().activityId());
            assertThat(r.at("/user/name").asText()).as("the account changed").isEqualTo("dave@contoso.com");
            assertThat(r.at("/user/uid").isMissingNode())
                    .as("the actor's key is not the account's")
                    .isTrue();
            assertThat(r.at("/actor/user/name").asText()).isEqualTo("admin@contoso.com");
            assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.61");
            assertThat(r.at("/api/operation").asText()).isEqualTo(e.getKey());
            assertTimeOfTheRecord(r);
        }
        // an application granted permissions by a user's consent: the user and the application
        JsonNode consent = json(directory
                .formatted("Consent to application.")
                .replace("\"dave@contoso.com\", \"UserId\"", "\"4d3c2b1a-0000-4000-8000-0000000000aa\", \"UserId\""));
        assertThat(consent.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(consent.get("activity_id").asInt()).isEqualTo(1);
        assertThat(consent.at("/resource/uid").asText()).isEqualTo("4d3c2b1a-0000-4000-8000-0000000000aa");
        assertThat(consent.at("/user/name").asText()).isEqualTo("admin@contoso.com");
        JsonNode created = json(directory.formatted("Add group.").replace("dave@contoso.com", "Finance Team"));
        assertThat(created.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(created.get("activity_id").asInt()).isEqualTo(6);
        assertThat(created.at("/group/name").asText()).isEqualTo("Finance Team");
    }

    @Test
    void microsoft365SecurityAndComplianceAlertsAreDetectionFindings() throws Exception {
        String alert = """
                {"CreationTime": "2024-05-02T13:00:00", "Id": "0f9e8d7c-0000-4000-8000-000000000060", "Operation": "%s",
                 "OrganizationId": "8b2f0a4c", "RecordType": 40, "ResultStatus": "Succeeded",
                 "UserKey": "SecurityComplianceAlerts", "UserType": 4, "Version": 1, "Workload": "SecurityComplianceCenter",
                 "ObjectId": "5c1a7e3b-0000-4000-8000-000000000061", "UserId": "SecurityComplianceAlerts",
                 "AlertId": "5c1a7e3b-0000-4000-8000-000000000061", "AlertType": "System",
                 "Name": "Email messages containing malicious URL removed after delivery",
                 "PolicyId": "0a1b2c3d-0000-4000-8000-000000000062", "Status": "Active", "Severity": "%s",
                 "Category": "ThreatManagement", "Source": "Office 365 Security & Compliance", "Comments": "New alert",
                 "Data": "{}", "AlertEntityId": "erin@contoso.com", "EntityType": "User"}""";
        JsonNode triggered = json(alert.formatted("AlertTriggered", "High"));
        assertProduct(triggered, M365);
        assertThat(triggered.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(triggered.get("activity_id").asInt()).isEqualTo(1);
        assertThat(triggered.get("severity_id").asInt()).isEqualTo(4);
        assertThat(triggered.at("/finding_info/title").asText())
                .isEqualTo("Email messages containing malicious URL removed after delivery");
        assertThat(triggered.at("/finding_info/uid").asText()).isEqualTo("5c1a7e3b-0000-4000-8000-000000000061");
        assertThat(triggered.at("/finding_info/types/0").asText()).isEqualTo("ThreatManagement");
        assertTimeOfTheRecord(triggered);
        JsonNode updated = json(alert.formatted("AlertUpdated", "Low"));
        assertThat(updated.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(updated.get("activity_id").asInt()).isEqualTo(2);
        assertThat(updated.get("severity_id").asInt()).isEqualTo(2);
    }

    @Test
    void microsoft365MailThreatVerdictsAndFileMalwareAreEmailScansAndFindings() throws Exception {
        // written from the Office 365 Management Activity API's ThreatIntelligence (TIMailData) schema
        String mail = """
                {"CreationTime": "2024-05-02T13:10:00", "Id": "0f9e8d7c-0000-4000-8000-000000000070", "Operation": "TIMailData",
                 "OrganizationId": "8b2f0a4c", "RecordType": 28, "UserKey": "ThreatIntel", "UserType": 4, "Version": 1,
                 "Workload": "ThreatIntelligence", "ObjectId": "7d1e2f3a-0000-4000-8000-000000000071", "UserId": "ThreatIntel",
                 "AttachmentData": [], "DetectionType": "Inline", "DetectionMethod": "URL malicious reputation",
                 "InternetMessageId": "<20240502131000.1234@mail.example.net>", "MessageTime": "2024-05-02T13:09:58",
                 "NetworkMessageId": "7d1e2f3a-0000-4000-8000-000000000071", "P1Sender": "bounce@mail.example.net",
                 "P2Sender": "billing@example.net", "Policy": "Phish", "PolicyAction": "Quarantine",
                 "Recipients": ["erin@contoso.com"], "SenderIp": "198.51.100.25", "Subject": "Invoice overdue",
                 "Verdict": "Phish", "PhishConfidenceLevel": "High", "DeliveryAction": "%s", "Directionality": "Inbound"}""";
        JsonNode blocked = json(mail.formatted("Blocked"));
        assertProduct(blocked, M365);
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(blocked.get("activity_id").asInt()).isEqualTo(3);
        assertThat(blocked.get("action_id").asInt()).isEqualTo(2);
        assertThat(blocked.get("severity_id").asInt()).isEqualTo(4);
        assertThat(blocked.at("/email/subject").asText()).isEqualTo("Invoice overdue");
        assertThat(blocked.at("/email/from").asText()).isEqualTo("billing@example.net");
        assertThat(blocked.at("/email/to/0").asText()).isEqualTo("erin@contoso.com");
        assertThat(blocked.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.25");
        assertThat(blocked.get("status_detail").asText()).isEqualTo("URL malicious reputation");
        JsonNode delivered = json(mail.formatted("DeliveredAsSpam"));
        assertThat(delivered.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(delivered.get("action_id").asInt()).isEqualTo(1);
        assertThat(delivered.get("is_alert").asBoolean()).isTrue();

        JsonNode malware = json("""
                {"CreationTime": "2024-05-02T13:20:00", "Id": "0f9e8d7c-0000-4000-8000-000000000072",
                 "Operation": "FileMalwareDetected", "OrganizationId": "8b2f0a4c", "RecordType": 6,
                 "UserKey": "SHAREPOINT\\\\system", "UserType": 0, "Version": 1, "Workload": "SharePoint",
                 "ObjectId": "https://contoso.sharepoint.com/sites/finance/Shared Documents/invoice.docm",
                 "UserId": "SHAREPOINT\\\\system", "EventSource": "SharePoint", "ItemType": "File",
                 "SourceFileName": "invoice.docm", "VirusInfo": "TrojanDownloader:O97M/Example", "VirusVendor": "Microsoft"}""");
        assertProduct(malware, M365);
        assertThat(malware.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(malware.at("/finding_info/title").asText()).isEqualTo("TrojanDownloader:O97M/Example");
        assertThat(malware.at("/evidences/0/file/name").asText()).isEqualTo("invoice.docm");

        // Exchange's mailbox audit of a mail sent as a shared mailbox
        JsonNode sendAs = json("""
                {"CreationTime": "2024-05-02T14:00:00", "Id": "0f9e8d7c-0000-4000-8000-000000000073", "Operation": "SendAs",
                 "OrganizationId": "8b2f0a4c", "RecordType": 2, "ResultStatus": "Succeeded", "UserKey": "10032001A2B3C4D5",
                 "UserType": 0, "Version": 1, "Workload": "Exchange", "ClientIP": "203.0.113.70:51000",
                 "UserId": "alice@contoso.com", "ClientIPAddress": "203.0.113.70", "ClientInfoString": "Client=OWA",
                 "ExternalAccess": false, "LogonType": 0, "MailboxOwnerUPN": "alice@contoso.com",
                 "SendAsUserSmtp": "finance@contoso.com",
                 "Item": {"Id": "RgAAAAD1", "InternetMessageId": "<1a2b3c@contoso.com>", "Subject": "Wire transfer today",
                  "SizeInBytes": 4321}}""");
        assertProduct(sendAs, M365);
        assertThat(sendAs.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(sendAs.get("activity_id").asInt()).isEqualTo(1);
        assertThat(sendAs.at("/email/from").asText()).isEqualTo("finance@contoso.com");
        assertThat(sendAs.at("/email/subject").asText()).isEqualTo("Wire transfer today");
        assertThat(sendAs.at("/actor/user/name").asText()).isEqualTo("alice@contoso.com");
        assertThat(sendAs.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.70");
    }

    @Test
    void wazuhOffice365CorpusRecordsAreMicrosoft365() throws Exception {
        Path cases = Corpus.folder("wazuh-ruleset-tests").resolve("cases.jsonl");
        int seen = 0;
        for (String l : Files.readAllLines(cases, StandardCharsets.UTF_8)) {
            JsonNode c = JSON.readTree(l);
            if (!c.get("file").asText().equals("office365.ini")) {
                continue;
            }
            JsonNode r = line(c.get("log").asText());
            JsonNode source = JSON.readTree(c.get("log").asText()).path("office365");
            if (!source.has("Workload")) {
                // the module's own message about a subscription ({"actor": "wazuh", "subscription_name": ...})
                assertThat(OURS).as(c.get("log").asText()).doesNotContain(product(r));
                continue;
            }
            assertThat(product(r)).as(c.get("log").asText()).isEqualTo(M365);
            int expectedClass = switch (source.path("Operation").asText()) {
                case "Add user.", "Update user." -> 3001;
                case "Add member to role." -> 3005;
                case "Add group.", "Add member to group." -> 3006;
                case "FileMalwareDetected" -> 2004;
                default -> 6003;
            };
            assertThat(r.get("class_uid").asInt()).as(c.get("log").asText()).isEqualTo(expectedClass);
            if (source.has("Operation")) {
                assertThat(r.at("/api/operation").asText())
                        .isEqualTo(source.get("Operation").asText());
            }
            if (source.has("CreationTime")) {
                assertThat(r.get("time").asLong())
                        .isEqualTo(epochMillis(source.get("CreationTime").asText() + "Z"));
                assertThat(r.at("/actor/user/name").asText()).isEqualTo("wazuh@wazuh.com");
            }
            if (source.path("Operation").asText().equals("Add user.")) {
                assertThat(r.get("activity_id").asInt()).isEqualTo(1);
            }
            if (source.path("Operation").asText().equals("FileDownloaded")) {
                assertThat(r.get("activity_id").asInt()).isEqualTo(2);
            }
            seen++;
        }
        assertThat(seen).isEqualTo(127);
    }

    // ---------------------------------------------------------------- Microsoft Entra ID sign-ins

    /** A sign-in as Microsoft Graph returns it (v1.0 signIn resource). */
    private static final String GRAPH_SIGN_IN = """
            {"id": "66ea54eb-6301-4ee5-be62-ff5a759b0100", "createdDateTime": "2024-05-02T08:15:27Z",
             "userDisplayName": "Alice Example", "userPrincipalName": "alice@contoso.com",
             "userId": "d7cc485d-2c1b-422c-98fd-5ce52859a4a3", "appId": "00000002-0000-0ff1-ce00-000000000000",
             "appDisplayName": "Office 365 Exchange Online", "ipAddress": "203.0.113.24", "clientAppUsed": "Browser",
             "correlationId": "d79f5bee-5860-4832-928f-3133e22ae912", "conditionalAccessStatus": "success",
             "isInteractive": true, "riskDetail": "none", "riskLevelAggregated": "none", "riskLevelDuringSignIn": "none",
             "riskState": "none", "riskEventTypes": [], "riskEventTypes_v2": [],
             "resourceDisplayName": "Office 365 Exchange Online", "resourceId": "00000002-0000-0ff1-ce00-000000000000",
             "status": {"errorCode": %s, "failureReason": "%s", "additionalDetails": null},
             "deviceDetail": {"deviceId": "", "displayName": null, "operatingSystem": "Windows 10", "browser": "Edge 124.0.0",
                              "isCompliant": false, "isManaged": false, "trustType": null},
             "location": {"city": "Redmond", "state": "Washington", "countryOrRegion": "US",
                          "geoCoordinates": {"altitude": null, "latitude": 47.68, "longitude": -122.12}},
             "appliedConditionalAccessPolicies": []}""";

    @Test
    void entraGraphSignInsAreAuthentication() throws Exception {
        JsonNode ok = json(GRAPH_SIGN_IN.formatted("0", "Other."));
        assertLogon(ok, ENTRA, 1, "alice@contoso.com", "203.0.113.24");
        assertThat(ok.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T08:15:27Z"));
        assertThat(ok.at("/service/name").asText()).isEqualTo("Office 365 Exchange Online");
        assertThat(ok.at("/user/uid").asText()).isEqualTo("d7cc485d-2c1b-422c-98fd-5ce52859a4a3");
        assertThat(ok.at("/user/display_name").asText()).isEqualTo("Alice Example");
        assertThat(ok.at("/src_endpoint/location/country").asText()).isEqualTo("US");
        assertThat(ok.at("/src_endpoint/location/city").asText()).isEqualTo("Redmond");
        assertThat(ok.has("status_detail"))
                .as("a success has no failure reason")
                .isFalse();
        assertThat(ok.at("/unmapped/clientAppUsed").asText()).isEqualTo("Browser");

        JsonNode failed = json(
                GRAPH_SIGN_IN.formatted("50126", "Error validating credentials due to invalid username or password."));
        assertLogon(failed, ENTRA, 2, "alice@contoso.com", "203.0.113.24");
        assertThat(failed.get("status_code").asText()).isEqualTo("50126");
        assertThat(failed.get("status_detail").asText())
                .isEqualTo("Error validating credentials due to invalid username or password.");

        // an interrupt (MFA required) is not a success
        assertLogon(
                json(GRAPH_SIGN_IN.formatted("50074", "Strong Authentication is required.")),
                ENTRA,
                2,
                "alice@contoso.com",
                "203.0.113.24");

        // Wazuh's ms-graph module, relationship signIns
        JsonNode wazuh = json("{\"integration\": \"ms-graph\", \"ms-graph\": "
                + GRAPH_SIGN_IN.formatted("50126", "Invalid password.").replaceFirst("\\}$", "")
                + ", \"resource\": \"auditLogs\", \"relationship\": \"signIns\"}}");
        assertLogon(wazuh, ENTRA, 2, "alice@contoso.com", "203.0.113.24");
        assertThat(wazuh.get("status_detail").asText()).isEqualTo("Invalid password.");
        assertThat(wazuh.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T08:15:27Z"));
    }

    @Test
    void entraSignInRowsOfLogAnalyticsAreAuthentication() throws Exception {
        // a SigninLogs row as Microsoft Sentinel and a workspace's data export hold it
        String row = """
                {"TenantId": "8b2f0a4c", "SourceSystem": "Azure AD", "TimeGenerated": "2024-05-02T08:15:27.5522137Z",
                 "OperationName": "Sign-in activity", "Category": "SignInLogs", "ResultType": "%s",
                 "ResultDescription": "%s", "AppDisplayName": "Office 365 Exchange Online",
                 "AppId": "00000002-0000-0ff1-ce00-000000000000", "ClientAppUsed": "Browser", "IPAddress": "203.0.113.24",
                 "Location": "US", "LocationDetails": {"city": "Redmond", "state": "Washington", "countryOrRegion": "US"},
                 "Status": {"errorCode": %s, "failureReason": "%s"}, "UserAgent": "Mozilla/5.0",
                 "UserDisplayName": "Alice Example", "UserId": "d7cc485d", "UserPrincipalName": "alice@contoso.com",
                 "Type": "%s"}""";
        JsonNode ok = json(row.formatted("0", "Other.", "0", "Other.", "SigninLogs"));
        assertLogon(ok, ENTRA, 1, "alice@contoso.com", "203.0.113.24");
        assertThat(ok.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T08:15:27.552Z"));
        assertThat(ok.at("/service/name").asText()).isEqualTo("Office 365 Exchange Online");
        assertThat(ok.at("/src_endpoint/location/city").asText()).isEqualTo("Redmond");
        assertThat(ok.at("/http_request/user_agent").asText()).isEqualTo("Mozilla/5.0");
        assertThat(ok.has("status_detail")).isFalse();

        JsonNode failed = json(row.formatted(
                "50126",
                "Invalid username or password.",
                "50126",
                "Invalid username or password.",
                "AADNonInteractiveUserSignInLogs"));
        assertLogon(failed, ENTRA, 2, "alice@contoso.com", "203.0.113.24");
        assertThat(failed.get("status_code").asText()).isEqualTo("50126");
        assertThat(failed.get("status_detail").asText()).isEqualTo("Invalid username or password.");
        // another table of the workspace is no sign-in
        assertThat(json(row.formatted("0", "Other.", "0", "Other.", "AuditLogs"))
                        .at("/metadata/log_name")
                        .asText())
                .isNotEqualTo("SignInLogs");
    }

    /** A sign-in as Azure Monitor exports it (diagnostic settings: event hub, storage account). */
    private static final String DIAGNOSTIC_SIGN_IN = """
            {"time": "2024-05-02T08:15:27.5522137Z", "resourceId": "/tenants/8b2f0a4c-1d2e-4f5a-9b6c-7d8e9f0a1b2c/providers/Microsoft.aadiam",
             "operationName": "Sign-in activity", "operationVersion": "1.0", "category": "%s",
             "tenantId": "8b2f0a4c-1d2e-4f5a-9b6c-7d8e9f0a1b2c", "resultType": "%s", "resultSignature": "None",
             "resultDescription": "%s", "durationMs": 0, "callerIpAddress": "198.51.100.20",
             "correlationId": "5f3e1c2a-0000-4000-8000-000000000001", "identity": "Bob Example", "Level": 4, "location": "DE",
             "properties": {"id": "a1b2c3d4-0000-4000-8000-000000000002", "createdDateTime": "2024-05-02T08:15:27.5522137+00:00",
               "userDisplayName": "Bob Example", "userPrincipalName": "bob@contoso.com", "userId": "0d1e2f3a-0000-4000-8000-000000000003",
               "appId": "4765445b-32c6-49b0-83e6-1d93765276ca", "appDisplayName": "OfficeHome", "ipAddress": "198.51.100.20",
               "status": {"errorCode": %s%s}, "clientAppUsed": "Browser", "userAgent": "Mozilla/5.0 (X11; Linux x86_64)",
               "deviceDetail": {"operatingSystem": "Linux", "browser": "Firefox 125.0"},
               "location": {"city": "Berlin", "state": "Berlin", "countryOrRegion": "DE", "geoCoordinates": {"latitude": 52.52, "longitude": 13.4}},
               "correlationId": "5f3e1c2a-0000-4000-8000-000000000001", "conditionalAccessStatus": "notApplied",
               "isInteractive": true, "tokenIssuerType": "AzureAD", "authenticationRequirement": "singleFactorAuthentication",
               "processingTimeInMilliseconds": 186, "riskDetail": "none", "riskState": "none"}}""";

    @Test
    void entraDiagnosticSignInsAreAuthentication() throws Exception {
        JsonNode failed = json(DIAGNOSTIC_SIGN_IN.formatted(
                "SignInLogs",
                "50126",
                "Invalid username or password or Invalid on-premise username or password.",
                "50126",
                ", \"failureReason\": \"Invalid username or password or Invalid on-premise username or password.\""));
        assertLogon(failed, ENTRA, 2, "bob@contoso.com", "198.51.100.20");
        assertThat(failed.get("status_code").asText()).isEqualTo("50126");
        assertThat(failed.get("status_detail").asText()).startsWith("Invalid username or password");
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T08:15:27.552Z"));
        assertThat(failed.at("/service/name").asText()).isEqualTo("OfficeHome");
        assertThat(failed.at("/http_request/user_agent").asText()).isEqualTo("Mozilla/5.0 (X11; Linux x86_64)");
        assertThat(failed.at("/src_endpoint/location/city").asText()).isEqualTo("Berlin");
        assertThat(failed.at("/metadata/log_name").asText()).isEqualTo("SignInLogs");

        JsonNode ok = json(DIAGNOSTIC_SIGN_IN.formatted("NonInteractiveUserSignInLogs", "0", "", "0", ""));
        assertLogon(ok, ENTRA, 1, "bob@contoso.com", "198.51.100.20");
        assertThat(ok.at("/metadata/log_name").asText()).isEqualTo("NonInteractiveUserSignInLogs");
        assertThat(ok.has("status_detail")).isFalse();
    }

    /** A service principal's sign-in as an Azure Monitor diagnostic setting exports it: no user, no app name. */
    private static final String DIAGNOSTIC_SERVICE_PRINCIPAL_SIGN_IN = """
            {"time": "2024-05-03T02:40:11.1234567Z", "resourceId": "/tenants/0f3c9a61-2b7e-4d5a-9c1e-7a2b3c4d5e6f/providers/Microsoft.aadiam",
             "operationName": "Sign-in activity", "operationVersion": "1.0", "category": "%s",
             "tenantId": "0f3c9a61-2b7e-4d5a-9c1e-7a2b3c4d5e6f", "resultType": "%s", "resultSignature": "None",
             "durationMs": 0, "callerIpAddress": "203.0.113.77", "correlationId": "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
             "Level": 4, "location": "NL",
             "properties": {"id": "aa11bb22-cc33-4d44-9e55-f66a77b88c99", "createdDateTime": "2024-05-03T02:40:11.1234567+00:00",
               "appId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "servicePrincipalId": "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
               "servicePrincipalName": "backup-runner", "userId": null, "ipAddress": "203.0.113.77",
               "resourceDisplayName": "Azure Key Vault", "resourceId": "cfa8b339-82a2-471a-a3c9-0fc0be7a4093",
               "status": {"errorCode": %s%s}, "isInteractive": false,
               "location": {"city": "Amsterdam", "state": "Noord-Holland", "countryOrRegion": "NL"}}}""";

    @Test
    void entraServicePrincipalSignInsNameTheResourceSignedInto() throws Exception {
        JsonNode failed = json(DIAGNOSTIC_SERVICE_PRINCIPAL_SIGN_IN.formatted(
                "ServicePrincipalSignInLogs",
                "7000215",
                "7000215",
                ", \"failureReason\": \"Invalid client secret is provided.\""));
        assertLogon(failed, ENTRA, 2, "backup-runner", "203.0.113.77");
        assertThat(failed.at("/user/uid").asText()).isEqualTo("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        assertThat(failed.at("/service/name").asText()).isEqualTo("Azure Key Vault");
        assertThat(failed.at("/service/uid").asText()).isEqualTo("cfa8b339-82a2-471a-a3c9-0fc0be7a4093");
        assertThat(failed.get("status_detail").asText()).isEqualTo("Invalid client secret is provided.");
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2024-05-03T02:40:11.123Z"));
        assertThat(failed.at("/metadata/log_name").asText()).isEqualTo("ServicePrincipalSignInLogs");

        JsonNode ok = json(DIAGNOSTIC_SERVICE_PRINCIPAL_SIGN_IN.formatted("ManagedIdentitySignInLogs", "0", "0", ""));
        assertLogon(ok, ENTRA, 1, "backup-runner", "203.0.113.77");
        assertThat(ok.at("/service/name").asText()).isEqualTo("Azure Key Vault");
        assertThat(ok.has("status_detail")).isFalse();

        // the same sign-in as a Log Analytics row and as a Graph signIn
        JsonNode row = json("""
                {"TimeGenerated": "2024-05-03T02:40:12Z", "Type": "AADServicePrincipalSignInLogs",
                 "CreatedDateTime": "2024-05-03T02:40:11.123Z", "ServicePrincipalName": "backup-runner",
                 "ServicePrincipalId": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "AppId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                 "IPAddress": "203.0.113.77", "ResourceDisplayName": "Azure Key Vault",
                 "ResourceIdentity": "cfa8b339-82a2-471a-a3c9-0fc0be7a4093", "ResultType": "0", "Location": "NL"}""");
        assertLogon(row, ENTRA, 1, "backup-runner", "203.0.113.77");
        assertThat(row.at("/service/name").asText()).isEqualTo("Azure Key Vault");
        assertThat(row.at("/service/uid").asText()).isEqualTo("cfa8b339-82a2-471a-a3c9-0fc0be7a4093");
        JsonNode graph = json("""
                {"id": "aa11bb22-cc33-4d44-9e55-f66a77b88c99", "createdDateTime": "2024-05-03T02:40:11Z",
                 "appId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "appDisplayName": "backup-runner",
                 "servicePrincipalId": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "servicePrincipalName": "backup-runner",
                 "ipAddress": "203.0.113.77", "resourceDisplayName": "Microsoft Graph",
                 "resourceId": "00000003-0000-0000-c000-000000000000", "signInEventTypes": ["servicePrincipal"],
                 "status": {"errorCode": 7000222, "failureReason": "The provided client secret keys are expired."}}""");
        assertLogon(graph, ENTRA, 2, "backup-runner", "203.0.113.77");
        assertThat(graph.at("/service/name").asText()).isEqualTo("Microsoft Graph");
        assertThat(graph.get("status_detail").asText()).startsWith("The provided client secret keys");

        // a user's sign-in keeps the application signed into as the service
        JsonNode user = json(DIAGNOSTIC_SIGN_IN
                .formatted("SignInLogs", "0", "", "0", "")
                .replace(
                        "\"isInteractive\"",
                        "\"resourceDisplayName\": \"Windows Azure Active Directory\", \"isInteractive\""));
        assertLogon(user, ENTRA, 1, "bob@contoso.com", "198.51.100.20");
        assertThat(user.at("/service/name").asText()).isEqualTo("OfficeHome");
    }

    // ---------------------------------------------------------------- AWS CloudTrail

    private static final String CONSOLE_LOGIN = """
            {"eventVersion": "1.09", "userIdentity": {"type": "IAMUser", "principalId": "AIDACKCEVSQ6C2EXAMPLE",
              "arn": "arn:aws:iam::111122223333:user/JohnDoe", "accountId": "111122223333", "userName": "JohnDoe"},
             "eventTime": "2024-05-02T08:15:27Z", "eventSource": "signin.amazonaws.com", "eventName": "ConsoleLogin",
             "awsRegion": "us-east-1", "sourceIPAddress": "192.0.2.110",
             "userAgent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
             %s"requestParameters": null, "responseElements": {"ConsoleLogin": "%s"},
             "additionalEventData": {"LoginTo": "https://console.aws.amazon.com/console/home", "MobileVersion": "No", "MFAUsed": "No"},
             "eventID": "3fcfb182-98f8-4744-bd45-10a395ab61cb", "readOnly": false, "eventType": "AwsConsoleSignIn",
             "managementEvent": true, "recipientAccountId": "111122223333", "eventCategory": "Management",
             "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256",
                            "clientProvidedHostHeader": "signin.aws.amazon.com"}}""";

    @Test
    void cloudTrailConsoleLoginsAreAuthentication() throws Exception {
        JsonNode ok = json(CONSOLE_LOGIN.formatted("", "Success"));
        assertLogon(ok, CLOUDTRAIL, 1, "JohnDoe", "192.0.2.110");
        assertThat(ok.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T08:15:27Z"));
        assertThat(ok.at("/user/uid").asText()).isEqualTo("arn:aws:iam::111122223333:user/JohnDoe");
        assertThat(ok.at("/user/account/uid").asText()).isEqualTo("111122223333");
        assertThat(ok.at("/cloud/provider").asText()).isEqualTo("AWS");
        assertThat(ok.at("/cloud/region").asText()).isEqualTo("us-east-1");
        assertThat(ok.at("/service/name").asText()).isEqualTo("signin.amazonaws.com");
        assertThat(ok.at("/metadata/product/vendor_name").asText()).isEqualTo("AWS");

        JsonNode failed = json(CONSOLE_LOGIN.formatted("\"errorMessage\": \"Failed authentication\", ", "Failure"));
        assertLogon(failed, CLOUDTRAIL, 2, "JohnDoe", "192.0.2.110");
        assertThat(failed.get("status_detail").asText()).isEqualTo("Failed authentication");

        // wrapped by Wazuh's AWS module (the trail's record under "aws", with the S3 object it came from)
        JsonNode wrapped = json("{\"integration\": \"aws\", \"aws\": "
                + CONSOLE_LOGIN
                        .formatted("\"errorMessage\": \"Failed authentication\", ", "Failure")
                        .replace("\"requestParameters\": null, ", "")
                        .replaceFirst("\\}$", "")
                + ", \"log_info\": {\"aws_account_alias\": \"\", \"log_file\": \"AWSLogs/111122223333/CloudTrail/us-east-1/"
                + "2024/05/02/111122223333_CloudTrail_us-east-1_20240502T0815Z_abc.json.gz\", \"s3bucket\": \"trail\"},"
                + " \"source\": \"cloudtrail\"}}");
        assertLogon(wrapped, CLOUDTRAIL, 2, "JohnDoe", "192.0.2.110");
        assertThat(wrapped.get("status_detail").asText()).isEqualTo("Failed authentication");
        assertThat(wrapped.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T08:15:27Z"));

        // the root user has no userName: its ARN names it
        JsonNode root = json(CONSOLE_LOGIN
                .formatted("", "Success")
                .replace("\"type\": \"IAMUser\"", "\"type\": \"Root\"")
                .replace(", \"userName\": \"JohnDoe\"", "")
                .replace("user/JohnDoe", "root"));
        assertLogon(root, CLOUDTRAIL, 1, "arn:aws:iam::111122223333:root", "192.0.2.110");
        assertThat(root.at("/user/type").asText()).isEqualTo("Root");
    }

    private static String apiCall(String eventSource, String eventName, String sourceIp, String error) {
        return """
                {"eventVersion": "1.08", "userIdentity": {"type": "AssumedRole", "principalId": "AROAEXAMPLE:alice",
                  "arn": "arn:aws:sts::111122223333:assumed-role/Admin/alice", "accountId": "111122223333",
                  "accessKeyId": "ASIAEXAMPLE", "sessionContext": {"sessionIssuer": {"type": "Role",
                  "principalId": "AROAEXAMPLE", "arn": "arn:aws:iam::111122223333:role/Admin", "accountId": "111122223333",
                  "userName": "Admin"}, "attributes": {"creationDate": "2024-05-02T07:00:00Z", "mfaAuthenticated": "true"}}},
                 "eventTime": "2024-05-02T09:30:00Z", "eventSource": "%s", "eventName": "%s", "awsRegion": "eu-west-1",
                 "sourceIPAddress": "%s", "userAgent": "aws-cli/2.15.0 Python/3.11.6", %s
                 "requestParameters": {"name": "x"}, "responseElements": null,
                 "requestID": "a3b7d7c2-0000-4000-8000-000000000001", "eventID": "b4c8e8d3-0000-4000-8000-000000000002",
                 "readOnly": false, "eventType": "AwsApiCall", "managementEvent": true,
                 "recipientAccountId": "111122223333", "eventCategory": "Management"}""".formatted(
                eventSource,
                eventName,
                sourceIp,
                error == null ? "" : "\"errorCode\": \"" + error + "\", \"errorMessage\": \"User is not authorized\",");
    }

    @Test
    void cloudTrailIamChangesAreAccountAndGroupChanges() throws Exception {
        String iam = """
                {"eventVersion": "1.08", "userIdentity": {"type": "IAMUser", "principalId": "AIDAEXAMPLEADA",
                  "arn": "arn:aws:iam::111122223333:user/ada", "accountId": "111122223333", "accessKeyId": "AKIAEXAMPLE",
                  "userName": "ada"}, "eventTime": "2024-05-02T10:30:00Z", "eventSource": "iam.amazonaws.com",
                 "eventName": "%s", "awsRegion": "us-east-1", "sourceIPAddress": "203.0.113.51",
                 "userAgent": "aws-cli/2.15.0", "requestParameters": %s, "responseElements": %s,
                 "requestID": "a3b7d7c2-0000-4000-8000-000000000020", "eventID": "b4c8e8d3-0000-4000-8000-000000000021",
                 "readOnly": false, "eventType": "AwsApiCall", "managementEvent": true, "recipientAccountId": "111122223333"}""";
        JsonNode created = json(iam.formatted(
                "CreateUser",
                "{\"userName\": \"bob\"}",
                "{\"user\": {\"path\": \"/\", \"userName\": \"bob\", \"userId\": \"AIDAEXAMPLEBOB\","
                        + " \"arn\": \"arn:aws:iam::111122223333:user/bob\"}}"));
        assertProduct(created, CLOUDTRAIL);
        assertThat(created.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(created.get("activity_id").asInt()).isEqualTo(1);
        assertThat(created.get("status_id").asInt()).isEqualTo(1);
        assertThat(created.at("/user/name").asText()).isEqualTo("bob");
        assertThat(created.at("/user/uid").asText()).isEqualTo("arn:aws:iam::111122223333:user/bob");
        assertThat(created.at("/actor/user/name").asText()).isEqualTo("ada");
        assertThat(created.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.51");
        assertThat(created.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T10:30:00Z"));

        JsonNode attached = json(iam.formatted(
                "AttachUserPolicy",
                "{\"userName\": \"bob\", \"policyArn\": \"arn:aws:iam::aws:policy/AdministratorAccess\"}",
                "null"));
        assertThat(attached.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(attached.get("activity_id").asInt()).isEqualTo(7);
        assertThat(attached.at("/policy/uid").asText()).isEqualTo("arn:aws:iam::aws:policy/AdministratorAccess");
        assertThat(attached.at("/user/name").asText()).isEqualTo("bob");
        assertThat(attached.at("/user/uid").isMissingNode())
                .as("the actor's ARN is not the user's")
                .isTrue();

        JsonNode mfaOff =
                json(iam.formatted("DeactivateMFADevice", "{\"userName\": \"bob\", \"serialNumber\": \"x\"}", "null"));
        assertThat(mfaOff.get("activity_id").asInt()).isEqualTo(11);

        JsonNode member =
                json(iam.formatted("AddUserToGroup", "{\"groupName\": \"Admins\", \"userName\": \"bob\"}", "null"));
        assertThat(member.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(member.get("activity_id").asInt()).isEqualTo(3);
        assertThat(member.at("/group/name").asText()).isEqualTo("Admins");
        assertThat(member.at("/user/name").asText()).isEqualTo("bob");

        // a call IAM refused stays a failed API call
        JsonNode refused = json(iam.formatted("CreateUser", "{\"userName\": \"mallory\"}", "null")
                .replace(
                        "\"readOnly\"",
                        "\"errorCode\": \"AccessDenied\", \"errorMessage\": \"not authorized\", \"readOnly\""));
        assertApi(refused, CLOUDTRAIL, 1, "CreateUser", "iam.amazonaws.com", "ada");
        assertThat(refused.get("status_id").asInt()).isEqualTo(2);
        // another service's CreateUser (Amazon MQ, Transfer Family) is no IAM account
        assertApi(
                json(iam.formatted("CreateUser", "{\"userName\": \"bob\"}", "null")
                        .replace("iam.amazonaws.com", "mq.amazonaws.com")),
                CLOUDTRAIL,
                1,
                "CreateUser",
                "mq.amazonaws.com",
                "ada");
    }

    @Test
    void cloudTrailCallsAreApiActivityByVerb() throws Exception {
        String arn = "arn:aws:sts::111122223333:assumed-role/Admin/alice";
        JsonNode create = json(apiCall("ec2.amazonaws.com", "CreateSecurityGroup", "203.0.113.50", null));
        assertApi(create, CLOUDTRAIL, 1, "CreateSecurityGroup", "ec2.amazonaws.com", arn);
        assertThat(create.get("status_id").asInt()).isEqualTo(1);
        assertThat(create.get("status").asText()).isEqualTo("Success");
        assertThat(create.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.50");
        assertThat(create.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T09:30:00Z"));
        assertThat(create.at("/actor/user/uid").asText()).isEqualTo(arn);
        assertThat(create.at("/actor/user/type").asText()).isEqualTo("AssumedRole");
        assertThat(create.at("/actor/user/credential_uid").asText()).isEqualTo("ASIAEXAMPLE");
        assertThat(create.at("/actor/session/issuer").asText()).isEqualTo("arn:aws:iam::111122223333:role/Admin");
        assertThat(create.at("/actor/session/is_mfa").asBoolean(false)).isTrue();
        assertThat(create.at("/api/request/uid").asText()).isEqualTo("a3b7d7c2-0000-4000-8000-000000000001");
        assertThat(create.at("/cloud/provider").asText()).isEqualTo("AWS");
        assertThat(create.at("/cloud/region").asText()).isEqualTo("eu-west-1");
        assertThat(create.at("/cloud/account/uid").asText()).isEqualTo("111122223333");
        assertThat(create.at("/http_request/user_agent").asText()).startsWith("aws-cli/2");
        assertThat(create.has("status_code")).isFalse();

        JsonNode denied = json(apiCall("cloudtrail.amazonaws.com", "DeleteTrail", "2001:db8::1", "AccessDenied"));
        assertApi(denied, CLOUDTRAIL, 4, "DeleteTrail", "cloudtrail.amazonaws.com", arn);
        assertThat(denied.get("status_id").asInt()).isEqualTo(2);
        assertThat(denied.get("status").asText()).isEqualTo("Failure");
        assertThat(denied.get("status_code").asText()).isEqualTo("AccessDenied");
        assertThat(denied.get("status_detail").asText()).isEqualTo("User is not authorized");
        assertThat(denied.at("/api/response/error").asText()).isEqualTo("AccessDenied");
        assertThat(denied.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8::1");

        // a call an AWS service made: sourceIPAddress names the service, it is no address
        JsonNode byService = json(apiCall("ec2.amazonaws.com", "DescribeInstances", "autoscaling.amazonaws.com", null));
        assertApi(byService, CLOUDTRAIL, 2, "DescribeInstances", "ec2.amazonaws.com", arn);
        assertThat(byService.at("/src_endpoint/ip").isMissingNode()).isTrue();
        assertThat(byService.at("/src_endpoint/domain").asText()).isEqualTo("autoscaling.amazonaws.com");
        JsonNode internal = json(apiCall("s3.amazonaws.com", "GetObject", "AWS Internal", null));
        assertApi(internal, CLOUDTRAIL, 2, "GetObject", "s3.amazonaws.com", arn);
        assertThat(internal.at("/src_endpoint/domain").asText()).isEqualTo("AWS Internal");

        Map<String, Integer> verbs = new TreeMap<>(Map.of(
                "ListBuckets", 2,
                "PutBucketPolicy", 3,
                "ModifyInstanceAttribute", 3,
                "UpdateTrail", 3,
                "AttachUserPolicy", 3,
                "TerminateInstances", 4,
                "StopLogging", 99,
                "AssumeRole", 99,
                "RunInstances", 99,
                "AuthorizeSecurityGroupIngress", 99));
        for (var e : verbs.entrySet()) {
            JsonNode r = json(apiCall("ec2.amazonaws.com", e.getKey(), "203.0.113.50", null));
            assertApi(r, CLOUDTRAIL, e.getValue(), e.getKey(), "ec2.amazonaws.com", arn);
            JsonNode failed =
                    json(apiCall("ec2.amazonaws.com", e.getKey(), "203.0.113.50", "Client.UnauthorizedOperation"));
            assertApi(failed, CLOUDTRAIL, e.getValue(), e.getKey(), "ec2.amazonaws.com", arn);
            assertThat(failed.get("status_id").asInt()).isEqualTo(2);
        }

        // wrapped by Wazuh's AWS module
        String wrappedCall = "{\"integration\": \"aws\", \"aws\": "
                + apiCall("cloudtrail.amazonaws.com", "StopLogging", "203.0.113.50", "AccessDenied")
                        .replace("\"responseElements\": null,", "")
                        .replaceFirst("\\}$", "")
                + ", \"log_info\": {\"aws_account_alias\": \"\", \"log_file\": \"x.json.gz\", \"s3bucket\": \"trail\"},"
                + " \"source\": \"cloudtrail\"}}";
        JsonNode wrapped = json(wrappedCall);
        assertApi(wrapped, CLOUDTRAIL, 99, "StopLogging", "cloudtrail.amazonaws.com", arn);
        assertThat(wrapped.get("status_id").asInt()).isEqualTo(2);
        assertThat(wrapped.get("status_code").asText()).isEqualTo("AccessDenied");
        assertThat(wrapped.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.50");
        assertThat(wrapped.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T09:30:00Z"));
        JsonNode wrappedOk = json(wrappedCall
                .replace("\"errorCode\": \"AccessDenied\", \"errorMessage\": \"User is not authorized\",", "")
                .replace("StopLogging", "CreateTrail"));
        assertApi(wrappedOk, CLOUDTRAIL, 1, "CreateTrail", "cloudtrail.amazonaws.com", arn);
        assertThat(wrappedOk.get("status_id").asInt()).isEqualTo(1);

        // delivered by Amazon EventBridge (rule on "AWS API Call via CloudTrail")
        JsonNode bridged = json("""
                {"version": "0", "id": "6f8c1f0e-0000-4000-8000-000000000009", "detail-type": "AWS API Call via CloudTrail",
                 "source": "aws.iam", "account": "111122223333", "time": "2024-05-02T09:30:05Z", "region": "us-east-1",
                 "resources": [], "detail": %s}""".formatted(apiCall("iam.amazonaws.com", "DeleteUser", "203.0.113.50", null)));
        assertProduct(bridged, CLOUDTRAIL);
        assertThat(bridged.get("class_uid").asInt()).as("an IAM user deleted").isEqualTo(3001);
        assertThat(bridged.get("activity_id").asInt()).isEqualTo(6);
        assertThat(bridged.at("/api/operation").asText()).isEqualTo("DeleteUser");
        assertThat(bridged.at("/actor/user/uid").asText()).isEqualTo(arn);
        assertThat(bridged.get("status_id").asInt()).isEqualTo(1);
        assertThat(bridged.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.50");
        assertThat(bridged.get("time").asLong())
                .as("the trail's eventTime")
                .isEqualTo(epochMillis("2024-05-02T09:30:00Z"));
        JsonNode bridgedLogin = json("""
                {"version": "0", "id": "6f8c1f0e-0000-4000-8000-000000000010", "detail-type": "AWS Console Sign In via CloudTrail",
                 "source": "aws.signin", "account": "111122223333", "time": "2024-05-02T08:15:28Z", "region": "us-east-1",
                 "resources": [], "detail": %s}""".formatted(CONSOLE_LOGIN.formatted("", "Success")));
        assertLogon(bridgedLogin, CLOUDTRAIL, 1, "JohnDoe", "192.0.2.110");
    }

    @Test
    void otrfCloudTrailRecordingIsApiActivity() throws Exception {
        Path corpus = Corpus.folder("otrf-security-datasets").getParent();
        List<String> events = Corpus.otrfEvents(corpus, "atomic/aws", 1000);
        assertThat(events).hasSizeGreaterThanOrEqualTo(100);
        Map<String, Integer> activities = new TreeMap<>();
        for (String event : events) {
            JsonNode source = JSON.readTree(event);
            JsonNode r = json(event);
            assertApi(
                    r,
                    CLOUDTRAIL,
                    r.get("activity_id").asInt(),
                    source.get("eventName").asText(),
                    source.get("eventSource").asText(),
                    source.at("/userIdentity/userName").isMissingNode()
                            ? source.at("/userIdentity/arn").asText()
                            : source.at("/userIdentity/userName").asText());
            // the recording keeps the time as Logstash's @timestamp
            assertThat(r.get("time").asLong())
                    .isEqualTo(epochMillis(source.get("@timestamp").asText()));
            assertThat(r.get("status_id").asInt()).isEqualTo(source.has("errorCode") ? 2 : 1);
            activities.merge(
                    source.get("eventName").asText() + "="
                            + r.get("activity_id").asInt(),
                    1,
                    Integer::sum);
        }
        assertThat(activities)
                .containsKeys("DescribeInstances=2", "ListObjects=2", "GetObject=2", "ListBuckets=2", "AssumeRole=99");
    }

    // ---------------------------------------------------------------- what these files do not claim

    @Test
    void otherServicesWindowsEventsAndLookalikesAreNotClaimed() throws Exception {
        // each service's records are its own file's, not another's
        assertThat(product(json(M365_LOGIN_FAILED))).isEqualTo(M365);
        assertThat(product(json(GRAPH_SIGN_IN.formatted("0", "Other.")))).isEqualTo(ENTRA);
        assertThat(product(json(CONSOLE_LOGIN.formatted("", "Success")))).isEqualTo(CLOUDTRAIL);

        List<String> notOurs = List.of(
                // JSON events that only share a field name
                """
                {"Operation": "UserLoggedIn", "User": "bob", "Timestamp": "2024-05-02T08:15:27Z"}""",
                """
                {"Operation": "UPDATE", "RecordType": "A", "CreationTime": "2024-05-02T08:15:27", "Zone": "example.org"}""",
                """
                {"eventName": "order.created", "eventSource": "shop", "eventTime": "2024-05-02T08:15:27Z"}""",
                """
                {"createdDateTime": "2024-05-02T08:15:27Z", "status": "open", "id": "42"}""",
                """
                {"integration": "aws", "aws": {"source": "guardduty", "type": "Recon:EC2/PortProbeUnprotectedPort"}}""",
                // an Azure Monitor record of another category
                """
                {"time": "2024-05-02T08:15:27Z", "category": "Administrative", "operationName": "MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE",
                 "callerIpAddress": "203.0.113.5", "properties": {"statusCode": "Created"}}""",
                // Windows events, in the shapes senders use, with fields named like the cloud services' own
                """
                {"Event": {"System": {"Provider": {"#attributes": {"Name": "Microsoft-Windows-Security-Auditing"}},
                  "EventID": 4624, "Channel": "Security", "Computer": "dc01"},
                  "EventData": {"TargetUserName": "alice", "IpAddress": "10.0.0.5", "LogonType": 3}}}""",
                """
                {"Event": {"System": {"EventID": 1, "Computer": "ws01"},
                  "EventData": {"Operation": "UserLoggedIn", "Workload": "x", "eventSource": "y", "category": "SignInLogs"}}}""",
                """
                {"winlog": {"event_id": 4625, "channel": "Security", "computer_name": "ws01",
                  "event_data": {"TargetUserName": "bob", "Operation": "UserLoginFailed"}}}""",
                """
                {"win": {"system": {"eventID": "4625", "channel": "Security"},
                  "eventdata": {"targetUserName": "bob", "operation": "UserLoginFailed"}}}""",
                """
                {"EventID": 4624, "Channel": "Security", "Hostname": "ws01", "TargetUserName": "alice",
                 "Operation": "UserLoggedIn", "Workload": "Exchange"}""");
        for (String event : notOurs) {
            JsonNode r = json(event);
            assertThat(OURS).as("claimed %s", event).doesNotContain(product(r));
        }

        // the corpus's records of other AWS and Microsoft sources
        Path cases = Corpus.folder("wazuh-ruleset-tests").resolve("cases.jsonl");
        int others = 0;
        for (String l : Files.readAllLines(cases, StandardCharsets.UTF_8)) {
            JsonNode c = JSON.readTree(l);
            String file = c.get("file").asText();
            if (file.equals("office365.ini")) {
                continue;
            }
            if (file.equals("ms-graph.ini") || file.startsWith("aws") || file.startsWith("amazon")) {
                others++;
            }
            JsonNode r;
            try {
                r = line(c.get("log").asText());
            } catch (MalformedLogException e) {
                continue; // dead-lettered, claimed by no file
            }
            if (r.at("/metadata/log_version").isTextual() && r.at("/class_uid").asInt() != 0) {
                // an OCSF record (Security Lake's): it keeps its producer's product (NativeOcsfRecordsTest)
                continue;
            }
            assertThat(OURS).as("%s: %s", file, c.get("log").asText()).doesNotContain(product(r));
        }
        assertThat(others).isEqualTo(33);
    }

    // ---------------------------------------------------------------- Google Cloud Audit Logs

    private static final String GCP = "Cloud Audit Logs";

    @Test
    void googleCloudAuditLogEntriesAreApiActivityByVerb() throws Exception {
        // a LogEntry as a Cloud Logging sink exports it (Pub/Sub, storage), written from Google's AuditLog schema
        JsonNode created = json("""
                {"protoPayload": {"@type": "type.googleapis.com/google.cloud.audit.AuditLog",
                  "status": {}, "authenticationInfo": {"principalEmail": "ops@example.com"},
                  "requestMetadata": {"callerIp": "198.51.100.14", "callerSuppliedUserAgent": "google-cloud-sdk gcloud/460.0.0"},
                  "serviceName": "iam.googleapis.com", "methodName": "google.iam.admin.v1.CreateRole",
                  "resourceName": "projects/-/serviceAccounts/1234567890"},
                 "insertId": "abc123", "resource": {"type": "service_account",
                  "labels": {"project_id": "acme-prod", "email_id": "deployer@acme-prod.iam.gserviceaccount.com"}},
                 "timestamp": "2026-02-28T09:15:02.123456Z", "severity": "NOTICE",
                 "logName": "projects/acme-prod/logs/cloudaudit.googleapis.com%2Factivity",
                 "receiveTimestamp": "2026-02-28T09:15:03.2Z"}""");
        assertApi(created, GCP, 1, "google.iam.admin.v1.CreateRole", "iam.googleapis.com", "ops@example.com");
        assertThat(created.at("/actor/user/email_addr").asText()).isEqualTo("ops@example.com");
        assertThat(created.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.14");
        assertThat(created.at("/http_request/user_agent").asText()).isEqualTo("google-cloud-sdk gcloud/460.0.0");
        assertThat(created.at("/cloud/provider").asText()).isEqualTo("GCP");
        assertThat(created.at("/cloud/project_uid").asText()).isEqualTo("acme-prod");
        assertThat(created.get("status_id").asInt()).isEqualTo(1);
        assertThat(created.get("time").asLong()).isEqualTo(epochMillis("2026-02-28T09:15:02.123Z"));
        assertThat(created.at("/resources/0/name").asText()).isEqualTo("projects/-/serviceAccounts/1234567890");
        assertThat(created.at("/resources/0/type").asText()).isEqualTo("service_account");

        // refused by IAM, from inside Google's network (the caller's address is a word, not an address)
        JsonNode denied = json("""
                {"protoPayload": {"@type": "type.googleapis.com/google.cloud.audit.AuditLog",
                  "status": {"code": 7, "message": "PERMISSION_DENIED"},
                  "authenticationInfo": {"principalEmail": "intruder@example.net"},
                  "requestMetadata": {"callerIp": "private"},
                  "serviceName": "storage.googleapis.com", "methodName": "storage.buckets.delete",
                  "resourceName": "projects/_/buckets/backups"},
                 "resource": {"type": "gcs_bucket", "labels": {"project_id": "acme-prod", "location": "europe-west1"}},
                 "timestamp": "2026-02-28T09:16:00Z", "logName": "projects/acme-prod/logs/cloudaudit.googleapis.com%2Fdata_access"}""");
        assertApi(denied, GCP, 4, "storage.buckets.delete", "storage.googleapis.com", "intruder@example.net");
        assertThat(denied.get("status_id").asInt()).isEqualTo(2);
        assertThat(denied.get("status_code").asText()).isEqualTo("7");
        assertThat(denied.get("status_detail").asText()).isEqualTo("PERMISSION_DENIED");
        assertThat(denied.has("src_endpoint")).as("'private' is no address").isFalse();
        assertThat(denied.at("/cloud/region").asText()).isEqualTo("europe-west1");

        // a log entry of another kind (a load balancer's request log) is not an audit record
        JsonNode request = json("""
                {"httpRequest": {"requestMethod": "GET", "status": 502, "remoteIp": "203.0.113.9"},
                 "jsonPayload": {"@type": "type.googleapis.com/google.cloud.loadbalancing.type.LoadBalancerLogEntry"},
                 "logName": "projects/acme-prod/logs/requests", "timestamp": "2026-02-28T09:16:00Z"}""");
        assertThat(product(request)).isNotEqualTo(GCP);
    }

    @Test
    void googleCloudRoleGrantsAndServiceAccountChangesAreAccessAndAccountChanges() throws Exception {
        // written from Google's AuditLog schema: a project's IAM policy set with one binding added
        String grant = """
                {"protoPayload": {"@type": "type.googleapis.com/google.cloud.audit.AuditLog", "status": {},
                  "authenticationInfo": {"principalEmail": "ops@example.com"},
                  "requestMetadata": {"callerIp": "198.51.100.14", "callerSuppliedUserAgent": "google-cloud-sdk"},
                  "serviceName": "cloudresourcemanager.googleapis.com", "methodName": "SetIamPolicy",
                  "resourceName": "projects/acme-prod",
                  "serviceData": {"@type": "type.googleapis.com/google.iam.v1.logging.AuditData",
                   "policyDelta": {"bindingDeltas": [{"action": "%s", "role": "roles/owner", "member": "user:mallory@example.net"}]}}},
                 "insertId": "def456", "resource": {"type": "project", "labels": {"project_id": "acme-prod"}},
                 "timestamp": "2026-02-28T09:20:00Z", "severity": "NOTICE",
                 "logName": "projects/acme-prod/logs/cloudaudit.googleapis.com%%2Factivity"}""";
        JsonNode added = json(grant.formatted("ADD"));
        assertProduct(added, GCP);
        assertThat(added.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(added.get("activity_id").asInt()).isEqualTo(1);
        assertThat(added.at("/user/name").asText()).isEqualTo("user:mallory@example.net");
        assertThat(added.at("/privileges/0").asText()).isEqualTo("roles/owner");
        assertThat(added.at("/resource/name").asText()).isEqualTo("projects/acme-prod");
        assertThat(added.at("/actor/user/name").asText()).isEqualTo("ops@example.com");
        assertThat(added.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.14");
        assertThat(added.at("/cloud/provider").asText()).isEqualTo("GCP");
        assertThat(json(grant.formatted("REMOVE")).get("activity_id").asInt()).isEqualTo(2);

        JsonNode key = json("""
                {"protoPayload": {"@type": "type.googleapis.com/google.cloud.audit.AuditLog", "status": {},
                  "authenticationInfo": {"principalEmail": "ops@example.com"}, "requestMetadata": {"callerIp": "198.51.100.14"},
                  "serviceName": "iam.googleapis.com", "methodName": "google.iam.admin.v1.CreateServiceAccountKey",
                  "resourceName": "projects/-/serviceAccounts/1234567890",
                  "request": {"@type": "type.googleapis.com/google.iam.admin.v1.CreateServiceAccountKeyRequest",
                   "name": "projects/-/serviceAccounts/deployer@acme-prod.iam.gserviceaccount.com"}},
                 "resource": {"type": "service_account", "labels": {"project_id": "acme-prod"}},
                 "timestamp": "2026-02-28T09:21:00Z", "logName": "projects/acme-prod/logs/cloudaudit.googleapis.com%2Factivity"}""");
        assertThat(key.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(key.get("activity_id").asInt()).isEqualTo(99);
        assertThat(key.at("/user/name").asText())
                .isEqualTo("projects/-/serviceAccounts/deployer@acme-prod.iam.gserviceaccount.com");
    }

    /** A Cloud Audit Logs entry of an IAM policy change whose protoPayload carries the given delta object. */
    private static String policyChange(String method, String service, String resource, String delta) {
        return """
                {"protoPayload": {"@type": "type.googleapis.com/google.cloud.audit.AuditLog", "status": {},
                  "authenticationInfo": {"principalEmail": "platform@northwind.example"},
                  "requestMetadata": {"callerIp": "203.0.113.140"},
                  "methodName": "%s", "serviceName": "%s", "resourceName": "%s", %s},
                 "insertId": "1x9k", "resource": {"type": "project", "labels": {"project_id": "nw-data"}},
                 "timestamp": "2026-03-04T11:02:33.512Z",
                 "logName": "projects/nw-data/logs/cloudaudit.googleapis.com%%2Factivity"}""".formatted(method, service, resource, delta);
    }

    @Test
    void googleCloudPolicyChangesAreReadFromEveryDeltaShapeWhateverTheDeltasOrder() throws Exception {
        // newer entries: the IAM AuditData under metadata; a role taken from one member and given to another
        JsonNode swapped =
                json(policyChange("SetIamPolicy", "cloudresourcemanager.googleapis.com", "projects/nw-data", """
                "metadata": {"@type": "type.googleapis.com/google.iam.v1.logging.AuditData",
                  "policyDelta": {"bindingDeltas": [
                    {"action": "REMOVE", "role": "roles/viewer", "member": "user:kim@northwind.example"},
                    {"action": "ADD", "role": "roles/editor", "member": "serviceAccount:etl@nw-data.iam.gserviceaccount.com"}]}}"""));
        assertProduct(swapped, GCP);
        assertThat(swapped.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(swapped.get("activity_id").asInt()).isEqualTo(1);
        assertThat(swapped.at("/user/name").asText()).isEqualTo("serviceAccount:etl@nw-data.iam.gserviceaccount.com");
        assertThat(swapped.at("/privileges/0").asText()).isEqualTo("roles/editor");
        assertThat(swapped.at("/resource/name").asText()).isEqualTo("projects/nw-data");
        assertThat(swapped.at("/actor/user/name").asText()).isEqualTo("platform@northwind.example");
        assertThat(swapped.at("/api/operation").asText()).isEqualTo("SetIamPolicy");

        // only removals: Revoke with the first removed member and role
        JsonNode revoked = json(policyChange(
                "google.iam.admin.v1.SetIAMPolicy",
                "iam.googleapis.com",
                "projects/-/serviceAccounts/etl@nw-data.iam.gserviceaccount.com",
                """
                "serviceData": {"@type": "type.googleapis.com/google.iam.v1.logging.AuditData",
                  "policyDelta": {"bindingDeltas": [
                    {"action": "REMOVE", "role": "roles/iam.serviceAccountTokenCreator", "member": "group:contractors@northwind.example"},
                    {"action": "REMOVE", "role": "roles/iam.serviceAccountUser", "member": "group:contractors@northwind.example"}]}}"""));
        assertThat(revoked.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(revoked.get("activity_id").asInt()).isEqualTo(2);
        assertThat(revoked.at("/user/name").asText()).isEqualTo("group:contractors@northwind.example");
        assertThat(revoked.at("/privileges/0").asText()).isEqualTo("roles/iam.serviceAccountTokenCreator");

        // BigQuery: a dataset's access changed, its deltas under metadata.datasetChange
        JsonNode dataset = json(policyChange(
                "google.iam.v1.IAMPolicy.SetIamPolicy",
                "bigquery.googleapis.com",
                "projects/nw-data/datasets/finance",
                """
                "metadata": {"@type": "type.googleapis.com/google.cloud.audit.BigQueryAuditMetadata",
                  "datasetChange": {"dataset": {"datasetName": "projects/nw-data/datasets/finance"},
                    "bindingDeltas": [{"action": "ADD", "role": "roles/bigquery.dataViewer", "member": "user:lee@partner.example"}]}}"""));
        assertThat(dataset.get("activity_id").asInt()).isEqualTo(1);
        assertThat(dataset.at("/user/name").asText()).isEqualTo("user:lee@partner.example");
        assertThat(dataset.at("/privileges/0").asText()).isEqualTo("roles/bigquery.dataViewer");

        // Wazuh's GCP module wraps the entry: read alike
        JsonNode wrapped = json("{\"integration\": \"gcp\", \"gcp\": "
                + policyChange("SetIamPolicy", "cloudresourcemanager.googleapis.com", "projects/nw-data", """
                        "serviceData": {"policyDelta": {"bindingDeltas": [
                          {"action": "ADD", "role": "roles/owner", "member": "user:mallet@evil.example"}]}}""")
                + "}");
        assertThat(wrapped.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(wrapped.at("/user/name").asText()).isEqualTo("user:mallet@evil.example");
        assertThat(wrapped.at("/privileges/0").asText()).isEqualTo("roles/owner");

        // a policy read, or set without a delta, stays an API call
        JsonNode read = json(policyChange(
                "GetIamPolicy", "cloudresourcemanager.googleapis.com", "projects/nw-data", "\"request\": {}"));
        assertThat(read.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(read.get("activity_id").asInt()).isEqualTo(2);
    }

    @Test
    void wazuhGcpCorpusRecordsAreCloudAuditLogs() throws Exception {
        Path cases = Corpus.folder("wazuh-ruleset-tests").resolve("cases.jsonl");
        Map<String, Integer> activities = new TreeMap<>();
        int audit = 0;
        int others = 0;
        for (String l : Files.readAllLines(cases, StandardCharsets.UTF_8)) {
            JsonNode c = JSON.readTree(l);
            if (!c.get("file").asText().equals("gcp.ini")) {
                continue;
            }
            JsonNode source = JSON.readTree(c.get("log").asText());
            JsonNode r = line(c.get("log").asText());
            if (source.at("/gcp/protoPayload/@type")
                    .asText()
                    .equals("type.googleapis.com/google.cloud.audit.AuditLog")) {
                audit++;
                String method = source.at("/gcp/protoPayload/methodName").asText();
                assertApi(
                        r,
                        GCP,
                        r.get("activity_id").asInt(),
                        method,
                        source.at("/gcp/protoPayload/serviceName").asText(),
                        source.at("/gcp/protoPayload/authenticationInfo/principalEmail")
                                .asText());
                assertThat(r.at("/src_endpoint/ip").asText())
                        .isEqualTo(source.at("/gcp/protoPayload/requestMetadata/callerIp")
                                .asText());
                activities.put(method, r.get("activity_id").asInt());
            } else {
                others++;
                assertThat(product(r)).as(c.get("log").asText()).isNotEqualTo(GCP);
            }
        }
        assertThat(audit).isEqualTo(25);
        assertThat(others).isEqualTo(6);
        assertThat(activities)
                .containsEntry("beta.compute.autoscalers.insert", 1)
                .containsEntry("google.iam.admin.v3.DeleteServiceAccountKey", 4)
                .containsEntry("google.logging.v3.ConfigServiceV1.UpdateSink", 3)
                .containsEntry("google.monitoring.v3.MetricService.ListTimeSeries", 2)
                .containsEntry("storage.setIamPermissions", 3)
                .containsEntry("google.iam.admin.v3.DisableServiceAccount", 3);
    }

    // ---------------------------------------------------------------- GitHub audit log

    @Test
    void gitHubAuditEventsAreApiActivityByOperationOrVerb() throws Exception {
        // as the REST API (GET /orgs/{org}/audit-log) and audit log streaming return them
        JsonNode removed = json("""
                {"@timestamp": 1772270102000, "_document_id": "Kd6tYj-2kbkMS0n4f5zdQw", "action": "protected_branch.destroy",
                 "actor": "mallory", "actor_id": 4242, "actor_ip": "203.0.113.66", "actor_location": {"country_code": "RO"},
                 "created_at": 1772270102000, "operation_type": "remove", "org": "acme", "org_id": 77,
                 "repo": "acme/payments", "user_agent": "git/2.43.0", "business": "acme-corp"}""");
        assertApi(removed, "GitHub", 4, "protected_branch.destroy", "acme/payments", "mallory");
        assertThat(removed.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.66");
        assertThat(removed.at("/src_endpoint/location/country").asText()).isEqualTo("RO");
        assertThat(removed.at("/actor/user/uid").asText()).isEqualTo("4242");
        assertThat(removed.get("time").asLong()).isEqualTo(1772270102000L);
        assertThat(removed.at("/resources/0/name").asText()).isEqualTo("acme/payments");
        // without operation_type, the verb of the action gives the activity
        JsonNode cloned = json("""
                {"@timestamp": 1772270102000, "_document_id": "x1", "action": "git.clone", "actor": "ci-bot",
                 "org": "acme", "repo": "acme/payments", "created_at": 1772270102000}""");
        assertApi(cloned, "GitHub", 2, "git.clone", "acme/payments", "ci-bot");
        JsonNode member = json("""
                {"action": "org.add_member", "actor": "octocat", "created_at": 1772270102000, "org": "acme", "user": "newhire"}""");
        assertProduct(member, "GitHub");
        assertThat(member.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(member.get("activity_id").asInt()).isEqualTo(3);
        assertThat(member.at("/group/name").asText()).isEqualTo("acme");
        assertThat(member.at("/user/name").asText()).isEqualTo("newhire");
        assertThat(member.at("/actor/user/name").asText()).isEqualTo("octocat");
        assertThat(member.at("/api/operation").asText()).isEqualTo("org.add_member");
        // team membership, with the team, and access to a repository granted
        JsonNode team = json("""
                {"@timestamp": 1772270102000, "_document_id": "t1", "action": "team.remove_member", "actor": "octocat",
                 "actor_ip": "198.51.100.12", "created_at": 1772270102000, "org": "acme", "team": "acme/payments-admins",
                 "user": "mallory", "user_id": 4242}""");
        assertThat(team.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(team.get("activity_id").asInt()).isEqualTo(4);
        assertThat(team.at("/group/name").asText()).isEqualTo("acme/payments-admins");
        assertThat(team.at("/user/name").asText()).isEqualTo("mallory");
        assertThat(team.at("/user/uid").asText()).isEqualTo("4242");
        assertThat(team.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.12");
        JsonNode collaborator = json("""
                {"action": "repo.add_member", "actor": "octocat", "created_at": 1772270102000, "org": "acme",
                 "repo": "acme/payments", "user": "contractor"}""");
        assertThat(collaborator.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(collaborator.get("activity_id").asInt()).isEqualTo(1);
        assertThat(collaborator.at("/resource/name").asText()).isEqualTo("acme/payments");
        assertThat(collaborator.at("/user/name").asText()).isEqualTo("contractor");
        // a user's own action (no organization), as the enterprise audit log and streaming write it
        JsonNode merged = json("""
                {"action": "pull_request.merge", "actor": "octocat", "created_at": 1772270102000,
                 "actor_location": {"country_code": "DE"}}""");
        assertProduct(merged, "GitHub");
        assertThat(merged.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(merged.get("activity_id").asInt()).isEqualTo(3);
        // a push branch protection rejected is a failed update of the repository; a change of the protection is not a
        // failure
        JsonNode rejected = json("""
                {"@timestamp": 1772270102000, "_document_id": "r1", "action": "protected_branch.rejected_ref_update",
                 "actor": "mallory", "actor_ip": "203.0.113.66", "created_at": 1772270102000, "org": "acme",
                 "repo": "acme/payments", "operation_type": "modify"}""");
        assertApi(rejected, "GitHub", 3, "protected_branch.rejected_ref_update", "acme/payments", "mallory");
        assertThat(rejected.get("status_id").asInt()).isEqualTo(2);
        assertThat(rejected.get("status").asText()).isEqualTo("Failure");
        assertThat(rejected.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.66");
        JsonNode rejectedOldShape = json("""
                {"action": "protected_branch.rejected_ref_update", "actor": "mallory", "created_at": 1772270102000,
                 "org": "acme", "repo": "acme/payments", "actor_location": {"country_code": "RO"}}""");
        assertThat(rejectedOldShape.get("status_id").asInt()).isEqualTo(2);
        JsonNode protectionChanged = json("""
                {"action": "protected_branch.update_admin_enforced", "actor": "octocat", "created_at": 1772270102000,
                 "org": "acme", "repo": "acme/payments"}""");
        assertApi(protectionChanged, "GitHub", 3, "protected_branch.update_admin_enforced", "acme/payments", "octocat");
        assertThat(protectionChanged.has("status_id")).isFalse();
        // a JSON event with an action and an actor but none of GitHub's other fields is not GitHub's
        assertThat(product(json("{\"action\": \"delete\", \"actor\": \"bob\", \"time\": 1772270102000}")))
                .isNotEqualTo("GitHub");
    }

    @Test
    void wazuhGitHubCorpusRecordsAreGitHubAuditEvents() throws Exception {
        Path cases = Corpus.folder("wazuh-ruleset-tests").resolve("cases.jsonl");
        Map<Integer, Integer> activities = new TreeMap<>();
        int records = 0;
        for (String l : Files.readAllLines(cases, StandardCharsets.UTF_8)) {
            JsonNode c = JSON.readTree(l);
            if (!c.get("file").asText().equals("github.ini")) {
                continue;
            }
            JsonNode source = JSON.readTree(c.get("log").asText());
            JsonNode r = line(c.get("log").asText());
            assertProduct(r, "GitHub");
            if (source.at("/github/action").isMissingNode()) {
                assertThat(r.get("class_uid").asInt()).as(c.get("log").asText()).isZero();
                continue;
            }
            records++;
            String membership = source.at("/github/action").asText();
            Map<String, Integer> membershipClasses = Map.of(
                    "team.add_member", 3006,
                    "team.remove_member", 3006,
                    "team.create", 3006,
                    "team.destroy", 3006,
                    "org.add_member", 3006,
                    "org.remove_member", 3006,
                    "repo.add_member", 3005,
                    "repo.remove_member", 3005,
                    "team.add_repository", 3005,
                    "team.remove_repository", 3005);
            if (membershipClasses.containsKey(membership) || membership.equals("org.update_member")) {
                assertThat(r.get("class_uid").asInt())
                        .as(membership)
                        .isEqualTo(membershipClasses.getOrDefault(membership, 3005));
                assertThat(r.at("/api/operation").asText()).isEqualTo(membership);
                continue;
            }
            assertApi(
                    r,
                    "GitHub",
                    r.get("activity_id").asInt(),
                    source.at("/github/action").asText(),
                    source.at("/github/org").asText(),
                    source.at("/github/actor").asText());
            activities.merge(r.get("activity_id").asInt(), 1, Integer::sum);
            String action = source.at("/github/action").asText();
            int expected = action.endsWith(".destroy") || action.endsWith(".remove")
                    ? 4
                    : action.endsWith(".create") ? 1 : action.endsWith(".update") ? 3 : -1;
            if (expected > 0) {
                assertThat(r.get("activity_id").asInt()).as(action).isEqualTo(expected);
            }
        }
        assertThat(records).isEqualTo(323);
        assertThat(activities.keySet()).contains(1, 2, 3, 4, 99);
    }

    // ---------------------------------------------------------------- Okta System Log

    /** An Okta System Log event (after the System Log API's documented LogEvent) with the given parts. */
    private static String okta(String eventType, String result, String reason, String displayMessage, String targets) {
        return """
                {"uuid": "dc9fd3c0-598c-11ef-8478-2b7584bf8d5a", "published": "2026-02-28T10:00:01.123Z",
                 "eventType": "%s", "version": "0", "severity": "INFO", "legacyEventType": "core.user_auth.login_failed",
                 "displayMessage": "%s",
                 "actor": {"id": "00u1qw1mqitPHM8AJ0g7", "type": "User", "alternateId": "alice@example.com", "displayName": "Alice Example"},
                 "client": {"userAgent": {"rawUserAgent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "os": "Windows 10", "browser": "CHROME"},
                  "zone": "null", "device": "Computer", "ipAddress": "198.51.100.23",
                  "geographicalContext": {"city": "Lisbon", "state": "Lisbon", "country": "Portugal", "postalCode": "1000-001"}},
                 "outcome": {"result": "%s", "reason": %s},
                 "authenticationContext": {"credentialType": "PASSWORD", "externalSessionId": "102bZDNFfWaQSyEZQuDgWt-uQ"},
                 "securityContext": {"isProxy": false},
                 "target": %s}""".formatted(
                        eventType, displayMessage, result, reason == null ? "null" : "\"" + reason + "\"", targets);
    }

    @Test
    void oktaSignInsAccountChangesAndAdminActionsReachTheirClasses() throws Exception {
        JsonNode failed =
                json(okta("user.session.start", "FAILURE", "INVALID_CREDENTIALS", "User login to Okta", "[]"));
        assertLogon(failed, "Okta", 2, "alice@example.com", "198.51.100.23");
        assertThat(failed.get("status_detail").asText()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(failed.at("/src_endpoint/location/country").asText()).isEqualTo("Portugal");
        assertThat(failed.at("/http_request/user_agent").asText()).startsWith("Mozilla/5.0");
        assertThat(failed.at("/session/uid").asText()).isEqualTo("102bZDNFfWaQSyEZQuDgWt-uQ");
        assertThat(failed.get("message").asText()).isEqualTo("User login to Okta");
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2026-02-28T10:00:01.123Z"));
        assertLogon(
                json(okta("user.session.start", "SUCCESS", null, "User login to Okta", "[]")),
                "Okta",
                1,
                "alice@example.com",
                "198.51.100.23");
        JsonNode sso = json(
                okta(
                        "user.authentication.sso",
                        "SUCCESS",
                        null,
                        "User single sign on to app",
                        "[{\"id\": \"0oa1\", \"type\": \"AppInstance\", \"alternateId\": \"Salesforce\", \"displayName\": \"Salesforce.com\"}]"));
        assertLogon(sso, "Okta", 1, "alice@example.com", "198.51.100.23");
        assertThat(sso.at("/service/name").asText()).isEqualTo("Salesforce.com");

        // an administrator (the actor) acting on another user (the first target)
        String bob =
                "[{\"id\": \"00u2\", \"type\": \"User\", \"alternateId\": \"bob@example.com\", \"displayName\": \"Bob\"}]";
        JsonNode reset = json(okta("user.mfa.factor.reset_all", "SUCCESS", null, "Reset all factors for user", bob));
        assertThat(reset.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(reset.get("activity_name").asText()).isEqualTo("MFA Factor Disable");
        assertThat(reset.at("/user/name").asText()).isEqualTo("bob@example.com");
        assertThat(reset.at("/actor/user/name").asText()).isEqualTo("alice@example.com");
        assertThat(json(okta("user.lifecycle.create", "SUCCESS", null, "Create okta user", bob))
                        .get("activity_name")
                        .asText())
                .isEqualTo("Create");
        assertThat(json(okta("user.account.lock", "SUCCESS", null, "Max sign in attempts exceeded", bob))
                        .get("activity_name")
                        .asText())
                .isEqualTo("Lock");
        JsonNode member = json(okta(
                "group.user_membership.add",
                "SUCCESS",
                null,
                "Add user to group membership",
                "[{\"id\": \"00u2\", \"type\": \"User\", \"alternateId\": \"bob@example.com\"},"
                        + " {\"id\": \"00g9\", \"type\": \"UserGroup\", \"displayName\": \"Okta Administrators\"}]"));
        assertThat(member.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(member.at("/group/name").asText()).isEqualTo("Okta Administrators");
        assertThat(member.at("/user/name").asText()).isEqualTo("bob@example.com");

        // any other audited action is API Activity, its activity from the verb that ends the event type
        JsonNode policy = json(okta(
                "policy.lifecycle.delete",
                "SUCCESS",
                null,
                "Delete policy",
                "[{\"id\": \"00p1\", \"type\": \"PolicyEntity\", \"displayName\": \"Default MFA policy\"}]"));
        assertApi(policy, "Okta", 4, "policy.lifecycle.delete", "", "alice@example.com");
        assertThat(policy.at("/resources/0/name").asText()).isEqualTo("Default MFA policy");
        assertThat(json(okta("system.api_token.create", "SUCCESS", null, "Create API token", "[]"))
                        .get("activity_id")
                        .asInt())
                .isEqualTo(1);
        // a sign-out succeeded; a sign-on policy that denied the sign-in is a failure, one that allowed it a success
        JsonNode signOut = json(okta("user.session.end", "SUCCESS", null, "User logout from Okta", "[]"));
        assertThat(signOut.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(signOut.get("activity_name").asText()).isEqualTo("Logoff");
        assertThat(signOut.get("status_id").asInt()).isEqualTo(1);
        assertThat(signOut.get("status").asText()).isEqualTo("Success");
        assertThat(signOut.at("/user/name").asText()).isEqualTo("alice@example.com");
        String signOnPolicy =
                "[{\"id\": \"00p7\", \"type\": \"PolicyEntity\", \"displayName\": \"Contractors off-network\","
                        + " \"detailEntry\": {\"policyType\": \"OktaSignOn\"}},"
                        + " {\"id\": \"0pr7\", \"type\": \"PolicyRule\", \"displayName\": \"Block outside zone\"}]";
        JsonNode denied = json(okta(
                "policy.evaluate_sign_on",
                "DENY",
                "Sign-on policy evaluation resulted in DENY",
                "Evaluation of sign-on policy",
                signOnPolicy));
        assertThat(denied.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(denied.get("status_id").asInt()).isEqualTo(2);
        assertThat(denied.get("status").asText()).isEqualTo("Failure");
        assertThat(denied.get("status_detail").asText()).endsWith("DENY");
        assertThat(denied.at("/resources/0/name").asText()).isEqualTo("Contractors off-network");
        assertThat(denied.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.23");
        JsonNode allowed = json(okta(
                "policy.evaluate_sign_on",
                "ALLOW",
                "Sign-on policy evaluation resulted in ALLOW",
                "Evaluation of sign-on policy",
                signOnPolicy));
        assertThat(allowed.get("status_id").asInt()).isEqualTo(1);
        // an outcome Okta leaves open (a challenge) is no status
        assertThat(json(okta(
                                "policy.evaluate_sign_on",
                                "CHALLENGE",
                                null,
                                "Evaluation of sign-on policy",
                                signOnPolicy))
                        .has("status_id"))
                .isFalse();
        // ThreatInsight's detections are findings with the client as evidence
        JsonNode threat =
                json(okta("security.threat.detected", "DENY", "Password Spray", "Request from suspicious actor", "[]")
                        .replace("\"severity\": \"INFO\"", "\"severity\": \"WARN\""));
        assertThat(threat.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(threat.get("severity_id").asInt()).isEqualTo(3);
        assertThat(threat.at("/finding_info/title").asText()).isEqualTo("Request from suspicious actor");
        assertThat(threat.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("198.51.100.23");
        // an application assigned to a user: the user first, the application second
        JsonNode assigned = json(okta(
                "application.user_membership.add",
                "SUCCESS",
                null,
                "Add user to application membership",
                "[{\"id\": \"0ua1\", \"type\": \"AppUser\", \"alternateId\": \"bob@example.com\"},"
                        + " {\"id\": \"0oa1\", \"type\": \"AppInstance\", \"displayName\": \"Salesforce.com\"}]"));
        assertThat(assigned.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(assigned.get("activity_id").asInt()).isEqualTo(1);
        assertThat(assigned.at("/user/name").asText()).isEqualTo("bob@example.com");
        assertThat(assigned.at("/resource/name").asText()).isEqualTo("Salesforce.com");
        JsonNode admin =
                json(okta("user.session.access_admin_app", "SUCCESS", null, "User accessing Okta admin app", "[]"));
        assertLogon(admin, "Okta", 1, "alice@example.com", "198.51.100.23");
        assertThat(admin.at("/service/name").asText()).isEqualTo("Okta Admin Console");
        // a JSON event with an eventType but none of Okta's envelope is not Okta's
        assertThat(product(json("{\"eventType\": \"user.session.start\", \"actor\": \"x\"}")))
                .isNotEqualTo("Okta");
    }

    // ---------------------------------------------------------------- Kubernetes audit

    /** A Kubernetes audit event (audit.k8s.io/v1, as the log backend writes it) of the given request. */
    private static String k8sAudit(String verb, String resource, String name, int code) {
        return """
                {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "Metadata",
                 "auditID": "4a5e7a4c-7d8b-4b3e-9a47-3f1a2c9d0e11", "stage": "ResponseComplete",
                 "requestURI": "/api/v1/namespaces/kube-system/%s/%s", "verb": "%s",
                 "user": {"username": "system:serviceaccount:ci:deployer", "uid": "b1f6c2d0", "groups": ["system:serviceaccounts"]},
                 "sourceIPs": ["10.20.0.7", "10.0.0.1"], "userAgent": "kubectl/v1.29.2 (linux/amd64) kubernetes/4b8e819",
                 "objectRef": {"resource": "%s", "namespace": "kube-system", "name": "%s", "apiVersion": "v1"},
                 "responseStatus": {"metadata": {}, "code": %d},
                 "requestReceivedTimestamp": "2026-02-28T10:00:01.123456Z", "stageTimestamp": "2026-02-28T10:00:01.140000Z"}""".formatted(resource, name, verb, resource, name, code);
    }

    @Test
    void kubernetesAuditEventsAreApiActivityOnTheObject() throws Exception {
        JsonNode read = json(k8sAudit("get", "secrets", "db-password", 200));
        assertApi(read, "Kubernetes", 2, "get", "", "system:serviceaccount:ci:deployer");
        assertThat(read.at("/resources/0/name").asText()).isEqualTo("db-password");
        assertThat(read.at("/resources/0/type").asText()).isEqualTo("secrets");
        assertThat(read.at("/resources/0/namespace").asText()).isEqualTo("kube-system");
        assertThat(read.at("/src_endpoint/ip").asText()).isEqualTo("10.20.0.7");
        assertThat(read.at("/http_request/user_agent").asText()).startsWith("kubectl/");
        assertThat(read.get("status_id").asInt()).isEqualTo(1);
        assertThat(read.get("time").asLong()).isEqualTo(epochMillis("2026-02-28T10:00:01.123Z"));
        JsonNode forbidden = json(k8sAudit("create", "pods", "debug", 403));
        assertApi(forbidden, "Kubernetes", 1, "create", "", "system:serviceaccount:ci:deployer");
        assertThat(forbidden.get("status_id").asInt()).isEqualTo(2);
        assertThat(forbidden.get("status_code").asText()).isEqualTo("403");
        assertThat(json(k8sAudit("deletecollection", "events", "", 200))
                        .get("activity_id")
                        .asInt())
                .isEqualTo(4);
        assertThat(json(k8sAudit("patch", "deployments", "web", 200))
                        .get("activity_id")
                        .asInt())
                .isEqualTo(3);
        // a Kubernetes object that is not an audit event is not claimed
        assertThat(product(json("{\"kind\": \"Event\", \"apiVersion\": \"v1\", \"reason\": \"BackOff\"}")))
                .isNotEqualTo("Kubernetes");
    }

    @Test
    void wazuhMsGraphAlertsAreDetectionFindingsByStatus() throws Exception {
        Path cases = Corpus.folder("wazuh-ruleset-tests").resolve("cases.jsonl");
        int seen = 0;
        for (String l : Files.readAllLines(cases, StandardCharsets.UTF_8)) {
            String log = JSON.readTree(l).get("log").asText();
            JsonNode source = log.startsWith("{") ? JSON.readTree(log).path("ms-graph") : null;
            if (source == null || !source.has("providerAlertId")) {
                continue;
            }
            seen++;
            JsonNode r = json(log);
            assertThat(r.get("class_uid").asInt()).as(log).isEqualTo(2004);
            assertProduct(r, "Microsoft Graph security alerts");
            assertThat(r.at("/finding_info/uid").asText())
                    .isEqualTo(source.get("id").asText());
            assertThat(r.at("/finding_info/title").asText())
                    .isEqualTo(source.get("title").asText());
            assertThat(r.at("/finding_info/product/name").asText())
                    .isEqualTo(source.get("productName").asText());
            assertThat(r.at("/malware/0/name").asText())
                    .isEqualTo(source.get("threatDisplayName").asText());
            assertThat(r.get("time").asLong())
                    .isEqualTo(epochMillis(source.get("createdDateTime").asText()));
            assertThat(r.get("severity_id").asInt()).as("informational").isEqualTo(1);
            assertThat(r.get("activity_id").asInt())
                    .isEqualTo(source.get("status").asText().equals("resolved") ? 3 : 1);
            for (JsonNode evidence : source.path("evidence")) {
                if (evidence.has("fileDetails")) {
                    assertThat(r.at("/evidences/0/file/name").asText())
                            .isEqualTo(evidence.at("/fileDetails/fileName").asText());
                    break;
                }
            }
            for (JsonNode evidence : source.path("evidence")) {
                if (evidence.has("deviceDnsName")) {
                    assertThat(r.at("/device/hostname").asText())
                            .isEqualTo(evidence.get("deviceDnsName").asText());
                    break;
                }
            }
        }
        assertThat(seen).as("ms-graph alerts in the corpus").isGreaterThanOrEqualTo(3);
    }

    @Test
    void entraIdProtectionRiskDetectionsAreDetectionFindings() throws Exception {
        // written from the Azure Monitor export of UserRiskEvents (the riskDetection resource under properties)
        String detection = """
                {"time": "2024-05-02T08:20:00.0000000Z", "resourceId": "/tenants/11111111/providers/microsoft.aadiam",
                 "operationName": "User Risk Detection", "operationVersion": "1.0", "category": "UserRiskEvents",
                 "tenantId": "11111111-2222-3333-4444-555555555555", "resultSignature": "None", "durationMs": 0,
                 "callerIpAddress": "198.51.100.80", "correlationId": "c0ffee", "identity": "Alice Example", "Level": 4,
                 "location": "nl", "properties": {"id": "9d2f0c3b", "requestId": "r1", "correlationId": "c1",
                 "riskType": "unfamiliarFeatures", "riskEventType": "unfamiliarFeatures", "riskState": "%s",
                 "riskLevel": "medium", "riskDetail": "none", "source": "IdentityProtection",
                 "detectionTimingType": "realtime", "activity": "signin", "ipAddress": "198.51.100.80",
                 "location": {"city": "Amsterdam", "state": "Noord-Holland", "countryOrRegion": "NL"},
                 "activityDateTime": "2024-05-02T08:15:27.000Z", "detectedDateTime": "2024-05-02T08:15:27.000Z",
                 "lastUpdatedDateTime": "2024-05-02T08:20:00.000Z", "userId": "0f9e8d7c-1111-2222-3333-444455556666",
                 "userDisplayName": "Alice Example", "userPrincipalName": "alice@contoso.com", "tokenIssuerType": "AzureAD",
                 "userType": "member"}}""";
        JsonNode atRisk = json(detection.formatted("atRisk"));
        assertProduct(atRisk, "Microsoft Entra ID");
        assertThat(atRisk.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(atRisk.get("activity_id").asInt()).isEqualTo(1);
        assertThat(atRisk.get("severity_id").asInt()).isEqualTo(3);
        assertThat(atRisk.at("/finding_info/title").asText()).isEqualTo("unfamiliarFeatures");
        assertThat(atRisk.at("/actor/user/name").asText()).isEqualTo("alice@contoso.com");
        assertThat(atRisk.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("198.51.100.80");
        assertThat(atRisk.at("/evidences/0/src_endpoint/location/city").asText())
                .isEqualTo("Amsterdam");
        assertThat(atRisk.at("/metadata/log_name").asText()).isEqualTo("UserRiskEvents");
        assertThat(atRisk.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T08:15:27Z"));
        assertThat(json(detection.formatted("remediated")).get("activity_id").asInt())
                .isEqualTo(3);
        // as Microsoft Graph returns it (identityProtection/riskDetections)
        JsonNode graph = json("""
                {"id": "6a5874ca", "requestId": "r2", "correlationId": "c2", "riskType": "leakedCredentials",
                 "riskEventType": "leakedCredentials", "riskState": "atRisk", "riskLevel": "high", "riskDetail": "none",
                 "source": "IdentityProtection", "detectionTimingType": "offline", "activity": "user",
                 "ipAddress": null, "activityDateTime": "2024-05-01T23:00:00Z", "detectedDateTime": "2024-05-02T01:00:00Z",
                 "lastUpdatedDateTime": "2024-05-02T01:00:00Z", "userId": "u2", "userDisplayName": "Bob Example",
                 "userPrincipalName": "bob@contoso.com"}""");
        assertProduct(graph, "Microsoft Entra ID");
        assertThat(graph.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(graph.get("severity_id").asInt()).isEqualTo(4);
        assertThat(graph.at("/finding_info/title").asText()).isEqualTo("leakedCredentials");
    }

    @Test
    void defenderForEndpointAlertsApiRecordsAreDetectionFindings() throws Exception {
        // written from Microsoft Defender for Endpoint's alert resource (GET /api/alerts?$expand=evidence)
        JsonNode r = json("""
                {"id": "da638500000000000000_1234567890", "incidentId": 42, "investigationId": 7, "assignedTo": null,
                 "severity": "High", "status": "InProgress", "classification": null, "determination": null,
                 "investigationState": "Running", "detectionSource": "WindowsDefenderAtp", "category": "CredentialAccess",
                 "threatFamilyName": null, "title": "Suspicious access to LSASS service",
                 "description": "A process accessed the memory of the LSASS process.",
                 "alertCreationTime": "2024-05-02T15:00:00.1234567Z", "firstEventTime": "2024-05-02T14:59:50Z",
                 "lastEventTime": "2024-05-02T14:59:55Z", "lastUpdateTime": "2024-05-02T15:05:00Z", "resolvedTime": null,
                 "machineId": "1e5bc9d7e413ddd7902c2932e418702b84d0cc07", "computerDnsName": "ws-042.contoso.com",
                 "rbacGroupName": null, "aadTenantId": "11111111-2222-3333-4444-555555555555",
                 "relatedUser": {"userName": "carol", "domainName": "CONTOSO"}, "comments": [],
                 "evidence": [{"entityType": "Process", "sha1": "0d8d3c4e4a1a4f3b0a2a0e7a9c9b9d2f3e4f5a6b", "fileName": "procdump64.exe",
                  "filePath": "C:\\\\Users\\\\carol\\\\Downloads", "processId": 4321, "processCommandLine": "procdump64.exe -ma lsass.exe"}]}""");
        assertProduct(r, "Microsoft Graph security alerts");
        assertThat(r.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(r.get("activity_id").asInt()).isEqualTo(2);
        assertThat(r.get("severity_id").asInt()).isEqualTo(4);
        assertThat(r.at("/finding_info/title").asText()).isEqualTo("Suspicious access to LSASS service");
        assertThat(r.at("/finding_info/types/0").asText()).isEqualTo("CredentialAccess");
        assertThat(r.at("/device/hostname").asText()).isEqualTo("ws-042.contoso.com");
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("carol");
        assertThat(r.at("/evidences/0/file/name").asText()).isEqualTo("procdump64.exe");
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T15:00:00.123Z"));
    }

    @Test
    void graphSecurityIncidentsAreIncidentFindings() throws Exception {
        // written from the incident resource's documented schema (GET /security/incidents)
        String incident = """
                {"@odata.type": "#microsoft.graph.security.incident", "id": "29",
                 "incidentWebUrl": "https://security.microsoft.com/incidents/29?tid=11111111",
                 "tenantId": "11111111-2222-3333-4444-555555555555",
                 "displayName": "Multi-stage incident involving Initial access on one endpoint",
                 "createdDateTime": "2024-05-02T08:20:00.12Z", "lastUpdateDateTime": "2024-05-02T09:00:00Z",
                 "assignedTo": "secops@contoso.com", "classification": "truePositive",
                 "determination": "multiStagedAttack", "status": "%s", "severity": "high", "tags": [],
                 "comments": [], "alerts": []}""";
        JsonNode active = json(incident.formatted("active"));
        assertProduct(active, "Microsoft Graph security alerts");
        assertThat(active.get("class_uid").asInt()).isEqualTo(2005);
        assertThat(active.get("activity_id").asInt()).isEqualTo(1);
        assertThat(active.get("status_id").asInt()).isEqualTo(1);
        assertThat(active.get("severity_id").asInt()).isEqualTo(4);
        assertThat(active.at("/finding_info_list/0/title").asText())
                .isEqualTo("Multi-stage incident involving Initial access on one endpoint");
        assertThat(active.at("/finding_info_list/0/uid").asText()).isEqualTo("29");
        assertThat(active.at("/assignee/name").asText()).isEqualTo("secops@contoso.com");
        assertThat(active.at("/src_url").asText()).startsWith("https://security.microsoft.com/incidents/29");
        assertThat(active.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T08:20:00.120Z"));
        JsonNode resolved = json(incident.formatted("resolved"));
        assertThat(resolved.get("activity_id").asInt()).isEqualTo(3);
        assertThat(resolved.get("status_id").asInt()).isEqualTo(4);
    }

    @Test
    void graphSecurityAlertsPostedAsTheyAreCarryMicrosoftsSeverityAndStatus() throws Exception {
        // written from the alerts_v2 resource's documented schema: an Entra ID Protection alert in progress
        JsonNode r = json("""
                {"id": "da637551227677560813_-961444813", "providerAlertId": "da637551227677560813_-961444813",
                 "incidentId": "28282", "status": "inProgress", "severity": "high",
                 "serviceSource": "azureAdIdentityProtection", "detectionSource": "azureAdIdentityProtection",
                 "productName": "Microsoft Entra ID Protection", "title": "Suspicious browser", "category": "InitialAccess",
                 "description": "A sign-in with a suspicious browser.", "createdDateTime": "2024-05-02T08:15:27.55Z",
                 "alertWebUrl": "https://security.microsoft.com/alerts/da637551227677560813_-961444813",
                 "evidence": [{"@odata.type": "#microsoft.graph.security.ipEvidence", "ipAddress": "203.0.113.24"},
                              {"@odata.type": "#microsoft.graph.security.userEvidence",
                               "userAccount": {"accountName": "alice", "domainName": "contoso.com"}}]}""");
        assertThat(r.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(r.get("activity_id").asInt()).isEqualTo(2);
        assertThat(r.get("status_id").asInt()).isEqualTo(2);
        assertThat(r.get("severity_id").asInt()).isEqualTo(4);
        assertThat(r.at("/finding_info/types/0").asText()).isEqualTo("InitialAccess");
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("alice");
        assertThat(r.at("/actor/user/domain").asText()).isEqualTo("contoso.com");
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2024-05-02T08:15:27.550Z"));
        // a severity Microsoft adds later is not guessed: the default severity stays
        JsonNode unknown = json("""
                {"id": "x1", "providerAlertId": "x1", "status": "new", "severity": "unknownFutureValue",
                 "serviceSource": "microsoftDefenderForOffice365", "title": "Email reported as malware"}""");
        assertThat(unknown.get("activity_id").asInt()).isEqualTo(1);
        assertThat(unknown.get("severity_id").asInt()).isEqualTo(1);
        // the older security/alerts resource
        JsonNode legacy = json("""
                {"id": "a1", "azureTenantId": "t1", "title": "Impossible travel activity", "severity": "medium",
                 "status": "resolved", "category": "ImpossibleTravel", "eventDateTime": "2024-05-02T08:15:27Z",
                 "vendorInformation": {"provider": "MCAS", "vendor": "Microsoft"},
                 "userStates": [{"accountName": "bob", "domainName": "contoso.com"}]}""");
        assertThat(legacy.get("activity_id").asInt()).isEqualTo(3);
        assertThat(legacy.get("status_id").asInt()).isEqualTo(4);
        assertThat(legacy.get("severity_id").asInt()).isEqualTo(3);
        assertThat(legacy.at("/finding_info/product/name").asText()).isEqualTo("MCAS");
        assertThat(legacy.at("/actor/user/name").asText()).isEqualTo("bob");
        // a JSON event that only shares the field names "title" and "severity" is not an alert
        JsonNode ticket = json("{\"title\": \"Printer jam\", \"severity\": \"low\", \"status\": \"new\"}");
        assertThat(ticket.get("class_uid").asInt()).isZero();
    }

    /** An Entra ID audit record as Graph returns it (directoryAudit). */
    private static String directoryAudit(String activity, String operationType, String result, String target) {
        return """
                {"id": "Directory_7Q", "category": "UserManagement", "correlationId": "c2", "result": "%s",
                 "resultReason": "", "activityDisplayName": "%s", "activityDateTime": "2026-03-01T09:16:02Z",
                 "loggedByService": "Core Directory", "operationType": "%s",
                 "initiatedBy": {"user": {"id": "u-admin", "userPrincipalName": "admin@contoso.com",
                                          "ipAddress": "203.0.113.24"}},
                 "targetResources": [{"id": "u-bob", "type": "User", "userPrincipalName": "%s"}],
                 "additionalDetails": []}""".formatted(result, activity, operationType, target);
    }

    @Test
    void entraAuditRecordsAreAccountAndGroupChangesInBothShapes() throws Exception {
        // written from Microsoft's documentation of directoryAudit and of the AuditLogs export
        JsonNode created = json(directoryAudit("Add user", "Add", "success", "bob@contoso.com"));
        assertThat(created.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(created.get("activity_id").asInt()).isEqualTo(1);
        assertThat(created.get("status_id").asInt()).isEqualTo(1);
        assertThat(created.get("status").asText()).isEqualTo("Success");
        assertThat(created.at("/user/name").asText()).isEqualTo("bob@contoso.com");
        assertThat(created.at("/actor/user/name").asText()).isEqualTo("admin@contoso.com");
        assertThat(created.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.24");
        assertThat(created.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:16:02Z"));
        assertProduct(created, "Microsoft Entra ID");
        JsonNode reset = json(directoryAudit("Reset user password", "Update", "failure", "bob@contoso.com"));
        assertThat(reset.get("activity_id").asInt()).isEqualTo(4);
        assertThat(reset.get("status_id").asInt()).isEqualTo(2);
        // a consent grants the application permissions: User Access Management, the activity still named
        JsonNode consent = json(directoryAudit("Consent to application", "Assign", "success", "x"));
        assertThat(consent.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(consent.at("/api/operation").asText()).isEqualTo("Consent to application");
        assertThat(consent.get("activity_id").asInt()).isEqualTo(1);

        // the diagnostic export: the record under properties, read by the same names
        JsonNode role = json("""
                {"time": "2026-03-01T09:15:02.1234567Z", "resourceId": "/tenants/1111/providers/Microsoft.aadiam",
                 "operationName": "Add member to role", "category": "AuditLogs", "tenantId": "1111",
                 "callerIpAddress": "<null>", "correlationId": "c1",
                 "properties": {"id": "Directory_1", "category": "RoleManagement", "result": "success",
                   "activityDisplayName": "Add member to role", "activityDateTime": "2026-03-01T09:15:02.1234567Z",
                   "loggedByService": "Core Directory", "operationType": "Assign",
                   "initiatedBy": {"user": {"id": "u-admin", "userPrincipalName": "admin@contoso.com",
                                            "ipAddress": "203.0.113.24"}},
                   "targetResources": [{"id": "u-eve", "type": "User", "userPrincipalName": "eve@contoso.com"},
                                       {"id": "62e90394", "displayName": "Global Administrator", "type": "Role"}]}}""");
        assertThat(role.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(role.get("activity_id").asInt()).isEqualTo(3);
        assertThat(role.at("/group/name").asText()).isEqualTo("Global Administrator");
        assertThat(role.at("/user/name").asText()).isEqualTo("eve@contoso.com");
        assertThat(role.at("/actor/user/name").asText()).isEqualTo("admin@contoso.com");
        assertThat(role.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:15:02.123Z"));

        // Wazuh's ms-graph integration wraps the Graph record
        JsonNode wrapped = json("{\"integration\": \"ms-graph\", \"ms-graph\": "
                + directoryAudit("Delete user", "Delete", "success", "bob@contoso.com") + "}");
        assertThat(wrapped.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(wrapped.get("activity_id").asInt()).isEqualTo(6);

        // Entra's audit records are no sign-ins, in either shape
        for (String audit : List.of("""
                {"time": "2024-05-02T08:15:27Z", "category": "AuditLogs", "operationName": "Add user",
                 "properties": {"activityDisplayName": "Add user", "initiatedBy": {"user": {"userPrincipalName": "a@b.c"}}}}""", """
                {"id": "Directory_1", "category": "UserManagement", "activityDateTime": "2024-05-02T08:15:27Z",
                 "activityDisplayName": "Add user", "loggedByService": "Core Directory", "result": "success",
                 "initiatedBy": {"user": {"userPrincipalName": "a@b.c"}}}""")) {
            JsonNode r = json(audit);
            assertThat(r.get("class_uid").asInt()).as(audit).isEqualTo(3001);
            assertThat(r.at("/metadata/log_name").asText()).as(audit).isEqualTo("AuditLogs");
        }

        // another Azure Monitor category, and a record that only shares a field name, are not claimed
        JsonNode storage = json("""
                {"time": "2026-03-01T09:15:02Z", "resourceId": "/subscriptions/s1/x", "operationName": "GetBlob",
                 "category": "StorageRead", "properties": {"activityDisplayName": "x"}}""");
        assertThat(storage.at("/metadata/product/name").asText()).isNotEqualTo("Microsoft Entra ID");
        assertThat(json("{\"activityDisplayName\": \"Add user\"}")
                        .get("class_uid")
                        .asInt())
                .isZero();
    }

    @Test
    void entraGroupAndRoleMembershipsNameTheGroupFromTheMembersModifiedProperties() throws Exception {
        // written from Microsoft's documentation of directoryAudit: the member first, carrying the group's
        // object id and display name as modified properties (JSON texts), then the group, its name left empty
        String added = """
                {"id": "Directory_9F2K", "category": "GroupManagement", "correlationId": "c20", "result": "success",
                 "activityDisplayName": "Add member to group", "activityDateTime": "2026-03-02T14:03:11.52Z",
                 "loggedByService": "Core Directory", "operationType": "Assign",
                 "initiatedBy": {"user": {"id": "u-hd1", "userPrincipalName": "helpdesk1@fabrikam.example",
                                          "ipAddress": "198.51.100.61"}},
                 "targetResources": [
                   {"id": "u-ivy", "type": "User", "userPrincipalName": "ivy@fabrikam.example", "displayName": "Ivy",
                    "modifiedProperties": [
                      {"displayName": "Group.ObjectID", "oldValue": null, "newValue": "\\"7c1f-payroll\\""},
                      {"displayName": "Group.WellKnownObjectName", "oldValue": null, "newValue": null},
                      {"displayName": "Group.DisplayName", "oldValue": null, "newValue": "\\"Payroll Approvers\\""}]},
                   {"id": "7c1f-payroll", "type": "Group", "displayName": null, "groupType": "unifiedGroups",
                    "modifiedProperties": []}],
                 "additionalDetails": []}""";
        JsonNode member = json(added);
        assertProduct(member, ENTRA);
        assertThat(member.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(member.get("activity_id").asInt()).isEqualTo(3);
        assertThat(member.at("/group/name").asText()).isEqualTo("Payroll Approvers");
        assertThat(member.at("/group/uid").asText()).isEqualTo("7c1f-payroll");
        assertThat(member.at("/user/name").asText()).isEqualTo("ivy@fabrikam.example");
        assertThat(member.at("/user/uid").asText()).isEqualTo("u-ivy");
        assertThat(member.at("/actor/user/name").asText()).isEqualTo("helpdesk1@fabrikam.example");

        // removed: the group's name is the old value; the group listed first, the member read by its type
        JsonNode removed = json("""
                {"id": "Directory_9F2L", "category": "GroupManagement", "result": "success",
                 "activityDisplayName": "Remove member from group", "activityDateTime": "2026-03-02T14:05:40Z",
                 "loggedByService": "Core Directory", "operationType": "Unassign",
                 "initiatedBy": {"user": {"id": "u-hd2", "userPrincipalName": "helpdesk2@fabrikam.example"}},
                 "targetResources": [
                   {"id": "7c1f-payroll", "type": "Group"},
                   {"id": "u-jon", "type": "User", "userPrincipalName": "jon@fabrikam.example",
                    "modifiedProperties": [
                      {"displayName": "Group.DisplayName", "oldValue": "\\"Payroll Approvers\\"", "newValue": null},
                      {"displayName": "Group.ObjectID", "oldValue": "\\"7c1f-payroll\\"", "newValue": null}]}]}""");
        assertThat(removed.get("activity_id").asInt()).isEqualTo(4);
        assertThat(removed.at("/group/name").asText()).isEqualTo("Payroll Approvers");
        assertThat(removed.at("/user/name").asText()).isEqualTo("jon@fabrikam.example");
        assertThat(removed.at("/group/uid").asText()).isEqualTo("7c1f-payroll");

        // a directory role made eligible through PIM: the role first, the member after it, in the export's shape
        JsonNode eligible = json("""
                {"time": "2026-03-02T14:10:00Z", "resourceId": "/tenants/2222/providers/Microsoft.aadiam",
                 "operationName": "Add eligible member to role", "category": "AuditLogs", "tenantId": "2222",
                 "properties": {"id": "PIM_1", "category": "RoleManagement", "result": "success",
                   "activityDisplayName": "Add eligible member to role", "activityDateTime": "2026-03-02T14:10:00Z",
                   "loggedByService": "PIM", "operationType": "Assign",
                   "initiatedBy": {"user": {"id": "u-sec", "userPrincipalName": "secops@fabrikam.example"}},
                   "targetResources": [
                     {"id": "62e90394-69f5", "type": "Role", "displayName": "Privileged Role Administrator"},
                     {"id": "sp-42", "type": "ServicePrincipal", "displayName": "deploy-bot"}]}}""");
        assertThat(eligible.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(eligible.at("/group/name").asText()).isEqualTo("Privileged Role Administrator");
        assertThat(eligible.at("/group/uid").asText()).isEqualTo("62e90394-69f5");
        assertThat(eligible.at("/user/name").asText()).isEqualTo("deploy-bot");
        assertThat(eligible.at("/user/uid").asText()).isEqualTo("sp-42");

        // a group renamed: Group Management with the new name (Entra writes directory values as JSON lists)
        String updated = """
                {"id": "Directory_R3", "category": "GroupManagement", "result": "success",
                 "activityDisplayName": "Update group", "activityDateTime": "2026-03-02T15:00:00Z",
                 "loggedByService": "Core Directory", "operationType": "Update",
                 "initiatedBy": {"app": {"displayName": "Provisioning Agent", "servicePrincipalId": "sp-prov"}},
                 "targetResources": [{"id": "g-ops", "type": "Group", "displayName": "Ops (old)",
                   "modifiedProperties": [
                     {"displayName": "DisplayName", "oldValue": "[\\"Ops (old)\\"]", "newValue": "[\\"Site Reliability\\"]"},
                     {"displayName": "Included Updated Properties", "oldValue": null, "newValue": "\\"DisplayName\\""}]}]}""";
        JsonNode renamed = json(updated);
        assertThat(renamed.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(renamed.get("activity_id").asInt()).isEqualTo(99);
        assertThat(renamed.at("/group/name").asText()).isEqualTo("Site Reliability");
        assertThat(renamed.at("/group/uid").asText()).isEqualTo("g-ops");
        assertThat(renamed.at("/actor/user/name").asText()).isEqualTo("Provisioning Agent");
        // its description changed instead: the group by its current name
        JsonNode described =
                json(updated.replace("\"displayName\": \"DisplayName\"", "\"displayName\": \"Description\""));
        assertThat(described.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(described.at("/group/name").asText()).isEqualTo("Ops (old)");
    }

    @Test
    void azureRoleAssignmentsAreUserAccessManagement() throws Exception {
        // written from the Activity log's documented export: a role assigned, its request body a JSON text
        JsonNode assigned = json("""
                {"time": "2026-03-01T09:30:00.0000000Z",
                 "resourceId": "/SUBSCRIPTIONS/S1/PROVIDERS/MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/RA1",
                 "operationName": "MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE", "category": "Administrative",
                 "resultType": "Success", "resultSignature": "Succeeded.Created", "callerIpAddress": "203.0.113.88",
                 "correlationId": "c9", "identity": {"claims": {"name": "Admin", "oid": "u-admin"}},
                 "level": "Information", "location": "global",
                 "properties": {"requestbody": "{\\"Id\\":\\"ra1\\",\\"Properties\\":{\\"PrincipalId\\":\\"p-bob\\",\\"PrincipalType\\":\\"User\\",\\"RoleDefinitionId\\":\\"/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635\\",\\"Scope\\":\\"/subscriptions/s1\\"}}",
                  "eventCategory": "Administrative"}}""");
        assertProduct(assigned, "Azure Activity Log");
        assertThat(assigned.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(assigned.get("activity_id").asInt()).isEqualTo(1);
        assertThat(assigned.get("status_id").asInt()).isEqualTo(1);
        assertThat(assigned.at("/user/uid").asText()).isEqualTo("p-bob");
        assertThat(assigned.at("/privileges/0").asText())
                .endsWith("/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635");
        assertThat(assigned.at("/actor/user/name").asText()).isEqualTo("Admin");
        assertThat(assigned.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.88");
        // removed, as the REST API returns it, without a body
        JsonNode removed = json("""
                {"eventTimestamp": "2026-03-01T09:40:00.0000000Z", "caller": "admin@contoso.com",
                 "operationName": {"value": "Microsoft.Authorization/roleAssignments/delete",
                  "localizedValue": "Delete role assignment"},
                 "category": {"value": "Administrative"}, "status": {"value": "Succeeded"},
                 "resourceId": "/subscriptions/s1/providers/Microsoft.Authorization/roleAssignments/ra1",
                 "correlationId": "c10", "subscriptionId": "s1"}""");
        assertThat(removed.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(removed.get("activity_id").asInt()).isEqualTo(2);
        assertThat(removed.get("status_id").asInt()).isEqualTo(1);
    }

    @Test
    void azureActivityLogOperationsAreApiActivityWithTheirVerbAndResult() throws Exception {
        // the diagnostic setting's export
        JsonNode delete = json("""
                {"time": "2026-03-01T09:18:02.000Z",
                 "resourceId": "/SUBSCRIPTIONS/S1/RESOURCEGROUPS/RG1/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/VM1",
                 "operationName": "MICROSOFT.COMPUTE/VIRTUALMACHINES/DELETE", "category": "Administrative",
                 "resultType": "Success", "resultSignature": "Succeeded.OK", "callerIpAddress": "203.0.113.24",
                 "correlationId": "c4", "identity": {"claims": {"name": "Admin", "oid": "u-admin"}},
                 "level": "Information", "location": "global", "properties": {"statusCode": "OK"}}""");
        assertThat(delete.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(delete.get("activity_id").asInt()).isEqualTo(4);
        assertThat(delete.get("status_id").asInt()).isEqualTo(1);
        assertThat(delete.at("/api/operation").asText()).isEqualTo("MICROSOFT.COMPUTE/VIRTUALMACHINES/DELETE");
        assertThat(delete.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.24");
        assertThat(delete.at("/actor/user/uid").asText()).isEqualTo("u-admin");
        assertThat(delete.at("/cloud/provider").asText()).isEqualTo("Azure");
        assertThat(delete.at("/resources/0/uid").asText()).endsWith("/VIRTUALMACHINES/VM1");
        assertProduct(delete, "Azure Activity Log");
        // the Activity Log REST API's shape: values under "value", the caller by name
        JsonNode rule = json("""
                {"caller": "admin@contoso.com", "category": {"value": "Administrative"}, "correlationId": "c5",
                 "eventTimestamp": "2026-03-01T09:19:02.0Z",
                 "operationName": {"value": "Microsoft.Network/networkSecurityGroups/securityRules/write"},
                 "resourceId": "/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Network/nsg1",
                 "status": {"value": "Failed"}, "subscriptionId": "s1"}""");
        assertThat(rule.get("activity_id").asInt()).isEqualTo(3);
        assertThat(rule.get("status_id").asInt()).isEqualTo(2);
        assertThat(rule.at("/actor/user/name").asText()).isEqualTo("admin@contoso.com");
        assertThat(rule.at("/cloud/account/uid").asText()).isEqualTo("s1");
        // a record of another service with a category is not an Activity log record
        JsonNode other = json("{\"category\": \"Administrative\", \"operationName\": \"delete the draft\","
                + " \"resourceId\": \"doc-1\"}");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Azure Activity Log");
    }

    @Test
    void legacyActivityLogExportsWithWriteDeleteAndActionCategoriesAreRead() throws Exception {
        // written from the Activity log's documented storage and Event Hubs schema as log profiles exported
        // it: the category names the kind of operation, the identity carries the authorization's action
        JsonNode started = json("""
                {"time": "2026-03-03T07:41:09.118Z",
                 "resourceId": "/SUBSCRIPTIONS/0AF3/RESOURCEGROUPS/WEB-PROD/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/WEB02",
                 "operationName": "MICROSOFT.COMPUTE/VIRTUALMACHINES/START/ACTION", "category": "Action",
                 "resultType": "Start", "resultSignature": "Started.", "durationMs": 0, "callerIpAddress": "192.0.2.77",
                 "correlationId": "c31", "level": "Information", "location": "westeurope",
                 "identity": {"authorization": {"scope": "/subscriptions/0af3/resourceGroups/web-prod",
                               "action": "Microsoft.Compute/virtualMachines/start/action",
                               "evidence": {"role": "Virtual Machine Contributor", "principalId": "p-ops"}},
                              "claims": {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn": "olga@tailspin.example",
                                         "http://schemas.microsoft.com/identity/claims/objectidentifier": "p-ops"}}}""");
        assertProduct(started, "Azure Activity Log");
        assertThat(started.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(started.get("activity_id").asInt()).isEqualTo(99);
        assertThat(started.at("/api/operation").asText()).isEqualTo("MICROSOFT.COMPUTE/VIRTUALMACHINES/START/ACTION");
        assertThat(started.at("/actor/user/name").asText()).isEqualTo("olga@tailspin.example");
        assertThat(started.at("/actor/user/uid").asText()).isEqualTo("p-ops");
        assertThat(started.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.77");

        // a record that names its operation only as the authorization's action
        JsonNode deleted = json("""
                {"time": "2026-03-03T07:45:00Z", "category": "Delete", "resultType": "Success",
                 "resourceId": "/subscriptions/0af3/resourceGroups/web-prod/providers/Microsoft.Network/publicIPAddresses/pip-web02",
                 "callerIpAddress": "192.0.2.78", "correlationId": "c32",
                 "identity": {"authorization": {"action": "Microsoft.Network/publicIPAddresses/delete",
                               "scope": "/subscriptions/0af3/resourceGroups/web-prod"},
                              "claims": {"name": "Olga", "oid": "p-ops"}}}""");
        assertThat(deleted.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(deleted.get("activity_id").asInt()).isEqualTo(4);
        assertThat(deleted.get("status_id").asInt()).isEqualTo(1);
        assertThat(deleted.at("/api/operation").asText()).isEqualTo("Microsoft.Network/publicIPAddresses/delete");
        assertThat(deleted.at("/actor/user/name").asText()).isEqualTo("Olga");

        // a role assignment written, told by its action alone, with its request body
        JsonNode assigned = json("""
                {"time": "2026-03-03T07:50:00Z", "category": "Write", "resultType": "Success",
                 "resourceId": "/subscriptions/0af3/providers/Microsoft.Authorization/roleAssignments/ra9",
                 "callerIpAddress": "192.0.2.79",
                 "identity": {"authorization": {"action": "Microsoft.Authorization/roleAssignments/write"},
                              "claims": {"name": "Olga", "oid": "p-ops"}},
                 "properties": {"requestbody": "{\\"Id\\":\\"ra9\\",\\"Properties\\":{\\"PrincipalId\\":\\"p-guest\\",\\"RoleDefinitionId\\":\\"/subscriptions/0af3/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c\\"}}"}}""");
        assertThat(assigned.get("class_uid").asInt()).isEqualTo(3005);
        assertThat(assigned.get("activity_id").asInt()).isEqualTo(1);
        assertThat(assigned.at("/user/uid").asText()).isEqualTo("p-guest");
        assertThat(assigned.at("/privileges/0").asText()).endsWith("/b24988ac-6180-42a0-ab88-20f7382dd24c");

        // a category of these names on a record of another service is not an Activity log record
        JsonNode other =
                json("{\"category\": \"Write\", \"resourceId\": \"doc-9\", \"operationName\": \"save draft\"}");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Azure Activity Log");
    }

    @Test
    void googleCloudFlowsFirewallRulesAndLoadBalancerRequestsAreNetworkAndHttpActivity() throws Exception {
        // LogEntry records as a Pub/Sub sink exports them, written from Google's documented fields
        JsonNode flow = json("""
                {"insertId": "1a2b", "logName": "projects/acme-prod/logs/compute.googleapis.com%2Fvpc_flows",
                 "jsonPayload": {"bytes_sent": "1520", "packets_sent": "12", "reporter": "DEST",
                   "connection": {"src_ip": "203.0.113.9", "src_port": 51334, "dest_ip": "10.128.0.5", "dest_port": 443, "protocol": 6},
                   "dest_instance": {"project_id": "acme-prod", "region": "europe-west1", "vm_name": "web-1", "zone": "europe-west1-b"},
                   "start_time": "2026-02-28T10:00:01.500Z", "end_time": "2026-02-28T10:00:05.100Z"},
                 "resource": {"type": "gce_subnetwork", "labels": {"project_id": "acme-prod", "location": "europe-west1-b"}},
                 "timestamp": "2026-02-28T10:00:30Z"}""");
        assertThat(flow.get("class_uid").asInt()).as(flow.toString()).isEqualTo(4001);
        assertThat(flow.get("activity_name").asText()).isEqualTo("Traffic");
        assertThat(flow.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(flow.at("/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(flow.at("/dst_endpoint/name").asText()).isEqualTo("web-1");
        assertThat(flow.at("/connection_info/protocol_num").asInt()).isEqualTo(6);
        assertThat(flow.at("/traffic/bytes_out").asLong()).isEqualTo(1520);
        assertThat(flow.at("/cloud/project_uid").asText()).isEqualTo("acme-prod");
        assertThat(flow.get("time").asLong())
                .as("the flow's start")
                .isEqualTo(Instant.parse("2026-02-28T10:00:01.500Z").toEpochMilli());
        assertProduct(flow, "Google Cloud");

        String firewall = """
                {"logName": "projects/acme-prod/logs/compute.googleapis.com%%2Ffirewall",
                 "jsonPayload": {"connection": {"src_ip": "198.51.100.20", "src_port": 43710, "dest_ip": "10.142.0.2", "dest_port": 22, "protocol": 6},
                   "disposition": "%s", "instance": {"project_id": "acme-prod", "region": "us-east1", "vm_name": "bastion", "zone": "us-east1-b"},
                   "rule_details": {"action": "DENY", "direction": "INGRESS", "priority": 65534, "reference": "network:default/firewall:default-deny-ssh"}},
                 "timestamp": "2026-02-28T10:00:00Z"}""";
        JsonNode denied = json(firewall.formatted("DENIED"));
        assertThat(denied.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(denied.get("activity_name").asText()).isEqualTo("Refuse");
        assertThat(denied.get("action").asText()).isEqualTo("Denied");
        assertThat(denied.get("disposition").asText()).isEqualTo("Blocked");
        assertThat(denied.at("/firewall_rule/name").asText()).isEqualTo("network:default/firewall:default-deny-ssh");
        assertThat(denied.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.20");
        assertThat(denied.at("/device/hostname").asText()).isEqualTo("bastion");
        JsonNode allowed = json(firewall.formatted("ALLOWED"));
        assertThat(allowed.get("activity_name").asText()).isEqualTo("Open");
        assertThat(allowed.get("action").asText()).isEqualTo("Allowed");

        String request = """
                {"httpRequest": {"remoteIp": "198.51.100.7", "requestMethod": "POST", "requestUrl": "https://shop.example.com/wp-login.php",
                   "status": 403, "userAgent": "python-requests/2.31"},
                 "jsonPayload": {"@type": "type.googleapis.com/google.cloud.loadbalancing.type.LoadBalancerLogEntry",
                   %s "statusDetails": "%s"},
                 "logName": "projects/acme-prod/logs/requests", "resource": {"type": "http_load_balancer", "labels": {"project_id": "acme-prod"}},
                 "timestamp": "2026-02-28T10:00:00Z"}""";
        JsonNode armor = json(request.formatted("""
                "enforcedSecurityPolicy": {"name": "block-bad-bots", "outcome": "DENY", "configuredAction": "DENY", "priority": 1000},""", "denied_by_security_policy"));
        assertThat(armor.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(armor.get("activity_name").asText()).isEqualTo("Post");
        assertThat(armor.get("action").asText()).isEqualTo("Denied");
        assertThat(armor.at("/firewall_rule/name").asText()).isEqualTo("block-bad-bots");
        assertThat(armor.at("/http_response/code").asInt()).isEqualTo(403);
        assertThat(armor.at("/http_request/url/url_string").asText())
                .isEqualTo("https://shop.example.com/wp-login.php");
        assertThat(armor.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.7");
        JsonNode served = json(request.formatted("", "response_sent_by_backend")
                .replace("\"POST\"", "\"GET\"")
                .replace("403", "200"));
        assertThat(served.get("activity_name").asText()).isEqualTo("Get");
        assertThat(served.has("action")).isFalse();
        assertThat(served.at("/http_response/code").asInt()).isEqualTo(200);

        // Wazuh's GCP module wraps the same records
        JsonNode wrapped = json("{\"integration\": \"gcp\", \"gcp\": " + firewall.formatted("DENIED") + "}");
        assertThat(wrapped.get("action").asText()).isEqualTo("Denied");
        assertThat(wrapped.at("/dst_endpoint/port").asInt()).isEqualTo(22);
        // other Google Cloud logs are not network logs
        JsonNode other = json("""
                {"logName": "projects/acme-prod/logs/syslog", "jsonPayload": {"message": "hello"},
                 "resource": {"type": "gce_instance"}, "timestamp": "2026-02-28T10:00:00Z"}""");
        assertThat(other.get("class_uid").asInt()).isZero();
    }

    @Test
    void crowdStrikeFalconDetectionsLoginsAndConsoleActivity() throws Exception {
        // written from the Falcon SIEM Connector's documented event types and fields
        JsonNode detection = json("""
                {"metadata": {"customerIDString": "c1", "offset": 12345, "eventType": "DetectionSummaryEvent",
                              "eventCreationTime": 1772356502000, "version": "1.0"},
                 "event": {"ProcessId": 38684049189, "ComputerName": "WS-042", "UserName": "bob",
                   "DetectName": "Suspicious Activity", "DetectDescription": "A process tried to dump credentials.",
                   "Severity": 4, "SeverityName": "High", "FileName": "procdump64.exe",
                   "CommandLine": "procdump64.exe -ma lsass.exe out.dmp", "LocalIP": "10.0.0.42",
                   "FalconHostLink": "https://falcon.crowdstrike.com/activity/detections/detail/abc/1",
                   "DetectId": "ldt:abc:1", "Tactic": "Credential Access", "ParentImageFileName": "cmd.exe"}}""");
        assertThat(detection.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(detection.get("severity_id").asInt()).isEqualTo(4);
        assertThat(detection.at("/finding_info/title").asText()).isEqualTo("Suspicious Activity");
        assertThat(detection.at("/finding_info/uid").asText()).isEqualTo("ldt:abc:1");
        assertThat(detection.at("/finding_info/types/0").asText()).isEqualTo("Credential Access");
        assertThat(detection.at("/device/hostname").asText()).isEqualTo("WS-042");
        assertThat(detection.at("/actor/process/cmd_line").asText()).isEqualTo("procdump64.exe -ma lsass.exe out.dmp");
        assertThat(detection.at("/actor/process/parent_process/name").asText()).isEqualTo("cmd.exe");
        assertThat(detection.get("time").asLong()).isEqualTo(1772356502000L);
        assertProduct(detection, "Falcon");
        JsonNode critical = json("""
                {"metadata": {"eventType": "DetectionSummaryEvent", "eventCreationTime": 1772356502000},
                 "event": {"ComputerName": "WS-042", "DetectName": "Ransomware", "SeverityName": "Critical"}}""");
        assertThat(critical.get("severity_id").asInt()).isEqualTo(5);

        // the unified detection summary of endpoint protection, streamed and flat as Falcon Data Replicator writes it
        String epp = """
                {"Hostname": "WS-042", "UserName": "bob", "Name": "Known Malware",
                 "Description": "A file classified as malware was run.", "Severity": 70, "SeverityName": "High",
                 "FileName": "invoice.exe", "FilePath": "\\\\Device\\\\HarddiskVolume3\\\\Users\\\\bob\\\\invoice.exe",
                 "CommandLine": "invoice.exe /s", "SHA256String": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                 "AgentId": "a1b2", "CompositeId": "c1:ind:a1b2:100-200-300", "LocalIP": "192.0.2.42",
                 "FalconHostLink": "https://falcon.crowdstrike.com/activity-v2/detections/c1:ind:a1b2:100-200-300",
                 "Tactic": "Malware", "Technique": "Malicious File", "PatternId": 200,
                 "PatternDispositionDescription": "Prevention, process killed.", "ParentImageFileName": "explorer.exe"}""";
        JsonNode streamed =
                json("{\"metadata\": {\"customerIDString\": \"c1\", \"eventType\": \"EppDetectionSummaryEvent\","
                        + " \"eventCreationTime\": 1772356502000}, \"event\": " + epp + "}");
        JsonNode flat = json(epp);
        for (JsonNode eppDetection : List.of(streamed, flat)) {
            assertProduct(eppDetection, "Falcon");
            assertThat(eppDetection.get("class_uid").asInt()).isEqualTo(2004);
            assertThat(eppDetection.get("severity_id").asInt()).isEqualTo(4);
            assertThat(eppDetection.at("/finding_info/title").asText()).isEqualTo("Known Malware");
            assertThat(eppDetection.at("/finding_info/uid").asText()).isEqualTo("c1:ind:a1b2:100-200-300");
            assertThat(eppDetection.at("/finding_info/analytic/name").asText()).isEqualTo("Malicious File");
            assertThat(eppDetection.at("/device/hostname").asText()).isEqualTo("WS-042");
            assertThat(eppDetection.at("/device/ip").asText()).isEqualTo("192.0.2.42");
            assertThat(eppDetection.at("/actor/process/cmd_line").asText()).isEqualTo("invoice.exe /s");
            assertThat(eppDetection.at("/actor/process/parent_process/name").asText())
                    .isEqualTo("explorer.exe");
            assertThat(eppDetection.get("status_detail").asText()).isEqualTo("Prevention, process killed.");
        }
        assertThat(streamed.get("time").asLong()).isEqualTo(1772356502000L);

        JsonNode failedLogin = json("""
                {"metadata": {"eventType": "AuthActivityAuditEvent", "eventCreationTime": 1772356503000},
                 "event": {"UserId": "admin@contoso.com", "UserIp": "203.0.113.24", "OperationName": "userAuthenticate",
                           "ServiceName": "CrowdStrike Authentication", "Success": false, "UTCTimestamp": 1772356503}}""");
        assertThat(failedLogin.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(failedLogin.get("status_id").asInt()).isEqualTo(2);
        assertThat(failedLogin.at("/user/name").asText()).isEqualTo("admin@contoso.com");
        assertThat(failedLogin.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.24");
        JsonNode activity = json("""
                {"metadata": {"eventType": "UserActivityAuditEvent", "eventCreationTime": 1772356504000},
                 "event": {"UserId": "admin@contoso.com", "OperationName": "detection_update", "ServiceName": "detections",
                           "Success": true}}""");
        assertThat(activity.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(activity.at("/api/operation").asText()).isEqualTo("detection_update");
        assertThat(activity.get("status_id").asInt()).isEqualTo(1);
        // another event type is a Base Event of Falcon; a JSON with a metadata object of its own is not Falcon's
        assertThat(json("""
                {"metadata": {"eventType": "RemoteResponseSessionStartEvent", "eventCreationTime": 1772356505000},
                 "event": {"SessionId": "s1"}}""").get("class_uid").asInt()).isZero();
        assertThat(json("{\"metadata\": {\"version\": \"1\"}, \"event\": {\"action\": \"x\"}}")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("Falcon");
    }

    @Test
    void crowdStrikeFalconDataReplicatorSensorEventsAreProcessNetworkDnsLogonFileRegistryAndTaskActivity()
            throws Exception {
        // written from Falcon Data Replicator's documented event shape: event_simpleName, aid, cid,
        // values as text, ContextTimeStamp in epoch seconds on the host, timestamp in milliseconds in the cloud
        String common = "\"aid\": \"5d1a0c2e9b7f4e3a8c6d2b1f0e9a8c7d\", \"cid\": \"0f1e2d3c4b5a69788796a5b4c3d2e1f0\","
                + " \"aip\": \"203.0.113.77\", \"timestamp\": \"1772355601000\", ";
        JsonNode process = json("{" + common + """
                "event_simpleName": "ProcessRollup2", "name": "ProcessRollup2V19", "event_platform": "Win",
                 "id": "8a1f0c3e-1111-11f1-9a2b-0a1b2c3d4e5f", "ProcessStartTime": "1772355600.250",
                 "ImageFileName": "\\\\Device\\\\HarddiskVolume3\\\\Windows\\\\System32\\\\rundll32.exe",
                 "CommandLine": "rundll32.exe C:\\\\Users\\\\carol\\\\AppData\\\\Local\\\\Temp\\\\upd.dll,Start",
                 "RawProcessId": "6120", "TargetProcessId": "91234567890", "ParentProcessId": "91234500001",
                 "ParentBaseFileName": "winword.exe", "UserSid": "S-1-5-21-1004336348-1177238915-682003330-1107",
                 "UserName": "carol", "ComputerName": "WS-CAROL",
                 "SHA256HashData": "3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a"}""");
        assertProduct(process, "Falcon");
        assertThat(process.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(process.get("activity_id").asInt()).isEqualTo(1);
        assertThat(process.at("/process/name").asText()).isEqualTo("rundll32.exe");
        assertThat(process.at("/process/cmd_line").asText()).startsWith("rundll32.exe C:\\Users\\carol");
        assertThat(process.at("/process/pid").asInt()).isEqualTo(6120);
        assertThat(process.at("/process/parent_process/name").asText()).isEqualTo("winword.exe");
        assertThat(process.at("/process/user/name").asText()).isEqualTo("carol");
        assertThat(process.at("/process/file/hashes/0/algorithm_id").asInt()).isEqualTo(3);
        assertThat(process.at("/device/hostname").asText()).isEqualTo("WS-CAROL");
        assertThat(process.at("/device/uid").asText()).isEqualTo("5d1a0c2e9b7f4e3a8c6d2b1f0e9a8c7d");
        assertThat(process.get("time").asLong()).isEqualTo(1772355600250L);
        // a Linux process, the user as its uid; its end with the exit code
        JsonNode linux = json("{" + common + """
                "event_simpleName": "ProcessRollup2", "event_platform": "Lin", "ProcessStartTime": "1772355602.000",
                 "ImageFileName": "/usr/bin/curl", "CommandLine": "curl -s http://198.51.100.9/x.sh",
                 "RawProcessId": "40211", "UID": "1001", "ParentBaseFileName": "bash"}""");
        assertThat(linux.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(linux.at("/process/name").asText()).isEqualTo("curl");
        assertThat(linux.at("/process/user/uid").asText()).isEqualTo("1001");
        JsonNode end = json("{" + common + """
                "event_simpleName": "EndOfProcess", "ContextTimeStamp": "1772355603.000",
                 "TargetProcessId": "91234567890", "RawProcessId": "6120", "ExitCode": "1"}""");
        assertThat(end.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(end.get("activity_id").asInt()).isEqualTo(2);
        assertThat(end.get("exit_code").asInt()).isEqualTo(1);

        // connections: outbound from the host, inbound with the remote end as the source
        JsonNode connect = json("{" + common + """
                "event_simpleName": "NetworkConnectIP4", "ContextTimeStamp": "1772355604.000", "ConnectionDirection": "0",
                 "LocalAddressIP4": "192.0.2.15", "LocalPort": "50522", "RemoteAddressIP4": "198.51.100.9",
                 "RemotePort": "443", "Protocol": "6", "ContextProcessId": "91234567890"}""");
        MappedRecords.assertFlow(connect, 1, "192.0.2.15", 50522, "198.51.100.9", 443);
        assertThat(connect.at("/connection_info/direction_id").asInt()).isEqualTo(2);
        assertThat(connect.at("/actor/process/uid").asText()).isEqualTo("91234567890");
        JsonNode accept = json("{" + common + """
                "event_simpleName": "NetworkReceiveAcceptIP4", "ContextTimeStamp": "1772355605.000",
                 "LocalAddressIP4": "192.0.2.15", "LocalPort": "3389", "RemoteAddressIP4": "203.0.113.40",
                 "RemotePort": "61001", "Protocol": "6"}""");
        MappedRecords.assertFlow(accept, 1, "203.0.113.40", 61001, "192.0.2.15", 3389);
        assertThat(accept.at("/connection_info/direction_id").asInt()).isEqualTo(1);
        JsonNode dns = json("{" + common + """
                "event_simpleName": "DnsRequest", "ContextTimeStamp": "1772355606.000", "DomainName": "updates.example.com",
                 "RequestType": "28", "RespondingDnsServer": "192.0.2.53", "FirstIP4Record": "198.51.100.9"}""");
        assertThat(dns.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(dns.at("/query/hostname").asText()).isEqualTo("updates.example.com");
        assertThat(dns.at("/query/type").asText()).isEqualTo("AAAA");

        // logons: success and failure with the user, logon type and the remote address
        JsonNode logon = json("{" + common + """
                "event_simpleName": "UserLogon", "LogonTime": "1772355607.000", "UserName": "carol",
                 "UserSid": "S-1-5-21-1004336348-1177238915-682003330-1107", "LogonDomain": "EXAMPLE",
                 "LogonType": "10", "RemoteAddressIP4": "203.0.113.40", "AuthenticationPackage": "Negotiate"}""");
        MappedRecords.assertLogon(logon, 1, "carol", "203.0.113.40");
        assertThat(logon.get("logon_type_id").asInt()).isEqualTo(10);
        assertThat(logon.at("/user/domain").asText()).isEqualTo("EXAMPLE");
        JsonNode failed = json("{" + common + """
                "event_simpleName": "UserLogonFailed2", "ContextTimeStamp": "1772355608.000", "UserName": "administrator",
                 "LogonType": "3", "RemoteAddressIP4": "203.0.113.41", "SubStatus": "3221225578"}""");
        MappedRecords.assertLogon(failed, 2, "administrator", "203.0.113.41");
        assertThat(failed.get("status_code").asText()).isEqualTo("3221225578");

        // files: written, deleted, renamed; a registry value set; a driver loaded; a task registered
        JsonNode written = json("{" + common + """
                "event_simpleName": "NewExecutableWritten", "ContextTimeStamp": "1772355609.000",
                 "TargetFileName": "\\\\Device\\\\HarddiskVolume3\\\\Users\\\\carol\\\\AppData\\\\Local\\\\Temp\\\\upd.dll",
                 "Size": "184320", "ContextProcessId": "91234567890"}""");
        assertThat(written.get("class_uid").asInt()).isEqualTo(1001);
        assertThat(written.get("activity_id").asInt()).isEqualTo(1);
        assertThat(written.at("/file/name").asText()).isEqualTo("upd.dll");
        assertThat(written.at("/file/size").asLong()).isEqualTo(184320L);
        JsonNode archive = json("{" + common + """
                "event_simpleName": "ZipFileWritten", "ContextTimeStamp": "1772355609.500",
                 "TargetFileName": "/home/dave/exfil.zip"}""");
        assertThat(archive.get("activity_id").asInt()).isEqualTo(1);
        assertThat(archive.at("/file/name").asText()).isEqualTo("exfil.zip");
        JsonNode deleted = json("{" + common + """
                "event_simpleName": "FileDeleteInfo", "ContextTimeStamp": "1772355610.000",
                 "TargetFileName": "\\\\Device\\\\HarddiskVolume3\\\\Windows\\\\Temp\\\\a.ps1"}""");
        assertThat(deleted.get("class_uid").asInt()).isEqualTo(1001);
        assertThat(deleted.get("activity_id").asInt()).isEqualTo(4);
        JsonNode renamed = json("{" + common + """
                "event_simpleName": "FileRenameInfo", "ContextTimeStamp": "1772355611.000",
                 "SourceFileName": "\\\\Device\\\\HarddiskVolume3\\\\Users\\\\carol\\\\report.docx",
                 "TargetFileName": "\\\\Device\\\\HarddiskVolume3\\\\Users\\\\carol\\\\report.docx.locked"}""");
        assertThat(renamed.get("activity_id").asInt()).isEqualTo(5);
        assertThat(renamed.at("/file/name").asText()).isEqualTo("report.docx");
        assertThat(renamed.at("/file_result/name").asText()).isEqualTo("report.docx.locked");
        JsonNode registry = json("{" + common + """
                "event_simpleName": "AsepValueUpdate", "ContextTimeStamp": "1772355612.000", "RegOperationType": "1",
                 "RegObjectName": "\\\\REGISTRY\\\\USER\\\\S-1-5-21-1-2-3-1107\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run",
                 "RegValueName": "Updater", "RegStringValue": "rundll32.exe upd.dll,Start"}""");
        assertThat(registry.get("class_uid").asInt()).isEqualTo(201002);
        assertThat(registry.get("activity_id").asInt()).isEqualTo(2);
        assertThat(registry.at("/reg_value/name").asText()).isEqualTo("Updater");
        assertThat(registry.at("/reg_value/data").asText()).isEqualTo("rundll32.exe upd.dll,Start");
        JsonNode driver = json("{" + common + """
                "event_simpleName": "DriverLoad", "ContextTimeStamp": "1772355613.000",
                 "ImageFileName": "\\\\Device\\\\HarddiskVolume3\\\\Windows\\\\System32\\\\drivers\\\\vuln.sys"}""");
        assertThat(driver.get("class_uid").asInt()).isEqualTo(1002);
        assertThat(driver.at("/driver/file/path").asText()).endsWith("vuln.sys");
        JsonNode task = json("{" + common + """
                "event_simpleName": "ScheduledTaskRegistered", "ContextTimeStamp": "1772355614.000", "UserName": "carol",
                 "TaskName": "\\\\Microsoft\\\\Windows\\\\Updater", "TaskExecCommand": "C:\\\\Users\\\\carol\\\\upd.exe"}""");
        assertThat(task.get("class_uid").asInt()).isEqualTo(1006);
        assertThat(task.get("activity_id").asInt()).isEqualTo(1);
        assertThat(task.at("/job/name").asText()).isEqualTo("\\Microsoft\\Windows\\Updater");

        // the sensor's housekeeping stays a Base Event of Falcon; an event without the sensor's ids is not Falcon's
        MappedRecords.assertBaseEventOf(json("{" + common + """
                "event_simpleName": "SensorHeartbeat", "ConfigBuild": "1007.3.0019807.1"}"""), "Falcon");
        MappedRecords.assertBaseEventOf(json("{" + common + """
                "event_simpleName": "RawBindIP4", "ContextTimeStamp": "1772355615.000", "LocalAddressIP4": "192.0.2.15",
                 "LocalPort": "53"}"""), "Falcon");
        assertThat(json("{\"event_simpleName\": \"ProcessRollup2\", \"ImageFileName\": \"/bin/sh\"}")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("Falcon");
    }

    @Test
    void crowdStrikeFalconDataReplicatorSensorDetectionsAreDetectionFindings() throws Exception {
        // the sensor's own detection events, in Falcon Data Replicator's documented shape
        String common = "\"aid\": \"5d1a0c2e9b7f4e3a8c6d2b1f0e9a8c7d\", \"cid\": \"0f1e2d3c4b5a69788796a5b4c3d2e1f0\","
                + " \"aip\": \"203.0.113.77\", \"timestamp\": \"1772355630000\", ";
        JsonNode dcsync = json("{" + common + """
                "event_simpleName": "DCSyncAttempted", "id": "c1d2e3f4-2222-11f1-9a2b-0a1b2c3d4e5f",
                 "ContextTimeStamp": "1772355619.500", "ComputerName": "DC01", "UserName": "svc-backup",
                 "UserSid": "S-1-5-21-1004336348-1177238915-682003330-1190", "SubjectDomainNameEtw": "EXAMPLE",
                 "RemoteAddressIP4": "192.0.2.61", "ClientComputerName": "WS-DAVE", "EtwRawProcessId": "684"}""");
        assertProduct(dcsync, "Falcon");
        assertThat(dcsync.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(dcsync.get("activity_id").asInt()).isEqualTo(1);
        assertThat(dcsync.get("severity_id").asInt()).isEqualTo(4);
        assertThat(dcsync.at("/finding_info/title").asText()).isEqualTo("DCSync attempted");
        assertThat(dcsync.at("/finding_info/uid").asText()).isEqualTo("c1d2e3f4-2222-11f1-9a2b-0a1b2c3d4e5f");
        assertThat(dcsync.at("/actor/user/name").asText()).isEqualTo("svc-backup");
        assertThat(dcsync.at("/actor/user/domain").asText()).isEqualTo("EXAMPLE");
        assertThat(dcsync.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("192.0.2.61");
        assertThat(dcsync.at("/evidences/0/src_endpoint/hostname").asText()).isEqualTo("WS-DAVE");
        assertThat(dcsync.at("/device/hostname").asText()).isEqualTo("DC01");
        assertThat(dcsync.get("time").asLong()).isEqualTo(1772355619500L);
        // over IPv6, the client's name unknown ("-")
        JsonNode dcsync6 = json("{" + common + """
                "event_simpleName": "DCSyncAttempted", "ContextTimeStamp": "1772355619.600", "UserName": "eve",
                 "RemoteAddressIP6": "2001:db8::61", "ClientComputerName": "-"}""");
        assertThat(dcsync6.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("2001:db8::61");
        assertThat(dcsync6.at("/evidences/0/src_endpoint/hostname").isMissingNode())
                .isTrue();

        JsonNode sam = json("{" + common + """
                "event_simpleName": "SAMHashDumpFromUnsignedModule", "ContextTimeStamp": "1772355620.750",
                 "ImageFileName": "\\\\Device\\\\HarddiskVolume3\\\\Users\\\\carol\\\\AppData\\\\Local\\\\Temp\\\\dump64.exe",
                 "SHA256HashData": "4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b",
                 "RegObjectName": "\\\\REGISTRY\\\\MACHINE\\\\SAM\\\\SAM\\\\Domains\\\\Account", "ContextProcessId": "91234500888"}""");
        assertThat(sam.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(sam.get("severity_id").asInt()).isEqualTo(4);
        assertThat(sam.at("/finding_info/title").asText()).isEqualTo("SAM hash dump from an unsigned module");
        assertThat(sam.at("/actor/process/file/path").asText()).endsWith("\\Temp\\dump64.exe");
        assertThat(sam.at("/evidences/0/file/hashes/0/value").asText()).startsWith("4c5d6e7f");
        assertThat(sam.at("/resources/0/name").asText()).isEqualTo("\\REGISTRY\\MACHINE\\SAM\\SAM\\Domains\\Account");

        JsonNode brute = json("{" + common + """
                "event_simpleName": "RemoteBruteForceDetectInfo", "ComputerName": "SRV-FILES", "UserName": "administrator",
                 "LogonDomain": "EXAMPLE", "LogonType": "3", "TotalCount": "1250", "PatternId": "210",
                 "RemoteAddressIP4": "203.0.113.45", "ImageFileName": "\\\\Device\\\\HarddiskVolume2\\\\Windows\\\\System32\\\\lsass.exe"}""");
        assertThat(brute.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(brute.at("/finding_info/title").asText()).isEqualTo("Remote brute force");
        assertThat(brute.at("/finding_info/analytic/uid").asText()).isEqualTo("210");
        assertThat(brute.get("count").asInt()).isEqualTo(1250);
        assertThat(brute.at("/evidences/0/user/name").asText()).isEqualTo("administrator");
        assertThat(brute.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("203.0.113.45");
        assertThat(brute.get("time").asLong())
                .as("the cloud's time, without a host time")
                .isEqualTo(1772355630000L);

        JsonNode registry = json("{" + common + """
                "event_simpleName": "RegistryOperationDetectInfo", "ContextTimeStamp": "1772355623.000",
                 "RegObjectName": "\\\\REGISTRY\\\\MACHINE\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\SecurityProviders\\\\WDigest",
                 "RegValueName": "UseLogonCredential", "RegOperationType": "1", "PatternId": "24876",
                 "ImageFileName": "\\\\Device\\\\HarddiskVolume3\\\\Windows\\\\System32\\\\reg.exe",
                 "CommandLine": "reg add HKLM\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\SecurityProviders\\\\WDigest /v UseLogonCredential /d 1"}""");
        assertThat(registry.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(registry.at("/finding_info/title").asText()).isEqualTo("Registry operation detected");
        assertThat(registry.at("/finding_info/analytic/uid").asText()).isEqualTo("24876");
        assertThat(registry.at("/resources/0/name").asText()).endsWith("\\SecurityProviders\\WDigest");
        assertThat(registry.at("/actor/process/cmd_line").asText()).startsWith("reg add HKLM");

        // the value set itself stays Registry Value Activity; the names without the sensor's ids are not Falcon's
        JsonNode valueSet = json("{" + common + """
                "event_simpleName": "RegGenericValueUpdate", "ContextTimeStamp": "1772355624.000", "RegOperationType": "1",
                 "RegObjectName": "\\\\REGISTRY\\\\MACHINE\\\\SYSTEM\\\\CurrentControlSet\\\\Control\\\\SecurityProviders\\\\WDigest",
                 "RegValueName": "UseLogonCredential", "RegStringValue": "1"}""");
        assertThat(valueSet.get("class_uid").asInt()).isEqualTo(201002);
        MappedRecords.assertBaseEventOf(json("{" + common + """
                "event_simpleName": "DetectionExcluded", "ContextTimeStamp": "1772355625.000", "PatternId": "607"}"""), "Falcon");
        assertThat(json("{\"event_simpleName\": \"DCSyncAttempted\", \"UserName\": \"svc-backup\"}")
                        .get("class_uid")
                        .asInt())
                .isNotEqualTo(2004);
    }
}

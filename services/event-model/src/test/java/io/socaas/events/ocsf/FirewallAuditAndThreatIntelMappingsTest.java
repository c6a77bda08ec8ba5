package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Firewall lines beyond connections: administrators' configuration changes and API calls, and the
 * devices' threat intelligence and file verdicts, written from each vendor's documented formats.
 */
class FirewallAuditAndThreatIntelMappingsTest {

    @Test
    void fortigateLinesWithoutTheirSerialAreStillFortiGates() throws Exception {
        // FortiOS log reference examples and FortiAnalyzer exports leave devname and devid out
        JsonNode deny = line("date=2026-03-01 time=09:51:00 logid=\"0000000013\" type=\"traffic\" subtype=\"forward\""
                + " level=\"notice\" vd=\"root\" eventtime=1772358660123456789 srcip=198.51.100.9 srcport=40000"
                + " srcintf=\"wan1\" dstip=203.0.113.5 dstport=3389 dstintf=\"port1\" sessionid=9 proto=6"
                + " action=\"deny\" policyid=0 policytype=\"policy\" service=\"RDP\" sentbyte=0 rcvdbyte=0");
        assertProduct(deny, "FortiGate");
        assertFlow(deny, 5, "198.51.100.9", 40000, "203.0.113.5", 3389);
        assertDenied(deny);

        JsonNode failed = line("<185>eventtime=1772358700123456789 tz=\"+0100\" logid=\"0100032002\" type=\"event\""
                + " subtype=\"system\" level=\"alert\" vd=\"root\" logdesc=\"Admin login failed\" sn=\"0\""
                + " user=\"admin\" ui=\"ssh(198.51.100.20)\" method=\"ssh\" srcip=198.51.100.20 dstip=192.0.2.1"
                + " action=\"login\" status=\"failed\" reason=\"passwd_invalid\""
                + " msg=\"Administrator admin login failed from ssh(198.51.100.20) because of invalid password\"");
        assertThat(failed.get("class_uid").asInt()).isEqualTo(3002);
        assertStatus(failed, 2);
        assertThat(failed.at("/user/name").asText()).isEqualTo("admin");

        JsonNode ha = line("date=2026-03-01 time=09:53:18 logid=\"0108037894\" type=\"event\" subtype=\"ha\""
                + " level=\"critical\" vd=\"root\" eventtime=1772358798 logdesc=\"Virtual cluster member joined\""
                + " msg=\"Virtual cluster detected member join\" vcluster=1 ha_group=0");
        assertBaseEventOf(ha, "FortiGate");

        // key=value lines of other programs with a logid and a type are not taken for FortiOS
        JsonNode other = line("<14>Mar  1 09:00:00 app01 billing: logid=0000000001 type=event action=login vd=eu");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("FortiGate");
        // FortiSwitchOS writes the same fields but no virtual domain
        JsonNode fortiSwitch = line("date=2026-03-01 time=10:00:00 devname=\"S108EP\" devid=\"S108EPTF20000001\""
                + " logid=\"0100001101\" type=\"event\" subtype=\"system\" level=\"information\" eventtime=1772359200"
                + " user=\"admin\" msg=\"User admin login successful\"");
        assertThat(fortiSwitch.at("/metadata/product/name").asText()).isNotEqualTo("FortiGate");
    }

    @Test
    void fortigateConfigurationChangesAndRestApiCallsAreApiActivity() throws Exception {
        // FortiOS 7.x, logid 0100044547 "Object attribute configured"
        JsonNode added = line(
                "<190>date=2026-03-01 time=10:02:00 devname=\"FGT-HQ\" devid=\"FGT60FTK2209C042\""
                        + " eventtime=1772359320000000000 tz=\"+0000\" logid=\"0100044547\" type=\"event\" subtype=\"system\""
                        + " level=\"information\" vd=\"root\" logdesc=\"Object attribute configured\" user=\"netadmin\""
                        + " ui=\"https(192.0.2.50)\" action=\"Add\" cfgtid=1234 cfgpath=\"firewall.policy\" cfgobj=\"17\""
                        + " cfgattr=\"name[allow-rdp]srcintf[wan1]dstintf[port1]action[accept]\" msg=\"Add firewall.policy 17\"");
        assertProduct(added, "FortiGate");
        assertThat(added.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(added.get("activity_name").asText()).isEqualTo("Create");
        assertThat(added.at("/actor/user/name").asText()).isEqualTo("netadmin");
        assertThat(added.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.50");
        assertThat(added.at("/api/operation").asText()).isEqualTo("Add");
        assertThat(added.at("/api/service/name").asText()).isEqualTo("https");
        assertThat(added.at("/resources/0/name").asText()).isEqualTo("17");
        assertThat(added.at("/resources/0/type").asText()).isEqualTo("firewall.policy");
        assertThat(added.at("/message").asText()).isEqualTo("Add firewall.policy 17");
        assertStatus(added, 1);
        // the fields Sigma's FortiGate rules name stay as the device wrote them
        assertThat(added.at("/unmapped/cfgpath").asText()).isEqualTo("firewall.policy");
        assertThat(added.at("/unmapped/action").asText()).isEqualTo("Add");

        JsonNode deleted = line("date=2026-03-01 time=10:03:00 logid=\"0100044547\" type=\"event\" subtype=\"system\""
                + " level=\"information\" vd=\"root\" eventtime=1772359380 logdesc=\"Object attribute configured\""
                + " user=\"netadmin\" ui=\"ssh(192.0.2.50)\" action=\"Delete\" cfgtid=1235 cfgpath=\"user.local\""
                + " cfgobj=\"contractor1\" msg=\"Delete user.local contractor1\"");
        assertThat(deleted.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(deleted.get("activity_name").asText()).isEqualTo("Delete");
        assertThat(deleted.at("/api/service/name").asText()).isEqualTo("ssh");
        assertThat(deleted.at("/resources/0/type").asText()).isEqualTo("user.local");

        // logid 0116047301 "REST API request success"
        JsonNode rest = line(
                "date=2026-03-01 time=10:04:00 eventtime=1772359440000000000 tz=\"+0000\""
                        + " logid=\"0116047301\" type=\"event\" subtype=\"rest-api\" level=\"information\" vd=\"root\""
                        + " logdesc=\"REST API request success\" user=\"api-backup\" ui=\"GUI(192.0.2.60)\" method=\"POST\""
                        + " path=\"system.config.backup\" status=\"200\" url=\"/api/v2/monitor/system/config/backup?scope=global\"");
        assertThat(rest.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(rest.get("activity_name").asText()).isEqualTo("Create");
        assertThat(rest.at("/actor/user/name").asText()).isEqualTo("api-backup");
        assertThat(rest.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.60");
        assertThat(rest.at("/resources/0/name").asText()).isEqualTo("system.config.backup");
        assertThat(rest.at("/http_request/http_method").asText()).isEqualTo("POST");
        assertThat(rest.at("/http_request/url/path").asText()).isEqualTo("/api/v2/monitor/system/config/backup");
        assertThat(rest.at("/http_request/url/query_string").asText()).isEqualTo("scope=global");
        assertThat(rest.at("/status_code").asText()).isEqualTo("200");
    }

    @Test
    void junosSecurityIntelligenceAndAdvancedThreatPreventionHits() throws Exception {
        // Junos OS system log reference: RT_SECINTEL SECINTEL_ACTION_LOG, structured form
        JsonNode cc = line("<14>1 2026-03-01T10:10:00.000Z srx-edge RT_SECINTEL - SECINTEL_ACTION_LOG"
                + " [junos@2636.1.1.1.2.129 category=\"secintel\" sub-category=\"CC\" action=\"BLOCK\""
                + " action-detail=\"DROP\" http-host=\"c2.example.net\" threat-severity=\"9\""
                + " source-address=\"192.0.2.44\" source-port=\"51515\" destination-address=\"203.0.113.80\""
                + " destination-port=\"443\" protocol-id=\"6\" application=\"SSL\" nested-application=\"N/A\""
                + " feed-name=\"cc_ip_data\" policy-name=\"outbound-inspect\" profile-name=\"cc-profile\""
                + " username=\"N/A\" roles=\"N/A\" session-id-32=\"60101\" source-zone-name=\"trust\""
                + " destination-zone-name=\"untrust\"]");
        assertProduct(cc, "SRX");
        assertFlow(cc, 5, "192.0.2.44", 51515, "203.0.113.80", 443);
        assertDenied(cc);
        assertThat(cc.get("is_alert").asBoolean()).isTrue();
        assertThat(cc.get("severity_id").asInt()).isEqualTo(5);
        assertThat(cc.at("/message").asText()).isEqualTo("cc_ip_data");
        assertThat(cc.at("/dst_endpoint/hostname").asText()).isEqualTo("c2.example.net");
        assertThat(cc.at("/firewall_rule/name").asText()).isEqualTo("outbound-inspect");

        // RT_AAMW AAMW_ACTION_LOG: a file blocked on its verdict
        JsonNode file = line("<14>1 2026-03-01T10:11:00.000Z srx-edge RT_AAMW - AAMW_ACTION_LOG"
                + " [junos@2636.1.1.1.2.129 hostname=\"downloads.example.com\" file-category=\"executable\""
                + " verdict-number=\"8\" malware-info=\"Trojan:Generic\" action=\"BLOCK\" list-hit=\"N/A\""
                + " file-hash-lookup=\"TRUE\" source-address=\"192.0.2.45\" source-port=\"50200\""
                + " destination-address=\"198.51.100.70\" destination-port=\"80\" protocol-id=\"6\""
                + " application=\"HTTP\" nested-application=\"N/A\" policy-name=\"aamw-policy\""
                + " username=\"alice\" roles=\"N/A\" session-id-32=\"60102\" source-zone-name=\"trust\""
                + " destination-zone-name=\"untrust\" sample-sha256=\"" + "ab".repeat(32) + "\""
                + " file-name=\"setup.exe\" url=\"http://downloads.example.com/setup.exe\"]");
        assertProduct(file, "SRX");
        assertDenied(file);
        assertThat(file.get("is_alert").asBoolean()).isTrue();
        assertThat(file.get("severity_id").asInt()).isEqualTo(4);
        assertThat(file.at("/message").asText()).isEqualTo("Trojan:Generic");
        assertThat(file.at("/actor/user/name").asText()).isEqualTo("alice");

        // RT_AAMW AAMW_MALWARE_EVENT_LOG: a host downloaded malware
        JsonNode malware = line("<14>1 2026-03-01T10:12:00.000Z srx-edge RT_AAMW - AAMW_MALWARE_EVENT_LOG"
                + " [junos@2636.1.1.1.2.129 timestamp=\"Sun Mar 1 10:11:58 2026\" tenant-id=\"t-0001\""
                + " sample-sha256=\"" + "cd".repeat(32) + "\" client-ip=\"192.0.2.45\" verdict-number=\"9\""
                + " malware-info=\"Ransom:Locker\" username=\"alice\" hostname=\"pc-045.example.com\"]");
        assertProduct(malware, "SRX");
        assertThat(malware.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(malware.at("/finding_info/title").asText()).isEqualTo("Ransom:Locker");
        assertThat(malware.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("192.0.2.45");
        assertThat(malware.at("/evidences/0/user/name").asText()).isEqualTo("alice");
        assertThat(malware.at("/evidences/0/file/hashes/0/value").asText()).isEqualTo("cd".repeat(32));
        assertThat(malware.get("severity_id").asInt()).isEqualTo(5);
    }

    @Test
    void panOsUserIdLoginsAndLogoutsAreAuthentication() throws Exception {
        // PAN-OS 10 USERID log fields: subtype, generated time, vsys, source IP, user, data source name,
        // event id, repeat count, timeout, ports, data source, data source type, ...
        JsonNode login = line("<14>Mar  1 10:20:00 pa-fw01 1,2026/03/01 10:20:00,012801000001,USERID,login,2561,"
                + "2026/03/01 10:20:00,vsys1,192.0.2.31,example\\jdoe,dc01.example.com,0,1,2700,0,0,"
                + "active-directory,,7301234,0x0,0,0,0,0,,pa-fw01,1,,2026/03/01 10:19:58,1,0x0,jdoe");
        assertProduct(login, "PAN-OS");
        assertThat(login.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(login.get("activity_name").asText()).isEqualTo("Logon");
        assertStatus(login, 1);
        assertThat(login.at("/user/name").asText()).isEqualTo("example\\jdoe");
        assertThat(login.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.31");
        assertThat(login.at("/service/name").asText()).isEqualTo("active-directory");

        JsonNode logout = line("<14>Mar  1 10:40:00 pa-fw01 1,2026/03/01 10:40:00,012801000001,USERID,logout,2561,"
                + "2026/03/01 10:40:00,vsys1,198.51.100.12,jdoe,,0,1,0,0,0,vpn-client,globalprotect,7301240,0x0,"
                + "0,0,0,0,,pa-fw01,1,,2026/03/01 10:40:00,1,0x0,jdoe");
        assertThat(logout.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(logout.get("activity_name").asText()).isEqualTo("Logoff");
        assertThat(logout.at("/user/name").asText()).isEqualTo("jdoe");
        assertThat(logout.at("/service/name").asText()).isEqualTo("vpn-client");
        assertThat(logout.at("/status_detail").asText()).isEqualTo("globalprotect");
    }

    @Test
    void f5BigIpTelemetryStreamingWafRequestsAndAccessPolicyResults() throws Exception {
        // F5 Telemetry Streaming event listener output: ASM request log (JSON)
        JsonNode blocked = MappedRecords.json("{\"hostname\":\"bigip-01.example.com\",\"management_ip_address\":"
                + "\"192.0.2.5\",\"policy_name\":\"/Common/web-policy\",\"violations\":\"Attack signature detected\","
                + "\"support_id\":\"2834567890123456789\",\"request_status\":\"blocked\",\"response_code\":\"0\","
                + "\"ip_client\":\"203.0.113.77\",\"method\":\"GET\",\"protocol\":\"HTTPS\",\"query_string\":"
                + "\"id=1%27%20or%201=1\",\"sig_ids\":\"200002835\",\"sig_names\":\"SQL-INJ expressions like \\\"or 1=1\\\"\","
                + "\"date_time\":\"2026-03-01 09:58:00\",\"severity\":\"Error\",\"attack_type\":\"SQL-Injection\","
                + "\"src_port\":\"51000\",\"dest_port\":\"443\",\"dest_ip\":\"192.0.2.80\",\"uri\":\"/products\","
                + "\"request\":\"GET /products?id=1%27%20or%201=1 HTTP/1.1\\r\\nHost: shop.example.com\\r\\n"
                + "User-Agent: curl/8.5.0\\r\\n\\r\\n\",\"telemetryEventCategory\":\"ASM\"}");
        assertProduct(blocked, "BIG-IP");
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(blocked.get("activity_name").asText()).isEqualTo("Get");
        assertDenied(blocked);
        assertThat(blocked.get("is_alert").asBoolean()).isTrue();
        assertThat(blocked.get("severity_id").asInt()).isEqualTo(4);
        assertThat(blocked.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.77");
        assertThat(blocked.at("/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(blocked.at("/http_request/url/hostname").asText()).isEqualTo("shop.example.com");
        assertThat(blocked.at("/http_request/url/path").asText()).isEqualTo("/products");
        assertThat(blocked.at("/firewall_rule/name").asText()).isEqualTo("/Common/web-policy");
        assertThat(blocked.at("/message").asText()).isEqualTo("Attack signature detected");
        assertThat(blocked.at("/device/hostname").asText()).isEqualTo("bigip-01.example.com");

        // a Host header that is no plain host name is not taken for one
        JsonNode odd = MappedRecords.json("{\"hostname\":\"bigip-01\",\"request_status\":\"passed\",\"ip_client\":"
                + "\"203.0.113.78\",\"method\":\"POST\",\"uri\":\"/login\",\"request\":\"POST /login HTTP/1.1\\r\\n"
                + "Host: shop.example.com/../..%00\\r\\n\\r\\n\",\"telemetryEventCategory\":\"ASM\"}");
        assertThat(odd.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(odd.get("action_id").asInt()).isEqualTo(1);
        assertThat(odd.at("/http_request/url/hostname").isMissingNode()).isTrue();

        // APM access policy result
        JsonNode denied = MappedRecords.json("{\"hostname\":\"bigip-01.example.com\",\"errdefs_msgno\":\"01490102:5:\","
                + "\"partition_name\":\"Common\",\"session_id\":\"a1b2c3d4\",\"Access_Profile\":\"/Common/vpn-access\","
                + "\"Partition\":\"Common\",\"Session_Id\":\"a1b2c3d4\",\"Access_Policy_Result\":\"Logon_Deny\","
                + "\"telemetryEventCategory\":\"APM\",\"f5telemetry_timestamp\":\"2026-03-01T09:59:00.000Z\"}");
        assertThat(denied.get("class_uid").asInt()).isEqualTo(3002);
        assertStatus(denied, 2);
        assertThat(denied.at("/service/name").asText()).isEqualTo("/Common/vpn-access");
        assertThat(denied.at("/session/uid").asText()).isEqualTo("a1b2c3d4");
    }

    @Test
    void watchGuardIpsAlarmsBlockedSitesAndAptThreats() throws Exception {
        // Fireware log catalog: 3000-0153 SYN flood, 3000-0159 port scan, 3000-0172 blocked port,
        // 3001-1001 temporarily blocked host, 0F01-0015 APT threat
        String header = "<142>Mar  1 10:30:00 fw-branch FVE6035FD3AE3 (2026-03-01T10:30:00) firewall[10]: ";
        JsonNode flood = line(header + "msg_id=\"3000-0153\" SYN flood attack against 192.0.2.10 from 203.0.113.66"
                + " detected. 800 SYN packets dropped since last alarm. (IPS)");
        assertProduct(flood, "Fireware");
        assertThat(flood.get("class_uid").asInt()).isEqualTo(4001);
        assertDenied(flood);
        assertThat(flood.get("is_alert").asBoolean()).isTrue();
        assertThat(flood.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.66");
        assertThat(flood.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.10");
        assertThat(flood.at("/message").asText()).isEqualTo("SYN flood attack");
        assertThat(flood.get("count").asInt()).isEqualTo(800);

        JsonNode scan = line(header + "msg_id=\"3000-0159\" PORT scan attack against 192.0.2.10 from 203.0.113.67"
                + " detected. (IPS)");
        assertThat(scan.get("is_alert").asBoolean()).isTrue();
        assertThat(scan.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.67");
        assertThat(scan.at("/message").asText()).isEqualTo("PORT scan attack");

        JsonNode port = line(header + "msg_id=\"3000-0172\" Blocked port: Traffic detected from 203.0.113.68 to"
                + " 192.0.2.11 on port 23. (Blocked Ports)");
        assertDenied(port);
        assertThat(port.at("/dst_endpoint/port").asInt()).isEqualTo(23);
        assertThat(port.at("/message").asText()).isEqualTo("Blocked port");

        JsonNode blockedHost = line(header + "msg_id=\"3001-1001\" Temporarily blocking host 203.0.113.69"
                + " (reason = autoblock by policy)");
        assertDenied(blockedHost);
        assertThat(blockedHost.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.69");
        assertThat(blockedHost.at("/status_detail").asText()).isEqualTo("autoblock by policy");

        JsonNode apt = line(header + "msg_id=\"0F01-0015\" APT threat notified. Details='Policy Name: HTTP-proxy-00"
                + " Reason: high APT threat detected Task_UUID: 0123456789abcdef0123456789abcdef Source IP: 192.0.2.20"
                + " Source Port: 50123 Destination IP: 198.51.100.30 Destination Port: 80 Proxy Type: HTTP Proxy"
                + " Host: files.example.net Path: /invoice.exe'");
        assertThat(apt.get("is_alert").asBoolean()).isTrue();
        assertFlow(apt, 6, "192.0.2.20", 50123, "198.51.100.30", 80);
        assertThat(apt.at("/dst_endpoint/hostname").asText()).isEqualTo("files.example.net");
        assertThat(apt.at("/message").asText()).isEqualTo("high APT threat detected");

        // a feature expiring is no alarm
        JsonNode expired = line(header + "msg_id=\"3000-0005\" The IPS feature has expired.");
        assertBaseEventOf(expired, "Fireware");
    }

    @Test
    void firepowerFileAndMalwareEventsAreDetectionFindings() throws Exception {
        // Cisco Secure Firewall Threat Defense syslog: 430005 malware event, 430004 file event
        String sha = "0f".repeat(32);
        JsonNode blocked = line(
                "<113>2026-03-01T10:50:00Z ftd-edge : %FTD-1-430005: DeviceUUID: 0a1b2c3d-0000-1111-2222-333344445555,"
                        + " InstanceID: 1, FirstPacketSecond: 2026-03-01T10:49:58Z, ConnectionID: 4711, SrcIP: 192.0.2.50,"
                        + " DstIP: 198.51.100.90, SrcPort: 52000, DstPort: 80, Protocol: tcp, FileDirection: Download,"
                        + " FileAction: Malware Block, FileSHA256: " + sha + ", SHA_Disposition: Malware,"
                        + " SperoDisposition: Spero detection not performed on file, ThreatName: W32.Trojan.Agent,"
                        + " ThreatScore: 90, FileName: update.exe, FileType: MSEXE, FileSize: 123456, ApplicationProtocol: HTTP,"
                        + " Client: cURL, User: No Authentication Required, FilePolicy: block-malware,"
                        + " URI: http://downloads.example.net/update.exe");
        assertProduct(blocked, "Firepower Threat Defense");
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(2004);
        assertDenied(blocked);
        assertThat(blocked.get("is_alert").asBoolean()).isTrue();
        assertThat(blocked.get("severity_id").asInt()).isEqualTo(4);
        assertThat(blocked.at("/finding_info/title").asText()).isEqualTo("W32.Trojan.Agent");
        assertThat(blocked.at("/evidences/0/file/name").asText()).isEqualTo("update.exe");
        assertThat(blocked.at("/evidences/0/file/hashes/0/value").asText()).isEqualTo(sha);
        assertThat(blocked.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("192.0.2.50");
        assertThat(blocked.at("/evidences/0/dst_endpoint/port").asInt()).isEqualTo(80);
        assertThat(blocked.at("/evidences/0/url/url_string").asText())
                .isEqualTo("http://downloads.example.net/update.exe");
        assertThat(blocked.at("/firewall_rule/name").asText()).isEqualTo("block-malware");

        // a cloud lookup without a verdict is no alert
        JsonNode lookup =
                line("<113>2026-03-01T10:51:00Z ftd-edge : %FTD-1-430005: SrcIP: 192.0.2.51, DstIP: 198.51.100.91,"
                        + " SrcPort: 52001, DstPort: 80, Protocol: tcp, FileDirection: Download, FileAction: Malware Cloud Lookup,"
                        + " FileSHA256: " + sha
                        + ", SHA_Disposition: Unknown, ThreatName: Unknown, FileName: setup.cab,"
                        + " FileType: MSCAB, FileSize: 7000, ApplicationProtocol: HTTP, FilePolicy: block-malware,"
                        + " URI: http://downloads.example.net/setup.cab");
        assertThat(lookup.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(lookup.get("is_alert")).isNull();
        assertThat(lookup.get("severity_id").asInt()).isEqualTo(2);
        assertThat(lookup.at("/finding_info/title").asText()).isEqualTo("setup.cab");

        JsonNode file = line("Mar  1 2026 10:52:00 ftd-edge : %FTD-1-430004: SrcIP: 192.0.2.52, DstIP: 198.51.100.92,"
                + " SrcPort: 52002, DstPort: 8080, Protocol: tcp, FileDirection: Download, FileAction: Detect,"
                + " FileName: tool.elf, FileType: ELF, ApplicationProtocol: HTTP, Client: Wget, FilePolicy: detect-binaries,"
                + " URI: http://198.51.100.92:8080/tool.elf");
        assertThat(file.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(file.at("/finding_info/title").asText()).isEqualTo("tool.elf");
        assertThat(file.at("/finding_info/desc").asText()).isEqualTo("ELF");
    }

    @Test
    void firepowerIntrusionEventsAreFindingsAndConnectionEventsNameTheRuleTheUserAndTheApplication() throws Exception {
        // Cisco Secure Firewall Threat Defense and Firepower (%NGIPS-) security event syslog: 430001 intrusion,
        // 430002/430003 connection start and end, 430005 malware; the fields as the FMC event reference names them
        JsonNode reported = line("<185>Mar 01 2026 09:05:11 sensor-dc2 : %NGIPS-1-430001: DeviceUUID:"
                + " 7e2f0a10-3333-4444-5555-66667777aaaa, InstanceID: 2, FirstPacketSecond: 2026-03-01T09:05:10Z,"
                + " ConnectionID: 90210, SrcIP: 10.60.4.21, DstIP: 203.0.113.77, SrcPort: 49811, DstPort: 443,"
                + " Protocol: tcp, IngressInterface: lan, EgressInterface: wan, IngressZone: Branch-LAN, EgressZone: Internet,"
                + " Priority: 2, GID: 1, SID: 58722, Revision: 4, Message: \"MALWARE-CNC Win.Backdoor.Example outbound"
                + " connection, variant 2\", Classification: A Network Trojan was Detected, User: BRANCH\\m.haddad,"
                + " Client: SSL client, ApplicationProtocol: HTTPS, IntrusionPolicy: Branch-Detect, ACPolicy: Branch-ACP,"
                + " AccessControlRuleName: Inspect-Outbound, NAPPolicy: Balanced Security and Connectivity,"
                + " InlineResult: Would block");
        assertProduct(reported, "ASA");
        assertThat(reported.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(reported.get("is_alert").asBoolean()).isTrue();
        assertThat(reported.get("severity_id").asInt()).isEqualTo(3);
        assertThat(reported.at("/finding_info/title").asText())
                .isEqualTo("MALWARE-CNC Win.Backdoor.Example outbound connection, variant 2");
        assertThat(reported.at("/finding_info/uid").asText()).isEqualTo("58722");
        assertThat(reported.at("/finding_info/types/0").asText()).isEqualTo("A Network Trojan was Detected");
        // detection only: the traffic passed, the rule would have blocked it
        assertThat(reported.get("action").asText()).isEqualTo("Observed");
        assertThat(reported.get("disposition").asText()).isEqualTo("Detected");
        assertThat(reported.at("/actor/user/name").asText()).isEqualTo("BRANCH\\m.haddad");
        assertThat(reported.at("/actor/app_name").asText()).isEqualTo("SSL client");
        assertThat(reported.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("10.60.4.21");
        assertThat(reported.at("/evidences/0/src_endpoint/zone").asText()).isEqualTo("Branch-LAN");
        assertThat(reported.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("203.0.113.77");
        assertThat(reported.at("/evidences/0/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(reported.at("/evidences/0/dst_endpoint/svc_name").asText()).isEqualTo("HTTPS");
        assertThat(reported.at("/evidences/0/connection_info/protocol_name").asText())
                .isEqualTo("tcp");
        assertThat(reported.at("/firewall_rule/name").asText()).isEqualTo("Inspect-Outbound");
        assertThat(reported.at("/policy/name").asText()).isEqualTo("Branch-Detect");
        assertThat(reported.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:05:11Z"));

        // dropped inline by a Snort 3 rule, an unquoted message; no user was identified
        JsonNode dropped = line("Mar  1 2026 09:06:40 ftd-core : %FTD-1-430001: EventPriority: High,"
                + " SrcIP: 198.51.100.142, DstIP: 10.8.0.25, SrcPort: 51515, DstPort: 445, Protocol: tcp,"
                + " IngressInterface: outside, EgressInterface: servers, Priority: 1, GID: 1, SID: 41978, Revision: 5,"
                + " Message: OS-WINDOWS Microsoft Windows SMB remote code execution attempt, Classification:"
                + " Attempted Administrator Privilege Gain, User: No Authentication Required,"
                + " ApplicationProtocol: NetBIOS-ssn (SMB), InlineResult: Drop");
        assertThat(dropped.get("class_uid").asInt()).isEqualTo(2004);
        assertDenied(dropped);
        assertThat(dropped.get("severity_id").asInt()).isEqualTo(4);
        assertThat(dropped.at("/finding_info/title").asText())
                .isEqualTo("OS-WINDOWS Microsoft Windows SMB remote code execution attempt");
        assertThat(dropped.at("/actor/user").isMissingNode()).isTrue();
        assertThat(dropped.at("/evidences/0/dst_endpoint/svc_name").asText()).isEqualTo("NetBIOS-ssn (SMB)");
        assertThat(dropped.at("/evidences/0/src_endpoint/interface_name").asText())
                .isEqualTo("outside");

        // a connection that ended: the rule and policy, the user, the application and the URL
        JsonNode ended = line(
                "<113>2026-03-01T09:07:05Z ftd-core : %FTD-1-430003: DeviceUUID:"
                        + " 7e2f0a10-8888-4444-5555-66667777bbbb, ConnectionID: 7781, AccessControlRuleAction: Allow,"
                        + " SrcIP: 10.8.12.40, DstIP: 192.0.2.150, SrcPort: 50522, DstPort: 80, Protocol: tcp,"
                        + " IngressInterface: inside, EgressInterface: outside, IngressZone: Inside, EgressZone: Outside,"
                        + " ACPolicy: HQ-ACP, AccessControlRuleName: Allow-Web, Prefilter Policy: Default Prefilter Policy,"
                        + " User: HQ\\l.moreau, UserAgent: Wget/1.21, Client: Wget, ClientVersion: 1.21, ApplicationProtocol: HTTP,"
                        + " WebApplication: Example Updates, ConnectionDuration: 2, InitiatorPackets: 12, ResponderPackets: 40,"
                        + " InitiatorBytes: 1320, ResponderBytes: 52800, NAPPolicy: Balanced Security and Connectivity,"
                        + " HTTPResponse: 200, ReferencedHost: updates.example.org, URL: http://updates.example.org/pkg/tool.tar.gz");
        assertFlow(ended, 2, "10.8.12.40", 50522, "192.0.2.150", 80);
        assertAllowed(ended);
        assertThat(ended.at("/actor/user/name").asText()).isEqualTo("HQ\\l.moreau");
        assertThat(ended.get("app_protocol_name").asText()).isEqualTo("HTTP");
        assertThat(ended.get("app_name").asText()).isEqualTo("Example Updates");
        assertThat(ended.at("/firewall_rule/name").asText()).isEqualTo("Allow-Web");
        assertThat(ended.at("/policy/name").asText()).isEqualTo("HQ-ACP");
        assertThat(ended.at("/src_endpoint/zone").asText()).isEqualTo("Inside");
        assertThat(ended.at("/dst_endpoint/zone").asText()).isEqualTo("Outside");
        assertThat(ended.at("/url/url_string").asText()).isEqualTo("http://updates.example.org/pkg/tool.tar.gz");
        assertThat(ended.at("/connection_info/uid").asText()).isEqualTo("7781");
        assertThat(ended.at("/traffic/bytes_out").asLong()).isEqualTo(1320);
        assertThat(ended.at("/traffic/bytes_in").asLong()).isEqualTo(52800);
        assertThat(ended.at("/traffic/packets_out").asLong()).isEqualTo(12);
        assertThat(ended.at("/traffic/packets_in").asLong()).isEqualTo(40);
        assertThat(ended.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:07:05Z"));
        // without a web application, the client is the application
        JsonNode wget = line(ended.get("raw_data").asText().replace(" WebApplication: Example Updates,", ""));
        assertThat(wget.get("app_name").asText()).isEqualTo("Wget");

        // a connection blocked by Security Intelligence on a Firepower sensor: the reason; no user found
        JsonNode blocked =
                line("<113>2026-03-01T09:07:30Z sensor-dc2 : %NGIPS-1-430002: AccessControlRuleAction: Block,"
                        + " AccessControlRuleReason: IP Block, SrcIP: 10.60.4.33, DstIP: 203.0.113.201, SrcPort: 50600,"
                        + " DstPort: 443, Protocol: tcp, IngressInterface: lan, EgressInterface: wan, ACPolicy: Branch-ACP,"
                        + " AccessControlRuleName: Block-Reputation, User: Not Found, InitiatorPackets: 1, ResponderPackets: 0,"
                        + " InitiatorBytes: 66, ResponderBytes: 0");
        assertProduct(blocked, "ASA");
        assertFlow(blocked, 5, "10.60.4.33", 50600, "203.0.113.201", 443);
        assertDenied(blocked);
        assertThat(blocked.get("status_detail").asText()).isEqualTo("IP Block");
        assertThat(blocked.at("/firewall_rule/name").asText()).isEqualTo("Block-Reputation");
        assertThat(blocked.at("/actor/user").isMissingNode()).isTrue();

        // a malware event names the user, the client and the protocol that carried the file
        JsonNode malware = line("<113>2026-03-01T09:08:30Z ftd-core : %FTD-1-430005: ConnectionID: 7790,"
                + " SrcIP: 10.8.12.44, DstIP: 198.51.100.60, SrcPort: 50710, DstPort: 80, Protocol: tcp,"
                + " IngressZone: Inside, EgressZone: Outside, FileDirection: Download, FileAction: Malware Block,"
                + " FileSHA256: " + "3c".repeat(32)
                + ", SHA_Disposition: Malware, ThreatName: Win.Dropper.Example::1.sbx,"
                + " ThreatScore: 88, FileName: invoice_0302.doc, FileType: MSOLE2, FileSize: 48128,"
                + " ApplicationProtocol: HTTP, Client: Firefox, User: HQ\\p.kowalski, FilePolicy: block-malware,"
                + " URI: http://198.51.100.60/invoice_0302.doc");
        assertThat(malware.get("class_uid").asInt()).isEqualTo(2004);
        assertDenied(malware);
        assertThat(malware.at("/finding_info/title").asText()).isEqualTo("Win.Dropper.Example::1.sbx");
        assertThat(malware.at("/actor/user/name").asText()).isEqualTo("HQ\\p.kowalski");
        assertThat(malware.at("/actor/app_name").asText()).isEqualTo("Firefox");
        assertThat(malware.at("/evidences/0/dst_endpoint/svc_name").asText()).isEqualTo("HTTP");
        assertThat(malware.at("/evidences/0/src_endpoint/zone").asText()).isEqualTo("Inside");
        assertThat(malware.at("/evidences/0/file/size").asLong()).isEqualTo(48128);
    }

    @Test
    void junosVpnNegotiationsPortAuthenticationsAndSnmpRefusals() throws Exception {
        // Junos kmd, as SRX gateways log IKE negotiations
        JsonNode failed = line(
                "<27>1 2026-03-01T11:00:00.000+01:00 srx-vpn kmd 4242 - - IKE negotiation failed with error:"
                        + " No proposal chosen. IKE Version: 2, VPN: vpn-branch Gateway: gw-branch, Local: 192.0.2.1/500,"
                        + " Remote: 198.51.100.40/500, Local IKE-ID: 192.0.2.1, Remote IKE-ID: 198.51.100.40, VR-ID: 0");
        assertProduct(failed, "SRX");
        assertThat(failed.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(failed.get("activity_name").asText()).isEqualTo("Open");
        assertStatus(failed, 2);
        assertThat(failed.at("/status_detail").asText()).isEqualTo("No proposal chosen");
        assertThat(failed.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.40");
        assertThat(failed.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.1");
        assertThat(failed.at("/tunnel_interface/name").asText()).isEqualTo("vpn-branch");

        JsonNode up =
                line("<30>1 2026-03-01T11:01:00.000+01:00 srx-vpn kmd 4242 - - IKE negotiation successfully completed."
                        + " IKE Version: 2, VPN: vpn-branch Gateway: gw-branch, Local: 192.0.2.1/500, Remote: 198.51.100.40/500,"
                        + " Local IKE-ID: 192.0.2.1, Remote IKE-ID: 198.51.100.40, VR-ID: 0, Role: Responder");
        assertThat(up.get("class_uid").asInt()).isEqualTo(4014);
        assertStatus(up, 1);

        // dot1xd on an EX switch
        JsonNode dot1x = line("<30>1 2026-03-01T11:02:00.000+01:00 ex-access dot1xd 1500 DOT1XD_USR_AUTHENTICATED"
                + " [junos@2636.1.1.1.2.57 user-type=\"Dot1x\" username=\"alice\" mac-address=\"00:00:5e:00:53:10\""
                + " interface-name=\"ge-0/0/7.0\" vlan-name=\"staff\"] User alice logged in MacAddress 00:00:5e:00:53:10"
                + " interface ge-0/0/7.0 vlan staff");
        assertThat(dot1x.get("class_uid").asInt()).isEqualTo(3002);
        assertStatus(dot1x, 1);
        assertThat(dot1x.at("/user/name").asText()).isEqualTo("alice");
        assertThat(dot1x.at("/src_endpoint/mac").asText()).isEqualTo("00:00:5e:00:53:10");

        JsonNode snmp = line("<37>1 2026-03-01T11:03:00.000+01:00 srx-vpn snmpd 2100 SNMPD_AUTH_FAILURE"
                + " [junos@2636.1.1.1.2.129 function-name=\"nsa_log_community\" message=\"unauthorized SNMP community\""
                + " source-address=\"203.0.113.99\" destination-address=\"192.0.2.1\" index1=\"public\"]");
        assertThat(snmp.get("class_uid").asInt()).isEqualTo(3002);
        assertStatus(snmp, 2);
        assertThat(snmp.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.99");
    }

    @Test
    void fortigateIpsecNegotiationsAreTunnelActivity() throws Exception {
        // FortiOS log reference: 0101037124 "IPsec phase 1 error", 0101037127 "Progress IPsec phase 1",
        // 0101037141 "IPsec tunnel statistics"
        JsonNode error = line("<187>date=2026-03-01 time=11:10:00 devname=\"FGT-HQ\" devid=\"FGT60FTK2209C042\""
                + " eventtime=1772363400000000000 tz=\"+0000\" logid=\"0101037124\" type=\"event\" subtype=\"vpn\""
                + " level=\"error\" vd=\"root\" logdesc=\"IPsec phase 1 error\" msg=\"IPsec phase 1 error\""
                + " action=\"negotiate\" remip=198.51.100.61 locip=192.0.2.1 remport=500 locport=500 outintf=\"wan1\""
                + " cookies=\"0123456789abcdef/0000000000000000\" user=\"N/A\" group=\"N/A\" xauthuser=\"N/A\""
                + " xauthgroup=\"N/A\" assignip=N/A vpntunnel=\"to-branch\" status=\"negotiate_error\""
                + " reason=\"peer SA proposal not match local policy\" peer_notif=\"NOT-APPLICABLE\"");
        assertProduct(error, "FortiGate");
        assertThat(error.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(error.get("activity_name").asText()).isEqualTo("Open");
        assertStatus(error, 2);
        assertThat(error.at("/status_detail").asText()).isEqualTo("peer SA proposal not match local policy");
        assertThat(error.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.61");
        assertThat(error.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.1");
        assertThat(error.at("/dst_endpoint/interface_name").asText()).isEqualTo("wan1");
        assertThat(error.at("/tunnel_interface/name").asText()).isEqualTo("to-branch");
        assertThat(error.at("/user").isMissingNode()).isTrue();

        JsonNode progress = line("date=2026-03-01 time=11:11:00 logid=\"0101037127\" type=\"event\" subtype=\"vpn\""
                + " level=\"notice\" vd=\"root\" eventtime=1772363460 logdesc=\"Progress IPsec phase 1\""
                + " msg=\"progress IPsec phase 1\" action=\"negotiate\" remip=198.51.100.62 locip=192.0.2.1"
                + " remport=4500 locport=4500 outintf=\"wan1\" user=\"N/A\" group=\"N/A\" xauthuser=\"bob\""
                + " xauthgroup=\"vpn-users\" assignip=N/A vpntunnel=\"dialup\" status=\"success\" init=\"remote\""
                + " mode=\"main\" dir=\"inbound\" stage=1 role=\"responder\" result=\"OK\"");
        assertThat(progress.get("class_uid").asInt()).isEqualTo(4014);
        assertStatus(progress, 1);
        assertThat(progress.at("/user/name").asText()).isEqualTo("bob");
        assertThat(progress.at("/src_endpoint/port").asInt()).isEqualTo(4500);

        JsonNode stats = line("date=2026-03-01 time=11:20:00 logid=\"0101037141\" type=\"event\" subtype=\"vpn\""
                + " level=\"notice\" vd=\"root\" eventtime=1772364000 logdesc=\"IPsec tunnel statistics\""
                + " msg=\"IPsec tunnel statistics\" action=\"tunnel-stats\" remip=198.51.100.62 locip=192.0.2.1"
                + " remport=4500 locport=4500 outintf=\"wan1\" user=\"N/A\" group=\"N/A\" xauthuser=\"bob\""
                + " assignip=10.212.134.20 vpntunnel=\"dialup_0\" tunnelip=10.212.134.20 tunnelid=1234"
                + " tunneltype=\"ipsec\" duration=540 sentbyte=10240 rcvdbyte=20480 nextstat=600");
        assertThat(stats.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(stats.get("activity_id").asInt()).isEqualTo(99);
        assertThat(stats.at("/tunnel_interface/ip").asText()).isEqualTo("10.212.134.20");
        assertThat(stats.at("/traffic/bytes_out").asLong()).isEqualTo(10240);
        assertThat(stats.at("/traffic/bytes_in").asLong()).isEqualTo(20480);
    }

    @Test
    void merakiSiteToSiteVpnAndAnyConnectTunnelsAreTunnelActivity() throws Exception {
        // Meraki MX event log as syslog ("events" type)
        JsonNode ike = line("<134>1 1772362800.123456789 MX_HQ events Site-to-Site VPN: <branch-vpn|12> IKE_SA"
                + " branch-vpn[12] established between 192.0.2.1[192.0.2.1]...198.51.100.80[198.51.100.80]");
        assertProduct(ike, "Meraki");
        assertThat(ike.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(ike.get("activity_name").asText()).isEqualTo("Open");
        assertStatus(ike, 1);
        assertThat(ike.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.80");
        assertThat(ike.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.1");
        assertThat(ike.at("/tunnel_interface/name").asText()).isEqualTo("branch-vpn");

        JsonNode lost = line("<134>1 1772362900.123456789 MX_HQ events type=vpn_connectivity_change"
                + " vpn_type='site-to-site' peer_contact='198.51.100.81:51820' peer_ident='0123456789abcdef0123456789abcdef'"
                + " connectivity='false'");
        assertThat(lost.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(lost.get("activity_name").asText()).isEqualTo("Close");
        assertThat(lost.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.81");
        assertThat(lost.at("/src_endpoint/port").asInt()).isEqualTo(51820);

        JsonNode tunnel = line("<134>1 1772363000.123456789 MX_HQ events type=anyconnect_vpn_session_manager msg="
                + " 'Sess-ID[77] Peer IP=203.0.113.15 User[carol]: conn_id[901] Added DTLS tunnel[77.2] to DB '");
        assertThat(tunnel.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(tunnel.get("activity_name").asText()).isEqualTo("Open");
        assertThat(tunnel.at("/user/name").asText()).isEqualTo("carol");
        assertThat(tunnel.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.15");
        assertThat(tunnel.at("/protocol_name").asText()).isEqualTo("DTLS");

        JsonNode splash = line("<134>1 1772363100.123456789 MR_Lobby events type=splash_auth mac='00:00:5E:00:53:44'"
                + " duration='86400' vap='2' wired_vlan='-1' download='10Mbps' upload='5Mbps'");
        assertThat(splash.get("class_uid").asInt()).isEqualTo(3002);
        assertStatus(splash, 1);
        assertThat(splash.at("/src_endpoint/mac").asText()).isEqualTo("00:00:5E:00:53:44");
    }

    @Test
    void checkPointFailedManagementLoginWithoutAdministratorIsAuthentication() throws Exception {
        // Check Point Log Exporter, management audit: a login refused before an administrator was identified
        JsonNode failed = line(
                "<134>1 2026-03-01T11:30:00Z cp-mgmt CheckPoint 10547 - [action:\"Accept\"; flags:\"163872\";"
                        + " ifdir:\"outbound\"; loguid:\"{0x65000001,0x0,0x6401a8c0,0x3c7878a}\"; origin:\"192.0.2.5\";"
                        + " sequencenum:\"1\"; time:\"1772364600\"; version:\"5\"; additional_info:\"Administrator failed to log in:"
                        + " SIC Error for cpmi: authentication method not found\"; audit_status:\"Failure\"; client_ip:\"198.51.100.45\";"
                        + " operation:\"Log In\"; operation_number:\"11\"; product:\"Unknown\"; subject:\"Administrator Login\"]");
        assertThat(failed.get("class_uid").asInt()).isEqualTo(3002);
        assertStatus(failed, 2);
        assertThat(failed.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.45");
        assertThat(failed.at("/status_detail").asText()).startsWith("Administrator failed to log in");
    }

    @Test
    void junosFirewallFilterLogsAreNetworkActivity() throws Exception {
        // a firewall filter term with "then syslog", as the kernel and the packet forwarding engine write it
        JsonNode discarded =
                line("<158>1 2026-03-01T11:40:00.000+01:00 mx-edge - - - - fpc0 PFE_FW_SYSLOG_IP: FW: xe-0/0/1.0"
                        + "    D tcp 203.0.113.50 192.0.2.25 51515 22 (3 packets)");
        assertProduct(discarded, "SRX");
        assertFlow(discarded, 5, "203.0.113.50", 51515, "192.0.2.25", 22);
        assertDenied(discarded);
        assertThat(discarded.at("/src_endpoint/interface_name").asText()).isEqualTo("xe-0/0/1.0");
        assertThat(discarded.get("count").asInt()).isEqualTo(3);

        JsonNode accepted = line("<158>1 2026-03-01T11:41:00.000+01:00 srx-edge kernel - - - FW: ge-0/0/0.0 A udp"
                + " 192.0.2.26 198.51.100.53 40000 53");
        assertFlow(accepted, 6, "192.0.2.26", 40000, "198.51.100.53", 53);
        assertThat(accepted.get("action_id").asInt()).isEqualTo(1);

        // iptables' own LOG lines with an "FW: " prefix stay the kernel's packet filter's
        JsonNode netfilter = line(
                "<4>Mar  1 11:42:00 gw01 kernel: FW: IN=eth0 OUT= MAC=00:00:5e:00:53:01 SRC=203.0.113.51"
                        + " DST=192.0.2.27 LEN=60 TOS=0x00 PREC=0x00 TTL=50 ID=1 DF PROTO=TCP SPT=40001 DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0");
        assertThat(netfilter.at("/metadata/product/name").asText()).isNotEqualTo("SRX");
    }

    @Test
    void panOsHipMatchLogsArePanOsEvents() throws Exception {
        // PAN-OS HIP match log: the type is written HIPMATCH
        JsonNode hip = line("<14>Mar  1 11:50:00 pa-fw01 1,2026/03/01 11:50:00,012801000001,HIPMATCH,0,2561,"
                + "2026/03/01 11:49:58,example\\jdoe,vsys1,LAPTOP-042,Windows,192.0.2.31,corp-hip-profile,1,profile,0,0,"
                + "7301300,0x0,0,0,0,0,,pa-fw01,1,0.0.0.0,00:00:5e:00:53:42,SERIAL042");
        assertBaseEventOf(hip, "PAN-OS");
    }

    @Test
    void openVpnPacketsRefusedByTlsAuthAreFailedLogins() throws Exception {
        // OpenVPN with tls-auth: a packet without the right HMAC is dropped before any TLS handshake
        JsonNode refused =
                line("<27>Mar  1 12:00:00 vpn01 openvpn[812]: TLS Error: cannot locate HMAC in incoming packet"
                        + " from [AF_INET]203.0.113.120:40312");
        assertProduct(refused, "OpenVPN");
        assertThat(refused.get("class_uid").asInt()).isEqualTo(3002);
        assertStatus(refused, 2);
        assertThat(refused.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.120");
        assertThat(refused.at("/src_endpoint/port").asInt()).isEqualTo(40312);

        JsonNode refused6 =
                line("<27>Mar  1 12:00:01 vpn01 openvpn[812]: TLS Error: incoming packet authentication failed"
                        + " from [AF_INET6]2001:db8::7:1194");
        assertThat(refused6.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8::7");
        assertThat(refused6.at("/src_endpoint/port").asInt()).isEqualTo(1194);
    }

    @Test
    void junosAntiSpamVerdictsAreEmailActivity() throws Exception {
        // Junos UTM anti-spam, structured form
        JsonNode spam = line("<14>1 2026-03-01T12:10:00.000Z srx-mail RT_UTM - ANTISPAM_SPAM_DETECTED_MT"
                + " [junos@2636.1.1.1.2.129 source-zone=\"untrust\" destination-zone=\"dmz\" source-name=\"N/A\""
                + " source-address=\"203.0.113.140\" profile-name=\"as-smtp\" action=\"drop\""
                + " reason=\"Match local blacklist\" username=\"N/A\" roles=\"N/A\"]");
        assertProduct(spam, "SRX");
        assertThat(spam.get("class_uid").asInt()).isEqualTo(4009);
        assertThat(spam.get("activity_name").asText()).isEqualTo("Scan");
        assertDenied(spam);
        assertThat(spam.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.140");
        assertThat(spam.at("/policy/name").asText()).isEqualTo("as-smtp");
        assertThat(spam.at("/status_detail").asText()).isEqualTo("Match local blacklist");
    }

    @Test
    void merakiAirMarshalSpoofedAndRogueSsidsAreDetectionFindings() throws Exception {
        // Meraki MR/MX Air Marshal events as syslog
        JsonNode spoof = line("<134>1 1772366400.123456789 MR_Office airmarshal_events type=ssid_spoofing_detected"
                + " ssid='Corp-WiFi' vap='1' bssid='00:00:5E:00:53:A1' src='00:00:5E:00:53:A1' dst='FF:FF:FF:FF:FF:FF'"
                + " channel='6' rssi='40' fc_type='0' fc_subtype='8'");
        assertProduct(spoof, "Meraki");
        assertThat(spoof.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(spoof.get("severity_id").asInt()).isEqualTo(4);
        assertThat(spoof.at("/finding_info/title").asText()).isEqualTo("SSID spoofing detected");
        assertThat(spoof.at("/finding_info/desc").asText()).isEqualTo("Corp-WiFi");
        assertThat(spoof.at("/evidences/0/src_endpoint/mac").asText()).isEqualTo("00:00:5E:00:53:A1");

        JsonNode rogue = line("<134>1 1772366500.123456789 MR_Office airmarshal_events type=rogue_ssid_detected"
                + " ssid='FreeWiFi' bssid='00:00:5E:00:53:B2' src='00:00:5E:00:53:B2' dst='FF:FF:FF:FF:FF:FF'"
                + " wired_mac='00:00:5E:00:53:B0' vlan_id='20' channel='11' rssi='25' fc_type='0' fc_subtype='8'");
        assertThat(rogue.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(rogue.get("severity_id").asInt()).isEqualTo(3);
        assertThat(rogue.at("/finding_info/title").asText()).isEqualTo("Rogue SSID detected");
    }

    @Test
    void fortigateFakeAndRogueAccessPointsAreDetectionFindings() throws Exception {
        // FortiOS wireless event log (logid 0104043568 "Fake AP on air")
        JsonNode fake = line("<188>date=2026-03-01 time=12:30:00 devname=\"FGT-HQ\" devid=\"FGT60FTK2209C042\""
                + " eventtime=1772368200000000000 tz=\"+0000\" logid=\"0104043568\" type=\"event\" subtype=\"wireless\""
                + " level=\"warning\" vd=\"root\" logdesc=\"Fake AP on air\" ssid=\"Corp-WiFi\""
                + " bssid=\"00:00:5e:00:53:c1\" aptype=0 rate=130 radioband=\"802.11n\" channel=6 action=\"fake-ap-on-air\""
                + " manuf=\"Unknown\" security=\"WPA2 Personal\" encryption=\"AES\" signal=-60 noise=-95 onwire=\"no\""
                + " msg=\"Fake AP On-air Corp-WiFi 00:00:5e:00:53:c1 chan 6\"");
        assertProduct(fake, "FortiGate");
        assertThat(fake.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(fake.get("severity_id").asInt()).isEqualTo(4);
        assertThat(fake.get("is_alert").asBoolean()).isTrue();
        assertThat(fake.at("/finding_info/title").asText()).isEqualTo("Fake AP on air");
        assertThat(fake.at("/finding_info/desc").asText()).isEqualTo("Corp-WiFi");
        assertThat(fake.at("/evidences/0/src_endpoint/mac").asText()).isEqualTo("00:00:5e:00:53:c1");
    }
}

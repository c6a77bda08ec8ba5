package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
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
}

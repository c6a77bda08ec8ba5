package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAuthentication;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Kaspersky Security Center's SIEM export (RFC 5424 with the event in structured data, and CEF),
 * Mimecast's key=value SIEM log lines, Cisco Umbrella's admin audit log and Infoblox NIOS's
 * administrator logins and audit log, with lines written from their documented formats: threats are
 * Detection Findings, network attacks and blocked applications the activity they stopped, logins
 * Authentication and administrators' changes API Activity; other lines stay Base Events of the
 * product, and other sources' lines are not claimed.
 */
class EndpointThreatAndAdminAuditMappingsTest {

    private static final String KES = "<29>1 2026-03-01T09:58:00.000Z ws0042.corp.example.com KES|12.5.0.0 - ";

    @Test
    void kasperskySyslogThreatsAreDetectionFindings() throws Exception {
        JsonNode found = line(
                KES
                        + "GNRL_EV_VIRUS_FOUND [event@23668 p1=\"0B7C2D3E4F5A69788796A5B4C3D2E1F00F1E2D3C4B5A69788796A5B4C3D2E1F0\""
                        + " p2=\"C:\\\\Users\\\\jdoe\\\\Downloads\\\\invoice.exe\" p5=\"HEUR:Trojan.Win32.Generic\" p7=\"CORP\\\\jdoe\" p8=\"61\""
                        + " et=\"GNRL_EV_VIRUS_FOUND\" tdn=\"File Threat Protection\" etdn=\"Malicious object detected\" hdn=\"WS0042\""
                        + " hip=\"198.51.100.42\" gn=\"Finance laptops\"] Result description: Detected\\r\\nType: Trojan program\\r\\n"
                        + "Name: HEUR:Trojan.Win32.Generic\\r\\nUser: CORP\\jdoe (Active user)\\r\\nObject: C:\\Users\\jdoe\\Downloads\\invoice.exe");
        assertThat(found.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(found.get("activity_id").asInt()).isEqualTo(1);
        assertProduct(found, "Kaspersky Security Center");
        assertThat(found.at("/finding_info/title").asText()).isEqualTo("HEUR:Trojan.Win32.Generic");
        assertThat(found.at("/finding_info/analytic/name").asText()).isEqualTo("File Threat Protection");
        assertThat(found.at("/malware/0/name").asText()).isEqualTo("HEUR:Trojan.Win32.Generic");
        assertThat(found.at("/evidences/0/file/path").asText()).isEqualTo("C:\\Users\\jdoe\\Downloads\\invoice.exe");
        assertThat(found.at("/evidences/0/file/hashes/0/value").asText()).startsWith("0B7C2D3E");
        assertThat(found.at("/actor/user/name").asText()).isEqualTo("CORP\\jdoe");
        assertThat(found.at("/device/name").asText()).isEqualTo("WS0042");
        assertThat(found.at("/device/ip").asText()).isEqualTo("198.51.100.42");
        assertThat(found.at("/device/groups/0/name").asText()).isEqualTo("Finance laptops");
        assertThat(found.get("severity_id").asInt()).isEqualTo(4);
        assertThat(found.get("is_alert").asBoolean()).isTrue();
        assertThat(found.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:58:00Z"));

        JsonNode quarantined = line(
                KES + "GNRL_EV_OBJECT_QUARANTINED [event@23668 p2=\"C:\\\\Users\\\\jdoe\\\\Downloads\\\\invoice.exe\""
                        + " p5=\"HEUR:Trojan.Win32.Generic\" p7=\"CORP\\\\jdoe\" et=\"GNRL_EV_OBJECT_QUARANTINED\" tdn=\"File Threat Protection\""
                        + " etdn=\"Object moved to quarantine\" hdn=\"WS0042\" hip=\"198.51.100.42\" gn=\"Finance laptops\"] Result description: Quarantined");
        assertThat(quarantined.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(quarantined.get("activity_id").asInt()).isEqualTo(2);
        assertThat(quarantined.get("disposition_id").asInt()).isEqualTo(3);
        assertThat(quarantined.get("action_id").asInt()).isEqualTo(2);
        assertThat(quarantined.at("/finding_info/title").asText()).isEqualTo("HEUR:Trojan.Win32.Generic");

        JsonNode riskware = line(KES
                + "GNRL_EV_SUSPICIOUS_OBJECT_FOUND [event@23668 p2=\"C:\\\\Tools\\\\nc.exe\" p5=\"not-a-virus:RemoteAdmin.Win32.NetCat\""
                + " et=\"GNRL_EV_SUSPICIOUS_OBJECT_FOUND\" tdn=\"File Threat Protection\" etdn=\"Legitimate software detected\" hdn=\"WS0042\""
                + " hip=\"198.51.100.42\" gn=\"Finance laptops\"] Result description: Detected");
        assertThat(riskware.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(riskware.get("severity_id").asInt()).isEqualTo(3);
        assertThat(riskware.at("/finding_info/title").asText()).isEqualTo("not-a-virus:RemoteAdmin.Win32.NetCat");
    }

    @Test
    void kasperskyNetworkAttacksBlockedApplicationsAndOtherEvents() throws Exception {
        JsonNode attack = line(
                KES
                        + "GNRL_EV_ATTACK_DETECTED [event@23668 p1=\"Intrusion.Win.MS17-010.o\" p2=\"TCP\" p3=\"3405803786\" p4=\"445\""
                        + " et=\"GNRL_EV_ATTACK_DETECTED\" tdn=\"Network Threat Protection\" etdn=\"Network attack detected\" hdn=\"WS0042\""
                        + " hip=\"198.51.100.42\" gn=\"Finance laptops\"] User: CORP\\jdoe (Active user)\\r\\nComponent: Network Threat Protection\\r\\n"
                        + "Result description: Blocked\\r\\nName: Intrusion.Win.MS17-010.o\\r\\nObject: TCP from 203.0.113.66 at 198.51.100.42:445");
        assertThat(attack.get("class_uid").asInt()).isEqualTo(4001);
        assertDenied(attack);
        assertThat(attack.get("is_alert").asBoolean()).isTrue();
        assertThat(attack.get("message").asText()).isEqualTo("Intrusion.Win.MS17-010.o");
        assertThat(attack.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.66");
        assertThat(attack.at("/dst_endpoint/ip").asText()).isEqualTo("198.51.100.42");
        assertThat(attack.at("/dst_endpoint/port").asInt()).isEqualTo(445);
        assertThat(attack.at("/connection_info/protocol_name").asText()).isEqualTo("TCP");

        JsonNode launch = line(
                KES + "GNRL_EV_APPLICATION_LAUNCH_DENIE [event@23668 p2=\"CORP\\\\jdoe\" p6=\"psexec.exe\""
                        + " p7=\"C:\\\\Tools\\\\psexec.exe\" et=\"GNRL_EV_APPLICATION_LAUNCH_DENIED\" tdn=\"Application Control\""
                        + " etdn=\"Application startup prohibited\" hdn=\"WS0042\" hip=\"198.51.100.42\" gn=\"Finance laptops\"] Result: Blocked");
        assertThat(launch.get("class_uid").asInt()).isEqualTo(1007);
        assertThat(launch.get("activity_id").asInt()).isEqualTo(1);
        assertDenied(launch);
        assertThat(launch.at("/process/file/path").asText()).isEqualTo("C:\\Tools\\psexec.exe");
        assertThat(launch.at("/actor/user/name").asText()).isEqualTo("CORP\\jdoe");

        JsonNode update = line(
                KES + "000000cb [event@23668 et=\"000000cb\" tdn=\"Update\" etdn=\"Update completed\" hdn=\"WS0042\""
                        + " hip=\"198.51.100.42\" gn=\"Finance laptops\"] Databases updated");
        assertBaseEventOf(update, "Kaspersky Security Center");

        // another vendor's structured data is not this file's
        JsonNode other =
                line("<29>1 2026-03-01T09:58:00.000Z fw01 RT_FLOW - RT_FLOW_SESSION_DENY [junos@2636.1.1.1.2.26"
                        + " source-address=\"203.0.113.66\" source-port=\"40000\" destination-address=\"198.51.100.42\" destination-port=\"445\""
                        + " service-name=\"None\" protocol-id=\"6\" policy-name=\"deny-all\"] session denied");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Kaspersky Security Center");
    }

    @Test
    void kasperskyCefExportReadsTheSameEvents() throws Exception {
        String header = "<134>Mar  1 09:58:00 ksc01 CEF:0|KasperskyLab|SecurityCenter|14.2.0.26967|";
        JsonNode blocked = line(header
                + "GNRL_EV_VIRUS_FOUND_AND_BLOCKED|Malicious object detected and blocked|5|msg=Result\\\\Description:"
                + " Blocked\\\\r\\\\nName: HEUR:Trojan.Win32.Generic\\\\r\\\\nUser: CORP\\\\jdoe (Active user)\\\\r\\\\nObject:"
                + " C:\\\\Users\\\\jdoe\\\\Downloads\\\\invoice.exe rt=1772359080000 cs9=Finance laptops cs9Label=GroupName dhost=WS0042"
                + " dst=198.51.100.42 cs2=KES cs2Label=ProductName cs3=12.5.0.0 cs3Label=ProductVersion cs1=HEUR:Trojan.Win32.Generic"
                + " cs1Label=VirusName duser=CORP\\\\jdoe");
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(blocked.get("activity_id").asInt()).isEqualTo(1);
        assertDenied(blocked);
        assertProduct(blocked, "Kaspersky Security Center");
        assertThat(blocked.at("/finding_info/title").asText()).isEqualTo("HEUR:Trojan.Win32.Generic");
        assertThat(blocked.at("/evidences/0/file/path").asText()).isEqualTo("C:\\Users\\jdoe\\Downloads\\invoice.exe");
        assertThat(blocked.at("/actor/user/name").asText()).isEqualTo("CORP\\jdoe");
        assertThat(blocked.at("/device/hostname").asText()).isEqualTo("WS0042");
        assertThat(blocked.at("/device/ip").asText()).isEqualTo("198.51.100.42");
        assertThat(blocked.at("/device/groups/0/name").asText()).isEqualTo("Finance laptops");
        assertThat(blocked.get("time").asLong()).isEqualTo(1772359080000L);
        assertThat(blocked.get("message").asText()).startsWith("Result\\Description: Blocked");

        JsonNode attack = line(header
                + "GNRL_EV_ATTACK_DETECTED|Network attack detected|4|msg=User: CORP\\\\jdoe (Active user)\\\\r\\\\n"
                + "Result description: Blocked\\\\r\\\\nName: Scan.Generic.PortScan.TCP\\\\r\\\\nObject: TCP from 203.0.113.66 at"
                + " 198.51.100.42:3389 rt=1772359080000 dhost=WS0042 dst=198.51.100.42");
        assertThat(attack.get("class_uid").asInt()).isEqualTo(4001);
        assertDenied(attack);
        assertThat(attack.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.66");
        assertThat(attack.get("message").asText()).isEqualTo("Scan.Generic.PortScan.TCP");

        JsonNode task = line(header
                + "KLPRCI_TaskState|Completed successfully|1|rt=1772359080000 cs9=Finance laptops cs9Label=GroupName"
                + " dhost=WS0042 dst=198.51.100.42 cs10=Update cs10Label=TaskName cn2=4 cn2Label=TaskNewState");
        assertBaseEventOf(task, "Kaspersky Security Center");

        // Kaspersky Scan Engine's CEF is another product's
        JsonNode scanEngine = line(
                "<134>Mar  1 09:58:00 scan01 CEF:0|Kaspersky Lab|Kaspersky HTTP Service|2.1.0|3|Scan result|8|"
                        + "msg=DETECT src=198.51.100.7 cs1=DETECT cs1Label=Scan result cs2=EICAR-Test-File cs2Label=Virus name");
        assertThat(scanEngine.at("/metadata/product/name").asText()).isNotEqualTo("Kaspersky Security Center");
    }

    @Test
    void mimecastKeyValueLinesReadAsTheirJsonForm() throws Exception {
        JsonNode receipt = line(
                "datetime=2026-03-01T09:59:00+0000|aCode=Qx7pLm2N-a1|acc=CUST42|SpamLimit=0|IP=203.0.113.25|Dir=Inbound"
                        + "|MsgId=<20260301.1@mail.example.net>|Subject=\\Quarterly report | March\\|headerFrom=carol@example.net"
                        + "|Sender=bounce@example.net|Rcpt=dave@example.com|SpamInfo=[]|Act=Acc|TlsVer=TLSv1.3|Cphr=TLS_AES_256_GCM_SHA384"
                        + "|SpamProcessingDetail={\"spf\":{\"info\":\"SPF_PASS\",\"allow\":true}}|SpamScore=1");
        JsonNode receiptJson = json(
                "{\"datetime\":\"2026-03-01T09:59:00+0000\",\"aCode\":\"Qx7pLm2N-a1\",\"acc\":\"CUST42\",\"IP\":\"203.0.113.25\","
                        + "\"Dir\":\"Inbound\",\"MsgId\":\"<20260301.1@mail.example.net>\",\"Subject\":\"Quarterly report | March\","
                        + "\"headerFrom\":\"carol@example.net\",\"Sender\":\"bounce@example.net\",\"Rcpt\":\"dave@example.com\",\"Act\":\"Acc\"}");
        for (JsonNode r : new JsonNode[] {receipt, receiptJson}) {
            assertProduct(r, "Mimecast Email Security");
            assertThat(r.get("class_uid").asInt()).isEqualTo(4009);
            assertThat(r.get("activity_id").asInt()).isEqualTo(2);
            assertThat(r.get("action_id").asInt()).isEqualTo(1);
            assertThat(r.get("direction_id").asInt()).isEqualTo(1);
            assertThat(r.at("/email/subject").asText()).isEqualTo("Quarterly report | March");
            assertThat(r.at("/email/smtp_from").asText()).isEqualTo("bounce@example.net");
            assertThat(r.at("/email/to/0").asText()).isEqualTo("dave@example.com");
            assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.25");
            assertThat(r.at("/cloud/account/uid").asText()).isEqualTo("CUST42");
            assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:00Z"));
        }

        JsonNode refused =
                line("<14>Mar  1 09:59:01 collector mimecast: datetime=2026-03-01T09:59:01+0000|aCode=Rk2-b|acc=CUST42"
                        + "|IP=203.0.113.26|Dir=Inbound|Sender=spam@example.org|Rcpt=dave@example.com|Act=Rej|RejType=\\Invalid Recipient Address\\"
                        + "|RejCode=550|RejInfo=\\5.1.1 Recipient address rejected\\");
        assertThat(refused.get("class_uid").asInt()).isEqualTo(4009);
        assertDenied(refused);
        assertThat(refused.get("status_detail").asText()).isEqualTo("Invalid Recipient Address");
        assertThat(refused.get("message").asText()).isEqualTo("5.1.1 Recipient address rejected");

        JsonNode delivered = line(
                "datetime=2026-03-01T09:59:02+0000|aCode=Qx7pLm2N-a1|acc=CUST42|Delivered=true|IP=198.51.100.5|AttCnt=0"
                        + "|Dir=Inbound|ReceiptAck=250 2.6.0 Queued mail for delivery|MsgId=<20260301.1@mail.example.net>|Subject=\\Quarterly report\\"
                        + "|Latency=840|Sender=bounce@example.net|Rcpt=dave@example.com|Attempt=1|Snt=14532|UseTls=Yes");
        assertThat(delivered.get("activity_id").asInt()).isEqualTo(1);
        assertThat(delivered.get("status_id").asInt()).isEqualTo(1);
        assertThat(delivered.at("/dst_endpoint/ip").asText()).isEqualTo("198.51.100.5");
        assertThat(delivered.at("/email/subject").asText()).isEqualTo("Quarterly report");
        assertThat(delivered.get("message").asText()).isEqualTo("250 2.6.0 Queued mail for delivery");

        JsonNode virus = line(
                "datetime=2026-03-01T09:59:03+0000|aCode=Zz9|acc=CUST42|Sender=eve@example.org|Rcpt=dave@example.com"
                        + "|Subject=\\Your invoice\\|Virus=Trojan.Generic.Invoice|fileName=invoice.pdf.exe|sha256=ab12cd34|Route=Inbound");
        assertThat(virus.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(virus.at("/finding_info/title").asText()).isEqualTo("Trojan.Generic.Invoice");
        assertThat(virus.at("/evidences/0/email/subject").asText()).isEqualTo("Your invoice");

        // pipe-separated pairs of another source, without Mimecast's datetime and acc, are not claimed
        JsonNode other = line(
                "<14>Mar  1 09:59:04 app01 proxy: proxy=px1|sourceIP=198.51.100.9|url=http://example.com/a b|status=200");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Mimecast Email Security");
    }

    @Test
    void umbrellaAdminAuditLogIsApiActivity() throws Exception {
        JsonNode update =
                line("\"4711\",\"2026-03-01 09:57:00\",\"admin@example.com\",\"Ada Admin\",\"policies\",\"update\","
                        + "\"198.51.100.7\",\"name: Default\",\"name: Default, safe search: on\"");
        assertProduct(update, "Umbrella");
        assertThat(update.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(update.get("activity_id").asInt()).isEqualTo(3);
        assertThat(update.at("/actor/user/email_addr").asText()).isEqualTo("admin@example.com");
        assertThat(update.at("/actor/user/name").asText()).isEqualTo("Ada Admin");
        assertThat(update.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.7");
        assertThat(update.at("/resources/0/type").asText()).isEqualTo("policies");
        assertThat(update.at("/unmapped/auditBefore").asText()).isEqualTo("name: Default");
        assertThat(update.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:57:00Z"));

        JsonNode created =
                line("<14>Mar  1 09:57:30 collector umbrella: \"\",\"2026-03-01 09:57:01\",\"admin@example.com\",\"\","
                        + " \"destinationlists\", \"create\",\"\",\"\",\"name: Blocked vendors\"");
        assertThat(created.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(created.get("activity_id").asInt()).isEqualTo(1);
        assertThat(created.at("/actor/user/name").asText()).isEqualTo("admin@example.com");
        JsonNode deleted =
                line("\"4712\",\"2026-03-01 09:57:02\",\"admin@example.com\",\"Ada Admin\",\"identities\",\"delete\","
                        + "\"198.51.100.7\",\"name: Old site\",\"\"");
        assertThat(deleted.get("activity_id").asInt()).isEqualTo(4);

        // the DNS log stays DNS Activity
        JsonNode dns = line(
                "\"2026-03-01 09:57:03\",\"ws01\",\"ws01,Site\",\"192.0.2.10\",\"203.0.113.4\",\"Allowed\",\"1 (A)\","
                        + "\"NOERROR\",\"example.com.\",\"Search Engines\",\"Roaming Computers\",\"Roaming Computers\",\"\"");
        assertThat(dns.get("class_uid").asInt()).isEqualTo(4003);
    }

    @Test
    void infobloxAdminLoginsAndAuditLog() throws Exception {
        JsonNode allowed =
                line("<29>Mar  1 09:56:00 gm01.example.com httpd: 2026-03-01 09:56:00.120Z [ada]: Login_Allowed - -"
                        + " to=AdminConnector ip=198.51.100.7 auth=LOCAL group=admin-group apparently_via=GUI");
        assertLogon(allowed, 1, "ada", "198.51.100.7");
        assertProduct(allowed, "NIOS");
        assertThat(allowed.at("/service/name").asText()).isEqualTo("AdminConnector");
        assertThat(allowed.at("/user/groups/0/name").asText()).isEqualTo("admin-group");
        assertThat(allowed.at("/device/hostname").asText()).isEqualTo("gm01.example.com");
        assertThat(allowed.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:56:00.120Z"));

        JsonNode denied = line(
                "<29>Mar  1 09:56:01 gm01.example.com 192.0.2.53 httpd: 2026-03-01 09:56:01.005Z [mallory]: Login_Denied - -"
                        + " to=AdminConnector ip=203.0.113.66 info=Local apparently_via=API");
        assertLogon(denied, 2, "mallory", "203.0.113.66");
        assertThat(denied.get("status_detail").asText()).isEqualTo("Local");

        JsonNode serial =
                line("<29>Mar  1 09:56:02 gm01.example.com httpd: 2026-03-01 09:56:02.000Z [admin]: Login_Denied - -"
                        + " to=Serial\\040Console apparently_via=Direct error=invalid\\040login\\040or\\040password");
        assertAuthentication(serial, 1, "admin", null);
        assertThat(serial.at("/service/name").asText()).isEqualTo("Serial Console");
        assertThat(serial.get("status_id").asInt()).isEqualTo(2);

        JsonNode logout = line(
                "<29>Mar  1 09:56:03 gm01.example.com httpd[]: 2026-03-01 09:56:03.000Z [ada]: Logout - - ip=198.51.100.7"
                        + " group=admin-group trigger_event=Session\\040Expiration");
        assertAuthentication(logout, 2, "ada", "198.51.100.7");

        JsonNode modified =
                line("<29>Mar  1 09:56:04 gm01.example.com httpd: 2026-03-01 09:56:04.000Z [ada]: Modified Network"
                        + " 192.0.2.0/24 network_view=default: Changed comment:\"\"->\"lab\"");
        assertThat(modified.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(modified.get("activity_id").asInt()).isEqualTo(3);
        assertThat(modified.at("/actor/user/name").asText()).isEqualTo("ada");
        assertThat(modified.at("/resources/0/type").asText()).isEqualTo("Network");
        assertThat(modified.at("/resources/0/name").asText()).isEqualTo("192.0.2.0/24");
        JsonNode created =
                line("<29>Mar  1 09:56:05 gm01.example.com httpd: 2026-03-01 09:56:05.000Z [ada]: Created HostRecord"
                        + " web.example.com DnsView=default address=192.0.2.80: Set name=\"web\"");
        assertThat(created.get("activity_id").asInt()).isEqualTo(1);
        JsonNode deleted =
                line("<29>Mar  1 09:56:06 gm01.example.com httpd: 2026-03-01 09:56:06.000Z [ada]: Deleted ARecord"
                        + " old.example.com DnsView=default");
        assertThat(deleted.get("activity_id").asInt()).isEqualTo(4);
        JsonNode called = line(
                "<29>Mar  1 09:56:07 gm01.example.com httpd: 2026-03-01 09:56:07.000Z [ada]: Called - RestartService:"
                        + " Args services=[\"DNS\"],force=True");
        assertThat(called.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(called.get("activity_id").asInt()).isEqualTo(99);
        assertThat(called.at("/api/operation").asText()).isEqualTo("RestartService");

        // Apache's own httpd error log is not NIOS's
        JsonNode apache =
                line("<27>Mar  1 09:56:08 web01 httpd[2231]: [Sun Mar 01 09:56:08.123456 2026] [core:error] [pid 2231]"
                        + " [client 203.0.113.9:50000] AH00126: Invalid URI in request GET /../etc/passwd HTTP/1.1");
        assertThat(apache.at("/metadata/product/name").asText()).isNotEqualTo("NIOS");
    }
}

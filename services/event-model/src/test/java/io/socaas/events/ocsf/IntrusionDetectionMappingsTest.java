package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The network IDS/IPS that SME firewalls run (Suricata on OPNsense and pfSense, Snort on pfSense),
 * with records written from their documented outputs: Suricata's EVE JSON by event type, and the
 * alert lines both write as text (fast.log, syslog). Alerts are Detection Findings with the
 * signature, severity and both ends; other records reach their network classes.
 */
class IntrusionDetectionMappingsTest {

    private static final String EVE_ALERT =
            "{\"timestamp\":\"2026-03-01T10:00:00.123456+0100\",\"flow_id\":1234567890123,"
                    + "\"in_iface\":\"igb0\",\"event_type\":\"alert\",\"src_ip\":\"203.0.113.9\",\"src_port\":51234,"
                    + "\"dest_ip\":\"10.0.0.5\",\"dest_port\":1433,\"proto\":\"TCP\",\"alert\":{\"action\":\"allowed\","
                    + "\"gid\":1,\"signature_id\":2010935,\"rev\":3,\"signature\":\"ET SCAN Suspicious inbound to MSSQL"
                    + " port 1433\",\"category\":\"Potentially Bad Traffic\",\"severity\":2},\"host\":\"sensor1\"}";

    private static void assertFinding(
            JsonNode r, String product, String signature, String sid, int severityId, String srcIp, String dstIp) {
        assertProduct(r, product);
        assertThat(r.get("class_uid").asInt()).as("class of %s", r).isEqualTo(2004);
        assertThat(r.at("/finding_info/title").asText()).isEqualTo(signature);
        assertThat(r.at("/finding_info/uid").asText()).isEqualTo(sid);
        assertThat(r.get("severity_id").asInt()).isEqualTo(severityId);
        assertThat(r.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo(srcIp);
        assertThat(r.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo(dstIp);
    }

    @Test
    void suricataEveAlertsAreDetectionFindingsWithSignatureSeverityAndBothEnds() throws Exception {
        JsonNode alert = json(EVE_ALERT);
        assertFinding(
                alert,
                "Suricata",
                "ET SCAN Suspicious inbound to MSSQL port 1433",
                "2010935",
                3,
                "203.0.113.9",
                "10.0.0.5");
        assertThat(alert.at("/finding_info/types/0").asText()).isEqualTo("Potentially Bad Traffic");
        assertThat(alert.at("/evidences/0/dst_endpoint/port").asInt()).isEqualTo(1433);
        assertThat(alert.get("disposition_id").asInt()).isEqualTo(15); // Detected: the traffic went on
        assertThat(alert.has("action_id") && alert.get("action_id").asInt() == 2)
                .isFalse();
        assertThat(alert.at("/device/hostname").asText()).isEqualTo("sensor1");
        assertThat(alert.at("/metadata/log_name").asText()).isEqualTo("alert");
        // EVE's offset has no colon: +0100
        assertThat(alert.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:00:00.123Z"));
        assertThat(alert.at("/metadata/labels").toString()).doesNotContain("time_from_received");

        // in IPS mode: blocked, with the HTTP request that triggered it; severity 1 is High
        JsonNode blocked = json(EVE_ALERT
                .replace("\"allowed\"", "\"blocked\"")
                .replace("\"severity\":2", "\"severity\":1")
                .replace("\"host\":\"sensor1\"", "\"http\":{\"hostname\":\"bad.example\",\"url\":\"/x.php\"}"));
        assertDenied(blocked);
        assertThat(blocked.get("severity_id").asInt()).isEqualTo(4);
        assertThat(blocked.at("/evidences/0/http_request/url/hostname").asText())
                .isEqualTo("bad.example");
    }

    @Test
    void suricataEveProtocolRecordsReachTheirNetworkClasses() throws Exception {
        String head = "{\"timestamp\":\"2026-03-01T09:00:02.000000+0000\",\"flow_id\":2,";
        JsonNode query = json(head + "\"event_type\":\"dns\",\"src_ip\":\"10.0.0.5\",\"src_port\":53000,"
                + "\"dest_ip\":\"10.0.0.1\",\"dest_port\":53,\"proto\":\"UDP\",\"dns\":{\"type\":\"query\",\"id\":4242,"
                + "\"rrname\":\"evil.example\",\"rrtype\":\"A\",\"tx_id\":0}}");
        assertThat(query.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(query.get("activity_id").asInt()).isEqualTo(1);
        assertThat(query.at("/query/hostname").asText()).isEqualTo("evil.example");
        assertThat(query.at("/query/type").asText()).isEqualTo("A");
        // EVE version 3 (Suricata 8): the question under queries[], type response
        JsonNode reply = json(head + "\"event_type\":\"dns\",\"src_ip\":\"10.0.0.1\",\"src_port\":53,"
                + "\"dest_ip\":\"10.0.0.5\",\"dest_port\":53000,\"proto\":\"UDP\",\"dns\":{\"version\":3,"
                + "\"type\":\"response\",\"id\":4242,\"rcode\":\"NXDOMAIN\",\"queries\":[{\"rrname\":\"evil.example\","
                + "\"rrtype\":\"A\"}]}}");
        assertThat(reply.get("activity_id").asInt()).isEqualTo(2);
        assertThat(reply.at("/query/hostname").asText()).isEqualTo("evil.example");
        assertThat(reply.get("rcode").asText()).isEqualTo("NXDOMAIN");

        JsonNode http = json(head + "\"event_type\":\"http\",\"src_ip\":\"10.0.0.5\",\"src_port\":50001,"
                + "\"dest_ip\":\"93.184.216.34\",\"dest_port\":80,\"proto\":\"TCP\",\"http\":{\"hostname\":\"example.com\","
                + "\"url\":\"/index.html\",\"http_user_agent\":\"curl/8.0\",\"http_method\":\"POST\",\"protocol\":"
                + "\"HTTP/1.1\",\"status\":404,\"length\":1256}}");
        assertThat(http.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(http.get("activity_id").asInt()).isEqualTo(6); // Post
        assertThat(http.at("/http_request/url/hostname").asText()).isEqualTo("example.com");
        assertThat(http.at("/http_request/user_agent").asText()).isEqualTo("curl/8.0");
        assertThat(http.at("/http_response/code").asInt()).isEqualTo(404);
        assertThat(http.at("/http_response/length").isInt()).isTrue();

        JsonNode tls = json(head + "\"event_type\":\"tls\",\"src_ip\":\"10.0.0.5\",\"src_port\":50002,"
                + "\"dest_ip\":\"93.184.216.34\",\"dest_port\":443,\"proto\":\"TCP\",\"tls\":{\"subject\":"
                + "\"CN=example.com\",\"issuerdn\":\"CN=R3\",\"sni\":\"example.com\",\"version\":\"TLS 1.3\"}}");
        assertFlow(tls, 6, "10.0.0.5", 50002, "93.184.216.34", 443);
        assertThat(tls.at("/tls/sni").asText()).isEqualTo("example.com");
        assertThat(tls.at("/tls/certificate/subject").asText()).isEqualTo("CN=example.com");

        JsonNode flow = json(head + "\"event_type\":\"flow\",\"src_ip\":\"10.0.0.5\",\"src_port\":50003,"
                + "\"dest_ip\":\"93.184.216.34\",\"dest_port\":443,\"proto\":\"TCP\",\"app_proto\":\"tls\",\"flow\":"
                + "{\"pkts_toserver\":10,\"pkts_toclient\":12,\"bytes_toserver\":1200,\"bytes_toclient\":9000,"
                + "\"state\":\"closed\",\"reason\":\"timeout\"}}");
        assertFlow(flow, 2, "10.0.0.5", 50003, "93.184.216.34", 443);
        assertThat(flow.at("/traffic/bytes_out").asLong()).isEqualTo(1200);
        assertThat(flow.at("/traffic/bytes_in").asLong()).isEqualTo(9000);
        assertThat(flow.at("/traffic/packets_in").isInt()).isTrue();

        JsonNode ssh = json(head + "\"event_type\":\"ssh\",\"src_ip\":\"203.0.113.7\",\"src_port\":40000,"
                + "\"dest_ip\":\"10.0.0.9\",\"dest_port\":22,\"proto\":\"TCP\",\"ssh\":{\"client\":{\"proto_version\":"
                + "\"2.0\",\"software_version\":\"libssh2_1.9.0\"}}}");
        assertThat(ssh.get("class_uid").asInt()).isEqualTo(4007);
        assertThat(ssh.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.7");

        // a packet dropped in IPS mode, with EVE sent through syslog
        JsonNode drop = line("<174>Mar  1 09:00:08 fw01 suricata[4242]: " + head
                + "\"event_type\":\"drop\",\"src_ip\":\"203.0.113.9\",\"src_port\":1,\"dest_ip\":\"10.0.0.5\","
                + "\"dest_port\":445,\"proto\":\"TCP\",\"drop\":{\"len\":60,\"reason\":\"rules\"}}");
        assertFlow(drop, 5, "203.0.113.9", 1, "10.0.0.5", 445);
        assertDenied(drop);

        assertBaseEventOf(json(head + "\"event_type\":\"stats\",\"stats\":{\"uptime\":60}}"), "Suricata");
    }

    @Test
    void suricataEveRepliesCarryTheirAnswerAndFilesAreNetworkFileActivity() throws Exception {
        String head = "{\"timestamp\":\"2026-03-01T09:00:03.000000+0000\",\"flow_id\":3,\"event_type\":\"dns\","
                + "\"src_ip\":\"192.0.2.53\",\"src_port\":53,\"dest_ip\":\"192.0.2.10\",\"dest_port\":41000,"
                + "\"proto\":\"UDP\",";
        // EVE 2: the answers as a list
        JsonNode v2 = json(head + "\"dns\":{\"version\":2,\"type\":\"answer\",\"id\":7,\"rcode\":\"NOERROR\","
                + "\"rrname\":\"cdn.example.com\",\"rrtype\":\"A\",\"answers\":[{\"rrname\":\"cdn.example.com\","
                + "\"rrtype\":\"A\",\"ttl\":60,\"rdata\":\"203.0.113.44\"}]}}");
        assertThat(v2.get("activity_id").asInt()).isEqualTo(2);
        assertThat(v2.at("/answers/0/rdata").asText()).isEqualTo("203.0.113.44");
        assertThat(v2.at("/answers/0/type").asText()).isEqualTo("A");
        // EVE 1: one answer record per event
        JsonNode v1 = json(head + "\"dns\":{\"type\":\"answer\",\"id\":8,\"rcode\":\"NOERROR\","
                + "\"rrname\":\"www.example.com\",\"rrtype\":\"CNAME\",\"ttl\":300,\"rdata\":\"cdn.example.com\"}}");
        assertThat(v1.at("/query/hostname").asText()).isEqualTo("www.example.com");
        assertThat(v1.at("/answers/0/rdata").asText()).isEqualTo("cdn.example.com");
        assertThat(v1.at("/answers/0/type").asText()).isEqualTo("CNAME");
        // a reply without an answer (NXDOMAIN) has none
        JsonNode nx = json(head + "\"dns\":{\"version\":2,\"type\":\"answer\",\"id\":9,\"rcode\":\"NXDOMAIN\","
                + "\"rrname\":\"nope.example.com\",\"rrtype\":\"A\"}}");
        assertThat(nx.get("rcode").asText()).isEqualTo("NXDOMAIN");
        assertThat(nx.has("answers")).isFalse();

        String file = "{\"timestamp\":\"2026-03-01T09:00:04.000000+0000\",\"flow_id\":4,\"event_type\":\"fileinfo\","
                + "\"src_ip\":\"203.0.113.80\",\"src_port\":80,\"dest_ip\":\"192.0.2.10\",\"dest_port\":50100,"
                + "\"proto\":\"TCP\",\"app_proto\":\"http\",\"http\":{\"hostname\":\"dl.example.net\",\"url\":"
                + "\"/tools/agent.exe\",\"http_method\":\"METHOD\",\"http_content_type\":\"application/octet-stream\"},"
                + "\"fileinfo\":{\"filename\":\"/tools/agent.exe\",\"state\":\"CLOSED\",\"stored\":false,\"size\":48213,"
                + "\"md5\":\"0cc175b9c0f1b6a831c399e269772661\","
                + "\"sha256\":\"ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb\",\"tx_id\":0}}";
        JsonNode download = json(file.replace("METHOD", "GET"));
        assertThat(download.get("class_uid").asInt()).isEqualTo(4010);
        assertThat(download.get("activity_id").asInt()).isEqualTo(2);
        assertThat(download.at("/file/name").asText()).isEqualTo("/tools/agent.exe");
        assertThat(download.at("/file/size").asLong()).isEqualTo(48213);
        assertThat(download.at("/file/hashes/0/algorithm_id").asInt()).isEqualTo(3);
        assertThat(download.at("/file/hashes/0/value").asText())
                .isEqualTo("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
        assertThat(download.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.80");
        assertThat(download.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.10");
        assertThat(download.get("app_protocol_name").asText()).isEqualTo("http");
        assertThat(json(file.replace("METHOD", "POST")).get("activity_id").asInt())
                .isEqualTo(1);
        // a file over SMB, no HTTP method: Other
        assertThat(json(file.replace("METHOD", "GET")
                                .replace("\"app_proto\":\"http\"", "\"app_proto\":\"smb\"")
                                .replaceAll("\"http\":\\{[^}]*},", ""))
                        .get("activity_id")
                        .asInt())
                .isEqualTo(99);
        // anomalies stay Base Events
        assertBaseEventOf(
                json("{\"timestamp\":\"2026-03-01T09:00:05.000000+0000\",\"event_type\":\"anomaly\","
                        + "\"src_ip\":\"192.0.2.9\",\"dest_ip\":\"192.0.2.10\",\"proto\":\"TCP\",\"anomaly\":"
                        + "{\"type\":\"decode\",\"event\":\"decoder.ipv4.trunc_pkt\"}}"),
                "Suricata");
    }

    @Test
    void suricataAndSnortAlertLinesAreDetectionFindings() throws Exception {
        JsonNode fast = line("03/01/2026-09:00:00.123456  [**] [1:2010935:3] ET SCAN Suspicious inbound to MSSQL"
                + " port 1433 [**] [Classification: Potentially Bad Traffic] [Priority: 2] {TCP}"
                + " 203.0.113.9:51234 -> 10.0.0.5:1433");
        assertFinding(
                fast,
                "Suricata",
                "ET SCAN Suspicious inbound to MSSQL port 1433",
                "2010935",
                3,
                "203.0.113.9",
                "10.0.0.5");
        assertThat(fast.at("/evidences/0/src_endpoint/port").asInt()).isEqualTo(51234);
        assertThat(fast.at("/finding_info/types/0").asText()).isEqualTo("Potentially Bad Traffic");
        assertThat(fast.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:00:00.123Z"));

        JsonNode dropped = line("03/01/2026-09:00:01.5  [Drop] [**] [1:2024897:1] ET USER_AGENTS Go HTTP Client"
                + " [**] [Classification: A Network Trojan was detected] [Priority: 1] {TCP}"
                + " 10.0.0.5:50000 -> 198.51.100.1:80");
        assertFinding(dropped, "Suricata", "ET USER_AGENTS Go HTTP Client", "2024897", 4, "10.0.0.5", "198.51.100.1");
        assertDenied(dropped);

        // through syslog, as OPNsense and pfSense send them
        JsonNode opnsense = line("<173>Mar  1 09:00:02 opnsense suricata[4242]: [1:2100498:7] GPL ATTACK_RESPONSE id"
                + " check returned root [Classification: Potentially Bad Traffic] [Priority: 2] {TCP}"
                + " 198.51.100.1:80 -> 10.0.0.5:50000");
        assertFinding(
                opnsense,
                "Suricata",
                "GPL ATTACK_RESPONSE id check returned root",
                "2100498",
                3,
                "198.51.100.1",
                "10.0.0.5");
        assertThat(opnsense.at("/device/hostname").asText()).isEqualTo("opnsense");

        // Snort: ICMP has no ports; priority 3 is Low
        JsonNode snort = line("<33>Mar  1 09:00:03 pfsense snort[12345]: [1:1000001:1] ICMP test [Classification:"
                + " Misc activity] [Priority: 3] {ICMP} 10.0.0.1 -> 10.0.0.2");
        assertFinding(snort, "Snort", "ICMP test", "1000001", 2, "10.0.0.1", "10.0.0.2");
        assertThat(snort.at("/evidences/0/src_endpoint/port").isMissingNode()).isTrue();

        // IPv6 ends, bracketed (Snort) or compressed before the port (Suricata)
        JsonNode v6 = line("03/01-09:00:04.100000  [**] [129:12:1] Consecutive TCP small segments exceeding"
                + " threshold [**] [Classification: Potentially Bad Traffic] [Priority: 2] {TCP}"
                + " [2001:db8::1]:443 -> [2001:db8::2]:55000");
        assertFinding(
                v6,
                "Snort",
                "Consecutive TCP small segments exceeding threshold",
                "12",
                3,
                "2001:db8::1",
                "2001:db8::2");
        assertThat(v6.at("/evidences/0/dst_endpoint/port").asInt()).isEqualTo(55000);
        JsonNode v6Suricata = line("03/01/2026-09:00:05.000000  [**] [1:1:1] v6 [**] [Classification: x]"
                + " [Priority: 4] {UDP} 2001:db8::1:53 -> 2001:db8::2:5353");
        assertFinding(v6Suricata, "Suricata", "v6", "1", 1, "2001:db8::1", "2001:db8::2");
        assertThat(v6Suricata.at("/evidences/0/src_endpoint/port").asInt()).isEqualTo(53);

        // Snort's alert_csv as pfSense writes it: timestamp,gid,sid,rev,"msg",proto,src,srcport,dst,dstport,id,
        // classification,priority,action,disposition
        JsonNode csv = line("03/01/26-09:00:06.250000 ,1,2024364,3,\"ET SCAN Possible Nmap User-Agent Observed\",TCP,"
                + "203.0.113.45,51200,192.0.2.10,80,31337,Web Application Attack,1,alert,Allow");
        assertFinding(
                csv, "Snort", "ET SCAN Possible Nmap User-Agent Observed", "2024364", 4, "203.0.113.45", "192.0.2.10");
        assertThat(csv.at("/evidences/0/dst_endpoint/port").asInt()).isEqualTo(80);
        assertThat(csv.at("/finding_info/types/0").asText()).isEqualTo("Web Application Attack");
        JsonNode csvIcmp = line("03/01/26-09:00:07.000001 ,1,384,8,\"PROTOCOL-ICMP PING\",ICMP,203.0.113.46,,"
                + "192.0.2.11,,40001,Misc activity,3,drop,Block");
        assertFinding(csvIcmp, "Snort", "PROTOCOL-ICMP PING", "384", 2, "203.0.113.46", "192.0.2.11");
        assertThat(csvIcmp.at("/evidences/0/src_endpoint/port").isMissingNode()).isTrue();
        assertThat(csvIcmp.get("disposition_id").asInt()).isEqualTo(2);

        // Suricata's other lines stay Base Events of the product
        assertBaseEventOf(
                line("<173>Mar  1 09:00:06 opnsense suricata[4242]: [100] <Notice> -- rule reload complete"),
                "Suricata");
    }

    @Test
    void otherSourcesAreNotTakenForTheIds() throws Exception {
        // a JSON event with an event_type but none of EVE's addresses
        JsonNode other = json("{\"timestamp\":\"2026-03-01T09:00:00Z\",\"event_type\":\"alert\",\"message\":\"x\"}");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Suricata");
        // text that merely holds brackets like an alert's
        JsonNode text = line("<13>Mar  1 09:00:00 host app[1]: [1:2:3] something [**] happened");
        assertThat(text.at("/metadata/product/name").asText()).isNotIn("Suricata", "Snort");
        assertThat(text.get("class_uid").asInt()).isZero();
    }
}

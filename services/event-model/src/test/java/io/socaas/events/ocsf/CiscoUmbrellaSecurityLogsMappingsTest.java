package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Cisco Umbrella's intrusion prevention and data loss prevention logs, and what its proxy, DNS and cloud
 * firewall logs say about a threat, written in the column order of Umbrella's S3 export with values of
 * our own.
 */
class CiscoUmbrellaSecurityLogsMappingsTest {

    private static final String IPS = "\"2026-03-01 09:15:00\",\"Branch Tunnel\",\"Network Tunnels\",\"1\",\"58001\","
            + "\"SERVER-WEBAPP Example appliance command injection attempt\",\"1410\",\"HIGH\","
            + "\"Attempted Administrator Privilege Gain\",\"cve-2026-0001\",\"TCP\",\"998877\",\"198.51.100.23\","
            + "\"40112\",\"192.0.2.80\",\"443\",\"Blocked\"";

    @Test
    void intrusionPreventionHitsAreAlertsWithTheSignatureAndTheConnection() throws Exception {
        JsonNode blocked = line(IPS);
        assertProduct(blocked, "Umbrella");
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(blocked.get("is_alert").asBoolean()).isTrue();
        assertDenied(blocked);
        assertThat(blocked.get("severity_id").asInt()).isEqualTo(4);
        assertThat(blocked.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:15:00Z"));
        assertThat(blocked.at("/finding_info/title").asText())
                .isEqualTo("SERVER-WEBAPP Example appliance command injection attempt");
        assertThat(blocked.at("/finding_info/uid").asText()).isEqualTo("58001");
        assertThat(blocked.at("/finding_info/types/0").asText()).isEqualTo("Attempted Administrator Privilege Gain");
        assertThat(blocked.at("/vulnerabilities/0/cve/uid").asText()).isEqualTo("cve-2026-0001");
        assertThat(blocked.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("198.51.100.23");
        assertThat(blocked.at("/evidences/0/src_endpoint/port").asInt()).isEqualTo(40112);
        assertThat(blocked.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("192.0.2.80");
        assertThat(blocked.at("/evidences/0/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(blocked.at("/evidences/0/connection_info/protocol_name").asText())
                .isEqualTo("TCP");

        // detection mode: the traffic went through
        JsonNode detected = line(IPS.replace("\"Blocked\"", "\"Would Block\"").replace("\"HIGH\"", "\"LOW\""));
        assertThat(detected.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(detected.get("action").asText()).isEqualTo("Observed");
        assertThat(detected.get("disposition").asText()).isEqualTo("Detected");
        assertThat(detected.get("severity_id").asInt()).isEqualTo(2);
        // a line of the same shape whose signature id is no number is not an Umbrella IPS log
        JsonNode other = line(IPS.replace("\"58001\"", "\"web\""));
        assertThat(other.get("class_uid").asInt()).isNotEqualTo(2004);
    }

    private static final String DLP = "\"2026-03-01 09:20:00\",\"Real Time\",\"0d6f1c2a-1111-4222-8333-944445555666\","
            + "\"CRITICAL\",\"Finance VLAN\",\"\",\"q1-payroll.xlsx\",\"File Sharing Example\","
            + "\"https://share.example.net/upload\",\"BLOCK\",\"No payroll uploads\",\"Financial Data\","
            + "\"Credit Card Number\",\"application/vnd.ms-excel\",\"20480\","
            + "\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\"Confidential\"";

    @Test
    void dataLossPreventionHitsAreDataSecurityFindingsWithTheFileAndTheRule() throws Exception {
        JsonNode blocked = line(DLP);
        assertProduct(blocked, "Umbrella");
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(2006);
        assertThat(blocked.get("is_alert").asBoolean()).isTrue();
        assertDenied(blocked);
        assertThat(blocked.get("severity_id").asInt()).isEqualTo(5);
        assertThat(blocked.at("/finding_info/title").asText()).isEqualTo("No payroll uploads");
        assertThat(blocked.at("/data_security/category").asText()).isEqualTo("Financial Data");
        assertThat(blocked.at("/data_security/detection_pattern").asText()).isEqualTo("Credit Card Number");
        assertThat(blocked.at("/file/name").asText()).isEqualTo("q1-payroll.xlsx");
        assertThat(blocked.at("/file/size").asLong()).isEqualTo(20480);
        assertThat(blocked.at("/file/hashes/0/algorithm_id").asInt()).isEqualTo(3);
        assertThat(blocked.at("/src_url").asText()).isEqualTo("https://share.example.net/upload");
        assertThat(blocked.at("/dst_endpoint/name").asText()).isEqualTo("File Sharing Example");
        assertThat(blocked.at("/actor/user/name").asText()).isEqualTo("Finance VLAN");

        // the newer export's trailing columns give the destination
        JsonNode newer = line(DLP + ",\"\",\"\",\"dlpprivateresource\",\"\",\"https\",\"203.0.113.40\",\"443\",\"77\"");
        assertThat(newer.at("/dst_endpoint/ip").asText()).isEqualTo("203.0.113.40");
        assertThat(newer.at("/dst_endpoint/port").asInt()).isEqualTo(443);
        // monitored only
        JsonNode monitored = line(DLP.replace("\"BLOCK\"", "\"MONITOR\""));
        assertThat(monitored.get("class_uid").asInt()).isEqualTo(2006);
        assertThat(monitored.get("action_id").asInt()).isEqualTo(1);
        assertThat(monitored.get("disposition").asText()).isEqualTo("Detected");
    }

    @Test
    void proxyRequestsNameTheFileTheMalwareAndTheRule() throws Exception {
        JsonNode r = line("\"2026-03-01 09:25:00\",\"jdoe@example.org\",\"10.20.30.40\",\"203.0.113.9\","
                + "\"198.51.100.77\",\"application/x-msdownload\",\"BLOCKED\",\"http://dl.example.net/tools/setup.exe\","
                + "\"\",\"Mozilla/5.0\",\"403\",\"812\",\"0\",\"0\","
                + "\"2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae\",\"Malware\",\"Win.Trojan.Example\","
                + "\"\",\"malicious\",\"W32.Example.Dropper\",\"95\",\"AD Users\",\"Malware\",\"jdoe@example.org\","
                + "\"AD Users\",\"GET\",\"\",\"\",\"setup.exe\",\"1234567\",\"7654321\"");
        assertThat(r.get("class_uid").asInt()).isEqualTo(4002);
        assertDenied(r);
        assertThat(r.at("/file/name").asText()).isEqualTo("setup.exe");
        assertThat(r.at("/file/hashes/0/value").asText()).startsWith("2c26b46b");
        assertThat(r.at("/malware/0/name").asText()).isEqualTo("W32.Example.Dropper");
        assertThat(r.at("/firewall_rule/uid").asText()).isEqualTo("7654321");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("10.20.30.40");
    }

    @Test
    void blockedDnsAnswersKeepTheirResponseCodeAndFirewallLogsTheirDirection() throws Exception {
        JsonNode dns = line("\"2026-03-01 09:30:00\",\"WS-0042\",\"WS-0042,Main Site\",\"10.20.30.41\",\"203.0.113.9\","
                + "\"Blocked\",\"1 (A)\",\"NXDOMAIN\",\"bad.example.\",\"Malware\",\"Roaming Computers\","
                + "\"Roaming Computers,Sites\",\"Malware\"");
        assertThat(dns.get("class_uid").asInt()).isEqualTo(4003);
        assertDenied(dns);
        assertThat(dns.get("rcode_id").asInt()).isEqualTo(3);
        assertThat(dns.at("/query/hostname").asText()).isEqualTo("bad.example");

        JsonNode inbound = line("2026-03-01 09:31:00,[5550001],Branch Tunnel,CDFW Tunnel Device,INBOUND,6,60,"
                + "198.51.100.23,40200,192.0.2.10,22,fra1.edc,31,BLOCK");
        assertThat(inbound.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(inbound.at("/connection_info/direction_id").asInt()).isEqualTo(1);
        assertThat(inbound.at("/connection_info/direction").asText()).isEqualTo("Inbound");
        JsonNode outbound = line(
                inbound.get("raw_data").asText().replace("INBOUND", "OUTBOUND").replace("BLOCK", "ALLOW"));
        assertThat(outbound.at("/connection_info/direction_id").asInt()).isEqualTo(2);
    }
}

package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Huawei USG firewalls' information center logs, written from Huawei's documented formats: security
 * policy hits and session logs as Network Activity, URL filtering as HTTP Activity, intrusion and
 * virus detections as alerts on the connection.
 */
class HuaweiUsgMappingsTest {

    @Test
    void policyHitsAndSessionsAreNetworkActivity() throws Exception {
        JsonNode deny = line("<190>Mar  1 2026 10:00:00 USG6510E %%01POLICY/6/POLICYDENY(l):vsys=public, protocol=6,"
                + " source-ip=203.0.113.5, source-port=51000, destination-ip=192.0.2.10, destination-port=3389,"
                + " time=2026/3/1 10:00:00, source-zone=untrust, destination-zone=dmz, rule-name=deny-rdp.");
        assertProduct(deny, "USG");
        assertFlow(deny, 5, "203.0.113.5", 51000, "192.0.2.10", 3389);
        assertDenied(deny);
        assertThat(deny.at("/firewall_rule/name").asText()).isEqualTo("deny-rdp");
        assertThat(deny.at("/src_endpoint/zone").asText()).isEqualTo("untrust");
        assertThat(deny.at("/connection_info/protocol_num").asInt()).isEqualTo(6);

        JsonNode permit = line("Mar  1 2026 10:00:01 USG6510E %%01POLICY/6/POLICYPERMIT(l):vsys=public, protocol=17,"
                + " source-ip=10.1.1.30, source-port=53000, destination-ip=198.51.100.53, destination-port=53,"
                + " time=2026/3/1 10:00:01, source-zone=trust, destination-zone=untrust, rule-name=dns out.");
        assertFlow(permit, 1, "10.1.1.30", 53000, "198.51.100.53", 53);
        assertAllowed(permit);
        assertThat(permit.at("/firewall_rule/name").asText()).isEqualTo("dns out");

        JsonNode teardown = line("<190>Mar  1 2026 10:00:06 USG6510E %%01SECLOG/6/SESSION_TEARDOWN(l):IPVer=4,"
                + "Protocol=tcp,SourceIP=10.1.1.20,DestinationIP=198.51.100.80,SourcePort=50123,DestinationPort=443,"
                + "BeginTime=1772359100,EndTime=1772359206,SendPkts=12,SendBytes=3100,RcvPkts=15,RcvBytes=20480,"
                + "SourceVpnID=0,DestinationVpnID=0,PolicyName=trust-untrust web.");
        assertFlow(teardown, 2, "10.1.1.20", 50123, "198.51.100.80", 443);
        assertThat(teardown.at("/traffic/bytes_out").asLong()).isEqualTo(3100);
        assertThat(teardown.at("/traffic/bytes_in").asLong()).isEqualTo(20480);
        assertThat(teardown.at("/traffic/packets_in").asLong()).isEqualTo(15);
        assertThat(teardown.at("/firewall_rule/name").asText()).isEqualTo("trust-untrust web");
    }

    @Test
    void urlFilteringIntrusionsAndOtherModules() throws Exception {
        JsonNode url = line("<188>Mar  1 2026 10:00:07 USG6510E %%01URL/4/FILTER(l): The URL filtering policy was"
                + " matched. (SyslogId=2, VSys=\"public\", Policy=\"trust-untrust\", SrcIp=10.1.1.21,"
                + " DstIp=198.51.100.81, SrcPort=50124, DstPort=80, SrcZone=trust, DstZone=untrust, User=\"jdoe\","
                + " Protocol=TCP, Application=\"HTTP\", Profile=\"url-default\", Type=Pre-defined, EventNum=1,"
                + " Category=\"Security Risk\", SubCategory=\"Malware\", Page=\"/download/invoice.exe\","
                + " Host=\"bad.example.net\", Item=\"none\", Action=Block)");
        assertThat(url.get("class_uid").asInt()).isEqualTo(4002);
        assertDenied(url);
        assertThat(url.at("/http_request/url/hostname").asText()).isEqualTo("bad.example.net");
        assertThat(url.at("/http_request/url/path").asText()).isEqualTo("/download/invoice.exe");
        assertThat(url.at("/http_request/url/categories/0").asText()).isEqualTo("Security Risk");
        assertThat(url.at("/actor/user/name").asText()).isEqualTo("jdoe");
        assertThat(url.at("/src_endpoint/ip").asText()).isEqualTo("10.1.1.21");
        JsonNode alerted = line(url.get("raw_data").asText().replace("Action=Block", "Action=Alert"));
        assertAllowed(alerted);

        JsonNode ips = line("<188>Mar  1 2026 10:00:05 USG6510E %%01IPS/4/DETECT(l): An intrusion was detected."
                + " (SyslogId=1, VSys=\"public\", Policy=\"dmz-in\", SrcIp=203.0.113.6, DstIp=192.0.2.11,"
                + " SrcPort=44321, DstPort=80, SrcZone=untrust, DstZone=dmz, User=\"unknown\", Protocol=TCP,"
                + " Application=\"HTTP\", Profile=\"default\", SignName=\"Apache Struts2 Remote Code Execution"
                + " Vulnerability\", SignId=1000001, EventNum=1, Target=server, Severity=high, Os=all,"
                + " Category=Vulnerability, Reference=CVE-2017-5638, Action=Block)");
        assertFlow(ips, 6, "203.0.113.6", 44321, "192.0.2.11", 80);
        assertDenied(ips);
        assertThat(ips.get("is_alert").asBoolean()).isTrue();
        assertThat(ips.get("severity_id").asInt()).isEqualTo(4);
        assertThat(ips.get("message").asText()).isEqualTo("Apache Struts2 Remote Code Execution Vulnerability");
        JsonNode detected = line(ips.get("raw_data").asText().replace("Action=Block", "Action=Alert"));
        assertThat(detected.get("is_alert").asBoolean()).isTrue();
        assertThat(detected.has("action_id")).isFalse();

        assertBaseEventOf(
                line("<189>Mar  1 2026 10:00:09 USG6510E %%01SECLOG/5/SYSTEM_INFO(l):Session number reached 80"
                        + " percent of the specification."),
                "USG");
        // another module of Huawei's information center is not the firewall's
        assertThat(line("<189>Mar  1 2026 10:00:08 sw01 %%01SHELL/5/CMDRECORD(s):Recorded command information."
                                + " (Task=VT0, Ip=192.0.2.50, User=admin, Command=\"display version\")")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("USG");
    }
}

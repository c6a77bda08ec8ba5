package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Zyxel USG FLEX and ATP session traffic logs, the DNS filter (ad blocking, content filtering) of UniFi
 * gateways, and UniFi OS's own syslog lines, in the shapes the devices write, with values of our own.
 */
class ZyxelTrafficAndUnifiDnsFilterMappingsTest {

    @Test
    void zyxelTrafficLogsAreSessionsWithBytesServiceAndUser() throws Exception {
        JsonNode r = line("<134>Mar  1 09:10:00 2026 flex200 src=\"192.168.50.21:51514\" dst=\"198.51.100.30:443\""
                + " msg=\"Traffic Log\" note=\"Traffic Log\" user=\"kim\" devID=\"a1b2c3d4e5f6\" cat=\"Traffic Log\""
                + " duration=61 sent=48211 rcvd=902331 dir=\"LAN1:WAN1\" protoID=6 proto=\"https\""
                + " mac=02:50:56:aa:bb:cc sourceTranslatedAddress=203.0.113.4 sourceTranslatedPort=40112");
        assertProduct(r, "ZyWALL/USG FLEX");
        assertFlow(r, 6, "192.168.50.21", 51514, "198.51.100.30", 443);
        assertThat(r.at("/traffic/bytes_out").asLong()).isEqualTo(48211);
        assertThat(r.at("/traffic/bytes_in").asLong()).isEqualTo(902331);
        assertThat(r.at("/connection_info/protocol_num").asInt()).isEqualTo(6);
        assertThat(r.at("/dst_endpoint/svc_name").asText()).isEqualTo("https");
        assertThat(r.at("/src_endpoint/mac").asText()).isEqualTo("02:50:56:aa:bb:cc");
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("kim");
        assertThat(r.at("/device/uid").asText()).isEqualTo("a1b2c3d4e5f6");
        assertThat(r.at("/unmapped/sourceTranslatedAddress").asText()).isEqualTo("203.0.113.4");
        assertThat(r.has("action_id"))
                .as("a traffic log says nothing of a verdict")
                .isFalse();
        // a security policy's drop is still a refusal
        JsonNode drop = line("<142>Mar  1 09:10:01 2026 flex200 src=\"198.51.100.77:41000\" dst=\"203.0.113.4:23\""
                + " msg=\"Match default rule DROP\" note=\"ACCESS BLOCK\" user=\"\" devID=\"a1b2c3d4e5f6\""
                + " cat=\"Security Policy Control\" action=\"Drop\"");
        assertFlow(drop, 5, "198.51.100.77", 41000, "203.0.113.4", 23);
        assertDenied(drop);
    }

    @Test
    void unifiDnsFilterHitsAreBlockedQueriesWithTheClient() throws Exception {
        JsonNode r = line("<30>Mar  1 09:20:00 gw-main coredns[4102]: {\"timestamp\":\"2026-03-01T09:19:58+01:00\","
                + "\"type\":\"dnsAdBlock\",\"category\":\"ADVERTISEMENT\",\"domain\":\"tracker.example.net\","
                + "\"ip\":\"192.168.10.44\",\"mac\":\"02:10:20:30:40:50\",\"src_ip\":\"192.168.10.44\",\"src_port\":53123,"
                + "\"dst_ip\":\"192.168.10.1\",\"dst_port\":53,\"protocol\":\"udp\"}");
        assertProduct(r, "UniFi Network");
        assertThat(r.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(r.get("activity_id").asInt()).isEqualTo(1);
        assertDenied(r);
        assertThat(r.at("/query/hostname").asText()).isEqualTo("tracker.example.net");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("192.168.10.44");
        assertThat(r.at("/src_endpoint/mac").asText()).isEqualTo("02:10:20:30:40:50");
        assertThat(r.at("/src_endpoint/port").asInt()).isEqualTo(53123);
        assertThat(r.get("status_detail").asText()).isEqualTo("ADVERTISEMENT");
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:19:58Z"));
        JsonNode allowed = line("<30>Mar  1 09:20:00 gw-main coredns[4102]: {\"type\":\"dnsContentFilter\","
                + "\"domain\":\"news.example.org\",\"action\":\"allowed\",\"src_ip\":\"192.168.10.45\"}");
        assertThat(allowed.get("class_uid").asInt()).isEqualTo(4003);
        assertAllowed(allowed);
    }

    @Test
    void coreDnsOwnLogsAndOtherJsonAreNotTheGatewaysFilter() throws Exception {
        // CoreDNS's own query log is text, and a JSON line without the filter's type is not its hit
        JsonNode text =
                line("<30>Mar  1 09:20:00 dns1 coredns[77]: [INFO] 192.0.2.8:53000 - 1234 \"A IN example.org. udp"
                        + " 29 false 512\" NOERROR qr,rd,ra 56 0.0001s");
        assertThat(text.at("/metadata/product/name").asText()).isNotEqualTo("UniFi Network");
        JsonNode json = line("<30>Mar  1 09:20:00 dns1 coredns[77]: {\"type\":\"query\",\"domain\":\"example.org\"}");
        assertThat(json.at("/metadata/product/name").asText()).isNotEqualTo("UniFi Network");
    }

    @Test
    void unifiOsLinesWithTheirHostWrittenTwiceReachTheFilesOfTheirPrograms() throws Exception {
        // a UniFi Dream Machine's remote syslog writes "UDM-Pro UDM-Pro <program>[pid]: ..." (lines as captured
        // from a UDM Pro in a public UniFi log parser's test fixtures, addresses our own)
        JsonNode ssh = line("<38>Jun 19 18:17:37 UDM-Pro UDM-Pro sshd[1365787]: Accepted publickey for root from"
                + " 192.168.2.148 port 40738 ssh2: ED25519 SHA256:Zm9vYmFyYmF6cXV4");
        assertProduct(ssh, "OpenSSH");
        assertThat(ssh.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(ssh.at("/user/name").asText()).isEqualTo("root");
        assertThat(ssh.at("/src_endpoint/ip").asText()).isEqualTo("192.168.2.148");
        assertThat(ssh.at("/device/hostname").asText()).isEqualTo("UDM-Pro");
        assertThat(ssh.at("/unmapped/app_name").asText()).isEqualTo("sshd");
        assertThat(line("<14>Aug 24 20:07:06 UDM-Pro UDM-Pro mcad[2802]: ace_reporter.geo_info_send(): Sending"
                                + " geo-info request from eth8")
                        .at("/unmapped/app_name")
                        .asText())
                .isEqualTo("mcad");
        // its firewall's lines: the rule's label is the rule, without the host before it
        JsonNode blocked = line("<13>Jun 19 18:17:05 UDM-Pro UDM-Pro [WAN_LOCAL-D-2147483647] DESCR=\"Block All"
                + " Traffic\" IN=eth8 OUT= MAC=ff:ff:ff:00:00:01:e8:68:e7:00:00:02:08:00 SRC=203.0.113.24"
                + " DST=198.51.100.1 LEN=40 TOS=00 PREC=0x00 TTL=245 ID=47698 PROTO=TCP SPT=49154 DPT=22 WINDOW=1024"
                + " SYN URGP=0 MARK=1a0000");
        assertProduct(blocked, "Netfilter");
        assertFlow(blocked, 5, "203.0.113.24", 49154, "198.51.100.1", 22);
        assertDenied(blocked);
        assertThat(blocked.at("/firewall_rule/name").asText()).isEqualTo("[WAN_LOCAL-D-2147483647]");
        assertThat(blocked.at("/firewall_rule/desc").asText()).isEqualTo("Block All Traffic");
        // its audit events in CEF carry the host once and stay UniFi's
        JsonNode login = line("<30>Jun 19 18:17:32 UDM-Pro CEF:0|Ubiquiti|UniFi Network|10.4.57|544|Network Accessed|4|"
                + "UNIFIcategory=Audit UNIFIhost=UDM Pro UNIFIaccessMethod=web UNIFIadmin=Admin User src=192.168.2.38"
                + " UNIFIutcTime=2026-06-19T22:17:32.276Z msg=Admin User accessed UniFi Network using the web. Source IP:"
                + " 192.168.2.38");
        assertProduct(login, "UniFi Network");
        assertThat(login.get("class_uid").asInt()).isEqualTo(3002);
        // another host whose message starts with its own name keeps its message
        JsonNode other = line("<13>Mar  1 10:00:00 nas01 nas01 backup finished");
        assertThat(other.at("/message").asText()).isEqualTo("nas01 backup finished");
    }
}

package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The mapping files of two firewalls common in SME networks, WatchGuard Firebox (Fireware) and Zyxel
 * ZyWALL/USG FLEX/ATP, with lines written from their documented syslog formats: traffic as Network
 * Activity allowed or refused with both ends and the policy, logins as Authentication; other
 * messages stay Base Events of the product, and other sources' lines are not claimed.
 */
class WatchGuardAndZyxelMappingsTest {

    @Test
    void watchGuardTrafficIsNetworkActivityWithPolicyAndInterfaces() throws Exception {
        JsonNode denied =
                line("<140>Mar  1 09:59:59 FB-Name firewall: msg_id=\"3000-0148\" Deny 1-Trusted 0-External 52"
                        + " udp 20 128 10.0.1.2 8.8.8.8 62313 53 (Unhandled Internal Packet-00)");
        assertFlow(denied, 5, "10.0.1.2", 62313, "8.8.8.8", 53);
        assertDenied(denied);
        assertThat(denied.at("/firewall_rule/name").asText()).isEqualTo("Unhandled Internal Packet-00");
        assertThat(denied.at("/src_endpoint/interface_name").asText()).isEqualTo("1-Trusted");
        assertThat(denied.at("/connection_info/protocol_name").asText()).isEqualTo("udp");
        assertProduct(denied, "Fireware");

        // without length and header fields, with the proxy's own pairs after the policy
        JsonNode allowed =
                line("<140>Mar  1 09:59:59 FB-Name firewall: msg_id=\"3000-0151\" Allow 1-Trusted 0-External tcp"
                        + " 10.0.1.2 203.0.113.1 51515 443 app_name=\"Google\" (HTTPS-proxy.Standard-00)"
                        + " proxy_act=\"HTTPS-Client.Standard\"");
        assertFlow(allowed, 6, "10.0.1.2", 51515, "203.0.113.1", 443);
        assertAllowed(allowed);
        assertThat(allowed.at("/firewall_rule/name").asText()).isEqualTo("HTTPS-proxy.Standard-00");

        // TCP flags and sequence numbers after the ports
        JsonNode probe = line(
                "<140>Mar  1 09:59:59 FB-Name firewall: msg_id=\"3000-0148\" Deny 0-External Firebox 40 tcp"
                        + " 20 44 203.0.113.5 198.51.100.1 3256 23 offset 5 S 2513183747 win 1024 (Unhandled External Packet-00)");
        assertFlow(probe, 5, "203.0.113.5", 3256, "198.51.100.1", 23);
    }

    @Test
    void watchGuardAuthenticationIsAuthenticationWithTheReason() throws Exception {
        JsonNode rejected = line("<140>Mar  1 09:59:59 FB-Name admd: msg_id=\"1100-0004\" Authentication of Firebox-DB"
                + " user [admin@Firebox-DB] from 203.0.113.9 was rejected, password is incorrect");
        assertLogon(rejected, 2, "admin", "203.0.113.9");
        assertThat(rejected.get("status_detail").asText()).isEqualTo("password is incorrect");
        assertThat(rejected.at("/user/domain").asText()).isEqualTo("Firebox-DB");

        JsonNode accepted = line("<140>Mar  1 09:59:59 FB-Name admd: msg_id=\"1100-0005\" Authentication of RADIUS user"
                + " [bob@corp.local] from 10.0.1.20 was accepted");
        assertLogon(accepted, 1, "bob", "10.0.1.20");

        assertBaseEventOf(
                line("<140>Mar  1 09:59:59 FB-Name sigd: msg_id=\"4001-0002\" Signature update completed"), "Fireware");
    }

    @Test
    void watchGuardProxyTrafficNamesTheUserAndAlarmsKeepValidAddresses() throws Exception {
        // serial number and device time after the host name; the proxy names the authenticated user
        JsonNode denied = line("<142>Mar  1 09:59:59 FB-Name 80B0123456789 (2026-03-01T08:59:59) firewall:"
                + " msg_id=\"1AFF-0026\" Deny 1-Trusted 0-External tcp 192.0.2.20 203.0.113.80 50111 443"
                + " msg=\"ProxyDeny: HTTP body IPS match\" proxy_act=\"HTTPS-Client.Standard\" signature_id=\"1100001\""
                + " severity=\"5\" signature_name=\"Test signature\" host=\"files.example.com\" path=\"/a.bin\""
                + " src_user=\"corp\\alice\" (HTTPS-proxy-00)");
        assertFlow(denied, 5, "192.0.2.20", 50111, "203.0.113.80", 443);
        assertDenied(denied);
        assertThat(denied.at("/actor/user/name").asText()).isEqualTo("corp\\alice");
        assertThat(denied.at("/firewall_rule/name").asText()).isEqualTo("HTTPS-proxy-00");
        assertProduct(denied, "Fireware");

        JsonNode allowed = line("<142>Mar  1 09:59:59 FB-Name firewall: msg_id=\"1AFF-002D\" Allow 1-Trusted"
                + " 0-External tcp 192.0.2.21 198.51.100.7 50112 80 msg=\"ProxyAllow: HTTP good reputation\""
                + " proxy_act=\"HTTP-Client.Standard\" reputation=\"1\" host=\"www.example.com\" path=\"/\""
                + " src_user=\"bob@example.com\" (HTTP-proxy-00)");
        assertAllowed(allowed);
        assertThat(allowed.at("/actor/user/name").asText()).isEqualTo("bob@example.com");

        // a packet filter line without a user has none
        JsonNode noUser = line("<142>Mar  1 09:59:59 FB-Name firewall: msg_id=\"3000-0151\" Allow 1-Trusted 0-External"
                + " tcp 192.0.2.22 198.51.100.7 50113 80 app_id=\"63\" duration=\"12\" (HTTP-00)");
        assertFlow(noUser, 6, "192.0.2.22", 50113, "198.51.100.7", 80);
        assertThat(noUser.at("/actor/user/name").isMissingNode()).isTrue();

        // the sentence's full stop after the last address is not part of it
        JsonNode site = line(
                "<142>Mar  1 09:59:59 FB-Name 80B0123456789 (2026-03-01T08:59:59) firewall[10]:"
                        + " msg_id=\"3000-0168\" Blocked site: Traffic detected from 192.0.2.30 to 203.0.113.66. (Block-Site-Notif)");
        assertDenied(site);
        assertThat(site.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.30");
        assertThat(site.at("/dst_endpoint/ip").asText()).isEqualTo("203.0.113.66");
        JsonNode spoofed = line("<142>Mar  1 09:59:59 FB-Name firewall: msg_id=\"3000-0169\" IP spoofing: Traffic"
                + " detected from 2001:db8::5 to 198.51.100.9. (Default-Packet-Handling)");
        assertThat(spoofed.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8::5");
        assertThat(spoofed.at("/dst_endpoint/ip").asText()).isEqualTo("198.51.100.9");
        JsonNode port = line("<142>Mar  1 09:59:59 FB-Name firewall: msg_id=\"3000-0172\" Blocked port: Traffic"
                + " detected from 192.0.2.31 to 203.0.113.67 on port 23. (Blocked Ports)");
        assertThat(port.at("/dst_endpoint/ip").asText()).isEqualTo("203.0.113.67");
        assertThat(port.at("/dst_endpoint/port").asInt()).isEqualTo(23);
    }

    @Test
    void watchGuardBranchOfficeVpnTunnelsAreTunnelActivity() throws Exception {
        JsonNode down = line("<142>Mar  1 09:59:59 FB-Name (2026-03-01T08:59:59) firewall: msg_id=\"020B-0001\""
                + " BOVPN tunnel 'branch-tunnel.1' local 192.0.2.0/255.255.255.0 remote 198.51.100.0/255.255.255.0"
                + " under gateway 'branch-gw' is down. (IPS)");
        assertThat(down.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(down.get("activity_id").asInt()).isEqualTo(2);
        assertThat(down.at("/tunnel_interface/name").asText()).isEqualTo("branch-tunnel.1");
        assertThat(down.at("/unmapped/gateway").asText()).isEqualTo("branch-gw");
        assertProduct(down, "Fireware");

        JsonNode up = line("<142>Mar  1 09:59:59 FB-Name firewall: msg_id=\"020B-0001\" BOVPN tunnel 'branch-tunnel.1'"
                + " local 192.0.2.0/255.255.255.0 remote 198.51.100.0/255.255.255.0 under gateway 'branch-gw' is up.");
        assertThat(up.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(up.get("activity_id").asInt()).isEqualTo(1);

        // a link failure of the external line is not a tunnel
        assertBaseEventOf(
                line("<142>Mar  1 09:59:59 FB-Name firewall: msg_id=\"0900-0004\" PPPoE authentication failed"),
                "Fireware");
    }

    @Test
    void zyxelSecurityPolicyVerdictsAreNetworkActivity() throws Exception {
        JsonNode blocked = line("<134>Mar  1 09:59:59 usgflex100 src=\"203.0.113.9:51515\" dst=\"198.51.100.1:23\""
                + " msg=\"Match default rule, DROP\" note=\"ACCESS BLOCK\" user=\"unknown\" devID=\"bc9911223344\""
                + " cat=\"Security Policy\" class=\"Access Control\" dir=\"WAN1:ZyWALL\" protoID=6 proto=\"others\"");
        assertFlow(blocked, 5, "203.0.113.9", 51515, "198.51.100.1", 23);
        assertDenied(blocked);
        assertThat(blocked.at("/connection_info/protocol_num").asInt()).isEqualTo(6);
        assertThat(blocked.at("/device/uid").asText()).isEqualTo("bc9911223344");
        assertThat(blocked.at("/metadata/log_name").asText()).isEqualTo("Security Policy");
        assertProduct(blocked, "ZyWALL/USG FLEX");

        JsonNode forwarded = line("<134>Mar  1 09:59:59 usgflex100 src=\"192.168.1.10:51515\" dst=\"8.8.8.8:53\""
                + " msg=\"priority:1, from LAN1 to WAN1, service DNS, ACCEPT\" note=\"ACCESS FORWARD\" user=\"unknown\""
                + " devID=\"bc9911223344\" cat=\"Security Policy\" protoID=17");
        assertFlow(forwarded, 6, "192.168.1.10", 51515, "8.8.8.8", 53);
        assertAllowed(forwarded);
    }

    @Test
    void zyxelDeviceLoginsAreAuthentication() throws Exception {
        JsonNode in = line("<134>Mar  1 09:59:59 usgflex100 src=\"192.168.1.10:0\" dst=\"192.168.1.1:0\""
                + " msg=\"Administrator admin(MAC=00:11:22:33:44:55) from http/https has logged in Device\""
                + " note=\"Account: admin\" user=\"admin\" devID=\"bc9911223344\" cat=\"User\"");
        assertLogon(in, 1, "admin", "192.168.1.10");
        assertThat(in.get("auth_protocol").asText()).isEqualTo("http/https");

        JsonNode failed = line("<134>Mar  1 09:59:59 usgflex100 src=\"203.0.113.9:0\" dst=\"198.51.100.1:0\""
                + " msg=\"Failed login attempt to Device from http/https (incorrect password or inexistent username)\""
                + " note=\"Account: root\" user=\"root\" devID=\"bc9911223344\" cat=\"User\"");
        assertLogon(failed, 2, "root", "203.0.113.9");

        assertBaseEventOf(
                line("<134>Mar  1 09:59:59 usgflex100 src=\"0.0.0.0:0\" dst=\"0.0.0.0:0\" msg=\"Signature"
                        + " update completed\" note=\"none\" user=\"unknown\" devID=\"bc9911223344\" cat=\"IDP\""),
                "ZyWALL/USG FLEX");
    }

    @Test
    void otherSourcesWithTheSameWordsAreNotClaimed() throws Exception {
        // FortiGate writes devid= in lower case, and no msg_id
        JsonNode fortigate = line("<189>date=2026-03-01 time=09:59:59 devname=\"FGT60F\" devid=\"FGT60FTK1\""
                + " logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" srcip=10.0.0.5 srcport=5555"
                + " dstip=8.8.8.8 dstport=53 action=\"accept\" proto=17");
        assertProduct(fortigate, "FortiGate");
        JsonNode app = line("<14>Mar  1 09:59:59 app01 worker[1]: job msg_id=\"abc\" done");
        assertThat(app.at("/metadata/product/name").asText()).isNotEqualTo("Fireware");
    }
}

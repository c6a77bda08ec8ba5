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

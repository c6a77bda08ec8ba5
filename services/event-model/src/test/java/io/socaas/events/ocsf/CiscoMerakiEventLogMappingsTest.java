package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertAuthentication;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Cisco Meraki's own syslog beyond flows and URLs, written from Meraki's documented message shapes with
 * values of our own: the appliance's connection starts and ends with their NAT translation, group policy
 * rule hits, IDS alerts let through, client VPN reconnections, DHCP leases, a switch's dynamic ARP
 * inspection, wireless clients associating, authenticating and leaving, and the switches' port events.
 */
class CiscoMerakiEventLogMappingsTest {

    @Test
    void appliancesConnectionStartsAndEndsAreNetworkActivityWithTheirTranslationKept() throws Exception {
        JsonNode start = line("<134>1 1772355600.123456789 branch_mx ip_flow_start src=192.168.20.14 dst=198.51.100.80"
                + " protocol=tcp sport=50412 dport=443 translated_src_ip=203.0.113.7 translated_port=50412");
        assertFlow(start, 1, "192.168.20.14", 50412, "198.51.100.80", 443);
        assertProduct(start, "Meraki");
        assertThat(start.at("/connection_info/protocol_name").asText()).isEqualTo("tcp");
        assertThat(start.at("/device/hostname").asText()).isEqualTo("branch_mx");
        assertThat(start.get("time").asLong()).isEqualTo(1772355600123L);
        assertThat(start.at("/unmapped/translated_src_ip").asText()).isEqualTo("203.0.113.7");

        JsonNode end = line("<134>1 1772355660.5 branch_mx ip_flow_end src=192.168.20.31 dst=192.168.20.1 protocol=udp"
                + " sport=53011 dport=53 translated_dst_ip=198.51.100.53 translated_port=53");
        assertFlow(end, 2, "192.168.20.31", 53011, "192.168.20.1", 53);
        assertThat(end.at("/unmapped/translated_dst_ip").asText()).isEqualTo("198.51.100.53");
        // after a relay's BSD header too
        assertFlow(
                line("Mar  1 09:00:00 10.1.1.1 1 1772355600.1 branch_mx ip_flow_end src=192.168.20.31"
                        + " dst=198.51.100.80 protocol=tcp sport=50413 dport=443"),
                2,
                "192.168.20.31",
                50413,
                "198.51.100.80",
                443);
    }

    @Test
    void groupPolicyRuleHitsSayWhetherTheFlowWasLetThrough() throws Exception {
        JsonNode allowed = line("<134>1 1772355600.2 branch_mx flows src=192.168.30.5 dst=198.51.100.9"
                + " mac=02:11:22:33:44:55 protocol=tcp sport=61000 dport=8443 pattern: Group Policy Allow");
        assertFlow(allowed, 6, "192.168.30.5", 61000, "198.51.100.9", 8443);
        assertAllowed(allowed);
        JsonNode denied = line("<134>1 1772355600.2 branch_mx firewall src=192.168.30.5 dst=198.51.100.9"
                + " mac=02:11:22:33:44:55 protocol=tcp sport=61001 dport=25 pattern: Group Policy Deny");
        assertFlow(denied, 5, "192.168.30.5", 61001, "198.51.100.9", 25);
        assertDenied(denied);
        // a rule text that says neither is a flow without a verdict
        JsonNode neither = line("<134>1 1772355600.2 branch_mx flows src=192.168.30.5 dst=198.51.100.9"
                + " protocol=tcp sport=61002 dport=80 pattern: Group Policy Shaping");
        assertThat(neither.has("action_id")).isFalse();
    }

    @Test
    void idsAlertsAreAlertsWhetherBlockedOrLetThrough() throws Exception {
        JsonNode passed = line("<134>1 1772355600.3 branch_mx security_event ids_alerted signature=1:31000:3 priority=2"
                + " timestamp=1772355600.29 dhost=02:AA:BB:CC:DD:01 direction=ingress protocol=tcp/ip"
                + " src=203.0.113.66:80 dst=192.168.20.14:50412 decision=allowed message: MALWARE-CNC Example beacon");
        assertThat(passed.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(passed.get("is_alert").asBoolean()).isTrue();
        assertThat(passed.get("action_id").asInt()).isEqualTo(1);
        assertThat(passed.get("disposition").asText()).isEqualTo("Detected");
        assertThat(passed.get("severity_id").asInt()).isEqualTo(3);
        assertThat(passed.at("/finding_info/title").asText()).isEqualTo("MALWARE-CNC Example beacon");
        assertThat(passed.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("192.168.20.14");
        JsonNode blocked = line(passed.get("raw_data").asText().replace("decision=allowed", "decision=blocked"));
        assertDenied(blocked);
        assertThat(blocked.get("is_alert").asBoolean()).isTrue();
    }

    @Test
    void clientVpnReconnectionsNameThePublicAddress() throws Exception {
        JsonNode again = line("<134>1 1772355600.4 branch_mx events client_vpn_connect user id 'jane@example.org'"
                + " local ip 10.200.0.12 reconnected from 198.51.100.44");
        assertLogon(again, 1, "jane@example.org", "198.51.100.44");
        JsonNode gone = line("<134>1 1772355600.4 branch_mx events anyconnect_vpn_disconnect user id 'jane'"
                + " local ip 10.200.0.12 reconnected from 198.51.100.44");
        assertAuthentication(gone, 2, "jane", "198.51.100.44");
    }

    @Test
    void dhcpLeasesAndUnansweredRequestsAreDhcpActivity() throws Exception {
        JsonNode lease = line("<134>1 1772355600.5 branch_mx events dhcp lease of ip 192.168.20.77 from mx mac"
                + " 02:00:5E:10:00:01 for client mac 02:00:5E:10:00:77 from router 192.168.20.1 on subnet"
                + " 255.255.255.0 with dns 192.168.20.1");
        assertThat(lease.get("class_uid").asInt()).isEqualTo(4004);
        assertThat(lease.get("activity_id").asInt()).isEqualTo(5);
        assertThat(lease.at("/src_endpoint/ip").asText()).isEqualTo("192.168.20.77");
        assertThat(lease.at("/src_endpoint/mac").asText()).isEqualTo("02:00:5E:10:00:77");
        assertThat(lease.at("/dst_endpoint/mac").asText()).isEqualTo("02:00:5E:10:00:01");
        JsonNode noOffer = line("<134>1 1772355600.5 branch_mx events dhcp no offers for mac 02:00:5E:10:00:78"
                + " host = 192.168.20.1");
        assertThat(noOffer.get("class_uid").asInt()).isEqualTo(4004);
        assertThat(noOffer.get("activity_id").asInt()).isEqualTo(1);
        assertStatus(noOffer, 2);
        assertThat(noOffer.at("/src_endpoint/mac").asText()).isEqualTo("02:00:5E:10:00:78");
    }

    @Test
    void arpPacketsDynamicArpInspectionBlockedAreRefusedWithTheSpoofer() throws Exception {
        JsonNode arp = line("<134>1 1772355600.6 floor2_ms events Blocked ARP Packet from 02:de:ad:be:ef:01 with IP"
                + " 192.168.40.1 on VLAN 40");
        assertThat(arp.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(arp.get("activity_id").asInt()).isEqualTo(5);
        assertDenied(arp);
        assertThat(arp.at("/src_endpoint/mac").asText()).isEqualTo("02:de:ad:be:ef:01");
        assertThat(arp.at("/src_endpoint/ip").asText()).isEqualTo("192.168.40.1");
        assertThat(arp.at("/src_endpoint/vlan_uid").asText()).isEqualTo("40");
        // the switches' port and spanning tree events are the switch's, as Base Events
        JsonNode port = line("<134>1 1772355600.6 floor2_ms events port 12 status changed from 1Gfdx to down");
        assertBaseEventOf(port, "Meraki");
        assertThat(port.at("/device/hostname").asText()).isEqualTo("floor2_ms");
        assertBaseEventOf(
                line("<134>1 1772355600.6 floor2_ms events Port 12 changed STP role from designated to" + " disabled"),
                "Meraki");
    }

    @Test
    void wirelessClientsAssociatingAuthenticatingAndLeaving() throws Exception {
        JsonNode assoc = line("<134>1 1772355600.7 lobby_mr events type=association radio='1' vap='2'"
                + " client_mac='02:C0:FF:EE:00:01' last_known_client_ip='0.0.0.0' channel='44' rssi='38' aid='123456'");
        assertThat(assoc.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(assoc.get("activity_id").asInt()).isEqualTo(1);
        assertThat(assoc.at("/src_endpoint/mac").asText()).isEqualTo("02:C0:FF:EE:00:01");
        assertThat(assoc.at("/src_endpoint/ip").isMissingNode())
                .as("0.0.0.0 is no address")
                .isTrue();
        JsonNode wpa = line("<134>1 1772355600.7 lobby_mr events type=wpa_auth radio='1' vap='2'"
                + " client_mac='02:C0:FF:EE:00:01' aid='123456'");
        assertLogon(wpa, 1, null, null);
        assertThat(wpa.get("auth_protocol").asText()).isEqualTo("WPA");
        JsonNode dot1x = line("<134>1 1772355600.7 lobby_mr events type=8021x_auth radio='1' vap='3'"
                + " client_mac='02:C0:FF:EE:00:02' last_known_client_ip='0.0.0.0' identity='sam@example.org'");
        assertLogon(dot1x, 1, "sam@example.org", null);
        assertThat(dot1x.at("/src_endpoint/mac").asText()).isEqualTo("02:C0:FF:EE:00:02");
        JsonNode deauth = line("<134>1 1772355600.7 lobby_mr events type=8021x_deauth radio='1' vap='3'"
                + " client_mac='02:C0:FF:EE:00:02' identity='sam@example.org'");
        assertAuthentication(deauth, 2, "sam@example.org", null);
        JsonNode left = line("<134>1 1772355900.7 lobby_mr events type=disassociation radio='1' vap='3'"
                + " client_mac='02:C0:FF:EE:00:02' channel='44' reason='8' duration='300.1' is_8021x='1'"
                + " ip_src='192.168.50.23' identity='sam@example.org' aid='123457'");
        assertThat(left.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(left.get("activity_id").asInt()).isEqualTo(2);
        assertThat(left.at("/src_endpoint/ip").asText()).isEqualTo("192.168.50.23");
        assertThat(left.at("/actor/user/name").asText()).isEqualTo("sam@example.org");
    }

    @Test
    void requestedUrlsAreReadIntoTheirParts() throws Exception {
        JsonNode url = line("<134>1 1772355600.8 branch_mx urls src=192.168.20.14:50420 dst=198.51.100.80:8080"
                + " mac=02:11:22:33:44:66 agent='curl/8.5.0' request: POST"
                + " http://updates.example.net:8080/api/v2/check?id=42&os=win");
        assertThat(url.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(url.get("activity_id").asInt()).isEqualTo(6);
        assertThat(url.at("/http_request/url/scheme").asText()).isEqualTo("http");
        assertThat(url.at("/http_request/url/hostname").asText()).isEqualTo("updates.example.net");
        assertThat(url.at("/http_request/url/port").asInt()).isEqualTo(8080);
        assertThat(url.at("/http_request/url/path").asText()).isEqualTo("/api/v2/check");
        assertThat(url.at("/http_request/url/query_string").asText()).isEqualTo("id=42&os=win");
        assertThat(url.at("/dst_endpoint/hostname").asText()).isEqualTo("updates.example.net");
        // a request without a URL, or with one that is not absolute, keeps what there is
        JsonNode bare = line("<134>1 1772355600.8 branch_mx urls src=192.168.20.14:50421 dst=198.51.100.80:80"
                + " mac=02:11:22:33:44:66 request: UNKNOWN");
        assertThat(bare.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(bare.at("/http_request/url/hostname").isMissingNode()).isTrue();
        JsonNode relative = line("<134>1 1772355600.8 branch_mx urls src=192.168.20.14:50422 dst=198.51.100.80:80"
                + " mac=02:11:22:33:44:66 request: GET /index.html");
        assertThat(relative.at("/http_request/url/url_string").asText()).isEqualTo("/index.html");
        assertThat(relative.at("/http_request/url/hostname").isMissingNode()).isTrue();
    }

    @Test
    void aSecondDhcpServerOnANetworkIsARogueServerFinding() throws Exception {
        JsonNode rogue = line("<134>1 1772355600.9 lobby_mr events type=multiple_dhcp_servers_detected  vap='1'"
                + " original_server_ip='192.168.50.1' original_server_mac='02:00:00:00:50:01' server_ip='192.168.50.66'"
                + " server_mac='02:00:00:00:50:66'");
        assertThat(rogue.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(rogue.get("is_alert").asBoolean()).isTrue();
        assertThat(rogue.at("/finding_info/title").asText()).isEqualTo("Multiple DHCP servers detected");
        assertThat(rogue.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("192.168.50.66");
        assertThat(rogue.at("/evidences/0/src_endpoint/mac").asText()).isEqualTo("02:00:00:00:50:66");
        assertThat(rogue.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("192.168.50.1");
        // other wireless events of the access point stay its Base Events
        assertBaseEventOf(line("<134>1 1772355600.9 lobby_mr events type=dfs_event channel='52' radio='1'"), "Meraki");
    }

    @Test
    void otherProgramsLinesWithMerakisWordsAreNotMerakis() throws Exception {
        for (String other : new String[] {
            "<13>Mar  1 10:00:00 host events processed 5 of 7",
            "<13>Mar  1 10:00:00 host app: port 12 is up",
            "<13>Mar  1 10:00:00 host app: ip_flow_starting now",
            "<13>Mar  1 10:00:00 host app: Blocked request from 192.0.2.1"
        }) {
            JsonNode r = line(other);
            assertThat(r.at("/metadata/product/name").asText()).as(other).isNotEqualTo("Meraki");
        }
    }
}

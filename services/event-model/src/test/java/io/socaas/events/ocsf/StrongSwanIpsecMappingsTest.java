package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * strongSwan's charon, the IPsec daemon of pfSense, OPNsense and Linux gateways, written in its documented
 * log format ({@code <thread>[<group>] <<connection>|<n>> text}) with values of our own: tunnels up and
 * down, remote access users' logins and their tunnel addresses, and failed negotiations.
 */
class StrongSwanIpsecMappingsTest {

    @Test
    void securityAssociationsAreTunnelsWithBothPeers() throws Exception {
        JsonNode up = line("<30>Mar  1 09:00:02 fw1 charon[2210]: 09[IKE] <hq-branch|4> IKE_SA hq-branch[4] established"
                + " between 192.0.2.1[192.0.2.1]...198.51.100.2[198.51.100.2]");
        assertProduct(up, "strongSwan");
        assertThat(up.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(up.get("activity_id").asInt()).isEqualTo(1);
        assertStatus(up, 1);
        assertThat(up.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.2");
        assertThat(up.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.1");
        assertThat(up.at("/tunnel_interface/name").asText()).isEqualTo("hq-branch");
        assertThat(up.at("/user/name").isMissingNode())
                .as("a peer named by its address is no user")
                .isTrue();
        assertThat(up.at("/device/hostname").asText()).isEqualTo("fw1");

        // pfSense's own RFC 5424 log lines; a remote access peer's identity is its user
        JsonNode mobile = line("<30>1 2026-03-01T09:05:00.250000+00:00 fw1.example.net charon 2210 - - 10[IKE]"
                + " <roadwarrior|9> IKE_SA roadwarrior[9] established between 192.0.2.1[vpn.example.net]"
                + "...203.0.113.55[jane@example.org]");
        assertThat(mobile.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(mobile.at("/user/name").asText()).isEqualTo("jane@example.org");
        assertThat(mobile.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:05:00.250Z"));
        JsonNode vip = line("<30>Mar  1 09:05:00 fw1 charon[2210]: 10[IKE] <roadwarrior|9> assigning virtual IP"
                + " 10.99.0.7 to peer 'jane@example.org'");
        assertThat(vip.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(vip.at("/tunnel_interface/ip").asText()).isEqualTo("10.99.0.7");
        assertThat(vip.at("/user/name").asText()).isEqualTo("jane@example.org");

        JsonNode down = line("<30>Mar  1 10:00:00 fw1 charon[2210]: 11[IKE] <hq-branch|4> deleting IKE_SA hq-branch[4]"
                + " between 192.0.2.1[192.0.2.1]...198.51.100.2[198.51.100.2]");
        assertThat(down.get("activity_id").asInt()).isEqualTo(2);
        assertThat(down.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.2");
        JsonNode child = line("<30>Mar  1 09:00:02 fw1 charon[2210]: 09[IKE] <hq-branch|4> CHILD_SA hq-branch{2}"
                + " established with SPIs cafe0001_i cafe0002_o and TS 10.1.0.0/16 === 10.2.0.0/16");
        assertThat(child.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(child.get("activity_id").asInt()).isEqualTo(1);
    }

    @Test
    void peersLoginsSucceedOrFailWithTheUserOrAddress() throws Exception {
        JsonNode eap = line("<30>Mar  1 09:05:00 fw1 charon[2210]: 10[IKE] <roadwarrior|9> authentication of"
                + " 'jane@example.org' with EAP successful");
        assertLogon(eap, 1, "jane@example.org", null);
        assertThat(eap.get("auth_protocol").asText()).isEqualTo("EAP");
        // the gateway authenticating itself is not a peer's login
        assertBaseEventOf(
                line("<30>Mar  1 09:05:00 fw1 charon[2210]: 10[IKE] <roadwarrior|9> authentication of"
                        + " 'vpn.example.net' (myself) with RSA signature successful"),
                "strongSwan");

        assertLogon(
                line("<30>Mar  1 09:06:00 fw1 charon[2210]: 07[IKE] <roadwarrior|10> EAP method EAP_MSCHAPV2"
                        + " failed for peer 203.0.113.77"),
                2,
                null,
                "203.0.113.77");
        assertLogon(
                line("<30>Mar  1 09:06:01 fw1 charon[2210]: 07[IKE] <xauth-users|11> XAuth authentication of"
                        + " 'mallory' failed"),
                2,
                "mallory",
                null);
        assertLogon(
                line("<30>Mar  1 09:06:02 fw1 charon[2210]: 07[CFG] <roadwarrior|12> RADIUS authentication of"
                        + " 'mallory' successful"),
                1,
                "mallory",
                null);
        JsonNode psk = line("<30>Mar  1 09:06:03 fw1 charon[2210]: 12[IKE] <hq-branch|13> tried 1 shared key for"
                + " '192.0.2.1' - '198.51.100.66', but MAC mismatched");
        assertLogon(psk, 2, null, "198.51.100.66");
        assertThat(psk.get("auth_protocol").asText()).isEqualTo("pre-shared key");
    }

    @Test
    void refusedNegotiationsAreFailedTunnels() throws Exception {
        JsonNode notify = line("<30>Mar  1 09:07:00 fw1 charon[2210]: 05[IKE] <hq-branch|14> received"
                + " NO_PROPOSAL_CHOSEN notify error");
        assertThat(notify.get("class_uid").asInt()).isEqualTo(4014);
        assertStatus(notify, 2);
        assertThat(notify.get("status_detail").asText()).isEqualTo("NO_PROPOSAL_CHOSEN");
        JsonNode unknownPeer = line("<30>Mar  1 09:07:01 fw1 charon[2210]: 13[IKE] <15> no IKE config found for"
                + " 192.0.2.1...198.51.100.99, sending NO_PROPOSAL_CHOSEN");
        assertStatus(unknownPeer, 2);
        assertThat(unknownPeer.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.99");
        JsonNode initiating = line("<30>Mar  1 09:07:01 fw1 charon[2210]: 13[IKE] 198.51.100.99 is initiating an"
                + " Aggressive Mode IKE_SA");
        assertThat(initiating.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(initiating.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.99");
    }

    @Test
    void otherProgramsLinesInCharonsShapeAreNotStrongSwans() throws Exception {
        JsonNode other = line("<30>Mar  1 09:00:02 fw1 ipsecmon[77]: 09[IKE] IKE_SA hq[4] established between"
                + " 192.0.2.1[192.0.2.1]...198.51.100.2[198.51.100.2]");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("strongSwan");
        // charon's name on a line that is not in its format is not claimed either
        JsonNode free = line("<30>Mar  1 09:00:02 fw1 charon[2210]: starting up");
        assertThat(free.at("/metadata/product/name").asText()).isNotEqualTo("strongSwan");
    }
}

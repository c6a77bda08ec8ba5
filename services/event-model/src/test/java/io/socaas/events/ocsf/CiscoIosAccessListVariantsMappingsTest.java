package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Cisco IOS and IOS-XE access list entries written in the forms Elastic's cisco_ios integration tests
 * (packages/cisco_ios/data_stream/log/_dev/test/pipeline/test-cisco-ios.log): IGMP with its type in
 * parentheses after the destination, and IOS-XE's forwarding manager writing the source's MAC before its
 * address and the ingress interface before the arrow.
 */
class CiscoIosAccessListVariantsMappingsTest {

    @Test
    void anIgmpEntryWithItsTypeInParenthesesIsADeniedFlow() throws Exception {
        JsonNode igmp = line("Feb  9 04:00:48 192.168.100.2 585918: Feb  9 04:00:47.272: %SEC-6-IPACCESSLOGSP:"
                + " list INBOUND-ON-F11 denied igmp 192.168.100.2 -> 224.0.0.2 (20), 1 packet");
        assertProduct(igmp, "IOS");
        assertFlow(igmp, 5, "192.168.100.2", null, "224.0.0.2", null);
        assertDenied(igmp);
        assertThat(igmp.at("/connection_info/protocol_name").asText()).isEqualTo("igmp");
        assertThat(igmp.at("/firewall_rule/name").asText()).isEqualTo("INBOUND-ON-F11");

        // ICMP's type and code are still read as before
        JsonNode icmp = line("Jun 10 23:34:58 10.0.0.1 1663511: Jun 10 23:34:58.206: %FMANFP-6-IPACCESSLOGDP: F0:"
                + " fman_fp_image:  list ACL_TEST permitted icmp 172.16.0.26 -> 10.100.8.34 (8/0), 2 packets");
        assertFlow(icmp, 6, "172.16.0.26", null, "10.100.8.34", null);
        assertAllowed(icmp);
        assertThat(icmp.at("/traffic/packets").asLong()).isEqualTo(2);
    }

    @Test
    void theSourcesMacAndIngressInterfaceOfTheForwardingManagerAreRead() throws Exception {
        JsonNode r = line("<174>15162564: BGP-BETA: 29391555: Jun 26 16:44:58.802 CEST: %FMANFP-6-IPACCESSLOGP: F0/0:"
                + " fman_fp_image: list acl_Te0-1-1_in denied tcp 00-00-5E-00-53-23 198.51.100.10(56279)"
                + " TenGigabitEthernet0/1/1-> 203.0.113.20(45240), 1 packet");
        assertFlow(r, 5, "198.51.100.10", 56279, "203.0.113.20", 45240);
        assertDenied(r);
        assertThat(r.at("/src_endpoint/mac").asText()).isEqualTo("00-00-5E-00-53-23");
        assertThat(r.at("/src_endpoint/interface_name").asText()).isEqualTo("TenGigabitEthernet0/1/1");
        assertThat(r.at("/firewall_rule/name").asText()).isEqualTo("acl_Te0-1-1_in");
    }

    @Test
    void aRateLimitNoticeAndAnEntryWithoutAnArrowAreNoFlowsBetweenTwoHosts() throws Exception {
        // the notice that entries were dropped names no packet
        JsonNode rateLimited = line("Jun 20 02:42:28 192.168.100.2 1663313: Jun 20 02:42:28.374: %SEC-6-IPACCESSLOGRL:"
                + " access-list logging rate-limited or missed 18 packets");
        assertThat(rateLimited.get("class_uid").asInt()).isZero();
        // a word before an arrow that is not an interface followed by the arrow stays out of the record
        JsonNode standard = line("%SEC-6-IPACCESSLOGS: list 10 denied 192.0.2.77 3 packets");
        assertThat(standard.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.77");
        assertThat(standard.at("/src_endpoint/interface_name").isMissingNode()).isTrue();
        assertThat(standard.at("/dst_endpoint").isMissingNode()).isTrue();
    }
}

package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * WatchGuard Firebox's DHCP server messages (msg_id 1600-000x). The lines are Elastic's watchguard_firebox
 * pipeline tests (packages/watchguard_firebox/data_stream/log/_dev/test/pipeline/test-event.log).
 */
class WatchGuardDhcpServerMappingsTest {

    private static final String HEADER =
            "<142>May 10 15:19:05 WatchGuard-Firebox FVE6035FD3AE3 (2024-05-10T09:49:05) firewall[10]: ";

    @Test
    void offersAndRequestsAreDhcpActivityWithTheClientsMacAndAddress() throws Exception {
        JsonNode offer = line(
                HEADER + "msg_id=\"1600-0002\" DHCPOFFER on 192.168.111.20 to 84:2b:2b:a6:02:3f (client) via eth1");
        assertProduct(offer, "Fireware");
        assertClass(offer, 4004, 2);
        assertThat(offer.at("/src_endpoint/mac").asText()).isEqualTo("84:2b:2b:a6:02:3f");
        assertThat(offer.at("/src_endpoint/ip").asText()).isEqualTo("192.168.111.20");
        assertThat(offer.at("/src_endpoint/interface_name").asText()).isEqualTo("eth1");

        JsonNode request = line(HEADER
                + "msg_id=\"1600-0003\" DHCPREQUEST for 192.168.111.20 from 84:2b:2b:a6:02:3f (client) via eth1");
        assertClass(request, 4004, 3);
        assertThat(request.at("/src_endpoint/hostname").asText()).isEqualTo("client");

        JsonNode discover = line(
                HEADER
                        + "msg_id=\"1600-0001\" DHCPDISCOVER from 00:50:04:ce:c6:3d via eth1: network 192.168.111.0/24: no free leases");
        assertClass(discover, 4004, 1);
        assertThat(discover.get("status_detail").asText()).isEqualTo("network 192.168.111.0/24: no free leases");
        assertThat(discover.at("/src_endpoint/ip").isMissingNode()).isTrue();
    }

    @Test
    void theDhcpServersConfigurationWarningIsNoDhcpMessage() throws Exception {
        JsonNode overlap =
                line(HEADER + "msg_id=\"1600-0004\" Subnet 100.64.1.0/24 for address pool on interface vlan10"
                        + " overlaps subnet 100.64.0.0/16 on interface eth1. Edit the configuration so that DHCP server functions"
                        + " properly");
        assertProduct(overlap, "Fireware");
        assertThat(overlap.get("class_uid").asInt()).isZero();
    }
}

package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Sophos Firewall's (SFOS) DHCP server events in its newer syslog format. The line is Elastic's sophos
 * integration test (packages/sophos/data_stream/xg/_dev/test/pipeline/test-xg-event-new.log).
 */
class SophosFirewallDhcpServerMappingsTest {

    private static final String RENEWED =
            "Nov 16 02:52:23 sophos device_name=\"SFW\" timestamp=\"2021-11-15T20:52:23-0600\""
                    + " device_model=\"SFVH\" device_serial_id=\"C01001BQC8TFFFF\" log_id=063411660020 log_type=\"Event\""
                    + " log_component=\"DHCP Server\" log_subtype=\"System\" log_version=1 status=\"Renew\" severity=\"Information\""
                    + " reported_ip=\"192.168.2.131\" src_mac=\"00:11:d9:a0:19:11\" reported_host=\"TIVO-846001190AE52F2\""
                    + " message=\"Lease IP 192.168.2.250 renewed for MAC 00:11:d9:a0:19:11\" lease_time=\"345600\"";

    @Test
    void aRenewedLeaseIsDhcpActivityAckWithTheClientsAddressMacAndName() throws Exception {
        JsonNode r = line(RENEWED);
        assertProduct(r, "Sophos Firewall");
        assertClass(r, 4004, 5);
        assertThat(r.get("is_renewal").asBoolean()).isTrue();
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("192.168.2.131");
        assertThat(r.at("/src_endpoint/mac").asText()).isEqualTo("00:11:d9:a0:19:11");
        assertThat(r.at("/src_endpoint/hostname").asText()).isEqualTo("TIVO-846001190AE52F2");
        assertThat(r.get("lease_dur").asInt()).isEqualTo(345600);
    }

    @Test
    void anotherDhcpServerStatusIsNoRenewal() throws Exception {
        JsonNode other = line(RENEWED.replace("status=\"Renew\"", "status=\"Started\""));
        assertProduct(other, "Sophos Firewall");
        assertThat(other.get("class_uid").asInt()).isNotEqualTo(4004);
    }
}

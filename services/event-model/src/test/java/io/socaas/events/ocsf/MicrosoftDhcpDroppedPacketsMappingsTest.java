package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A Windows Server DHCP server's audit log line for a client's packet it dropped (36: the client id's
 * hash belongs to the failover partner, or the server is the standby) is DHCP Activity, Denied and
 * Dropped, with the client. Lines from elastic/integrations {@code
 * packages/microsoft_dhcp/data_stream/log/_dev/test/pipeline/test-log.log}.
 */
class MicrosoftDhcpDroppedPacketsMappingsTest {

    @Test
    void aPacketDroppedForAClientIdHashMismatchIsADeniedDhcpActivityOfTheClient() throws Exception {
        JsonNode r = line("36,09/20/21,09:18:01,Packet dropped because of Client ID hash mismatch or standby server.,"
                + "172.28.52.0,,76691ED45C90,,0,6,,,,,,,,,0");
        assertClass(r, 4004, 99);
        assertThat(r.get("action_id").asInt()).isEqualTo(2);
        assertThat(r.get("disposition").asText()).isEqualTo("Dropped");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("172.28.52.0");
        assertThat(r.at("/src_endpoint/mac").asText()).isEqualToIgnoringCase("76691ED45C90");
        assertThat(r.get("status_detail").asText()).startsWith("Packet dropped");
    }

    @Test
    void aFailedDnsUpdateIsNoDroppedPacket() throws Exception {
        // the server's update of the client's DNS record failed: its own errand, nothing refused to the client
        assertBaseEventOf(
                line("31,09/20/21,09:18:00,DNS Update Failed,172.28.43.159,035856103966.test.com,,,0,6,,,,,,,,,10054"),
                "DHCP Server");
    }
}

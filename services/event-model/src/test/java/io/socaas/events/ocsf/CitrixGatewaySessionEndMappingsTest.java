package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Citrix NetScaler Gateway (SSL VPN) sessions removed and users' TCP connections timed out. The lines are
 * Elastic's citrix_adc pipeline tests (packages/citrix_adc/data_stream/log/_dev/test/pipeline/
 * test-citrix-sslvpn-message.log).
 */
class CitrixGatewaySessionEndMappingsTest {

    @Test
    void aSessionRemovedIsALogoffWithTheReason() throws Exception {
        JsonNode r =
                line("<135> 01/16/2026:14:27:00 GMT test-ns-internal-b 0-PPE-0 : default SSLVPN REMOVE_SESSION_DEBUG"
                        + " 2345696 0 :  Sessionid 2345696 - User username.example.com - Client_ip 81.2.69.144 - X-Forwarded-For_ip"
                        + " 175.16.199.1 - Nat_ip \"Mapped Ip\" - Vserver_ip 67.43.156.1 - Errmsg \"Session removed\"");
        assertProduct(r, "NetScaler ADC");
        assertClass(r, 3002, 2);
        assertThat(r.at("/user/name").asText()).isEqualTo("username.example.com");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("81.2.69.144");
        assertThat(r.at("/dst_endpoint/ip").asText()).isEqualTo("67.43.156.1");
        assertThat(r.at("/session/uid").asText()).isEqualTo("2345696");
        assertThat(r.get("status_detail").asText()).isEqualTo("Session removed");
    }

    @Test
    void aTimedOutConnectionIsNetworkActivityCloseOfTheUserAndTheVirtualServer() throws Exception {
        JsonNode r = line(
                "<135> 01/16/2026:14:19:00 GMT test-ns-internal-b 0-PPE-0 : default SSLVPN TCPCONN_TIMEDOUT 2345682"
                        + " 0 :  User username.example.com - Client_ip 81.2.69.144 - X-Forwarded-For_ip 175.16.199.1 - Nat_ip \"Mapped"
                        + " Ip\" - Vserver 67.43.156.1:443 - Last_contact \"01/16/2026:14:18:00 GMT\" - Group(s) \"N/A\"");
        assertClass(r, 4001, 2);
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("username.example.com");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("81.2.69.144");
        assertThat(r.at("/dst_endpoint/port").asInt()).isEqualTo(443);

        // the Gateway's free-text messages stay Base Events of the product
        JsonNode message = line("<135> 09/09/2024:14:13:39 PRODSY3VPX01 0-PPE-0 : default SSLVPN Message 30461998 0 :"
                + " \"[Remote ip = 81.2.69.142:5019] {ns_handle_free_resources:13910} freeing sta resource for"
                + " pcb:{src-ip:port=81.2.69.142:5019} <-> {dst-ip:port=81.2.69.144:443} pcbdevno=0xa14452, user_domain=(,"
                + " ns_aaa->csg_flags=0x400\"");
        assertProduct(message, "NetScaler ADC");
        assertThat(message.get("class_uid").asInt()).isZero();
    }
}

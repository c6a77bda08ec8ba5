package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A Meraki access point's WPA session of a wireless client ends as it began: {@code wpa_deauth} is
 * the Logoff of the {@code wpa_auth} Logon (elastic/integrations {@code
 * packages/cisco_meraki/data_stream/log/_dev/test/pipeline/test-events.log}).
 */
class MerakiWpaSessionMappingsTest {

    @Test
    void aWpaDeauthenticationIsTheLogoffOfTheClient() throws Exception {
        JsonNode deauth = line("<134>1 1647478401.421090826 MR_device_2 events type=wpa_deauth radio='1' vap='1'"
                + " client_mac='E5:A4:98:71:9A:FE' aid='1034533358'");
        assertClass(deauth, 3002, 2);
        assertProduct(deauth, "Meraki");
        assertThat(deauth.get("auth_protocol").asText()).isEqualTo("WPA");
        assertThat(deauth.at("/src_endpoint/mac").asText()).isEqualToIgnoringCase("E5:A4:98:71:9A:FE");
        assertThat(deauth.at("/device/hostname").asText()).isEqualTo("MR_device_2");

        // the handshake it ends stays the Logon
        assertClass(
                line("<134>1 1647478402.126325721 MR_device_2 events type=wpa_auth radio='1' vap='1'"
                        + " client_mac='E4:F4:18:79:1F:E1' aid='910537108'"),
                3002,
                1);
    }

    @Test
    void aDisassociationIsNoLogoff() throws Exception {
        // the radio's association ended: a closed connection with its statistics, not the end of a session
        JsonNode gone = line("<134>1 1647478709.602628785 MR_device_2 events type=disassociation radio='1' vap='1'"
                + " client_mac='12:8D:1B:8A:D4:C8' channel='108' duration='309.163703632'"
                + " auth_neg_dur='0.005547865' last_auth_ago='309.154547226' is_wpa='1' full_conn='0.121500990'"
                + " ip_resp='0.121500990' ip_src='67.43.156.14' dns_req_rtt='0.018446771' dns_resp='0.190431042'"
                + " dhcp_lease_completed='1.373967135' dhcp_server='8.8.8.8' dhcp_server_mac='18:3B:2E:5C:A7:F6'"
                + " dhcp_resp='1.373967135' aid='1478558813'");
        assertThat(gone.get("class_uid").asInt()).isEqualTo(4001);
    }
}

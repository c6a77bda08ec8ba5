package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Ivanti (Pulse) Connect Secure session messages that were Base Events: sessions created and deleted,
 * users refused after signing in, and the tunnel's transport. The lines are Elastic's pulse_connect_secure
 * pipeline tests (packages/pulse_connect_secure/data_stream/log/_dev/test/pipeline/test-log-vpn.log and
 * test-log-system.log).
 */
class IvantiConnectSecureSessionMappingsTest {

    private static final String PRODUCT = "Connect Secure";

    @Test
    void aSessionCreatedIsALogonWithTheAuthenticationServerAndTheClientsMac() throws Exception {
        JsonNode r = line(
                "<134>1 2026-04-03T14:59:02+02:00 pcs-node1 PulseSecure: - - - 2026-04-03 14:59:02 - pcs-node1 -"
                        + " [89.160.20.156] Default Network::user.name(REALM)[REALM_ROLES][5f934b7c31] - Session created for user:"
                        + " [user.name/REALM] from [89.160.20.156] with primary auth-server type: [LDAP Server], primary auth-server"
                        + " name: [LDAP-External], secondary auth-server type: [Time based One-Time Password (TOTP) Server], secondary"
                        + " auth-servername: [ToTP], secondary auth-server user: [user.name], mac-address: [aa-aa-aa-aa-aa-0c].");
        assertProduct(r, PRODUCT);
        assertLogon(r, 1, "user.name", "89.160.20.156");
        assertThat(r.at("/src_endpoint/mac").asText()).isEqualTo("aa-aa-aa-aa-aa-0c");
        assertThat(r.get("auth_protocol").asText()).isEqualTo("LDAP Server");
        assertThat(r.at("/service/name").asText()).isEqualTo("REALM");
    }

    @Test
    void aSessionDeletedIsALogoffAndARefusedUserAFailedLogon() throws Exception {
        JsonNode deleted = line(
                "<134>1 2026-04-03T14:40:09+02:00 pcs-node1 PulseSecure: - - - 2026-04-03 14:40:09 -"
                        + " pcs-node1 - [89.160.20.156] Default Network::byes.sma(REALM)[REALM_ROLES][681cfe5eba] -"
                        + " Session:[681cfe5eba] for user:[byes.sma] with roles:[REALM_ROLES] deleted. Bandwidth consumed [61171] bytes");
        assertClass(deleted, 3002, 2);
        assertThat(deleted.at("/user/name").asText()).isEqualTo("byes.sma");
        assertThat(deleted.at("/session/uid").asText()).isEqualTo("681cfe5eba");

        JsonNode refused = line("Oct 19 09:11:19 pcs-node1 1 2021-10-19T09:11:19+02:00 10.5.2.3 PulseSecure: - - -"
                + " 2021-10-19 09:11:19 - pcs-node1 - [89.160.20.156] user.name(REALM)[REALM_ROLES] - User user.name denied"
                + " access as the client version '9.1.11.6725' is lower than the minimum client version configured");
        assertLogon(refused, 2, "user.name", "89.160.20.156");
        assertThat(refused.get("status_detail").asText()).startsWith("the client version '9.1.11.6725'");
    }

    @Test
    void theTunnelsTransportIsTunnelActivityAndOtherSystemMessagesStayBaseEvents() throws Exception {
        JsonNode esp =
                line("<134>1 2026-04-03T14:59:06+02:00 pcs-node1 PulseSecure: - - - 2026-04-03 14:59:06 - pcs-node1"
                        + " - [89.160.20.156] Default Network::user.name(REALM)[REALM_ROLES][5f934b7c31] - VPN Tunneling: User with IP"
                        + " 10.1.204.79 connected with ESP transport mode. ");
        assertClass(esp, 4014, 99);
        assertThat(esp.at("/tunnel_interface/ip").asText()).isEqualTo("10.1.204.79");
        assertThat(esp.get("protocol_name").asText()).isEqualTo("ESP");
        assertThat(esp.at("/user/name").asText()).isEqualTo("user.name");

        // removing a cached account from an authentication server is no session of a user
        JsonNode accounts = line("<134>1 2026-04-03T15:28:45+02:00 pcs-node1 PulseSecure: - - - 2026-04-03 15:28:45 -"
                + " pcs-node1 - [127.0.0.1] Default Network::System()[][] - User Accounts modified. Removed username user.name"
                + " from authentication server LDAP-External.");
        assertThat(accounts.get("class_uid").asInt()).isZero();
        assertStatus(
                line("<134>1 2026-04-03T14:58:59+02:00 pcs-node1 PulseSecure: - - - 2026-04-03 14:58:59 - pcs-node1 -"
                        + " [89.160.20.156] Default Network::user.name(REALM)[][] - Secondary authentication successful for"
                        + " user.name/ToTP from 89.160.20.156"),
                1);
    }
}

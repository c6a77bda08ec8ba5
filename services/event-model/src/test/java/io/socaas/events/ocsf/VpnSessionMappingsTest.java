package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAuthentication;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Remote access VPN sessions, with lines written from the products' documented formats: Cisco ASA and FTD
 * AnyConnect, WebVPN and IPsec sessions, OpenVPN servers (plain, pfSense, OPNsense) and PAN-OS
 * AUTHENTICATION logs, Junos OS structured sshd and login failures. Logins and logouts are Authentication with the user, the client's address and the
 * outcome; tunnels opened and closed (with the address handed to the client) Tunnel Activity.
 */
class VpnSessionMappingsTest {

    @Test
    void asaAnyConnectTunnelsAreTunnelActivity() throws Exception {
        JsonNode dtls = line("<166>Mar 01 2026 09:15:02 vpn-gw1 : %ASA-6-722022: Group <GP-Staff> User <k.novak>"
                + " IP <203.0.113.45> UDP SVC connection established without compression");
        assertThat(dtls.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(dtls.get("activity_id").asInt()).isEqualTo(1);
        assertThat(dtls.at("/user/name").asText()).isEqualTo("k.novak");
        assertThat(dtls.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.45");
        assertThat(dtls.get("protocol_name").asText()).isEqualTo("DTLS");
        assertThat(dtls.get("status_id").asInt()).isEqualTo(1);
        assertThat(dtls.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:15:02Z"));
        assertProduct(dtls, "ASA");

        JsonNode tlsClosed = line("<166>Mar 01 2026 09:45:02 vpn-gw1 : %FTD-6-722023: Group <GP-Staff> User <k.novak>"
                + " IP <203.0.113.45> TCP SVC connection terminated with compression");
        assertThat(tlsClosed.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(tlsClosed.get("activity_id").asInt()).isEqualTo(2);
        assertThat(tlsClosed.get("protocol_name").asText()).isEqualTo("TLS");

        JsonNode closing = line("<165>Mar 01 2026 09:45:01 vpn-gw1 : %ASA-5-722037: Group <GP-Staff> User <k.novak>"
                + " IP <203.0.113.45> SVC closing connection: Idle timeout.");
        assertThat(closing.get("activity_id").asInt()).isEqualTo(2);
        assertThat(closing.get("status_detail").asText()).isEqualTo("Idle timeout");

        JsonNode assigned = line("<164>Mar 01 2026 09:15:01 vpn-gw1 : %ASA-4-722051: Group <GP-Staff> User <k.novak>"
                + " IP <203.0.113.45> IPv4 Address <10.99.0.17> IPv6 address <::> assigned to session");
        assertThat(assigned.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(assigned.at("/tunnel_interface/ip").asText()).isEqualTo("10.99.0.17");
        assertThat(assigned.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.45");

        JsonNode ipsec = line("<165>Mar 01 2026 09:10:00 vpn-gw1 : %ASA-5-713049: Group = RA-IKE, Username = p.ortiz,"
                + " IP = 198.51.100.88, Security negotiation complete for User (p.ortiz) Responder,"
                + " Inbound SPI = 0x1a2b3c4d, Outbound SPI = 0x5e6f7a8b");
        assertThat(ipsec.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(ipsec.at("/user/name").asText()).isEqualTo("p.ortiz");
        assertThat(ipsec.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.88");
        assertThat(ipsec.get("protocol_name").asText()).isEqualTo("IPsec");
    }

    @Test
    void asaIpsecSecurityAssociationsAreTunnelActivity() throws Exception {
        // 602303 and 602304 as the ASA syslog reference writes them: direction, type, SPI, local and remote
        // address, user
        JsonNode created = line("<166>Mar 01 2026 09:10:01 vpn-gw2 : %ASA-6-602303: IPSEC: An inbound remote access SA"
                + " (SPI= 0x7C1D20AF) between 192.0.2.1 and 198.51.100.61 (user= m.becker) has been created.");
        assertProduct(created, "ASA");
        assertThat(created.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(created.get("activity_id").asInt()).isEqualTo(1);
        assertThat(created.get("status_id").asInt()).isEqualTo(1);
        assertThat(created.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.61");
        assertThat(created.at("/dst_endpoint/ip").asText()).isEqualTo("192.0.2.1");
        assertThat(created.at("/user/name").asText()).isEqualTo("m.becker");
        assertThat(created.at("/session/uid").asText()).isEqualTo("0x7C1D20AF");
        assertThat(created.at("/connection_info/direction").asText()).isEqualTo("Inbound");
        assertThat(created.get("protocol_name").asText()).isEqualTo("IPsec");
        assertThat(created.at("/unmapped/saType").asText()).isEqualTo("remote access");
        assertThat(created.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:10:01Z"));

        // a LAN-to-LAN tunnel's SA deleted on an FTD: its "user" is the peer's address, no user
        JsonNode deleted = line("<166>Mar 01 2026 08:42:19 ftd-branch : %FTD-6-602304: IPSEC: An outbound LAN-to-LAN SA"
                + " (SPI= 0x0A11B2C3) between 203.0.113.2 and 198.51.100.200 (user= 198.51.100.200) has been deleted.");
        assertThat(deleted.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(deleted.get("activity_id").asInt()).isEqualTo(2);
        assertThat(deleted.has("status_id")).isFalse();
        assertThat(deleted.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.200");
        assertThat(deleted.at("/dst_endpoint/ip").asText()).isEqualTo("203.0.113.2");
        assertThat(deleted.at("/user").isMissingNode()).isTrue();
        assertThat(deleted.at("/session/uid").asText()).isEqualTo("0x0A11B2C3");
        assertThat(deleted.at("/connection_info/direction_id").asInt()).isEqualTo(2);
        assertThat(deleted.at("/unmapped/saType").asText()).isEqualTo("LAN-to-LAN");
    }

    @Test
    void asaVpnSessionsAreAuthentication() throws Exception {
        JsonNode started = line("<166>Mar 01 2026 09:15:00 vpn-gw1 : %ASA-6-113039: Group <GP-Staff> User <k.novak>"
                + " IP <203.0.113.45> AnyConnect parent session started.");
        assertLogon(started, 1, "k.novak", "203.0.113.45");

        JsonNode ended = line("<164>Mar 01 2026 10:15:00 vpn-gw1 : %ASA-4-113019: Group = GP-Staff, Username = k.novak,"
                + " IP = 203.0.113.45, Session disconnected. Session Type: AnyConnect-Parent, Duration: 1h:00m:00s,"
                + " Bytes xmt: 52000, Bytes rcv: 61000, Reason: Max time exceeded");
        assertAuthentication(ended, 2, "k.novak", "203.0.113.45");
        assertThat(ended.get("status_detail").asText()).isEqualTo("Max time exceeded");
        assertThat(ended.at("/unmapped/sessionType").asText()).isEqualTo("AnyConnect-Parent");
        assertThat(ended.at("/unmapped/bytesIn").asText()).isEqualTo("61000");

        JsonNode webvpnEnd = line("<166>Mar 01 2026 10:16:00 vpn-gw1 : %ASA-6-716002: Group <Portal> User <m.ito>"
                + " IP <198.51.100.9> WebVPN session terminated: Idle Timeout.");
        assertAuthentication(webvpnEnd, 2, "m.ito", "198.51.100.9");
        assertThat(webvpnEnd.get("status_detail").asText()).isEqualTo("Idle Timeout");

        JsonNode dap = line("<166>Mar 01 2026 09:15:00 vpn-gw1 : %ASA-6-734001: DAP: User k.novak, Addr 203.0.113.45,"
                + " Connection AnyConnect: The following DAP records were selected for this connection: Staff-DAP");
        assertAuthentication(dap, 99, "k.novak", "203.0.113.45");
        assertThat(dap.get("status_detail").asText()).isEqualTo("Staff-DAP");
    }

    @Test
    void openVpnLoginsAndLogoffs() throws Exception {
        JsonNode initiated = line("<29>Mar  1 10:00:00 vpn2 openvpn[4242]: 192.0.2.61:41000 [dana] Peer Connection"
                + " Initiated with [AF_INET]192.0.2.61:41000");
        assertLogon(initiated, 1, "dana", "192.0.2.61");
        assertProduct(initiated, "OpenVPN");

        JsonNode scriptOk = line("<37>Mar  1 10:00:00 fw openvpn[5150]: user 'dana' authenticated");
        assertLogon(scriptOk, 1, "dana", null);
        JsonNode scriptFail = line("<36>Mar  1 10:00:00 fw openvpn[5151]: user 'eve' could not authenticate.");
        assertLogon(scriptFail, 2, "eve", null);

        JsonNode authFailed = line("<29>Mar  1 10:00:00 vpn2 openvpn[4242]: 192.0.2.70:41999 SENT CONTROL [eve]:"
                + " 'AUTH_FAILED' (status=1)");
        assertLogon(authFailed, 2, "eve", "192.0.2.70");

        JsonNode exiting = line("<29>Mar  1 11:00:00 vpn2 openvpn[4242]: dana/192.0.2.61:41000"
                + " SIGTERM[soft,remote-exit] received, client-instance exiting");
        assertAuthentication(exiting, 2, "dana", "192.0.2.61");

        JsonNode pool = line("<29>Mar  1 10:00:01 vpn2 openvpn[4242]: dana/192.0.2.61:41000 MULTI_sva: pool returned"
                + " IPv4=10.8.0.10, IPv6=(Not enabled)");
        assertThat(pool.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(pool.at("/tunnel_interface/ip").asText()).isEqualTo("10.8.0.10");

        JsonNode opnsense =
                line("<13>1 2026-03-01T10:00:00+00:00 opn1.example.net openvpn_server2 777 - - dana/192.0.2.61:41000"
                        + " Peer Connection Initiated with [AF_INET]192.0.2.61:41000");
        assertLogon(opnsense, 1, "dana", "192.0.2.61");

        assertBaseEventOf(
                line("<29>Mar  1 10:00:00 vpn2 openvpn[4242]: 192.0.2.61:41000 peer info: IV_PLAT=win"), "OpenVPN");
    }

    @Test
    void panOsAuthenticationLogs() throws Exception {
        JsonNode failed = line("<14>Mar  1 10:00:00 pa-edge 1,2026/03/01 10:00:00,013201000555,AUTHENTICATION,0,2561,"
                + "2026/03/01 09:59:59,vsys1,192.0.2.33,example\\lee,example\\lee,radius-obj,guest-auth,1,0,,Default,"
                + "radius-srv,,Captive Portal,auth-fail,1,3001,0x0,0,0,0,0,,pa-edge,1,RADIUS,");
        assertLogon(failed, 2, "example\\lee", "192.0.2.33");
        assertThat(failed.get("status_detail").asText()).isEqualTo("auth-fail");
        assertProduct(failed, "PAN-OS");

        JsonNode ok = line("<14>Mar  1 10:00:00 pa-edge 1,2026/03/01 10:00:00,013201000555,AUTHENTICATION,0,2561,"
                + "2026/03/01 09:59:59,vsys1,192.0.2.33,example\\lee,example\\lee,radius-obj,guest-auth,1,0,,Default,"
                + "radius-srv,,Captive Portal,auth-success,1,3002,0x0,0,0,0,0,,pa-edge,1,RADIUS,");
        assertLogon(ok, 1, "example\\lee", "192.0.2.33");

        // a log forwarded with an ISO receive time and no serial is still PAN-OS
        JsonNode iso = line(
                "<14>Mar  1 10:00:00 pa-edge 1,2026-03-01T10:00:00.000000Z,no-serial,GLOBALPROTECT,"
                        + "globalprotect,10.1,2026-03-01T09:59:58.000000Z,vsys1,gateway-hip-check,host-info,,,example\\lee,,"
                        + "LT-22,192.0.2.33,,10.50.0.4,,1b2c3d4e-0000-4000-8000-000000000001,SN22,6.1.0,Windows,\"Windows 11\",1,,,");
        assertProduct(iso, "PAN-OS");

        // GlobalProtect: the client's tunnel set up with the gateway, the tunnel's own address
        JsonNode tunnel = line("<14>Mar  1 10:00:00 pa-edge 1,2026/03/01 10:00:01,013201000555,GLOBALPROTECT,0,2561,"
                + "2026/03/01 10:00:00,vsys1,gateway-setup-ssl,tunnel,,SSL,example\\lee,FR,LT-22,198.51.100.70,0.0.0.0,"
                + "10.50.0.4,0.0.0.0,1b2c3d4e-0000-4000-8000-000000000001,SN22,6.2.1,Windows,\"Windows 11\",1,,,,"
                + "success,,0,,0,GP-Gateway,7300000000000000001,0x0");
        assertProduct(tunnel, "PAN-OS");
        assertThat(tunnel.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(tunnel.get("activity_id").asInt()).isEqualTo(1);
        assertThat(tunnel.get("status_id").asInt()).isEqualTo(1);
        assertThat(tunnel.at("/user/name").asText()).isEqualTo("example\\lee");
        assertThat(tunnel.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.70");
        assertThat(tunnel.at("/tunnel_interface/ip").asText()).isEqualTo("10.50.0.4");
        assertThat(tunnel.get("protocol_name").asText()).isEqualTo("SSL");
    }

    @Test
    void junosStructuredLoginFailuresAreAuthentication() throws Exception {
        JsonNode sshd = line("<37>1 2026-03-01T08:30:00.000Z edge-srx2 sshd 3131 SSHD_LOGIN_FAILED"
                + " [junos@2636.1.1.1.2.129 username=\"operator\" source-address=\"192.0.2.144\"]"
                + " Login failed for user 'operator' from host '192.0.2.144'");
        assertLogon(sshd, 2, "operator", "192.0.2.144");
        assertProduct(sshd, "Junos OS");
        assertThat(sshd.at("/metadata/product/vendor_name").asText()).isEqualTo("Juniper Networks");
        assertThat(sshd.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:30:00Z"));
        // the same failure in text form, from any Junos device
        JsonNode sshdText = line("<37>Mar  1 08:30:30 core-mx1 sshd[3133]: SSHD_LOGIN_FAILED: Login failed for user"
                + " 'operator' from host '2001:db8::44'");
        assertLogon(sshdText, 2, "operator", "2001:db8::44");
        assertProduct(sshdText, "Junos OS");
        assertThat(sshdText.get("is_remote").asBoolean()).isTrue();
        JsonNode sshdBare = line("<37>Mar  1 08:30:40 core-mx1 sshd: SSHD_LOGIN_FAILED: Login failed for user"
                + " netops from host 192.0.2.146");
        assertLogon(sshdBare, 2, "netops", "192.0.2.146");
        assertProduct(sshdBare, "Junos OS");
        // Junos' other sshd messages are its own, without a login
        JsonNode threshold = line("<37>Mar  1 08:30:50 core-mx1 sshd[3133]: SSHD_LOGIN_ATTEMPTS_THRESHOLD: Threshold"
                + " for unsuccessful authentication attempts (3) reached by user 'operator'");
        assertBaseEventOf(threshold, "Junos OS");
        // Junos' tag elsewhere in an OpenSSH line, or another program's line, is not Junos'
        JsonNode named = line(
                "<38>Mar  1 08:31:00 web3 sshd[813]: Invalid user SSHD_LOGIN_FAILED from 192.0.2.201" + " port 50023");
        assertProduct(named, "OpenSSH");
        assertLogon(named, 2, "SSHD_LOGIN_FAILED", "192.0.2.201");
        JsonNode otherProgram = line("<37>Mar  1 08:31:10 web3 logger[814]: SSHD_LOGIN_FAILED: Login failed for user"
                + " 'operator' from host '192.0.2.147'");
        assertThat(otherProgram.at("/metadata/product/name").asText()).isNotEqualTo("Junos OS");
        assertThat(otherProgram.get("class_uid").asInt()).isNotEqualTo(3002);

        JsonNode login = line("<37>1 2026-03-01T08:31:00.000Z edge-srx2 login 3132 LOGIN_FAILED"
                + " [junos@2636.1.1.1.2.129 username=\"operator\" source-address=\"192.0.2.145\"]"
                + " Login failed for user operator from host 192.0.2.145");
        assertLogon(login, 2, "operator", "192.0.2.145");
        assertProduct(login, "Junos OS");
        assertThat(login.get("is_remote").asBoolean()).isTrue();
        // on the console the source is a terminal, not an address: no src_endpoint
        JsonNode console = line("<37>1 2026-03-01T08:31:05.000Z edge-srx2 login 3134 LOGIN_FAILED"
                + " [junos@2636.1.1.1.2.129 username=\"root\" source-address=\"ttyu0\"]"
                + " Login failed for user root from host ttyu0");
        assertThat(console.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(console.get("status_id").asInt()).isEqualTo(2);
        assertThat(console.at("/user/name").asText()).isEqualTo("root");
        assertThat(console.has("src_endpoint")).as(console.toString()).isFalse();
        assertProduct(console, "Junos OS");
        JsonNode consoleText = line("<37>Mar  1 08:31:06 edge-srx2 login[3135]: LOGIN_FAILED: Login failed for user"
                + " root from host ttyu0");
        assertThat(consoleText.get("status_id").asInt()).isEqualTo(2);
        assertThat(consoleText.at("/user/name").asText()).isEqualTo("root");
        assertThat(consoleText.has("src_endpoint")).isFalse();
        JsonNode telnetText = line("<37>Mar  1 08:31:07 edge-srx2 login[3136]: LOGIN_FAILED: Login failed for user"
                + " admin from host 198.51.100.23");
        assertLogon(telnetText, 2, "admin", "198.51.100.23");
        assertProduct(telnetText, "Junos OS");
        JsonNode loggedIn = line("<38>Mar  1 08:32:00 edge-srx2 login[3137]: LOGIN_INFORMATION: User operator logged in"
                + " from host 192.0.2.145 on device ttyp0");
        assertLogon(loggedIn, 1, "operator", "192.0.2.145");
        // a Linux login(1) line is still Linux's
        JsonNode linuxLogin = line(
                "<38>Mar  1 08:33:00 web3 login[900]: FAILED LOGIN 1 FROM tty1 FOR root," + " Authentication failure");
        assertThat(linuxLogin.at("/metadata/product/name").asText()).isNotEqualTo("Junos OS");

        // OpenSSH's own lines are read as before
        JsonNode openssh = line("<38>Mar  1 10:00:00 web3 sshd[812]: Failed password for invalid user test from"
                + " 192.0.2.200 port 50022 ssh2");
        assertLogon(openssh, 2, "test", "192.0.2.200");
        assertThat(openssh.at("/src_endpoint/port").asInt()).isEqualTo(50022);
        assertProduct(openssh, "OpenSSH");
    }

    @Test
    void otherProductsVpnLinesAreNotClaimed() throws Exception {
        JsonNode fortigate = line("<189>date=2026-03-01 time=10:00:00 devname=\"fg1\" type=\"event\" subtype=\"vpn\""
                + " logdesc=\"SSL VPN tunnel up\" user=\"dana\" remip=192.0.2.61 action=\"tunnel-up\"");
        assertThat(fortigate.at("/metadata/product/name").asText())
                .isNotEqualTo("OpenVPN")
                .isNotEqualTo("ASA");
    }
}

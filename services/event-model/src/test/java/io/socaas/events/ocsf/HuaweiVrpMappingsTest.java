package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAuthentication;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Huawei VRP switches', routers' and firewalls' information center logs of administrators' commands and
 * logins, in VRP's documented shape ({@code %%01MODULE/severity/BRIEF(l)[n]:text. (Key=value, ...)}) with
 * values of our own; the USG's traffic logs stay the USG's.
 */
class HuaweiVrpMappingsTest {

    @Test
    void administratorsCommandsAreApiActivityWithTheCommandUserAndAddress() throws Exception {
        JsonNode cmd = line("<189>Mar  1 2026 09:30:00 core-sw1 %%01SHELL/5/CMDRECORD(s)[311]:Recorded command"
                + " information. (Task=VT1, Ip=10.20.0.9, VpnName=, User=netops, AuthenticationMethod=\"Local-user\","
                + " Command=\"undo info-center enable\")");
        assertProduct(cmd, "VRP");
        assertThat(cmd.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(cmd.get("activity_id").asInt()).isEqualTo(99);
        assertThat(cmd.at("/api/operation").asText()).isEqualTo("undo info-center enable");
        assertThat(cmd.at("/actor/user/name").asText()).isEqualTo("netops");
        assertThat(cmd.at("/src_endpoint/ip").asText()).isEqualTo("10.20.0.9");
        assertThat(cmd.at("/device/hostname").asText()).isEqualTo("core-sw1");
        // a display command reads, and a command's result is its status
        JsonNode display = line("<189>Mar  1 2026 09:30:05 core-sw1 %%01SHELL/5/CMDRECORD(s)[312]:Recorded command"
                + " information. (Task=VT1, Ip=10.20.0.9, User=netops, Command=\"display current-configuration\","
                + " Result=Success)");
        assertThat(display.get("activity_id").asInt()).isEqualTo(2);
        assertStatus(display, 1);
    }

    @Test
    void loginsToTheDeviceAreAuthenticationWithTheReason() throws Exception {
        JsonNode failed = line("<189>Mar  1 2026 09:31:00 core-sw1 %%01SSH/5/SSH_USER_LOGIN_FAIL(s)[320]:The SSH user"
                + " failed to login. (ServiceType=stelnet, FailedReason=Password authentication failed,"
                + " UserName=backup, UserAddress=198.51.100.61, LocalAddress=10.20.0.1, VPNInstanceName=)");
        assertLogon(failed, 2, "backup", "198.51.100.61");
        assertThat(failed.get("status_detail").asText()).isEqualTo("Password authentication failed");
        assertThat(failed.get("auth_protocol").asText()).isEqualTo("stelnet");
        assertThat(failed.at("/dst_endpoint/ip").asText()).isEqualTo("10.20.0.1");
        assertLogon(
                line("<189>Mar  1 2026 09:31:10 core-sw1 %%01SSH/5/SSH_USER_LOGIN(s)[321]:The SSH user succeeded in"
                        + " logging in. (ServiceType=stelnet, UserName=netops, UserAddress=10.20.0.9, LocalAddress=10.20.0.1,"
                        + " VPNInstanceName=)"),
                1,
                "netops",
                "10.20.0.9");
        JsonNode out = line("<189>Mar  1 2026 09:40:10 core-sw1 %%01SSH/5/SSH_USER_LOGOUT(s)[322]:The SSH user logged"
                + " out. (ServiceType=stelnet, LogoutReason=The user quit, UserName=netops, UserAddress=10.20.0.9,"
                + " LocalAddress=10.20.0.1, VPNInstanceName=)");
        assertAuthentication(out, 2, "netops", "10.20.0.9");
        assertThat(out.get("status_detail").asText()).isEqualTo("The user quit");
    }

    @Test
    void otherModulesAreVrpsBaseEventsAndTheUsgsTrafficStaysTheUsgs() throws Exception {
        assertBaseEventOf(
                line("<187>Mar  1 2026 09:32:00 core-sw1 %%01IFNET/4/LINK_STATE(l)[330]:The line protocol IP"
                        + " on the interface 10GE1/0/7 has entered the DOWN state."),
                "VRP");
        JsonNode policy = line("Mar  1 2026 09:33:00 edge-fw %%01POLICY/6/POLICYDENY(l):vsys=public, protocol=6,"
                + " source-ip=198.51.100.5, source-port=40000, destination-ip=192.0.2.10, destination-port=22,"
                + " time=2026/3/1 09:33:00, source-zone=untrust, destination-zone=trust, application-name=,"
                + " rule-name=default.");
        assertProduct(policy, "USG");
        // text that only mentions a module is not VRP's
        JsonNode other = line("<13>Mar  1 09:34:00 host app: see %%01SHELL/5/CMDRECORD docs");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("VRP");
    }
}

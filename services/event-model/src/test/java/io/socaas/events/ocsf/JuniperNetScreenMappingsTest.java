package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Juniper NetScreen and SSG firewalls (ScreenOS): traffic logs, screen alarms, administrators'
 * logins and changes. Lines written from ScreenOS's documented syslog format.
 */
class JuniperNetScreenMappingsTest {

    private static final String HEADER = "<134>Mar  1 09:59:58 ssg5 ssg5: NetScreen device_id=ssg5  [Root]";

    @Test
    void trafficLogsAreNetworkActivityWithZonesPolicyAndBytes() throws Exception {
        JsonNode permitted = line(HEADER + "system-notification-00257(traffic): start_time=\"2026-03-01 09:59:52\""
                + " duration=6 policy_id=2 service=https proto=6 src zone=Trust dst zone=Untrust action=Permit sent=1520"
                + " rcvd=4210 src=192.168.1.20 dst=203.0.113.40 src_port=51334 dst_port=443 src-xlated ip=198.51.100.2"
                + " port=1034 dst-xlated ip=203.0.113.40 port=443 session_id=1234 reason=Close - TCP FIN");
        assertProduct(permitted, "NetScreen");
        assertFlow(permitted, 2, "192.168.1.20", 51334, "203.0.113.40", 443);
        assertAllowed(permitted);
        assertThat(permitted.at("/src_endpoint/zone").asText()).isEqualTo("Trust");
        assertThat(permitted.at("/dst_endpoint/zone").asText()).isEqualTo("Untrust");
        assertThat(permitted.at("/firewall_rule/uid").asText()).isEqualTo("2");
        assertThat(permitted.at("/traffic/bytes_out").asLong()).isEqualTo(1520);
        assertThat(permitted.at("/traffic/bytes_in").asLong()).isEqualTo(4210);
        assertThat(permitted.get("status_detail").asText()).isEqualTo("Close - TCP FIN");
        assertThat(permitted.at("/unmapped/nsSrcNatIp").asText()).isEqualTo("198.51.100.2");
        assertThat(permitted.at("/device/hostname").asText()).isEqualTo("ssg5");

        JsonNode denied = line(HEADER + "system-notification-00257(traffic): start_time=\"2026-03-01 09:59:59\""
                + " duration=0 policy_id=320001 service=tcp/port:445 proto=6 src zone=Untrust dst zone=Trust action=Deny"
                + " sent=0 rcvd=0 src=203.0.113.9 dst=198.51.100.2 src_port=4444 dst_port=445 session_id=0");
        assertFlow(denied, 5, "203.0.113.9", 4444, "198.51.100.2", 445);
        assertDenied(denied);
        assertThat(denied.at("/firewall_rule/uid").asText()).isEqualTo("320001");
    }

    @Test
    void screenAlarmsAdministratorsAndChanges() throws Exception {
        JsonNode scan = line(HEADER + "system-alert-00016: Port scan! From 203.0.113.1:54321 to 198.51.100.2:80,"
                + " proto TCP (zone Untrust, int ethernet0/0). Occurred 1 times. (2026-03-01 10:00:00)");
        assertFlow(scan, 5, "203.0.113.1", 54321, "198.51.100.2", 80);
        assertDenied(scan);
        assertThat(scan.get("is_alert").asBoolean()).isTrue();
        assertThat(scan.get("status_detail").asText()).isEqualTo("Port scan");
        assertThat(scan.get("severity_id").asInt()).isEqualTo(4);
        assertThat(scan.at("/src_endpoint/interface_name").asText()).isEqualTo("ethernet0/0");

        JsonNode logon = line(HEADER + "system-warning-00515: Admin user netscreen has logged on via SSH from"
                + " 192.168.1.5:52345 (2026-03-01 10:00:01)");
        assertLogon(logon, 1, "netscreen", "192.168.1.5");
        assertThat(logon.at("/service/name").asText()).isEqualTo("SSH");
        JsonNode failed = line(HEADER + "system-warning-00518: Admin user \"admin\" login attempt for Web(http)"
                + " management (port 80) from 203.0.113.77:51000 failed. (2026-03-01 10:00:02)");
        assertLogon(failed, 2, "admin", "203.0.113.77");

        JsonNode policy = line(HEADER + "system-notification-00018: Policy (7, Untrust->Trust, Any->192.168.1.10,"
                + " HTTPS, Permit) was modified by netscreen via web from host 192.168.1.5 to 192.168.1.1:443."
                + " (2026-03-01 10:00:03)");
        assertThat(policy.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(policy.get("activity_name").asText()).isEqualTo("Update");
        assertThat(policy.at("/actor/user/name").asText()).isEqualTo("netscreen");
        assertThat(policy.at("/src_endpoint/ip").asText()).isEqualTo("192.168.1.5");
        assertThat(policy.at("/resources/0/uid").asText()).isEqualTo("7");

        assertBaseEventOf(
                line(HEADER + "system-information-00536: IKE 203.0.113.200 Phase 2 msg ID 1a2b3c4d: Completed"
                        + " negotiations with SPI 8f1e2d3c, tunnel ID 1, and lifetime 3600 seconds/0 KB."),
                "NetScreen");
    }
}

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
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Stormshield Network Security (SNS) firewalls: their key=value logs (id=firewall time= fw= tz=
 * logtype=), one family per logtype. Lines written from Stormshield's documented log format.
 */
class StormshieldMappingsTest {

    private static final String PRODUCT = "Network Security";

    private static String head(String time) {
        return "<134>Mar  1 09:00:00 sns01 asqd: id=firewall time=\"" + time + "\" fw=\"sns-paris\" tz=+0100"
                + " startime=\"" + time + "\"";
    }

    @Test
    void alarmsAreNetworkActivityWithIsAlert() throws Exception {
        JsonNode blocked = line(head("2026-03-01 09:30:00") + " pri=1 confid=01 srcif=\"Ethernet0\" srcifname=\"out\""
                + " ipproto=tcp proto=http src=203.0.113.5 srcport=40112 srcportname=ephemeral_fw_tcp dst=192.0.2.80"
                + " dstport=80 dstportname=http ipv=4 action=block msg=\"Possible port scan\" class=protocol"
                + " classification=0 alarmid=157 repeat=0 logtype=\"alarm\"");
        assertProduct(blocked, PRODUCT);
        assertFlow(blocked, 6, "203.0.113.5", 40112, "192.0.2.80", 80);
        assertDenied(blocked);
        assertThat(blocked.get("is_alert").asBoolean()).isTrue();
        assertThat(blocked.get("message").asText()).isEqualTo("Possible port scan");
        assertThat(blocked.at("/firewall_rule/uid").asText()).isEqualTo("157");
        assertThat(blocked.get("severity_id").asInt()).isEqualTo(5);
        assertThat(blocked.at("/device/hostname").asText()).isEqualTo("sns-paris");
        assertThat(blocked.get("time").asLong())
                .isEqualTo(Instant.parse("2026-03-01T08:30:00Z").toEpochMilli());

        JsonNode passed = line(
                head("2026-03-01 09:31:00") + " pri=4 srcif=\"Ethernet1\" srcifname=\"in\" ipproto=tcp"
                        + " proto=ssh src=192.0.2.14 srcport=50022 dst=198.51.100.7 dstport=22 dstportname=ssh action=pass"
                        + " msg=\"Interactive connection detected\" class=protocol classification=0 alarmid=85 logtype=\"alarm\"");
        assertFlow(passed, 6, "192.0.2.14", 50022, "198.51.100.7", 22);
        assertAllowed(passed);
        assertThat(passed.get("is_alert").asBoolean()).isTrue();
    }

    @Test
    void filterAndConnectionLogsCarryTheVerdictAndBytes() throws Exception {
        JsonNode dropped =
                line(head("2026-03-01 09:32:00") + " pri=5 confid=01 slotlevel=2 ruleid=9 srcif=\"Ethernet0\""
                        + " srcifname=\"out\" ipproto=tcp src=203.0.113.9 srcport=4444 dst=192.0.2.10 dstport=445"
                        + " dstportname=microsoft-ds ipv=4 action=block logtype=\"filter\"");
        assertFlow(dropped, 5, "203.0.113.9", 4444, "192.0.2.10", 445);
        assertDenied(dropped);
        assertThat(dropped.at("/firewall_rule/uid").asText()).isEqualTo("9");
        assertThat(dropped.at("/src_endpoint/interface_name").asText()).isEqualTo("out");

        JsonNode closed = line(head("2026-03-01 09:33:00") + " pri=5 srcif=\"Ethernet1\" srcifname=\"in\" ipproto=tcp"
                + " proto=https src=192.0.2.20 srcport=51500 dst=198.51.100.40 dstport=443 dstportname=https ipv=4"
                + " sent=1820 rcvd=40211 duration=3.10 logtype=\"connection\"");
        assertFlow(closed, 2, "192.0.2.20", 51500, "198.51.100.40", 443);
        assertThat(closed.at("/traffic/bytes_out").asLong()).isEqualTo(1820);
        assertThat(closed.at("/traffic/bytes_in").asLong()).isEqualTo(40211);
        assertThat(closed.get("app_name").asText()).isEqualTo("https");
    }

    @Test
    void webRequestsAreHttpActivity() throws Exception {
        JsonNode blocked = line(head("2026-03-01 09:34:00") + " pri=5 srcif=\"Ethernet1\" srcifname=\"in\" ipproto=tcp"
                + " proto=http src=192.0.2.21 srcport=52014 dst=198.51.100.30 dstport=80 dstname=files.example.com"
                + " ipv=4 sent=310 rcvd=0 duration=0.01 user=\"asmith\" op=GET result=403 arg=\"/setup.exe\""
                + " cat_site=\"{malware}\" urlruleid=4 action=block logtype=\"web\"");
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(blocked.get("activity_id").asInt()).isEqualTo(3);
        assertDenied(blocked);
        assertThat(blocked.at("/http_request/url/hostname").asText()).isEqualTo("files.example.com");
        assertThat(blocked.at("/http_request/url/path").asText()).isEqualTo("/setup.exe");
        assertThat(blocked.at("/http_response/code").asInt()).isEqualTo(403);
        assertThat(blocked.at("/actor/user/name").asText()).isEqualTo("asmith");
        assertThat(blocked.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.21");
    }

    @Test
    void authenticationsVpnAndAdministrators() throws Exception {
        JsonNode ok = line(head("2026-03-01 09:35:00") + " user=\"asmith\" domain=\"corp.example.com\" src=192.0.2.22"
                + " ruleid=1 confid=00 error=0 method=\"LDAP\" msg=\"User authenticated\" logtype=\"auth\"");
        assertProduct(ok, PRODUCT);
        assertLogon(ok, 1, "asmith", "192.0.2.22");
        assertThat(ok.at("/user/domain").asText()).isEqualTo("corp.example.com");
        assertLogon(
                line(head("2026-03-01 09:35:10") + " user=\"asmith\" domain=\"corp.example.com\" src=192.0.2.22"
                        + " ruleid=1 confid=00 error=2 method=\"LDAP\" msg=\"Authentication failed\" logtype=\"auth\""),
                2,
                "asmith",
                "192.0.2.22");

        JsonNode sslvpn = line(head("2026-03-01 09:36:00") + " user=\"bjones\" domain=\"corp.example.com\" error=0"
                + " src=198.51.100.77 srcname=home_laptop msg=\"SSL VPN tunnel opened\" logtype=\"xvpn\"");
        assertLogon(sslvpn, 1, "bjones", "198.51.100.77");
        assertThat(sslvpn.at("/service/name").asText()).isEqualTo("SSL VPN");

        JsonNode ipsec = line(head("2026-03-01 09:37:00") + " pri=5 phase=2 side=initiator ikev=2 user=\"\""
                + " localnet=192.0.2.0/24 remotenet=198.51.100.0/24 src=203.0.113.1 srcname=fw_out"
                + " dst=203.0.113.50 dstname=branch_gw msg=\"Phase established\" logtype=\"vpn\"");
        assertThat(ipsec.get("class_uid").asInt()).isEqualTo(4014);
        assertThat(ipsec.get("activity_id").asInt()).isEqualTo(1);
        assertThat(ipsec.at("/dst_endpoint/ip").asText()).isEqualTo("203.0.113.50");
        assertThat(ipsec.at("/dst_endpoint/hostname").asText()).isEqualTo("branch_gw");

        JsonNode admin = line(head("2026-03-01 09:38:00") + " user=\"admin\" address=192.0.2.9 sessionid=12"
                + " msg=\"CONFIG FILTER ACTIVATE 3\" error=0 logtype=\"server\"");
        assertThat(admin.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(admin.at("/actor/user/name").asText()).isEqualTo("admin");
        assertThat(admin.at("/api/operation").asText()).isEqualTo("CONFIG FILTER ACTIVATE 3");
        assertThat(admin.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.9");
        assertThat(admin.get("status_id").asInt()).isEqualTo(1);
    }

    @Test
    void statisticsAndSystemMessagesAreBaseEvents() throws Exception {
        assertBaseEventOf(
                line(head("2026-03-01 09:39:00") + " pri=5 service=\"sslvpnd\" msg=\"Service started\""
                        + " logtype=\"system\""),
                PRODUCT);
        assertBaseEventOf(line(head("2026-03-01 09:40:00") + " Rule1:3=2411 Rule2:8=17 logtype=\"count\""), PRODUCT);
        // a key=value line that only mentions the word is not Stormshield's
        assertThat(line("<14>Mar  1 09:00:00 app01 inventory: id=firewall model=SN310 location=rack4")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo(PRODUCT);
    }
}

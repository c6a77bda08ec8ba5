package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Network Policy Server's accounting log files, with records written in its three
 * documented formats (DTS compliant XML, ODBC / database-compatible and IAS attribute pairs): access
 * decisions are Authentication with the user, the calling station and the RADIUS client (NAS) that
 * asked; accounting starts and stops are the user's session at the NAS opening and closing.
 */
class NetworkPolicyServerMappingsTest {

    private static final String DTS_ACCEPT = "<Event><Timestamp data_type=\"4\">02/24/2026 08:12:45.310</Timestamp>"
            + "<Computer-Name data_type=\"1\">NPS-HQ02</Computer-Name><Event-Source data_type=\"1\">IAS</Event-Source>"
            + "<User-Name data_type=\"1\">FABRIKAM\\t.okafor</User-Name>"
            + "<Called-Station-Id data_type=\"1\">9C-1C-12-AA-40-01:Fabrikam-Staff</Called-Station-Id>"
            + "<Calling-Station-Id data_type=\"1\">3C-22-FB-91-7E-05</Calling-Station-Id>"
            + "<NAS-Identifier data_type=\"1\">ap-floor3</NAS-Identifier><NAS-IP-Address data_type=\"3\">172.16.40.21</NAS-IP-Address>"
            + "<NAS-Port data_type=\"0\">4136</NAS-Port>"
            + "<Client-IP-Address data_type=\"3\">172.16.40.5</Client-IP-Address>"
            + "<Client-Friendly-Name data_type=\"1\">Wireless-Controller</Client-Friendly-Name><Client-Vendor data_type=\"0\">0</Client-Vendor>"
            + "<SAM-Account-Name data_type=\"1\">FABRIKAM\\t.okafor</SAM-Account-Name>"
            + "<Fully-Qualifed-User-Name data_type=\"1\">fabrikam.example/Staff/Tunde Okafor</Fully-Qualifed-User-Name>"
            + "<NP-Policy-Name data_type=\"1\">Secure Wireless Connections</NP-Policy-Name>"
            + "<Proxy-Policy-Name data_type=\"1\">Use Windows authentication for all users</Proxy-Policy-Name>"
            + "<Authentication-Type data_type=\"0\">5</Authentication-Type>"
            + "<EAP-Friendly-Name data_type=\"1\">Microsoft: Protected EAP (PEAP)</EAP-Friendly-Name>"
            + "<Packet-Type data_type=\"0\">2</Packet-Type><Reason-Code data_type=\"0\">0</Reason-Code></Event>";

    private static void assertNpsAuthentication(JsonNode r, int activityId, Integer statusId, String user) {
        assertProduct(r, "Network Policy Server");
        assertThat(r.get("class_uid").asInt()).as("class of %s", r).isEqualTo(3002);
        assertThat(r.get("activity_id").asInt()).isEqualTo(activityId);
        if (statusId == null) {
            assertThat(r.has("status_id") && r.get("status_id").asInt() != 0).isFalse();
        } else {
            assertThat(r.get("status_id").asInt()).isEqualTo(statusId);
        }
        assertThat(r.at("/user/name").asText()).isEqualTo(user);
        assertThat(r.get("auth_protocol_id").asInt()).isEqualTo(10); // RADIUS
    }

    @Test
    void dtsAccessDecisionsAreAuthenticationWithTheUserStationAndNas() throws Exception {
        JsonNode accepted = line(DTS_ACCEPT);
        assertNpsAuthentication(accepted, 1, 1, "FABRIKAM\\t.okafor");
        assertThat(accepted.at("/src_endpoint/uid").asText()).isEqualTo("3C-22-FB-91-7E-05");
        // the RADIUS client that asked, by its address, and the NAS's own name
        assertThat(accepted.at("/dst_endpoint/ip").asText()).isEqualTo("172.16.40.5");
        assertThat(accepted.at("/dst_endpoint/name").asText()).isEqualTo("ap-floor3");
        assertThat(accepted.at("/dst_endpoint/uid").asText()).isEqualTo("9C-1C-12-AA-40-01:Fabrikam-Staff");
        assertThat(accepted.at("/policy/name").asText()).isEqualTo("Secure Wireless Connections");
        assertThat(accepted.at("/device/hostname").asText()).isEqualTo("NPS-HQ02");
        assertThat(accepted.get("time").asLong()).isEqualTo(epochMillis("2026-02-24T08:12:45.310Z"));

        // rejected, forwarded inside syslog: the reason code is kept
        JsonNode rejected = line(
                "<134>Feb 24 08:13:02 nps-hq02 NPS: "
                        + DTS_ACCEPT
                                .replace("FABRIKAM\\t.okafor", "FABRIKAM\\guest-kiosk")
                                .replace(">3C-22-FB-91-7E-05<", ">D8-BB-C1-02-03-04<")
                                .replace(
                                        "<Packet-Type data_type=\"0\">2</Packet-Type><Reason-Code data_type=\"0\">0</Reason-Code>",
                                        "<Packet-Type data_type=\"0\">3</Packet-Type><Reason-Code data_type=\"0\">16</Reason-Code>"));
        assertNpsAuthentication(rejected, 1, 2, "FABRIKAM\\guest-kiosk");
        assertThat(rejected.get("status_code").asText()).isEqualTo("16");
        assertThat(rejected.get("status_detail").asText())
                .isEqualTo("Authentication failed: the user's credentials do not match");
        assertThat(rejected.at("/src_endpoint/uid").asText()).isEqualTo("D8-BB-C1-02-03-04");

        // the request alone does not say how it ended
        JsonNode request = line(DTS_ACCEPT.replace(
                "<Packet-Type data_type=\"0\">2</Packet-Type>", "<Packet-Type data_type=\"0\">1</Packet-Type>"));
        assertNpsAuthentication(request, 1, null, "FABRIKAM\\t.okafor");
    }

    @Test
    void odbcRecordsAreReadInTheirDocumentedColumnOrder() throws Exception {
        JsonNode rejected =
                line("\"NPS-BR01\",\"IAS\",02/24/2026,17:40:09,3,\"jlarsen\",,\"10.9.0.1\",\"198.51.100.77\",,,"
                        + "\"vpn-gw1\",\"10.9.0.1\",,,\"10.9.0.2\",\"RRAS-VPN\",,,5,,,2,1,\"Remote VPN Users\",65,"
                        + ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,");
        assertNpsAuthentication(rejected, 1, 2, "jlarsen");
        assertThat(rejected.get("status_code").asText()).isEqualTo("65");
        assertThat(rejected.get("status_detail").asText())
                .isEqualTo("Network access permission of the user account is set to deny");
        assertThat(rejected.at("/src_endpoint/uid").asText()).isEqualTo("198.51.100.77");
        assertThat(rejected.at("/dst_endpoint/ip").asText()).isEqualTo("10.9.0.2");
        assertThat(rejected.at("/dst_endpoint/name").asText()).isEqualTo("vpn-gw1");
        assertThat(rejected.at("/policy/name").asText()).isEqualTo("Remote VPN Users");
        assertThat(rejected.get("time").asLong()).isEqualTo(epochMillis("2026-02-24T17:40:09Z"));

        // an accepted request whose user NPS names only by its fully qualified name
        JsonNode accepted =
                line("\"NPS-BR01\",\"IAS\",02/24/2026,17:41:02,2,,\"branch.example/Users/Jonas Larsen\",,,,,,,,9,"
                        + "\"10.9.0.2\",\"RRAS-VPN\",,,,,,2,1,\"Remote VPN Users\",0,\"311 1 10.9.0.2 02/24/2026 17:40:58 7\""
                        + ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,");
        assertNpsAuthentication(accepted, 1, 1, "branch.example/Users/Jonas Larsen");

        // accounting start: the session opens, with the address the user was given
        JsonNode start = line("\"NPS-BR01\",\"IAS\",02/24/2026,17:41:30,4,\"jlarsen\",,\"10.9.0.1\",\"198.51.100.77\",,"
                + "\"10.9.8.44\",\"vpn-gw1\",\"10.9.0.1\",81,,\"10.9.0.2\",\"RRAS-VPN\",,,5,,1,2,,,0,"
                + "\"311 1 10.9.0.2 02/24/2026 17:41:12 9\",,,,,1,0,,,\"8F2C\",1,,,,,,,,,,,,,,,,,,,,,,,,,,,,,");
        assertNpsAuthentication(start, 1, 1, "jlarsen");
        assertThat(start.at("/session/uid").asText()).isEqualTo("8F2C");
        assertThat(start.at("/src_endpoint/ip").asText()).isEqualTo("10.9.8.44");
    }

    @Test
    void iasAttributePairsAreReadWhereverTheNasPutsThem() throws Exception {
        // the user named by the SAM account only; a NAS port numbered like the Packet-Type attribute
        // is a value, not an attribute
        JsonNode accepted = line("10.20.30.4,,02/25/2026,09:01:17,IAS,NPS-DC3,5,4136,4,10.20.30.4,"
                + "31,00-1B-63-84-45-E6,30,00-17-DF-A9-D2-40:Lab,32,sw-core2,4108,10.20.30.4,4128,CoreSwitch,"
                + "4129,CONTOSO\\pnguyen,4130,contoso.example/IT/Phuong Nguyen,4149,Wired 802.1X,4136,2,4142,0");
        assertNpsAuthentication(accepted, 1, 1, "CONTOSO\\pnguyen");
        assertThat(accepted.at("/src_endpoint/uid").asText()).isEqualTo("00-1B-63-84-45-E6");
        assertThat(accepted.at("/dst_endpoint/ip").asText()).isEqualTo("10.20.30.4");
        assertThat(accepted.at("/dst_endpoint/name").asText()).isEqualTo("sw-core2");
        assertThat(accepted.at("/policy/name").asText()).isEqualTo("Wired 802.1X");
        assertThat(accepted.at("/device/hostname").asText()).isEqualTo("NPS-DC3");
        assertThat(accepted.get("time").asLong()).isEqualTo(epochMillis("2026-02-25T09:01:17Z"));

        JsonNode rejected = line("10.20.30.4,CONTOSO\\mbrandt,02/25/2026,09:05:51,IAS,NPS-DC3,1,CONTOSO\\mbrandt,"
                + "4,10.20.30.4,31,A0-CE-C8-11-22-33,4108,10.20.30.4,4128,CoreSwitch,4149,Wired 802.1X,4136,3,4142,48");
        assertNpsAuthentication(rejected, 1, 2, "CONTOSO\\mbrandt");
        assertThat(rejected.get("status_code").asText()).isEqualTo("48");
        assertThat(rejected.get("status_detail").asText())
                .isEqualTo("The connection request matched no network policy");

        // accounting stop from a VPN server: the session closes
        JsonNode stop = line("192.0.2.10,vpnuser7,02/25/2026,18:22:03,IAS,NPS-DC3,4,192.0.2.10,8,10.250.1.19,"
                + "31,203.0.113.58,44,0000A1B2,40,2,46,3612,42,1048576,43,524288,49,1,4108,192.0.2.10,4136,4,4142,0");
        assertNpsAuthentication(stop, 2, 1, "vpnuser7");
        assertThat(stop.at("/session/uid").asText()).isEqualTo("0000A1B2");
        assertThat(stop.at("/src_endpoint/ip").asText()).isEqualTo("10.250.1.19");
        assertThat(stop.at("/src_endpoint/uid").asText()).isEqualTo("203.0.113.58");

        // an interim update and a NAS's Accounting-On are records of the product, not sessions
        assertBaseEventOf(
                line("192.0.2.10,vpnuser7,02/25/2026,18:52:03,IAS,NPS-DC3,44,0000A1B2,40,3,4136,4,4142,0"),
                "Network Policy Server");
        assertBaseEventOf(
                line("192.0.2.10,,02/25/2026,06:00:00,IAS,NPS-DC3,40,7,4108,192.0.2.10,4136,4,4142,0"),
                "Network Policy Server");
    }

    @Test
    void otherCommaSeparatedLinesStayTheirs() throws Exception {
        assertProduct(
                line("10,03/15/26,09:01:17,Assign,10.0.0.50,laptop-7.contoso.example,A1B2C3D4E5F6,,12345,0,,,,,"),
                "DHCP Server");
        assertThat(line("a,b,c,d").at("/metadata/product/name").asText()).isNotEqualTo("Network Policy Server");
    }
}

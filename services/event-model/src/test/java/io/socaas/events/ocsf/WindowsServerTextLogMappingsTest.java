package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Text logs Windows servers write to files beside the event log: the DHCP Server's audit log
 * (DhcpSrvLog, DhcpV6SrvLog), HTTP.sys's error log (IIS's HTTPERR) and the IIS FTP service's log.
 * Lines written from the fields Microsoft documents for each log.
 */
class WindowsServerTextLogMappingsTest {

    private static final String DHCP = "DHCP Server";
    private static final String IIS = "Internet Information Services";

    @Test
    void dhcpServerLeasesAreDhcpActivityWithTheClient() throws Exception {
        JsonNode assign =
                line("10,03/01/26,09:15:02,Assign,192.0.2.41,laptop-17.example.com,3C52820A1B2C,,2781364511,0,,,,"
                        + "0x4D53465420352E30,MSFT 5.0,,,,0");
        assertThat(assign.get("class_uid").asInt()).as("class of %s", assign).isEqualTo(4004);
        assertThat(assign.get("activity_id").asInt()).isEqualTo(5);
        assertThat(assign.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.41");
        assertThat(assign.at("/src_endpoint/hostname").asText()).isEqualTo("laptop-17.example.com");
        assertThat(assign.at("/src_endpoint/mac").asText()).isEqualTo("3C52820A1B2C");
        assertThat(assign.get("transaction_uid").asText()).isEqualTo("2781364511");
        assertThat(assign.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:15:02Z"));
        assertThat(assign.get("status_detail").asText()).isEqualTo("Assign");
        assertProduct(assign, DHCP);

        JsonNode renew = line(
                "11,03/01/26,13:15:02,Renew,192.0.2.41,laptop-17.example.com,3C52820A1B2C,,1187725319,0,,,,,,,,,0");
        assertThat(renew.get("activity_id").asInt()).isEqualTo(5);
        assertThat(renew.get("is_renewal").asBoolean()).isTrue();
        assertThat(renew.at("/src_endpoint/mac").asText()).isEqualTo("3C52820A1B2C");
        JsonNode release = line(
                "12,03/01/26,17:40:11,Release,192.0.2.41,laptop-17.example.com,3C52820A1B2C,,3350145823,0,,,,,,,,,0");
        assertThat(release.get("activity_id").asInt()).isEqualTo(7);
        assertThat(line("15,03/01/26,08:02:44,NACK,192.0.2.77,,F0DEF1A2B3C4,,12764321,0,,,,,,,,,0")
                        .get("activity_id")
                        .asInt())
                .isEqualTo(6);
        assertThat(line("18,03/02/26,00:00:05,Expired,192.0.2.52,,,,0,6,,,,,,,,,0")
                        .get("activity_id")
                        .asInt())
                .isEqualTo(9);

        // forwarded inside syslog (NXLog, Snare): the server is the header's host
        JsonNode forwarded = line("<14>Mar  1 09:15:02 dhcp01 DhcpSrvLog: 10,03/01/26,09:15:02,Assign,192.0.2.42,"
                + "printer-3.example.com,0017C8A1B2C3,,99120345,0,,,,,,,,,0");
        assertThat(forwarded.get("activity_id").asInt()).isEqualTo(5);
        assertThat(forwarded.at("/device/hostname").asText()).isEqualTo("dhcp01");
        assertThat(forwarded.at("/src_endpoint/hostname").asText()).isEqualTo("printer-3.example.com");
        // the server's clock zone applies to the line's own date, as to the header's
        JsonNode berlin = line(
                "10,03/01/26,09:15:02,Assign,192.0.2.43,ws-9.example.com,0017C8A1B2C4,,99120346,0,,,,,,,,,0",
                java.time.ZoneId.of("Europe/Berlin"));
        assertThat(berlin.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T08:15:02Z"));
    }

    @Test
    void dhcpV6MessagesAreDhcpActivityWithTheClientsDuid() throws Exception {
        JsonNode solicit = line(
                "11000,03/01/26,09:20:31,DHCPV6 Solicit,2001:db8:10::4a,ws-204,,14,000100012B3C4D5E3C52820A1B2C,,,,,");
        assertThat(solicit.get("class_uid").asInt()).isEqualTo(4004);
        assertThat(solicit.get("activity_id").asInt()).isEqualTo(1);
        assertThat(solicit.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8:10::4a");
        assertThat(solicit.at("/src_endpoint/uid").asText()).isEqualTo("000100012B3C4D5E3C52820A1B2C");
        JsonNode request = line(
                "11002,03/01/26,09:20:31,DHCPV6 Request,2001:db8:10::4a,ws-204,,14,000100012B3C4D5E3C52820A1B2C,,,,,");
        assertThat(request.get("activity_id").asInt()).isEqualTo(3);
        assertThat(
                        line("11007,03/01/26,18:02:09,DHCPV6 Release,2001:db8:10::4a,ws-204,,14,000100012B3C4D5E3C52820A1B2C,,,,,")
                                .get("activity_id")
                                .asInt())
                .isEqualTo(7);
    }

    @Test
    void dhcpServiceStartAndStopAreApplicationLifecycleAndItsHousekeepingBaseEvents() throws Exception {
        JsonNode stopped = line("01,03/01/26,22:10:00,Stopped,,,");
        assertThat(stopped.get("class_uid").asInt()).isEqualTo(6002);
        assertThat(stopped.get("activity_id").asInt()).isEqualTo(4);
        assertThat(stopped.at("/app/name").asText()).isEqualTo(DHCP);
        assertThat(line("11010,03/01/26,22:12:00,DHCPV6 Started,,,,,,,,,,")
                        .get("activity_id")
                        .asInt())
                .isEqualTo(3);
        assertBaseEventOf(line("24,03/02/26,00:00:05,Database Cleanup Begin,,,,,0,6,,,,,,,,,0"), DHCP);
        assertBaseEventOf(
                line("30,03/01/26,09:15:03,DNS Update Request,192.0.2.41,laptop-17.example.com,,,0,6,,,,,,,,,0"), DHCP);
    }

    @Test
    void dhcpDescriptionsWithACommaStayTheServersLines() throws Exception {
        // the server's own text for ID 56 holds a comma and a space: still its line, with its time and reason
        JsonNode stopped =
                line("56,02/26/26,07:40:12,Authorization failure, stopped servicing,,corp.example.com,,,0,6,,,,,,,,,0");
        assertBaseEventOf(stopped, DHCP);
        assertThat(stopped.get("status_detail").asText()).isEqualTo("Authorization failure, stopped servicing");
        assertThat(stopped.get("time").asLong()).isEqualTo(epochMillis("2026-02-26T07:40:12Z"));
        // the comma that separates the columns still does: a lease keeps its client
        JsonNode assign =
                line("10,02/26/26,07:40:13,Assign,192.0.2.57,kiosk-4.example.com,00163E4A1011,,2231,0,,,,,,,,,0");
        assertThat(assign.get("class_uid").asInt()).isEqualTo(4004);
        assertThat(assign.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.57");
        assertThat(assign.at("/src_endpoint/hostname").asText()).isEqualTo("kiosk-4.example.com");
    }

    @Test
    void httpSysRefusedRequestsAreFailedHttpActivityWithTheReason() throws Exception {
        JsonNode badUrl = line("2026-03-01 09:30:12 203.0.113.50 50112 192.0.2.10 443 HTTP/1.1 GET"
                + " /scripts/..%c0%af../winnt/system32/cmd.exe 400 - URL -");
        assertThat(badUrl.get("class_uid").asInt()).as("class of %s", badUrl).isEqualTo(4002);
        assertThat(badUrl.get("activity_id").asInt()).isEqualTo(3);
        assertStatus(badUrl, 2);
        assertThat(badUrl.get("status_detail").asText()).isEqualTo("URL");
        assertThat(badUrl.at("/http_response/code").asInt()).isEqualTo(400);
        assertThat(badUrl.at("/http_request/url/url_string").asText())
                .isEqualTo("/scripts/..%c0%af../winnt/system32/cmd.exe");
        assertThat(badUrl.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.50");
        assertThat(badUrl.at("/src_endpoint/port").asInt()).isEqualTo(50112);
        assertThat(badUrl.at("/dst_endpoint/port").asInt()).isEqualTo(443);
        assertProduct(badUrl, IIS);
        assertThat(badUrl.at("/metadata/log_name").asText()).isEqualTo("httperr");

        // Windows Server 2016 and later add the stream id; an application pool stopped names its queue
        JsonNode offline = line("2026-03-01 09:31:40 203.0.113.51 50220 192.0.2.10 80 HTTP/1.1 POST /api/orders - 503 3"
                + " AppOffline OrdersPool");
        assertThat(offline.get("activity_id").asInt()).isEqualTo(6);
        assertThat(offline.at("/http_response/code").asInt()).isEqualTo(503);
        assertThat(offline.get("status_detail").asText()).isEqualTo("AppOffline");
    }

    @Test
    void iisFtpPasswordsAcceptedAndRefusedAreLogonsWithTheClient() throws Exception {
        JsonNode refused = line("2026-03-01 09:10:02 203.0.113.45 administrator 192.0.2.10 21 PASS *** 530 1326 41"
                + " 6a1f2c3d-4b5e-4f60-8a7b-9c0d1e2f3a4b -");
        assertLogon(refused, 2, "administrator", "203.0.113.45");
        assertThat(refused.get("status_code").asText()).isEqualTo("1326");
        assertThat(refused.at("/service/name").asText()).isEqualTo("FTP");
        assertThat(refused.at("/dst_endpoint/port").asInt()).isEqualTo(21);
        assertThat(refused.at("/session/uid").asText()).isEqualTo("6a1f2c3d-4b5e-4f60-8a7b-9c0d1e2f3a4b");
        assertThat(refused.at("/metadata/log_name").asText()).isEqualTo("ftp");
        assertProduct(refused, IIS);
        // with the optional c-port field
        JsonNode accepted = line("2026-03-01 09:10:09 198.51.100.7 60412 deploy 192.0.2.10 21 PASS *** 230 0 0"
                + " 0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9 /");
        assertLogon(accepted, 1, "deploy", "198.51.100.7");
        assertThat(accepted.at("/src_endpoint/port").asInt()).isEqualTo(60412);
        assertBaseEventOf(
                line("2026-03-01 09:10:30 198.51.100.7 deploy 192.0.2.10 21 ControlChannelClosed - - 0 0"
                        + " 0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9 -"),
                IIS);
    }

    @Test
    void httpSysConnectionsClosedWithoutARequestAreNetworkActivityClose() throws Exception {
        JsonNode slow =
                line("2026-03-01 09:32:05 203.0.113.52 61544 192.0.2.10 443 - - - - - Timer_MinBytesPerSecond -");
        assertFlow(slow, 2, "203.0.113.52", 61544, "192.0.2.10", 443);
        assertStatus(slow, 2);
        assertThat(slow.get("status_detail").asText()).isEqualTo("Timer_MinBytesPerSecond");
        JsonNode idle =
                line("2026-03-01 09:33:00 2001:db8::77%12 49958 2001:db8::10%12 80 - - - - - - Timer_ConnectionIdle -");
        assertFlow(idle, 2, "2001:db8::77", 49958, "2001:db8::10", 80);
        assertProduct(idle, IIS);
    }
}

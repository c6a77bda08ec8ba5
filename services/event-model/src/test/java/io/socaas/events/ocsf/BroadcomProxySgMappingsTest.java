package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Broadcom ProxySG / Edge SWG access logs (main and bcreportermain_v1 formats), from the lines a public
 * ProxySG integration tests with: the uploaded file's lines, the same by syslog, and a main format whose
 * #Fields the appliance's administrator changed (s-hierarchy added, the user agent moved to the end).
 */
class BroadcomProxySgMappingsTest {

    private static final String PRODUCT = "ProxySG";

    @Test
    void mainFormatRequestsAreHttpActivity() throws Exception {
        JsonNode get = line("2024-03-22 16:16:01 48 10.82.255.36 302 TCP_NC_MISS 1242 969 GET https pixel.tapad.com 443"
                + " /idsync/ex/push ?partner_id=2499&partner_device_id=aeb66687 aeinstein - pixel.tapad.com -"
                + " https://vid.vidoomy.com/ \"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/122.0.0.0 Safari/537.36\" OBSERVED \"FastwebRes_CallCntr;Web Ads/Analytics\" - 81.2.69.144");
        assertProduct(get, PRODUCT);
        assertClass(get, 4002, 3);
        assertAllowed(get);
        assertThat(get.at("/src_endpoint/ip").asText()).isEqualTo("10.82.255.36");
        assertThat(get.at("/actor/user/name").asText()).isEqualTo("aeinstein");
        assertThat(get.at("/http_request/url/hostname").asText()).isEqualTo("pixel.tapad.com");
        assertThat(get.at("/http_request/url/path").asText()).isEqualTo("/idsync/ex/push");
        assertThat(get.at("/http_request/url/query_string").asText())
                .isEqualTo("partner_id=2499&partner_device_id=aeb66687");
        assertThat(get.at("/http_request/url/categories/0").asText())
                .isEqualTo("FastwebRes_CallCntr;Web Ads/Analytics");
        assertThat(get.at("/http_request/user_agent").asText()).startsWith("Mozilla/5.0 (Windows NT 10.0");
        assertThat(get.at("/http_response/code").asInt()).isEqualTo(302);
        assertThat(get.at("/traffic/bytes_in").asLong()).isEqualTo(1242);
        assertThat(get.at("/device/ip").asText()).isEqualTo("81.2.69.144");
        assertThat(get.get("time").asLong()).isEqualTo(epochMillis("2024-03-22T16:16:01Z"));

        JsonNode connect = line("2024-03-22 16:16:01 382 10.82.255.36 200 TCP_ACCELERATED 39 356 CONNECT tcp"
                + " token.rubiconproject.com 443 / - aeinstein - - - - - OBSERVED \"FastwebRes_CallCntr;Web Ads/Analytics\" -"
                + " 81.2.69.144");
        assertClass(connect, 4002, 1);
        assertThat(connect.at("/dst_endpoint/hostname").asText()).isEqualTo("token.rubiconproject.com");
        assertThat(connect.at("/dst_endpoint/port").asInt()).isEqualTo(443);
    }

    @Test
    void mainFormatWithOtherFieldsBySyslog() throws Exception {
        JsonNode r = line(
                "<13>1 2024-03-08T10:14:08+00:00 srvr serverd - - - 2024-03-22 16:16:01 1407 10.82.255.36 0 TUNNELED"
                        + " 4897 5784 unknown ssl rtb-csync.smartadserver.com 443 / - aeinstein - - rtb-csync.smartadserver.com - -"
                        + " OBSERVED \"Web Ads/Analytics\" - 142.182.19.21 23.105.12.150 - -");
        assertProduct(r, PRODUCT);
        assertClass(r, 4002, 99);
        assertThat(r.at("/http_request/url/categories/0").asText()).isEqualTo("Web Ads/Analytics");
        assertThat(r.at("/device/ip").asText()).isEqualTo("142.182.19.21");
        assertThat(r.get("status_detail").asText()).isEqualTo("TUNNELED");
    }

    @Test
    void bcreporterDeniedRequestsAreDenied() throws Exception {
        JsonNode denied = line(
                "2024-11-01 14:24:28 6 10.0.1.2 - - - - \"None\" - authentication_failed DENIED"
                        + " \"Chat (IM)/SMS;Social Networking\" https://www.regions.com/  401 TCP_DENIED OPTIONS - \"https\""
                        + " tr6.snapchat.com 443 /p - - \"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like"
                        + " Gecko) Chrome/130.0.0.0 Safari/537.36\" 10.0.1.3 1297 582 - - - - - \"Snapchat\" \"none\""
                        + " \"Instant Messaging;Photo Sharing\" unavailable - - \"2aaf931f4d5c270c-0000000000024978-000000006724e49c\" - -");
        assertProduct(denied, PRODUCT);
        assertClass(denied, 4002, 5);
        assertDenied(denied);
        assertThat(denied.get("status_detail").asText()).isEqualTo("authentication_failed");
        assertThat(denied.at("/http_request/url/categories/0").asText()).isEqualTo("Chat (IM)/SMS;Social Networking");
        assertThat(denied.at("/http_request/referrer").asText()).isEqualTo("https://www.regions.com/");
        assertThat(denied.at("/http_request/url/scheme").asText()).isEqualTo("https");
        assertThat(denied.at("/http_response/code").asInt()).isEqualTo(401);
        assertThat(denied.at("/device/ip").asText()).isEqualTo("10.0.1.3");
    }

    @Test
    void aVirusTheProxyNamedIsADetectionFinding() throws Exception {
        JsonNode virus = line("2024-03-22 16:16:01 169 10.82.255.36 403 TCP_NC_MISS 762 839 GET http dl.example.net 80"
                + " /files/setup.exe - aeinstein - dl.example.net application/octet-stream - \"Mozilla/5.0\" DENIED"
                + " \"Suspicious\" EICAR-AV-Test 81.2.69.144");
        assertClass(virus, 2004, 1);
        assertThat(virus.at("/finding_info/title").asText()).isEqualTo("EICAR-AV-Test");
        assertThat(virus.at("/evidences/0/url/hostname").asText()).isEqualTo("dl.example.net");
        assertThat(virus.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("10.82.255.36");
    }

    @Test
    void otherProxiesAndW3cLogsAreNotClaimed() throws Exception {
        JsonNode squid = line("1711124161.123    48 10.82.255.36 TCP_MISS/200 1242 GET http://example.com/ aeinstein"
                + " HIER_DIRECT/93.184.216.34 text/html");
        assertThat(squid.at("/metadata/product/name").asText()).isNotEqualTo(PRODUCT);
        JsonNode iis = line("2024-03-22 16:16:01 10.0.0.5 GET /default.aspx - 443 OBSERVED 10.82.255.36"
                + " Mozilla/5.0 - 200 0 0 48");
        assertThat(iis.at("/metadata/product/name").asText()).isNotEqualTo(PRODUCT);
    }
}

package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Caddy's JSON access log ({@code http.log.access}), written from Caddy's documented format: HTTP
 * Activity by method with the client, host, path and query, user agent, protocol, status, size, the
 * authenticated user and the TLS server name.
 */
class CaddyAccessLogMappingsTest {

    @Test
    void aHandledRequestIsHttpActivityWithTheRequestAndResponse() throws Exception {
        JsonNode r = json("{\"level\":\"info\",\"ts\":1772359201.5241024,\"logger\":\"http.log.access.log0\","
                + "\"msg\":\"handled request\",\"request\":{\"remote_ip\":\"198.51.100.14\",\"remote_port\":\"41342\","
                + "\"client_ip\":\"198.51.100.14\",\"proto\":\"HTTP/2.0\",\"method\":\"POST\",\"host\":\"www.example.com\","
                + "\"uri\":\"/wp-login.php?redirect_to=%2Fwp-admin%2F\",\"headers\":{\"User-Agent\":[\"curl/8.5.0\"],"
                + "\"Accept\":[\"*/*\"],\"Referer\":[\"https://www.example.com/\"]},\"tls\":{\"resumed\":false,"
                + "\"version\":772,\"cipher_suite\":4865,\"proto\":\"h2\",\"server_name\":\"www.example.com\"}},"
                + "\"bytes_read\":512,\"user_id\":\"editor\",\"duration\":0.000929675,\"size\":10900,\"status\":401,"
                + "\"resp_headers\":{\"Server\":[\"Caddy\"],\"Content-Type\":[\"text/html; charset=utf-8\"]}}");
        assertProduct(r, "Caddy");
        assertThat(r.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(r.get("activity_id").asInt()).isEqualTo(6);
        assertThat(r.at("/http_request/http_method").asText()).isEqualTo("POST");
        assertThat(r.at("/http_request/url/hostname").asText()).isEqualTo("www.example.com");
        assertThat(r.at("/http_request/url/path").asText()).isEqualTo("/wp-login.php");
        assertThat(r.at("/http_request/url/query_string").asText()).isEqualTo("redirect_to=%2Fwp-admin%2F");
        assertThat(r.at("/http_request/user_agent").asText()).isEqualTo("curl/8.5.0");
        assertThat(r.at("/http_request/referrer").asText()).isEqualTo("https://www.example.com/");
        assertThat(r.at("/http_request/version").asText()).isEqualTo("HTTP/2.0");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.14");
        assertThat(r.at("/src_endpoint/port").asInt()).isEqualTo(41342);
        assertThat(r.at("/http_response/code").asInt()).isEqualTo(401);
        assertThat(r.at("/http_response/length").asInt()).isEqualTo(10900);
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("editor");
        assertThat(r.at("/tls/sni").asText()).isEqualTo("www.example.com");
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T10:00:01.524Z"));
    }

    @Test
    void caddysOtherLoggersAreNotAccessLines() throws Exception {
        JsonNode r = json("{\"level\":\"info\",\"ts\":1772359201.1,\"logger\":\"tls.obtain\",\"msg\":\"certificate"
                + " obtained successfully\",\"identifier\":\"www.example.com\",\"request\":{\"method\":\"GET\","
                + "\"uri\":\"/\"},\"status\":200}");
        assertThat(r.at("/metadata/product/name").asText()).isNotEqualTo("Caddy");
    }
}

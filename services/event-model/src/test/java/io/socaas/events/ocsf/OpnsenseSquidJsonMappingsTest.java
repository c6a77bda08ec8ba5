package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * OPNsense's web proxy (Squid) writing its access log as JSON with ECS names, after OPNsense's syslog
 * header or on its own, in the shape OPNsense writes with values of our own.
 */
class OpnsenseSquidJsonMappingsTest {

    private static final String DENIED = "{\"@timestamp\":\"2026-03-01T09:50:00+0000\",\"ecs\":{\"version\":\"1.0.0\"},"
            + "\"service\":{\"name\":\"proxy\",\"type\":\"squid\"},\"host\":{\"hostname\":\"10.0.5.20\"},"
            + "\"http\":{\"request\":{\"method\":\"GET\"},\"response\":{\"bytes\":3900,\"body\":{\"status_code\":403}},"
            + "\"version\":\"1.1\"},\"source\":{\"ip\":\"10.0.5.20\"},\"event\":{\"duration\":\"12\","
            + "\"dataset\":\"squid.access\"},\"message\":\"GET http://files.example.net/tools/nc.exe HTTP/1.1\","
            + "\"user\":{\"name\":\"jdoe\"},\"url\":{\"original\":\"http://files.example.net/tools/nc.exe?v=2\"},"
            + "\"user_agent\":{\"original\":\"Wget/1.21\"},\"labels\":{\"request_status\":\"TCP_DENIED\","
            + "\"hierarchy_status\":\"HIER_NONE\"}}";

    @Test
    void requestsAreHttpActivityWithTheUrlsPartsAndTheVerdict() throws Exception {
        JsonNode denied = line("<166>Mar  1 09:50:01 fw.example.net (squid-1)[6802]: " + DENIED);
        assertProduct(denied, "Squid");
        assertThat(denied.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(denied.get("activity_id").asInt()).isEqualTo(3);
        assertDenied(denied);
        assertThat(denied.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:50:00Z"));
        assertThat(denied.at("/src_endpoint/ip").asText()).isEqualTo("10.0.5.20");
        assertThat(denied.at("/actor/user/name").asText()).isEqualTo("jdoe");
        assertThat(denied.at("/http_request/url/hostname").asText()).isEqualTo("files.example.net");
        assertThat(denied.at("/http_request/url/path").asText()).isEqualTo("/tools/nc.exe");
        assertThat(denied.at("/http_request/url/query_string").asText()).isEqualTo("v=2");
        assertThat(denied.at("/http_request/user_agent").asText()).isEqualTo("Wget/1.21");
        assertThat(denied.at("/http_response/code").asInt()).isEqualTo(403);
        assertThat(denied.at("/device/hostname").asText()).isEqualTo("fw.example.net");

        JsonNode tunnel = json(DENIED.replace("\"GET\"", "\"CONNECT\"")
                .replace("http://files.example.net/tools/nc.exe?v=2", "mail.example.org:443")
                .replace("TCP_DENIED", "TCP_TUNNEL"));
        assertThat(tunnel.get("activity_id").asInt()).isEqualTo(1);
        assertAllowed(tunnel);
        assertThat(tunnel.at("/http_request/url/hostname").asText()).isEqualTo("mail.example.org");
        assertThat(tunnel.at("/http_request/url/port").asInt()).isEqualTo(443);
    }

    @Test
    void otherEcsEventsWithAnHttpMethodAreNotSquids() throws Exception {
        JsonNode other = json(DENIED.replace("squid.access", "nginx.access"));
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo("Squid");
    }
}

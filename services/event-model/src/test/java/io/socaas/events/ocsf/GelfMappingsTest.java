package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GELF messages, as Docker's gelf log driver and GELF appenders send them (over UDP or TCP, so read
 * as a line; or posted as JSON): the container's own line is normalized as the source it is, with
 * the GELF fields beside it; a line no file claims is a Base Event with GELF's host, time and level.
 */
class GelfMappingsTest {

    private static String docker(String shortMessage, int level) {
        return "{\"version\":\"1.1\",\"host\":\"docker-host-1\",\"short_message\":"
                + MappedRecords.JSON.valueToTree(shortMessage)
                + ",\"timestamp\":1772359080.125,\"level\":" + level + ",\"_command\":\"nginx -g daemon off;\","
                + "\"_container_id\":\"4f1a9c2b7d3e\",\"_container_name\":\"shop-web\",\"_created\":\"2026-02-28T08:00:00Z\","
                + "\"_image_id\":\"sha256:0a1b\",\"_image_name\":\"nginx:1.27\",\"_tag\":\"4f1a9c2b7d3e\"}";
    }

    private static final String ACCESS =
            "198.51.100.23 - - [01/Mar/2026:09:57:59 +0000] \"GET /admin/login.php?u=admin HTTP/1.1\" 404 153 \"-\" \"sqlmap/1.8\"";

    @Test
    void aContainersAccessLineIsHttpActivityWithTheContainerBesideIt() throws Exception {
        for (JsonNode r : List.of(line(docker(ACCESS, 6)), json(docker(ACCESS, 6)))) {
            assertThat(r.get("class_uid").asInt()).as("class of %s", r).isEqualTo(4002);
            assertThat(r.at("/http_request/http_method").asText()).isEqualTo("GET");
            assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.23");
            assertThat(r.at("/http_response/code").asInt()).isEqualTo(404);
            assertThat(r.get("time").asLong()).as("the line's own time").isEqualTo(epochMillis("2026-03-01T09:57:59Z"));
            assertThat(r.at("/unmapped/_container_name").asText()).isEqualTo("shop-web");
            assertThat(r.at("/unmapped/_image_name").asText()).isEqualTo("nginx:1.27");
            assertThat(r.at("/unmapped/host").asText()).isEqualTo("docker-host-1");
            assertThat(r.get("raw_data").asText()).isEqualTo(ACCESS);
        }
    }

    @Test
    void aLineNoFileClaimsIsABaseEventWithGelfsHostTimeAndLevel() throws Exception {
        String text = "2026-03-01 09:58:00.125 ERROR [checkout] payment provider timed out after 30s";
        for (JsonNode r : List.of(line(docker(text, 3)), json(docker(text, 3)))) {
            assertBaseEventOf(r, "GELF");
            assertThat(r.get("message").asText()).isEqualTo(text);
            assertThat(r.get("time").asLong())
                    .as("GELF timestamp, seconds with a fraction")
                    .isEqualTo(1772359080125L);
            assertThat(r.at("/device/hostname").asText()).isEqualTo("docker-host-1");
            assertThat(r.get("severity_id").asInt()).as("level 3 (error)").isEqualTo(4);
            assertThat(r.at("/unmapped/_container_name").asText()).isEqualTo("shop-web");
            assertThat(r.at("/unmapped/short_message").asText()).isEqualTo(text);
        }
        assertThat(line(docker("started", 6)).get("severity_id").asInt())
                .as("level 6 (info)")
                .isEqualTo(1);
        assertThat(line(docker("disk full", 2)).get("severity_id").asInt())
                .as("level 2 (critical)")
                .isEqualTo(5);
    }

    @Test
    void aGelfAppendersStackTraceKeepsItsFullMessage() throws Exception {
        String gelf =
                "{\"version\":\"1.1\",\"host\":\"app-3\",\"short_message\":\"NullPointerException in OrderService\","
                        + "\"full_message\":\"java.lang.NullPointerException\\n\\tat shop.OrderService.place(OrderService.java:42)\","
                        + "\"timestamp\":1772359000,\"level\":3,\"_logger\":\"shop.OrderService\",\"_thread\":\"http-nio-8080-exec-4\"}";

        JsonNode r = json(gelf);

        assertBaseEventOf(r, "GELF");
        assertProduct(r, "GELF");
        assertThat(r.get("message").asText()).isEqualTo("NullPointerException in OrderService");
        assertThat(r.at("/unmapped/full_message").asText()).contains("OrderService.java:42");
        assertThat(r.at("/unmapped/_logger").asText()).isEqualTo("shop.OrderService");
        assertThat(r.get("time").asLong()).isEqualTo(1772359000000L);
    }

    @Test
    void windowsEventsNxlogSendsAsGelfAreReadByTheWindowsMappings() throws Exception {
        // NXLog's xm_gelf: the event's fields as GELF additional fields (_EventID, _Channel, ...)
        String gelf = "{\"version\":\"1.1\",\"host\":\"DC01\",\"short_message\":\"An account failed to log on.\","
                + "\"full_message\":\"An account failed to log on.\\r\\n\\r\\nSubject: ...\",\"timestamp\":1772359000,\"level\":4,"
                + "\"_EventID\":4625,\"_Channel\":\"Security\",\"_SourceName\":\"Microsoft-Windows-Security-Auditing\","
                + "\"_TargetUserName\":\"bob\",\"_TargetDomainName\":\"CORP\",\"_IpAddress\":\"203.0.113.5\",\"_LogonType\":\"3\","
                + "\"_Status\":\"0xc000006d\",\"_SubStatus\":\"0xc000006a\"}";
        for (JsonNode r : List.of(line(gelf), json(gelf))) {
            assertProduct(r, "Windows");
            assertThat(r.get("class_uid").asInt()).as("a failed logon: %s", r).isEqualTo(3002);
            assertThat(r.get("status_id").asInt()).isEqualTo(2);
            assertThat(r.at("/user/name").asText()).isEqualTo("bob");
            assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.5");
            assertThat(r.at("/device/hostname").asText()).isEqualTo("DC01");
            assertThat(r.get("time").asLong()).isEqualTo(1772359000000L);
            assertThat(r.get("message").asText()).startsWith("An account failed to log on.");
            assertThat(r.at("/unmapped/_EventID").asInt())
                    .as("kept under its own name")
                    .isEqualTo(4625);
        }
        // a JSON event that is no GELF message is not read without the underscore
        JsonNode notGelf = json("{\"_Channel\":\"Security\",\"_EventID\":4625,\"host\":\"h\"}");
        assertThat(notGelf.get("class_uid").asInt()).isZero();
    }

    @Test
    void jsonThatIsNotGelfIsNotClaimedAsGelf() throws Exception {
        JsonNode r = json("{\"host\":\"h\",\"short_message\":\"x\",\"version\":\"2.0\"}");

        assertThat(r.at("/metadata/product/name").asText()).isNotEqualTo("GELF");
    }
}

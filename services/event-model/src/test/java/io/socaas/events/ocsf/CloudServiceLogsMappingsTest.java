package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.assertStatus;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The AWS logs an SME's cloud account produces besides CloudTrail (load balancer access logs, S3
 * server access logs, VPC Flow Logs, GuardDuty findings) and Cloudflare's Logpush datasets, from
 * AWS's and Cloudflare's documented formats and the records Wazuh's AWS module reads: each reaches
 * its OCSF class with the client, the request and the outcome.
 */
class CloudServiceLogsMappingsTest {

    private static final String ELB_CLASSIC =
            "2014-02-15T23:39:43.945958Z my-test-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.000073 0.001048 0.000057 200 200 0 29 \"GET http://www.example.com:80/ HTTP/1.1\"";
    private static final String ELB_CLASSIC_NO_TARGET =
            "2015-04-10T08:11:09.865823Z us-west-1-production-media 49.150.87.133:55128 - -1 -1 -1 408 - 1294336 0 \"PUT https://media.xxxyyyzzz.com:443/videos/F4_M-T4X0MM6Hvy1PFHesw HTTP/1.1\"";
    private static final String ELB_CLASSIC_TLS =
            "2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.000086 0.001048 0.001337 200 200 0 57 \"GET https://www.example.com:443/ HTTP/1.1\" \"curl/7.38.0 (#56-0ef1d4a5)\" DHE-RSA-AES128-SHA TLSv1.2";
    private static final String ELB_CLASSIC_TCP =
            "2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.001065 0.000015 0.000023 - - 57 502 \"- - - \" \"-\" - -";
    private static final String NLB =
            "tls 2.0 2018-12-20T02:59:40 net/my-network-loadbalancer/c6e77e28c25b2234 g3d4b5e8bb8464cd 72.21.218.154:51341 172.100.100.185:443 5 2 98 246 - arn:aws:acm:us-east-2:671290407336:certificate/2a108f19-aded-46b0-8493-c63eb1ef4a99 - ECDHE-RSA-AES128-SHA tlsv12 - my-network-loadbalancer-c6e77e28c25b2234.elb.us-east-2.amazonaws.com - - - 2018-12-20T02:59:30";
    private static final String ALB =
            "http 2026-03-01T09:58:00.186641Z app/my-loadbalancer/50dc6c495c0c9188 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 \"GET http://www.example.com:80/?a=1 HTTP/1.1\" \"curl/7.46.0\" - - arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 \"Root=1-58337262-36d228ad5d99923122bbe354\" \"-\" \"-\" 0 2026-03-01T09:57:59.364000Z \"forward\" \"-\" \"-\" \"10.0.0.1:80\" \"200\" \"-\" \"-\"";
    private static final String ALB_WAF =
            "https 2026-03-01T09:58:00.086460Z app/my-loadbalancer/50dc6c495c0c9188 203.0.113.9:46532 - -1 -1 -1 403 - 316 548 \"POST https://www.example.com:443/login.php HTTP/1.1\" \"sqlmap/1.7\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 - \"Root=1-58337281-1d84f3d73c47ec4e58577259\" \"www.example.com\" \"arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012\" 0 2026-03-01T09:58:00.086000Z \"waf\" \"-\" \"-\" \"-\" \"-\" \"-\" \"-\"";
    private static final String VPC_ACCEPT =
            "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1772359080 1772359140 ACCEPT OK";
    private static final String VPC_REJECT =
            "2 123456789010 eni-1235b8ca123456789 198.51.100.7 172.31.9.12 49761 3389 6 20 4249 1772359080 1772359140 REJECT OK";
    private static final String VPC_NODATA = "2 123456789010 eni-1a2b3c4d - - - - - - - 1772359080 1772359140 - NODATA";
    private static final String S3_VERSIONING =
            "79a5 mybucket [06/Feb/2014:00:00:38 +0000] 192.0.2.3 79a5 3E57427F3EXAMPLE REST.GET.VERSIONING - \"GET /mybucket?versioning HTTP/1.1\" 200 - 113 - 7 - \"-\" \"S3Console/0.4\" -";
    private static final String S3_GET =
            "79a5 mybucket [12/May/2014:07:54:01 +0000] 10.0.1.2 - 7ACC4BE89EXAMPLE REST.GET.OBJECT foo/bar.html \"GET /foo/bar.html HTTP/1.1\" 304 - - 1718 10 - \"-\" \"Mozilla/5.0\" -";
    private static final String S3_DELETE_DENIED =
            "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be awsexamplebucket1 [01/Mar/2026:09:58:38 +0000] 192.0.2.3 arn:aws:iam::123456789012:user/mallory 3E57427F3EXAMPLE REST.DELETE.OBJECT backups/db.sql \"DELETE /awsexamplebucket1/backups/db.sql HTTP/1.1\" 403 AccessDenied 243 - 7 - \"-\" \"aws-cli/2.15.0\" - s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader awsexamplebucket1.s3.us-west-1.amazonaws.com TLSV1.2 - -";
    private static final String S3_WAZUH =
            "{\"integration\": \"aws\", \"aws\": {\"log_info\": {\"aws_account_alias\": \"\", \"log_file\": \"access_logs/2021-04-29-09-49-06-51F541DE27C2AC50\", \"s3bucket\": \"wazuh-aws-wodle\"}, \"bucket_owner\": \"3ab1235e25ea9e94ff9b7e4e379ba6b0c872cd36c096e1ac8cce7df433b47101\", \"bucket\": \"wazuh-cloudtrail\", \"time\": \"29/Apr/2021:08:47:53 +0000\", \"remote_ip\": \"92.57.74.50\", \"requester\": \"arn:aws:iam::166157441623:user/david.iglesias\", \"request_id\": \"T3BW07JM2HMSJH17\", \"operation\": \"REST.HEAD.BUCKET\", \"key\": \"-\", \"request_uri\": \"HEAD /wazuh-cloudtrail HTTP/1.1\", \"http_status\": \"200\", \"error_code\": \"-\", \"bytes_sent\": \"-\", \"object_sent\": \"-\", \"total_time\": \"29\", \"turn_around_time\": \"28\", \"referer\": \"-\", \"user_agent\": \"S3Console/0.4, aws-internal/3 aws-sdk-java/1.11.991 Linux/4.9.230-0.1.ac.224.84.332.metal1.x86_64 OpenJDK_64-Bit_Server_VM/25.282-b08 java/1.8.0_282 vendor/Oracle_Corporation cfg/retry-mode/legacy\", \"version_id\": \"-\", \"host_id\": \"YnKG5o0K4Z3Lh0WD0QTJVXOBjiUwi1wcz2nnrCZa7BMu6xyX++sLbA43jEXTSRd2eoNwZty30g4=\", \"signature_version\": \"SigV4\", \"cipher_suite\": \"ECDHE-RSA-AES128-GCM-SHA256\", \"authentication_type\": \"AuthHeader\", \"host_header\": \"s3.amazonaws.com\", \"tls_version\": \"TLSv1.2\", \"source\": \"s3_server_access\"}}";
    private static final String S3_WAZUH_ERROR =
            "{\"integration\": \"aws\", \"aws\": {\"log_info\": {\"aws_account_alias\": \"\", \"log_file\": \"access_logs/2021-04-29-09-47-05-689ED56B49777287\", \"s3bucket\": \"wazuh-aws-wodle\"}, \"bucket_owner\": \"3ab1235e25ea9e94ff9b7e4e379ba6b0c872cd36c096e1ac8cce7df433b47101\", \"bucket\": \"wazuh-cloudtrail\", \"time\": \"29/Apr/2021:08:47:53 +0000\", \"remote_ip\": \"92.57.74.50\", \"requester\": \"arn:aws:iam::166157441623:user/david.iglesias\", \"request_id\": \"T3BJ3QVNEB2XNQZ6\", \"operation\": \"REST.GET.ENCRYPTION\", \"key\": \"-\", \"request_uri\": \"GET /wazuh-cloudtrail?encryption= HTTP/1.1\", \"http_status\": \"404\", \"error_code\": \"ServerSideEncryptionConfigurationNotFoundError\", \"bytes_sent\": \"359\", \"object_sent\": \"-\", \"total_time\": \"28\", \"turn_around_time\": \"-\", \"referer\": \"-\", \"user_agent\": \"S3Console/0.4, aws-internal/3 aws-sdk-java/1.11.991 Linux/4.9.230-0.1.ac.224.84.332.metal1.x86_64 OpenJDK_64-Bit_Server_VM/25.282-b08 java/1.8.0_282 vendor/Oracle_Corporation cfg/retry-mode/legacy\", \"version_id\": \"-\", \"host_id\": \"aWts5+h5vGMYypTnH/uUuT+k1dt+C6r/qa9WqxHmYfv58SJlkEXi2EvgnOJcaIpTGs10FzFAS58=\", \"signature_version\": \"SigV4\", \"cipher_suite\": \"ECDHE-RSA-AES128-GCM-SHA256\", \"authentication_type\": \"AuthHeader\", \"host_header\": \"s3.amazonaws.com\", \"tls_version\": \"TLSv1.2\", \"source\": \"s3_server_access\"}}";
    private static final String GUARDDUTY =
            "{\"schemaVersion\":\"2.0\",\"accountId\":\"123456789012\",\"region\":\"us-east-1\",\"partition\":\"aws\",\"id\":\"16afba5c5c43e07c9e3e5e2e544e95df\",\"arn\":\"arn:aws:guardduty:us-east-1:123456789012:detector/123456789012/finding/16afba5c5c43e07c9e3e5e2e544e95df\",\"type\":\"UnauthorizedAccess:EC2/SSHBruteForce\",\"resource\":{\"resourceType\":\"Instance\",\"instanceDetails\":{\"instanceId\":\"i-99999999\",\"networkInterfaces\":[{\"privateIpAddress\":\"10.0.0.5\",\"publicIp\":\"198.51.100.20\"}]}},\"service\":{\"serviceName\":\"guardduty\",\"detectorId\":\"x\",\"action\":{\"actionType\":\"NETWORK_CONNECTION\",\"networkConnectionAction\":{\"connectionDirection\":\"INBOUND\",\"remoteIpDetails\":{\"ipAddressV4\":\"203.0.113.9\"},\"localPortDetails\":{\"port\":22,\"portName\":\"SSH\"},\"protocol\":\"TCP\",\"blocked\":false}},\"eventFirstSeen\":\"2026-03-01T09:00:00.000Z\",\"eventLastSeen\":\"2026-03-01T09:55:00.000Z\",\"count\":42},\"severity\":2,\"createdAt\":\"2026-03-01T09:01:00.000Z\",\"updatedAt\":\"2026-03-01T09:56:00.000Z\",\"title\":\"203.0.113.9 is performing SSH brute force attacks against i-99999999.\",\"description\":\"203.0.113.9 is performing SSH brute force attacks against i-99999999. Brute force attacks are used to gain unauthorized access to your instance by guessing the SSH password.\"}";
    private static final String GUARDDUTY_EVENTBRIDGE =
            "{\"version\":\"0\",\"id\":\"c8c4daa7-a20c-2f03-0070-b7393dd542ad\",\"detail-type\":\"GuardDuty Finding\",\"source\":\"aws.guardduty\",\"account\":\"123456789012\",\"time\":\"2026-03-01T09:56:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{\"schemaVersion\":\"2.0\",\"accountId\":\"123456789012\",\"region\":\"us-east-1\",\"id\":\"abc\",\"type\":\"CryptoCurrency:EC2/BitcoinTool.B!DNS\",\"resource\":{\"resourceType\":\"Instance\"},\"service\":{\"serviceName\":\"guardduty\",\"count\":3},\"severity\":8,\"createdAt\":\"2026-03-01T09:01:00.000Z\",\"updatedAt\":\"2026-03-01T09:56:00.000Z\",\"title\":\"EC2 instance is querying a domain name that is associated with Bitcoin-related activity.\",\"description\":\"x\"}}";
    private static final String GUARDDUTY_WAZUH =
            "{\"integration\":\"aws\",\"aws\":{\"source\":\"guardduty\",\"schemaVersion\":\"2.0\",\"accountId\":\"123456789012\",\"region\":\"us-east-1\",\"id\":\"def\",\"type\":\"Policy:IAMUser/RootCredentialUsage\",\"resource\":{\"resourceType\":\"AccessKey\",\"accessKeyDetails\":{\"userName\":\"Root\"}},\"service\":{\"serviceName\":\"guardduty\",\"action\":{\"actionType\":\"AWS_API_CALL\",\"awsApiCallAction\":{\"api\":\"ListBuckets\",\"remoteIpDetails\":{\"ipAddressV4\":\"198.51.100.23\"}}},\"count\":1},\"severity\":5.3,\"createdAt\":\"2026-03-01T09:01:00.000Z\",\"updatedAt\":\"2026-03-01T09:56:00.000Z\",\"title\":\"API ListBuckets was invoked using root credentials.\",\"description\":\"y\"}}";
    private static final String CLOUDFLARE_WAF =
            "{\"ClientIP\":\"203.0.113.9\",\"ClientRequestHost\":\"shop.example.com\",\"ClientRequestMethod\":\"POST\",\"ClientRequestURI\":\"/wp-login.php?x=1\",\"ClientRequestPath\":\"/wp-login.php\",\"ClientRequestQuery\":\"?x=1\",\"ClientRequestUserAgent\":\"sqlmap/1.7\",\"EdgeResponseStatus\":403,\"EdgeStartTimestamp\":1772359080123000000,\"RayID\":\"7a1b2c3d4e5f6a7b\",\"SecurityAction\":\"block\",\"WAFAction\":\"unknown\",\"OriginIP\":\"\"}";
    private static final String CLOUDFLARE_FIREWALL_EVENT =
            "{\"Action\":\"block\",\"ClientIP\":\"203.0.113.9\",\"ClientRequestHost\":\"shop.example.com\",\"ClientRequestMethod\":\"GET\",\"ClientRequestPath\":\"/.env\",\"ClientRequestQuery\":\"\",\"Datetime\":\"2026-03-01T09:58:00Z\",\"RayName\":\"7a1b2c3d4e5f6a7c\",\"RuleID\":\"ab12\",\"Source\":\"firewallrules\",\"Description\":\"block dotfiles\"}";
    private static final String CLOUDFLARE_REQUEST =
            "{\"ClientIP\":\"54.76.123.133\",\"ClientRequestHost\":\"ae-preprod.yap.com\",\"ClientRequestMethod\":\"GET\",\"ClientRequestURI\":\"/messages/actuator/health\",\"EdgeEndTimestamp\":\"2021-07-27T21:26:42Z\",\"EdgeResponseBytes\":845,\"EdgeResponseStatus\":200,\"EdgeStartTimestamp\":\"2021-07-27T21:26:42Z\",\"RayID\":\"6758f291eb0b60df\",\"FirewallMatchesActions\":[],\"FirewallMatchesRuleIDs\":[],\"FirewallMatchesSources\":[],\"OriginIP\":\"99.83.222.19\",\"OriginSSLProtocol\":\"TLSv1.2\",\"OriginResponseBytes\":0,\"OriginResponseHTTPExpires\":\"\",\"OriginResponseHTTPLastModified\":\"\",\"OriginResponseStatus\":200,\"OriginResponseTime\":20000000,\"WAFAction\":\"unknown\",\"WAFFlags\":\"0\",\"WAFMatchedVar\":\"\",\"WAFProfile\":\"unknown\",\"WAFRuleID\":\"\",\"WAFRuleMessage\":\"\",\"WorkerCPUTime\":0,\"WorkerStatus\":\"unknown\",\"WorkerSubrequest\":false,\"WorkerSubrequestCount\":0,\"CacheCacheStatus\":\"unknown\",\"CacheTieredFill\":false,\"CacheResponseBytes\":1981,\"CacheResponseStatus\":200,\"ClientCountry\":\"ie\",\"ClientDeviceType\":\"desktop\",\"ClientIPClass\":\"noRecord\",\"ZoneID\":276192118,\"ZoneName\":\"yap.com\",\"SecurityLevel\":\"unk\"}";

    @Test
    void loadBalancerAccessLogsAreHttpActivity() throws Exception {
        JsonNode alb = line(ALB);
        assertProduct(alb, "Elastic Load Balancing");
        assertThat(alb.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(alb.get("activity_id").asInt()).isEqualTo(3);
        assertThat(alb.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:58:00.186Z"));
        assertThat(alb.at("/src_endpoint/ip").asText()).isEqualTo("192.168.131.39");
        assertThat(alb.at("/dst_endpoint/port").asInt()).isEqualTo(80);
        assertThat(alb.at("/http_request/url/hostname").asText()).isEqualTo("www.example.com");
        assertThat(alb.at("/http_request/url/query_string").asText()).isEqualTo("a=1");
        assertThat(alb.at("/http_request/user_agent").asText()).isEqualTo("curl/7.46.0");
        assertThat(alb.at("/http_response/code").asInt()).isEqualTo(200);
        assertThat(alb.has("action_id")).isFalse();

        JsonNode waf = line(ALB_WAF);
        assertThat(waf.get("activity_id").asInt()).isEqualTo(6);
        assertDenied(waf);
        assertThat(waf.at("/http_response/code").asInt()).isEqualTo(403);
        assertThat(waf.at("/tls/version").asText()).isEqualTo("TLSv1.2");
        assertThat(waf.at("/dst_endpoint/ip").isMissingNode()).isTrue();

        // Classic Load Balancer lines, whose leading time reads as a syslog header's
        for (String classic : new String[] {ELB_CLASSIC, ELB_CLASSIC_NO_TARGET, ELB_CLASSIC_TLS}) {
            JsonNode r = line(classic);
            assertProduct(r, "Elastic Load Balancing");
            assertThat(r.get("class_uid").asInt()).as(classic).isEqualTo(4002);
        }
        assertThat(line(ELB_CLASSIC).get("time").asLong()).isEqualTo(epochMillis("2014-02-15T23:39:43.945Z"));
        assertThat(line(ELB_CLASSIC_NO_TARGET).at("/http_response/code").asInt())
                .isEqualTo(408);
        assertThat(line(ELB_CLASSIC_NO_TARGET).get("activity_id").asInt()).isEqualTo(7);
        assertThat(line(ELB_CLASSIC_TLS).at("/http_request/user_agent").asText())
                .startsWith("curl/7.38.0");
    }

    @Test
    void cloudFrontStandardLogsAreHttpActivity() throws Exception {
        // the tab-separated W3C line CloudFront writes to S3 (33 fields), and an older distribution's 24
        String current = String.join(
                "\t",
                "2026-03-01",
                "09:59:58",
                "FRA56-P5",
                "5213",
                "198.51.100.23",
                "GET",
                "d111111abcdef8.cloudfront.net",
                "/index.html",
                "200",
                "https://www.example.com/",
                "Mozilla/5.0%20(Windows%20NT%2010.0)",
                "lang=de",
                "-",
                "Hit",
                "SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==",
                "www.example.com",
                "https",
                "23",
                "0.001",
                "-",
                "TLSv1.3",
                "TLS_AES_128_GCM_SHA256",
                "Hit",
                "HTTP/2.0",
                "-",
                "-",
                "11040",
                "0.001",
                "Hit",
                "text/html",
                "78",
                "-",
                "-");
        JsonNode hit = line(current);
        assertThat(hit.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(hit.get("activity_id").asInt()).isEqualTo(3);
        assertThat(hit.at("/metadata/product/name").asText()).isEqualTo("CloudFront");
        assertThat(hit.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.23");
        assertThat(hit.at("/src_endpoint/port").asInt()).isEqualTo(11040);
        assertThat(hit.at("/http_request/url/hostname").asText()).isEqualTo("www.example.com");
        assertThat(hit.at("/http_request/url/path").asText()).isEqualTo("/index.html");
        assertThat(hit.at("/http_request/url/query_string").asText()).isEqualTo("lang=de");
        assertThat(hit.at("/http_response/code").asInt()).isEqualTo(200);
        assertThat(hit.at("/traffic/bytes_out").asLong()).isEqualTo(5213);
        assertThat(hit.at("/tls/version").asText()).isEqualTo("TLSv1.3");
        assertThat(hit.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58Z"));
        assertThat(hit.has("action_id")).isFalse();

        String refused = current.replace("\tGET\t", "\tPOST\t")
                .replace("/index.html\t200", "/wp-login.php\t403")
                .replace("\tHit\t", "\tError\t");
        JsonNode blocked = line(refused);
        assertThat(blocked.get("activity_id").asInt()).isEqualTo(6);
        assertThat(blocked.get("action_id").asInt()).isEqualTo(2);
        assertThat(blocked.at("/http_response/code").asInt()).isEqualTo(403);

        String older = String.join("\t", java.util.Arrays.copyOf(current.split("\t"), 23));
        JsonNode old = line(older);
        assertThat(old.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(old.at("/http_request/url/hostname").asText()).isEqualTo("www.example.com");
        assertThat(old.at("/src_endpoint/port").isMissingNode()).isTrue();
        // the log file's header lines are no requests
        JsonNode header =
                line("#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status");
        assertThat(header.get("class_uid").asInt()).isZero();
        assertThat(header.at("/metadata/labels").toString()).contains("file_header");
    }

    @Test
    void theHeaderLinesOfLogFilesAreBaseEventsLabelledFileHeader() throws Exception {
        // the first lines of a CloudFront standard log file and of an IIS log, as AWS and Microsoft document them
        String cloudFrontFields =
                "#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status"
                        + " cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header"
                        + " cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type"
                        + " cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type"
                        + " sc-content-type sc-content-len sc-range-start sc-range-end";
        JsonNode fields = line(cloudFrontFields);
        assertBaseEventOf(fields, "CloudFront");
        assertFileHeader(fields);
        for (String directive : List.of(
                "#Version: 1.0",
                "#Software: Microsoft Internet Information Services 10.0",
                "#Date: 2026-03-01 00:00:12",
                "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent)"
                        + " cs(Referer) sc-status sc-substatus sc-win32-status time-taken",
                "<13>Mar  1 10:00:00 web01 nxlog: #Fields: date time s-ip cs-method cs-uri-stem")) {
            JsonNode w3c = line(directive);
            assertBaseEventOf(w3c, "W3C extended log file");
            assertFileHeader(w3c);
        }
        assertThat(line("#Software: Microsoft Internet Information Services 10.0")
                        .at("/unmapped/w3cValue")
                        .asText())
                .isEqualTo("Microsoft Internet Information Services 10.0");

        // the header line of a flow log file in S3: the default format, a custom one and a transit gateway's
        for (String header : List.of(
                "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action"
                        + " log-status",
                "version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport dstport"
                        + " pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status",
                "version resource-type account-id tgw-id tgw-attachment-id tgw-src-vpc-account-id tgw-dst-vpc-account-id"
                        + " tgw-src-vpc-id tgw-dst-vpc-id tgw-src-subnet-id tgw-dst-subnet-id tgw-src-eni tgw-dst-eni"
                        + " tgw-src-az-id tgw-dst-az-id tgw-pair-attachment-id srcaddr dstaddr srcport dstport protocol"
                        + " packets bytes start end log-status type packets-lost-no-route packets-lost-blackhole"
                        + " packets-lost-mtu-exceeded packets-lost-ttl-expired tcp-flags region flow-direction"
                        + " pkt-src-aws-service pkt-dst-aws-service")) {
            JsonNode flowHeader = line(header);
            assertBaseEventOf(flowHeader, "Amazon VPC");
            assertFileHeader(flowHeader);
        }
        // as a shipper reading the file from S3 sends it
        JsonNode shipped = json("""
                {"@timestamp": "2026-03-01T10:00:00Z", "input": {"type": "aws-s3"},
                 "aws": {"s3": {"bucket": {"name": "flow-logs"}, "object": {"key": "AWSLogs/123456789010/vpcflowlogs/x.log.gz"}}},
                 "message": "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status"}""");
        assertBaseEventOf(shipped, "Amazon VPC");
        assertFileHeader(shipped);

        // the records after the headers are what they were, without the label
        JsonNode accept = line(VPC_ACCEPT);
        assertThat(accept.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(accept.at("/metadata/labels").toString()).doesNotContain("file_header");
        assertThat(line(VPC_NODATA).at("/metadata/labels").toString()).doesNotContain("file_header");
        // a line that only mentions a directive, names too few flow log fields or is another format's header is none
        assertThat(line("<13>Mar  1 10:00:00 web01 cron: rotated logs, kept #Fields: header")
                        .at("/metadata/labels")
                        .toString())
                .doesNotContain("file_header");
        assertThat(line("version srcaddr dstaddr").at("/metadata/labels").toString())
                .doesNotContain("file_header");
        assertThat(line("#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("W3C extended log file");
    }

    private static void assertFileHeader(JsonNode r) {
        assertThat(r.get("class_uid").asInt()).as("class of %s", r).isZero();
        assertThat(r.get("activity_id").asInt()).isEqualTo(99);
        assertThat(r.at("/metadata/labels").toString()).as("labels of %s", r).contains("\"file_header\"");
        assertThat(r.has("src_endpoint")).isFalse();
        assertThat(r.has("http_request")).isFalse();
    }

    @Test
    void connectionsWithoutAnHttpRequestAreNetworkTraffic() throws Exception {
        // a Network Load Balancer's TLS listener: one line per connection, when it ends; UTC without a Z
        JsonNode nlb = line(NLB, ZoneId.of("Europe/Berlin"));
        assertProduct(nlb, "Elastic Load Balancing");
        assertThat(nlb.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(nlb.get("activity_id").asInt()).isEqualTo(6);
        assertThat(nlb.get("time").asLong()).isEqualTo(epochMillis("2018-12-20T02:59:40Z"));
        assertThat(nlb.at("/src_endpoint/ip").asText()).isEqualTo("72.21.218.154");
        assertThat(nlb.at("/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(nlb.at("/traffic/bytes_in").asLong()).isEqualTo(98);
        assertThat(nlb.at("/traffic/bytes_out").asLong()).isEqualTo(246);
        assertThat(nlb.at("/tls/cipher").asText()).isEqualTo("ECDHE-RSA-AES128-SHA");
        assertThat(nlb.at("/tls/sni").asText()).startsWith("my-network-loadbalancer-");
        assertThat(nlb.at("/device/name").asText()).isEqualTo("net/my-network-loadbalancer/c6e77e28c25b2234");
        assertThat(nlb.has("http_request")).isFalse();

        // a Classic Load Balancer's TCP listener writes its request as "- - - "
        JsonNode tcp = line(ELB_CLASSIC_TCP);
        assertProduct(tcp, "Elastic Load Balancing");
        assertThat(tcp.get("class_uid").asInt()).isEqualTo(4001);
        assertThat(tcp.get("activity_id").asInt()).isEqualTo(6);
        assertThat(tcp.at("/src_endpoint/port").asInt()).isEqualTo(2817);
        assertThat(tcp.at("/traffic/bytes_out").asLong()).isEqualTo(502);
        assertThat(tcp.has("http_request")).isFalse();
        // an HTTP line is still HTTP Activity
        assertThat(line(ELB_CLASSIC).get("class_uid").asInt()).isEqualTo(4002);
    }

    @Test
    void vpcFlowRecordsAreTrafficAllowedOrRefused() throws Exception {
        JsonNode accept = line(VPC_ACCEPT);
        assertProduct(accept, "Amazon VPC");
        assertFlow(accept, 6, "172.31.16.139", 20641, "172.31.16.21", 22);
        assertAllowed(accept);
        assertThat(accept.get("time").asLong()).isEqualTo(1772359080000L);
        assertThat(accept.at("/traffic/bytes").asLong()).isEqualTo(4249);
        assertThat(accept.at("/connection_info/protocol_num").asInt()).isEqualTo(6);
        assertThat(accept.at("/cloud/account/uid").asText()).isEqualTo("123456789010");
        assertThat(accept.at("/cloud/provider").asText()).isEqualTo("AWS");

        JsonNode reject = line(VPC_REJECT);
        assertFlow(reject, 5, "198.51.100.7", 49761, "172.31.9.12", 3389);
        assertDenied(reject);

        assertBaseEventOf(line(VPC_NODATA), "Amazon VPC");

        // version 5 in the console's "all fields" order: the default fields, then the newer ones
        JsonNode v5 = line("5 123456789012 eni-1235b8ca123456789 10.0.1.5 10.0.0.220 39812 80 6 20 4249 1772359080"
                + " 1772359140 ACCEPT OK vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b 19 IPv4"
                + " 10.0.1.5 10.0.0.220 us-east-1 use1-az2 - - - - ingress 1");
        assertFlow(v5, 6, "10.0.1.5", 39812, "10.0.0.220", 80);
        assertAllowed(v5);
        assertThat(v5.at("/cloud/region").asText()).isEqualTo("us-east-1");
        assertThat(v5.at("/cloud/zone").asText()).isEqualTo("use1-az2");
        assertThat(v5.at("/connection_info/direction").asText()).isEqualTo("ingress");
        // version 3 with its own fields after the default ones: the flow is read, the rest stays in the text
        JsonNode v3 = line("3 123456789012 eni-1235b8ca123456789 198.51.100.7 172.31.9.12 49761 3389 6 20 4249"
                + " 1772359080 1772359140 REJECT OK vpc-abcdefab012345678 subnet-aaaaaaaa012345678 - 2 IPv4"
                + " 198.51.100.7 172.31.9.12");
        assertFlow(v3, 5, "198.51.100.7", 49761, "172.31.9.12", 3389);
        assertDenied(v3);
        assertThat(v3.at("/raw_data").asText()).contains("subnet-aaaaaaaa012345678");
        // the custom orders of AWS's flow log record examples: the TCP flag sequence order (version 3)
        JsonNode flags =
                line("3 vpc-0f1e2d3c4b5a69788 subnet-0a9b8c7d6e5f40312 i-0b7a6c5d4e3f21098 eni-0c4d5e6f7a8b90123"
                        + " 210987654321 IPv4 10.20.4.17 185.199.108.153 53122 443 10.20.4.17 185.199.108.153 6 5120 9"
                        + " 1772359080 1772359140 ACCEPT 3 OK");
        assertProduct(flags, "Amazon VPC");
        assertFlow(flags, 6, "10.20.4.17", 53122, "185.199.108.153", 443);
        assertAllowed(flags);
        assertThat(flags.get("time").asLong()).isEqualTo(1772359080000L);
        assertThat(flags.at("/traffic/bytes").asLong()).isEqualTo(5120);
        assertThat(flags.at("/traffic/packets").asLong()).isEqualTo(9);
        assertThat(flags.at("/cloud/account/uid").asText()).isEqualTo("210987654321");
        // the record does not say which end the interface is: it is the device's
        assertThat(flags.at("/device/interface_uid").asText()).isEqualTo("eni-0c4d5e6f7a8b90123");
        assertThat(flags.at("/device/instance_uid").asText()).isEqualTo("i-0b7a6c5d4e3f21098");
        assertThat(flags.at("/src_endpoint/interface_uid").isMissingNode()).isTrue();
        assertBaseEventOf(
                line("3 vpc-0f1e2d3c4b5a69788 subnet-0a9b8c7d6e5f40312 i-0b7a6c5d4e3f21098 eni-0c4d5e6f7a8b90123"
                        + " 210987654321 - - - - - - - - - - 1772359080 1772359140 - - SKIPDATA"),
                "Amazon VPC");
        // ... and the AWS service traffic order (version 5, log-status last)
        JsonNode service = line("5 52.94.133.22 10.31.0.88 443 40116 6 1772359080 1772359141 IPv4 31 48210 109876543210"
                + " vpc-1a2b3c4d5e6f70819 subnet-2b3c4d5e6f7081920 i-0d1c2b3a4f5e60718 eni-0e1f2a3b4c5d60789"
                + " eu-west-3 euw3-az1 - - ACCEPT 19 52.94.133.22 10.31.0.88 DYNAMODB - 3 ingress OK");
        assertFlow(service, 6, "52.94.133.22", 443, "10.31.0.88", 40116);
        assertAllowed(service);
        assertThat(service.at("/traffic/bytes").asLong()).isEqualTo(48210);
        assertThat(service.at("/traffic/packets").asLong()).isEqualTo(31);
        assertThat(service.at("/cloud/region").asText()).isEqualTo("eu-west-3");
        assertThat(service.at("/cloud/zone").asText()).isEqualTo("euw3-az1");
        assertThat(service.at("/connection_info/direction").asText()).isEqualTo("ingress");
        JsonNode refused =
                line("5 2001:db8:77::41 2001:db8:10::9 61022 22 6 1772359200 1772359260 IPv6 2 120 109876543210"
                        + " vpc-1a2b3c4d5e6f70819 subnet-2b3c4d5e6f7081920 - eni-0e1f2a3b4c5d60789 eu-west-3 euw3-az1 - -"
                        + " REJECT 2 2001:db8:77::41 2001:db8:10::9 - - - ingress OK");
        assertFlow(refused, 5, "2001:db8:77::41", 61022, "2001:db8:10::9", 22);
        assertDenied(refused);
        // an order none of these shapes has (the record does not name its fields) is not taken for a flow record
        assertThat(line("5 eu-west-3 10.31.0.88 52.94.133.22 6 OK 1772359080 ACCEPT")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("Amazon VPC");
    }

    @Test
    void s3ServerAccessLogsAreApiActivityInBothShapes() throws Exception {
        JsonNode denied = line(S3_DELETE_DENIED);
        assertProduct(denied, "Amazon S3");
        assertThat(denied.get("class_uid").asInt()).isEqualTo(6003);
        assertThat(denied.get("activity_id").asInt()).isEqualTo(4);
        assertStatus(denied, 2);
        assertThat(denied.at("/api/operation").asText()).isEqualTo("REST.DELETE.OBJECT");
        assertThat(denied.at("/actor/user/uid").asText()).isEqualTo("arn:aws:iam::123456789012:user/mallory");
        assertThat(denied.at("/src_endpoint/ip").asText()).isEqualTo("192.0.2.3");
        assertThat(denied.at("/resources/0/name").asText()).isEqualTo("backups/db.sql");
        assertThat(denied.get("status_detail").asText()).isEqualTo("AccessDenied");
        assertThat(denied.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:58:38Z"));

        JsonNode get = line(S3_GET);
        assertThat(get.get("activity_id").asInt()).isEqualTo(2);
        assertStatus(get, 1);
        assertThat(line(S3_VERSIONING).at("/api/service/name").asText()).isEqualTo("mybucket");
        // the request line's parts
        assertThat(denied.at("/http_request/http_method").asText()).isEqualTo("DELETE");
        assertThat(denied.at("/http_request/url/path").asText()).isEqualTo("/awsexamplebucket1/backups/db.sql");
        assertThat(denied.at("/http_request/version").asText()).isEqualTo("HTTP/1.1");
        JsonNode versioning = line(S3_VERSIONING);
        assertThat(versioning.at("/http_request/url/path").asText()).isEqualTo("/mybucket");
        assertThat(versioning.at("/http_request/url/query_string").asText()).isEqualTo("versioning");

        // Wazuh's AWS module: the same fields under aws.*
        JsonNode wazuh = json(S3_WAZUH);
        assertProduct(wazuh, "Amazon S3");
        assertThat(wazuh.get("activity_id").asInt()).isEqualTo(2);
        assertThat(wazuh.at("/api/operation").asText()).isEqualTo("REST.HEAD.BUCKET");
        assertThat(wazuh.at("/src_endpoint/ip").asText()).isEqualTo("92.57.74.50");
        assertThat(wazuh.get("time").asLong()).isEqualTo(epochMillis("2021-04-29T08:47:53Z"));
        assertStatus(json(S3_WAZUH_ERROR), 2);
    }

    @Test
    void guardDutyFindingsAreDetectionFindingsInEveryShape() throws Exception {
        JsonNode ssh = json(GUARDDUTY);
        assertProduct(ssh, "Amazon GuardDuty");
        assertThat(ssh.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(ssh.get("severity_id").asInt()).isEqualTo(2);
        assertThat(ssh.at("/finding_info/uid").asText()).isEqualTo("16afba5c5c43e07c9e3e5e2e544e95df");
        assertThat(ssh.at("/finding_info/types/0").asText()).isEqualTo("UnauthorizedAccess:EC2/SSHBruteForce");
        assertThat(ssh.at("/finding_info/title").asText()).contains("SSH brute force");
        assertThat(ssh.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(ssh.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("10.0.0.5");
        assertThat(ssh.at("/evidences/0/dst_endpoint/port").asInt()).isEqualTo(22);
        assertThat(ssh.get("count").asInt()).isEqualTo(42);
        assertThat(ssh.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:56:00Z"));

        JsonNode bridge = json(GUARDDUTY_EVENTBRIDGE);
        assertThat(bridge.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(bridge.get("severity_id").asInt()).isEqualTo(4);
        assertThat(bridge.at("/finding_info/uid").asText())
                .as("the finding's id, not the envelope's")
                .isEqualTo("abc");

        JsonNode wazuh = json(GUARDDUTY_WAZUH);
        assertThat(wazuh.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(wazuh.get("severity_id").asInt()).isEqualTo(3);
        assertThat(wazuh.at("/evidences/0/api/operation").asText()).isEqualTo("ListBuckets");
        assertThat(wazuh.at("/evidences/0/actor/user/name").asText()).isEqualTo("Root");

        // the bands' edges
        for (String[] band : new String[][] {
            {"3.9", "2"}, {"4.0", "3"}, {"6.9", "3"}, {"7.0", "4"}, {"8.9", "4"}, {"9.0", "5"}, {"10", "5"}
        }) {
            JsonNode r = json(GUARDDUTY.replace("\"severity\":2,", "\"severity\":" + band[0] + ","));
            assertThat(r.get("severity_id").asInt()).as("severity %s", band[0]).isEqualTo(Integer.parseInt(band[1]));
        }
    }

    @Test
    void guardDutyFindingsOfEveryActionTypeNameTheirSourceUserDomainAndProcess() throws Exception {
        // written from GuardDuty's documented finding format: an RDS login attempt, a Kubernetes API call,
        // a DNS request and a Runtime Monitoring finding (no action, the process under runtimeDetails)
        JsonNode rds = json("""
                {"schemaVersion":"2.0","accountId":"123456789012","region":"eu-west-1","partition":"aws","id":"a1b2c3d4e5f60718293a4b5c6d7e8f90","type":"CredentialAccess:RDS/AnomalousBehavior.SuccessfulLogin","resource":{"resourceType":"RDSDBInstance","rdsDbInstanceDetails":{"dbInstanceIdentifier":"orders-db"},"rdsDbUserDetails":{"user":"report_ro","application":"psql","database":"orders","authMethod":"PASSWORD"}},"service":{"serviceName":"guardduty","action":{"actionType":"RDS_LOGIN_ATTEMPT","rdsLoginAttemptAction":{"remoteIpDetails":{"ipAddressV4":"203.0.113.88"}}},"count":1,"eventFirstSeen":"2026-03-01T10:00:00.000Z","eventLastSeen":"2026-03-01T10:00:00.000Z"},"severity":8,"createdAt":"2026-03-01T10:01:00.000Z","updatedAt":"2026-03-01T10:01:00.000Z","title":"Unusual successful login by report_ro observed on RDS instance orders-db.","description":"x"}""");
        assertProduct(rds, "Amazon GuardDuty");
        assertThat(rds.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(rds.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("203.0.113.88");
        assertThat(rds.at("/evidences/0/actor/user/name").asText()).isEqualTo("report_ro");
        assertThat(rds.at("/evidences/0/database/name").asText()).isEqualTo("orders");

        JsonNode k8s = json("""
                {"schemaVersion":"2.0","accountId":"123456789012","region":"eu-west-1","partition":"aws","id":"b1b2c3d4e5f60718293a4b5c6d7e8f90","type":"Discovery:Kubernetes/TorIPCaller","resource":{"resourceType":"EKSCluster","eksClusterDetails":{"name":"prod-eks"},"kubernetesDetails":{"kubernetesUserDetails":{"username":"dev-ci","uid":"u-1","groups":["system:authenticated"]}}},"service":{"serviceName":"guardduty","action":{"actionType":"KUBERNETES_API_CALL","kubernetesApiCallAction":{"requestUri":"/api/v1/secrets","verb":"list","sourceIPs":["198.51.100.77"],"remoteIpDetails":{"ipAddressV4":"198.51.100.77"},"statusCode":200}},"count":2,"eventFirstSeen":"2026-03-01T10:00:00.000Z","eventLastSeen":"2026-03-01T10:05:00.000Z"},"severity":5,"createdAt":"2026-03-01T10:01:00.000Z","updatedAt":"2026-03-01T10:06:00.000Z","title":"Kubernetes API invoked from a Tor exit node.","description":"x"}""");
        assertThat(k8s.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("198.51.100.77");
        assertThat(k8s.at("/evidences/0/actor/user/name").asText()).isEqualTo("dev-ci");
        assertThat(k8s.at("/evidences/0/api/operation").asText()).isEqualTo("list");
        assertThat(k8s.at("/evidences/0/url/path").asText()).isEqualTo("/api/v1/secrets");
        assertThat(k8s.get("severity_id").asInt()).isEqualTo(3);

        JsonNode dns = json("""
                {"schemaVersion":"2.0","accountId":"123456789012","region":"eu-west-1","partition":"aws","id":"c1b2c3d4e5f60718293a4b5c6d7e8f90","type":"Trojan:EC2/DNSDataExfiltration","resource":{"resourceType":"Instance","instanceDetails":{"instanceId":"i-0abc","networkInterfaces":[{"privateIpAddress":"192.0.2.30"}]}},"service":{"serviceName":"guardduty","action":{"actionType":"DNS_REQUEST","dnsRequestAction":{"domain":"x1.exfil.example.com","protocol":"UDP","blocked":false}},"count":5,"eventFirstSeen":"2026-03-01T10:00:00.000Z","eventLastSeen":"2026-03-01T10:05:00.000Z"},"severity":8,"createdAt":"2026-03-01T10:01:00.000Z","updatedAt":"2026-03-01T10:06:00.000Z","title":"Data exfiltration through DNS queries from EC2 instance i-0abc.","description":"x"}""");
        assertThat(dns.at("/evidences/0/query/hostname").asText()).isEqualTo("x1.exfil.example.com");
        assertThat(dns.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("192.0.2.30");
        assertThat(dns.at("/evidences/0/src_endpoint").isMissingNode())
                .as("a DNS request names no remote address")
                .isTrue();

        JsonNode runtime = json("""
                {"schemaVersion":"2.0","accountId":"123456789012","region":"eu-west-1","partition":"aws","id":"d1b2c3d4e5f60718293a4b5c6d7e8f90","type":"Execution:Runtime/ReverseShell","resource":{"resourceType":"Instance","instanceDetails":{"instanceId":"i-0abd","networkInterfaces":[{"privateIpAddress":"192.0.2.31"}]}},"service":{"serviceName":"guardduty","featureName":"RuntimeMonitoring","action":{},"runtimeDetails":{"process":{"name":"bash","executablePath":"/usr/bin/bash","executableSha256":"5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d","pid":4242,"user":"www-data","userId":33}},"count":1,"eventFirstSeen":"2026-03-01T10:00:00.000Z","eventLastSeen":"2026-03-01T10:00:00.000Z"},"severity":8,"createdAt":"2026-03-01T10:01:00.000Z","updatedAt":"2026-03-01T10:01:00.000Z","title":"A process on EC2 instance i-0abd has created a reverse shell.","description":"x"}""");
        assertThat(runtime.at("/evidences/0/process/name").asText()).isEqualTo("bash");
        assertThat(runtime.at("/evidences/0/process/pid").asInt()).isEqualTo(4242);
        assertThat(runtime.at("/evidences/0/process/file/path").asText()).isEqualTo("/usr/bin/bash");
        assertThat(runtime.at("/evidences/0/process/file/hashes/0/algorithm_id").asInt())
                .isEqualTo(3);
        assertThat(runtime.at("/evidences/0/process/user/name").asText()).isEqualTo("www-data");
        assertThat(runtime.at("/evidences/0/actor").isMissingNode()).isTrue();
    }

    @Test
    void cloudflareRequestsAndFirewallEventsAreHttpActivity() throws Exception {
        JsonNode waf = json(CLOUDFLARE_WAF);
        assertProduct(waf, "Cloudflare");
        assertThat(waf.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(waf.get("activity_id").asInt()).isEqualTo(6);
        assertDenied(waf);
        assertThat(waf.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.9");
        assertThat(waf.at("/http_request/url/path").asText()).isEqualTo("/wp-login.php");
        assertThat(waf.at("/http_request/user_agent").asText()).isEqualTo("sqlmap/1.7");
        assertThat(waf.get("time").asLong()).as("Unix nanoseconds").isEqualTo(1772359080123L);

        JsonNode rule = json(CLOUDFLARE_FIREWALL_EVENT);
        assertDenied(rule);
        assertThat(rule.at("/firewall_rule/uid").asText()).isEqualTo("ab12");
        assertThat(rule.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:58:00Z"));

        JsonNode request = json(CLOUDFLARE_REQUEST);
        assertThat(request.get("activity_id").asInt()).isEqualTo(3);
        assertThat(request.has("action_id")).isFalse();
        assertThat(request.at("/http_response/code").asInt()).isEqualTo(200);
        assertThat(request.at("/http_request/url/hostname").asText()).isEqualTo("ae-preprod.yap.com");
    }

    @Test
    void cloudflareClientPortZeroIsNoPort() throws Exception {
        String request = "{\"ClientIP\":\"198.51.100.23\",\"ClientRequestHost\":\"shop.example.com\","
                + "\"ClientRequestMethod\":\"GET\",\"ClientRequestURI\":\"/cart\",\"ClientSrcPort\":%s,"
                + "\"EdgeResponseStatus\":200,\"EdgeResponseBytes\":0,\"EdgeStartTimestamp\":\"2026-03-01T09:58:00Z\","
                + "\"RayID\":\"8a1b2c3d4e5f6071\"}";
        for (String zero : List.of("0", "\"0\"")) {
            JsonNode noPort = json(request.formatted(zero));
            assertProduct(noPort, "Cloudflare");
            assertThat(noPort.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.23");
            assertThat(noPort.at("/src_endpoint/port").isMissingNode()).as(zero).isTrue();
            // other zeros are values
            assertThat(noPort.at("/http_response/length").asInt()).isZero();
            assertThat(noPort.at("/http_response/length").isMissingNode()).isFalse();
        }
        assertThat(json(request.formatted("51234")).at("/src_endpoint/port").asInt())
                .isEqualTo(51234);
    }
}

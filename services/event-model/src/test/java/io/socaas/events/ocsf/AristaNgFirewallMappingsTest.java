package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertClass;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertLogon;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.events.BudgetedText;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Arista Edge Threat Management NG Firewall (formerly Untangle) as its syslog export writes its
 * events: a JSON object named by its Java class after {@code INFO  uvm[0]:}. The lines are Elastic's
 * pipeline tests of its arista_ngfw integration (packages/arista_ngfw/data_stream/log/_dev/test/pipeline/
 * test-session-event.log, test-admin-login.log, test-web-filter.log, test-firewall-event.log,
 * test-http-request.log, test-session-stats.log, and _dev/deploy/docker/sample_logs/intrusion-detection.log).
 */
class AristaNgFirewallMappingsTest {

    private static final String PRODUCT = "NG Firewall";

    @Test
    void aSessionIsNetworkActivityOpenOfTheClientAndTheServerItAskedFor() throws Exception {
        // test-session-event.log
        JsonNode r =
                line("<174>May 19 11:52:35 INFO  uvm[0]:  {\"entitled\":true,\"protocol\":17,\"hostname\":\"LAPTOP1\","
                        + "\"CServerPort\":443,\"protocolName\":\"UDP\",\"serverLatitude\":36.551,\"localAddr\":\"10.0.0.17\","
                        + "\"class\":\"class com.untangle.uvm.app.SessionEvent\",\"SServerAddr\":\"67.43.156.121\","
                        + "\"remoteAddr\":\"67.43.156.121\",\"serverIntf\":1,\"CClientAddr\":\"10.0.0.17\",\"serverCountry\":\"US\","
                        + "\"sessionId\":110221863965038,\"SClientAddr\":\"1.128.0.172\",\"clientCountry\":\"XL\",\"policyRuleId\":0,"
                        + "\"CClientPort\":63136,\"timeStamp\":\"2023-05-19 11:52:35.486\",\"serverLongitude\":-91.0329,"
                        + "\"clientIntf\":2,\"policyId\":1,\"SClientPort\":63136,\"bypassed\":false,\"SServerPort\":443,"
                        + "\"CServerAddr\":\"67.43.156.121\",\"username\":\"john\",\"tagsString\":\"\"}");
        assertProduct(r, PRODUCT);
        assertFlow(r, 1, "10.0.0.17", 63136, "67.43.156.121", 443);
        assertThat(r.at("/src_endpoint/hostname").asText()).isEqualTo("LAPTOP1");
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("john");
        assertThat(r.at("/connection_info/protocol_num").asInt()).isEqualTo(17);
        assertThat(r.at("/connection_info/uid").asText()).isEqualTo("110221863965038");
        // the event's own time, not the syslog header's
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2023-05-19T11:52:35.486Z"));
    }

    @Test
    void aSessionsEndIsNetworkActivityCloseWithTheBytesEachWayAtItsEndTime() throws Exception {
        // test-session-stats.log: timeStamp is the appliance's local time, endTime the same instant in epoch
        // milliseconds
        JsonNode r =
                line("<174>Jul  8 08:58:26 INFO  uvm[0]:  {\"timeStamp\":\"2023-07-08 08:58:26.448\",\"s2pBytes\":7503,"
                        + "\"p2sBytes\":1433,\"endTime\":1688828306448,\"sessionId\":110556429407312,"
                        + "\"class\":\"class com.untangle.uvm.app.SessionStatsEvent\",\"sessionEvent\":{\"entitled\":true,"
                        + "\"protocol\":6,\"hostname\":\"Laptop\",\"CServerPort\":443,\"protocolName\":\"TCP\","
                        + "\"serverLatitude\":37.1835,\"localAddr\":\"81.2.69.144\",\"SServerAddr\":\"81.2.69.144\","
                        + "\"remoteAddr\":\"81.2.69.144\",\"serverIntf\":1,\"CClientAddr\":\"81.2.69.144\",\"serverCountry\":\"US\","
                        + "\"sessionId\":110556429407312,\"SClientAddr\":\"81.2.69.144\",\"clientCountry\":\"XL\",\"policyRuleId\":0,"
                        + "\"CClientPort\":10758,\"timeStamp\":\"2023-07-08 08:58:25.9\",\"serverLongitude\":-121.7714,"
                        + "\"clientIntf\":2,\"policyId\":1,\"SClientPort\":47467,\"bypassed\":false,\"SServerPort\":443,"
                        + "\"CServerAddr\":\"81.2.69.144\",\"tagsString\":\"\"},\"c2pBytes\":1433,\"p2cBytes\":7503}");
        assertProduct(r, PRODUCT);
        assertFlow(r, 2, "81.2.69.144", 10758, "81.2.69.144", 443);
        assertThat(r.at("/traffic/bytes_out").asLong()).isEqualTo(1433);
        assertThat(r.at("/traffic/bytes_in").asLong()).isEqualTo(7503);
        assertThat(r.at("/src_endpoint/hostname").asText()).isEqualTo("Laptop");
        assertThat(r.get("time").asLong()).isEqualTo(1688828306448L);
    }

    @Test
    void administratorsLoginsAreAuthenticationWithTheOutcome() throws Exception {
        // test-admin-login.log
        JsonNode ok = line(
                "<174>May 24 13:09:53 INFO  uvm[0]:  {\"timeStamp\":\"2023-05-24 13:09:53.477\",\"login\":\"admin\","
                        + "\"clientAddress\":\"10.0.1.21\",\"class\":\"class com.untangle.uvm.event.AdminLoginEvent\","
                        + "\"local\":false,\"succeeded\":true}");
        assertProduct(ok, PRODUCT);
        assertLogon(ok, 1, "admin", "10.0.1.21");

        JsonNode refused =
                line("<174>May 20 08:12:47 INFO  uvm[0]:  {\"timeStamp\":\"2023-05-20 08:12:47.018\",\"reason\":\"U\","
                        + "\"login\":\"admin\",\"clientAddress\":\"10.0.1.5\",\"class\":\"class com.untangle.uvm.event.AdminLoginEvent\","
                        + "\"local\":false,\"succeeded\":false}");
        assertLogon(refused, 2, "admin", "10.0.1.5");
        assertThat(refused.get("status_code").asText()).isEqualTo("U");
    }

    @Test
    void aLineARelayGaveAHeaderOfItsOwnIsReadAlike() throws Exception {
        // test-admin-login.log's line after a relay that wrote the appliance's name as the host
        JsonNode relayed = line("<174>May 24 13:09:53 ngfw01 INFO  uvm[0]:  {\"timeStamp\":\"2023-05-24 13:09:53.477\","
                + "\"login\":\"admin\",\"clientAddress\":\"10.0.1.21\",\"class\":\"class com.untangle.uvm.event.AdminLoginEvent\","
                + "\"local\":false,\"succeeded\":true}");
        assertProduct(relayed, PRODUCT);
        assertLogon(relayed, 1, "admin", "10.0.1.21");
    }

    @Test
    void aLineWhoseProgramNamesTheSyslogServerItWasSentToIsReadAlike() throws Exception {
        // waterstonsltd/CyberAlarmSecureSensor, src/CyberAlarm.SyslogRelay.Domain.Tests/Parsing/UntangleParserTests.cs:
        // the appliance's program written as 'uvm-to-<address>' without a colon
        String session = "{\"entitled\":true,\"protocol\":6,\"CServerPort\":443,\"hostname\":\"10.26.52.65\","
                + "\"protocolName\":\"TCP\",\"localAddr\":\"10.26.52.65\",\"class\":\"class com.untangle.uvm.app.SessionEvent\","
                + "\"SServerAddr\":\"54.77.117.111\",\"remoteAddr\":\"54.77.117.111\",\"serverIntf\":4,"
                + "\"CClientAddr\":\"10.26.52.65\",\"serverCountry\":\"IE\",\"SClientAddr\":\"192.168.1.11\","
                + "\"sessionId\":116520902714075,\"policyRuleId\":0,\"CClientPort\":53154,\"clientCountry\":\"XL\","
                + "\"timeStamp\":\"2026-05-22 14:37:16.41\",\"clientIntf\":2,\"SClientPort\":53154,\"policyId\":1,"
                + "\"SServerPort\":443,\"bypassed\":false,\"CServerAddr\":\"54.77.117.111\",\"tagsString\":\"\"}";
        JsonNode relayed = line("<13>May 22 14:37:16 INFO  uvm-to-10.26.52.204 " + session);
        assertProduct(relayed, PRODUCT);
        assertFlow(relayed, 1, "10.26.52.65", 53154, "54.77.117.111", 443);
        assertThat(relayed.has("device")).isFalse();

        // another program sending the same object is not the appliance's export
        JsonNode other = line("<13>May 22 14:37:16 INFO  relay-to-10.26.52.204 " + session);
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo(PRODUCT);
    }

    @Test
    void webFilterDecisionsAreHttpActivityWithTheUrlOfTheRequestLine() throws Exception {
        // test-web-filter.log
        JsonNode blocked =
                line("<174>May 23 16:34:24 INFO  uvm[0]:  {\"reason\":\"BLOCK_CATEGORY\",\"appName\":\"web_filter\","
                        + "\"requestLine\":\"GET http://mozilla.cloudflare-dns.com/\",\"sessionEvent\":{\"entitled\":true,\"protocol\":6,"
                        + "\"hostname\":\"ubuntu\",\"CServerPort\":443,\"protocolName\":\"TCP\",\"serverLatitude\":37.751,"
                        + "\"localAddr\":\"10.0.0.25\",\"SServerAddr\":\"1.128.0.0\",\"remoteAddr\":\"1.128.0.0\",\"serverIntf\":1,"
                        + "\"CClientAddr\":\"10.0.0.25\",\"serverCountry\":\"US\",\"sessionId\":110221865792015,"
                        + "\"SClientAddr\":\"81.2.69.142\",\"clientCountry\":\"XL\",\"policyRuleId\":0,\"CClientPort\":49260,"
                        + "\"timeStamp\":\"2023-05-23 16:34:24.38\",\"serverLongitude\":-97.822,\"clientIntf\":2,\"policyId\":1,"
                        + "\"SClientPort\":10240,\"bypassed\":false,\"SServerPort\":443,\"CServerAddr\":\"1.128.0.0\",\"tagsString\":\"\"},"
                        + "\"timeStamp\":\"2023-05-23 16:34:24.393\",\"flagged\":true,\"blocked\":true,"
                        + "\"category\":\"Proxy Avoidance and Anonymizers\",\"ruleId\":58,"
                        + "\"class\":\"class com.untangle.app.web_filter.WebFilterEvent\",\"categoryId\":58}");
        assertProduct(blocked, PRODUCT);
        assertClass(blocked, 4002, 3);
        assertDenied(blocked);
        assertThat(blocked.at("/http_request/url/url_string").asText()).isEqualTo("http://mozilla.cloudflare-dns.com/");
        assertThat(blocked.at("/http_request/url/hostname").asText()).isEqualTo("mozilla.cloudflare-dns.com");
        assertThat(blocked.at("/http_request/url/categories/0").asText()).isEqualTo("Proxy Avoidance and Anonymizers");
        assertThat(blocked.at("/src_endpoint/ip").asText()).isEqualTo("10.0.0.25");
        assertThat(blocked.at("/src_endpoint/hostname").asText()).isEqualTo("ubuntu");
        assertThat(blocked.at("/dst_endpoint/ip").asText()).isEqualTo("1.128.0.0");
        assertThat(blocked.at("/firewall_rule/uid").asText()).isEqualTo("58");
        assertThat(blocked.get("status_detail").asText()).isEqualTo("BLOCK_CATEGORY");
        assertThat(blocked.get("time").asLong()).isEqualTo(epochMillis("2023-05-23T16:34:24.393Z"));

        // a scanner's request to the address in brackets with its port, let through
        JsonNode passed = line("<174>May 24 08:27:39 INFO  uvm[0]:  {\"reason\":\"DEFAULT\",\"appName\":\"web_filter\","
                + "\"requestLine\":\"POST http://[81.2.69.142:80]/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php\","
                + "\"sessionEvent\":{\"entitled\":true,\"clientLongitude\":9.491,\"protocol\":6,\"hostname\":\"Proxy\","
                + "\"CServerPort\":80,\"protocolName\":\"TCP\",\"localAddr\":\"10.0.0.55\",\"SServerAddr\":\"10.0.0.55\","
                + "\"remoteAddr\":\"67.43.156.27\",\"serverIntf\":2,\"CClientAddr\":\"67.43.156.27\",\"serverCountry\":\"XL\","
                + "\"sessionId\":110221865971300,\"SClientAddr\":\"67.43.156.27\",\"clientLatitude\":51.2993,"
                + "\"clientCountry\":\"DE\",\"policyRuleId\":0,\"CClientPort\":41146,\"timeStamp\":\"2023-05-24 08:27:39.499\","
                + "\"clientIntf\":1,\"policyId\":1,\"SClientPort\":41146,\"bypassed\":false,\"SServerPort\":80,"
                + "\"CServerAddr\":\"81.2.69.142\",\"tagsString\":\"\"},\"timeStamp\":\"2023-05-24 08:27:39.666\","
                + "\"flagged\":false,\"blocked\":false,\"category\":\"Entertainment and Arts\",\"ruleId\":21,"
                + "\"class\":\"class com.untangle.app.web_filter.WebFilterEvent\",\"categoryId\":21}");
        assertClass(passed, 4002, 6);
        assertAllowed(passed);
        assertThat(passed.at("/http_request/url/hostname").asText()).isEqualTo("81.2.69.142");
        assertThat(passed.at("/http_request/url/port").asInt()).isEqualTo(80);
        assertThat(passed.at("/http_request/url/path").asText())
                .isEqualTo("/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php");
        assertThat(passed.at("/src_endpoint/ip").asText()).isEqualTo("67.43.156.27");
    }

    @Test
    void httpRequestsAreHttpActivityWithTheHostAndPath() throws Exception {
        // test-http-request.log
        JsonNode r = line(
                "<174>May 25 09:07:44 INFO  uvm[0]:  {\"timeStamp\":\"2023-05-25 09:07:44.093\",\"method\":\"GET\","
                        + "\"requestId\":110221859354811,\"domain\":\"amer.ng.msg.teams.microsoft.com\","
                        + "\"host\":\"amer.ng.msg.teams.microsoft.com\",\"contentLength\":0,\"requestUri\":\"/\","
                        + "\"class\":\"class com.untangle.app.http.HttpRequestEvent\",\"sessionEvent\":{\"entitled\":true,"
                        + "\"protocol\":6,\"hostname\":\"D23613W10\",\"CServerPort\":443,\"protocolName\":\"TCP\","
                        + "\"serverLatitude\":37.3388,\"localAddr\":\"192.168.201.21\",\"SServerAddr\":\"67.43.156.12\","
                        + "\"remoteAddr\":\"67.43.156.12\",\"serverIntf\":1,\"CClientAddr\":\"192.168.201.21\",\"serverCountry\":\"US\","
                        + "\"sessionId\":110221866487132,\"SClientAddr\":\"1.128.0.1\",\"clientCountry\":\"XL\",\"policyRuleId\":0,"
                        + "\"CClientPort\":59560,\"timeStamp\":\"2023-05-25 09:07:44.062\",\"serverLongitude\":-121.8914,"
                        + "\"clientIntf\":2,\"policyId\":1,\"SClientPort\":13485,\"bypassed\":false,\"SServerPort\":443,"
                        + "\"CServerAddr\":\"67.43.156.12\",\"username\":\"johndoe\",\"tagsString\":\"\"}}");
        assertClass(r, 4002, 3);
        assertThat(r.at("/http_request/url/hostname").asText()).isEqualTo("amer.ng.msg.teams.microsoft.com");
        assertThat(r.at("/http_request/url/path").asText()).isEqualTo("/");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("192.168.201.21");
        assertThat(r.at("/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(r.at("/actor/user/name").asText()).isEqualTo("johndoe");
        assertThat(r.at("/connection_info/uid").asText()).isEqualTo("110221866487132");
    }

    @Test
    void intrusionPreventionHitsAreDetectionFindingsAndFirewallRuleHitsNetworkActivity() throws Exception {
        // sample_logs/intrusion-detection.log
        JsonNode ips = line("<174>May 23 15:55:44 INFO  uvm[0]:  {\"msg\":\"ET SCAN NMAP -sS window 1024\","
                + "\"ipDestination\":\"1.128.0.72\",\"ipSource\":\"81.2.69.142\",\"classtype\":\"attempted-recon\","
                + "\"signatureId\":2009582,\"sportItype\":58524,\"timeStamp\":\"2023-05-23 15:55:44.769\",\"generatorId\":1,"
                + "\"protocol\":\"tcp\",\"blocked\":true,\"category\":\"scan\",\"ruleId\":\"2\","
                + "\"class\":\"class com.untangle.app.intrusion_prevention.IntrusionPreventionLogEvent\","
                + "\"dportIcode\":29884,\"timestamp\":1682459871616}");
        assertProduct(ips, PRODUCT);
        assertClass(ips, 2004, 1);
        assertDenied(ips);
        assertThat(ips.get("is_alert").asBoolean()).isTrue();
        assertThat(ips.at("/finding_info/title").asText()).isEqualTo("ET SCAN NMAP -sS window 1024");
        assertThat(ips.at("/finding_info/uid").asText()).isEqualTo("2009582");
        assertThat(ips.at("/finding_info/types/0").asText()).isEqualTo("attempted-recon");
        assertThat(ips.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("81.2.69.142");
        assertThat(ips.at("/evidences/0/dst_endpoint/ip").asText()).isEqualTo("1.128.0.72");
        assertThat(ips.get("time").asLong()).isEqualTo(epochMillis("2023-05-23T15:55:44.769Z"));

        // test-firewall-event.log: a rule matched and let the session through
        JsonNode rule =
                line("<174>May 22 16:32:28 INFO  uvm[0]:  {\"timeStamp\":\"2023-05-22 16:32:28.771\",\"flagged\":false,"
                        + "\"blocked\":false,\"sessionId\":110221865377229,\"ruleId\":0,"
                        + "\"class\":\"class com.untangle.app.firewall.FirewallEvent\"}");
        assertClass(rule, 4001, 6);
        assertAllowed(rule);
        assertThat(rule.at("/connection_info/uid").asText()).isEqualTo("110221865377229");
        assertThat(rule.at("/firewall_rule/uid").asText()).isEqualTo("0");
    }

    @Test
    void otherClassesAreBaseEventsAndOtherLinesNamingUntangleAreNotTheProducts() throws Exception {
        // a statistics class the file does not map: a Base Event of the product
        JsonNode stats = line("<174>May 22 16:32:28 INFO  uvm[0]:  {\"timeStamp\":\"2023-05-22 16:32:28.771\","
                + "\"class\":\"class com.untangle.uvm.app.SystemStatEvent\",\"load1\":0.5}");
        assertBaseEventOf(stats, PRODUCT);

        // a Java stack trace naming the package is no event of the export
        JsonNode trace = line(
                "<171>May 22 16:32:28 INFO  uvm[0]:  at com.untangle.uvm.UvmContextImpl.run(UvmContextImpl.java:812)");
        assertThat(trace.at("/metadata/product/name").asText()).isNotEqualTo(PRODUCT);
        // another product's JSON with a class field
        JsonNode other =
                line("<134>May 22 16:32:28 app01 java[211]: {\"class\":\"class org.example.Audit\",\"user\":\"kim\"}");
        assertThat(other.at("/metadata/product/name").asText()).isNotEqualTo(PRODUCT);
        assertThat(other.get("class_uid").asInt()).isNotEqualTo(4001);
    }

    @Test
    void aLongLineRepeatingTheClassWithoutTheObjectsEndIsRefusedInLinearTime() throws Exception {
        // the file's pattern on a hostile line: many class fields, and no closing brace at the end; each
        // class field found must not send the pattern scanning the rest of the line for the end again,
        // which would spend the budget of character reads every mapping's match has on every such line
        Pattern pattern;
        try (InputStream in = OcsfNormalizer.class.getResourceAsStream("mappings/arista-ngfw.json")) {
            pattern = Pattern.compile(
                    new ObjectMapper().readTree(in).at("/match/pattern").asText());
        }
        String repeated = "\"class\":\"class com.untangle.A\"}".repeat(13_000);
        for (String line : new String[] {"INFO  uvm[0]:  {" + repeated + "x", "INFO  uvm[0]:  {" + repeated + "}  "}) {
            Matcher matcher = pattern.matcher(BudgetedText.of(line, 20L * line.length()));
            assertThat(matcher.find()).isEqualTo(line.endsWith("  "));
        }
    }
}

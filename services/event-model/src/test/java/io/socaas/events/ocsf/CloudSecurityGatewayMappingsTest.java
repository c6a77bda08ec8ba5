package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static io.socaas.events.ocsf.MappedRecords.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The mapping files of cloud security gateways and DNS security services common in SME networks, Cisco
 * Umbrella (its S3 export's CSV lines), Zscaler Internet Access (NSS feeds in JSON, key=value and CEF)
 * and Infoblox NIOS (response logging and RPZ hits), with lines written from their documented formats:
 * DNS as DNS Activity with the query, answer and response code, web transactions as HTTP Activity,
 * firewall sessions as Network Activity, each with the verdict and the device's own time; other
 * sources' lines are not claimed.
 */
class CloudSecurityGatewayMappingsTest {

    @Test
    void umbrellaDnsLogsAreDnsResponsesWithTheVerdictAndRcode() throws Exception {
        JsonNode blocked = line(
                "\"2026-03-01 09:59:58\",\"Jane Roe (jroe@example.org)\",\"Jane Roe (jroe@example.org),LAPTOP-17\","
                        + "\"10.20.30.40\",\"198.51.100.7\",\"Blocked\",\"1 (A)\",\"NOERROR\",\"malware.example.net.\","
                        + "\"Malware,Security\",\"AD Users\",\"AD Users,Roaming Computers\",\"Malware\"");
        assertThat(blocked.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(blocked.get("activity_id").asInt()).isEqualTo(2);
        assertDenied(blocked);
        assertThat(blocked.at("/query/hostname").asText()).isEqualTo("malware.example.net");
        assertThat(blocked.at("/query/type").asText()).isEqualTo("A");
        assertThat(blocked.at("/src_endpoint/ip").asText()).isEqualTo("10.20.30.40");
        assertThat(blocked.at("/actor/user/name").asText()).isEqualTo("Jane Roe (jroe@example.org)");
        assertThat(blocked.get("status_detail").asText()).isEqualTo("Malware");
        assertThat(blocked.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:58Z"));
        assertProduct(blocked, "Umbrella");

        JsonNode nxdomain = line(
                "<134>Mar  1 09:59:59 relay umbrella: \"2026-03-01 09:59:57\",\"Office-Net\",\"Office-Net,Main Site\","
                        + "\"10.20.30.41\",\"198.51.100.7\",\"Allowed\",\"28 (AAAA)\",\"NXDOMAIN\",\"nothere.example.com.\","
                        + "\"Infrastructure\",\"Networks\",\"Networks,Sites\",\"\"");
        assertAllowed(nxdomain);
        assertThat(nxdomain.get("rcode_id").asInt()).isEqualTo(3);
        assertThat(nxdomain.at("/query/type").asText()).isEqualTo("AAAA");
        assertThat(nxdomain.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:59:57Z"));
    }

    @Test
    void umbrellaProxyFirewallAndIpLogs() throws Exception {
        JsonNode proxy = line(
                "\"2026-03-01 09:59:56\",\"LAPTOP-17\",\"10.20.30.40\",\"198.51.100.7\",\"203.0.113.80\",\"text/html\","
                        + "\"BLOCKED\",\"https://phish.example.net:8443/login.php?id=42\",\"\",\"Mozilla/5.0 (Windows NT 10.0)\",\"403\","
                        + "\"512\",\"1024\",\"900\",\"\",\"Phishing\",\"\",\"\",\"\",\"\",\"\",\"Roaming Computers\",\"Phishing\",\"LAPTOP-17\","
                        + "\"Roaming Computers\",\"POST\",\"\",\"\",\"login.php\",\"\",\"\",\"\"");
        assertThat(proxy.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(proxy.get("activity_id").asInt()).isEqualTo(6);
        assertDenied(proxy);
        assertThat(proxy.at("/http_request/url/hostname").asText()).isEqualTo("phish.example.net");
        assertThat(proxy.at("/http_request/url/port").asInt()).isEqualTo(8443);
        assertThat(proxy.at("/http_request/url/path").asText()).isEqualTo("/login.php");
        assertThat(proxy.at("/http_response/code").asInt()).isEqualTo(403);
        assertThat(proxy.at("/dst_endpoint/ip").asText()).isEqualTo("203.0.113.80");

        JsonNode firewall = line(
                "\"2026-03-01 09:59:55\",\"[123456789]\",\"Branch Tunnel\",\"CDFW Tunnel Device\",\"OUTBOUND\",\"6\","
                        + "\"60\",\"10.20.30.42\",\"50123\",\"203.0.113.90\",\"3389\",\"fra1.edc\",\"77\",\"BLOCK\"");
        assertFlow(firewall, 5, "10.20.30.42", 50123, "203.0.113.90", 3389);
        assertDenied(firewall);
        assertThat(firewall.at("/connection_info/protocol_num").asInt()).isEqualTo(6);
        assertThat(firewall.at("/firewall_rule/uid").asText()).isEqualTo("77");

        JsonNode unquoted =
                line("2026-03-01 09:59:55,[123456789],Branch Tunnel,CDFW Tunnel Device,INBOUND,17,60,10.20.30.42,,"
                        + "203.0.113.91,,fra1.edc,78,ALLOW");
        assertFlow(unquoted, 6, "10.20.30.42", null, "203.0.113.91", null);
        assertAllowed(unquoted);

        JsonNode ip = line("\"2026-03-01 09:59:54\",\"LAPTOP-17\",\"10.20.30.40\",\"51000\",\"203.0.113.66\",\"443\","
                + "\"Command and Control\"");
        assertFlow(ip, 6, "10.20.30.40", 51000, "203.0.113.66", 443);
        assertProduct(ip, "Umbrella");

        // a quoted CSV line of another shape is nobody's
        assertProduct(line("\"2026-03-01 09:59:58\",\"alpha\",\"beta\",\"gamma\""), "unknown");
    }

    @Test
    void zscalerJsonFeedsAreWebDnsAndFirewallActivity() throws Exception {
        JsonNode web = json("{\"sourcetype\":\"zscalernss-web\",\"event\":{\"time\":\"Sat Feb 28 23:59:58 2026\","
                + "\"login\":\"kim@example.org\",\"proto\":\"HTTPS\",\"eurl\":\"files.example.net/tools/payload.exe?x=1\","
                + "\"action\":\"Blocked\",\"appname\":\"General Browsing\",\"reqsize\":\"420\",\"respsize\":\"300\","
                + "\"urlcat\":\"Malware Sites\",\"cip\":\"10.1.2.3\",\"sip\":\"203.0.113.21\",\"reqmethod\":\"GET\","
                + "\"respcode\":\"403\",\"ua\":\"curl/8.5.0\",\"ruletype\":\"UrlCat\",\"rulelabel\":\"Block Malware\","
                + "\"devicehostname\":\"WS-0042\"}}");
        assertThat(web.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(web.get("activity_id").asInt()).isEqualTo(3);
        assertDenied(web);
        assertThat(web.at("/actor/user/name").asText()).isEqualTo("kim@example.org");
        assertThat(web.at("/src_endpoint/ip").asText()).isEqualTo("10.1.2.3");
        assertThat(web.at("/http_request/url/hostname").asText()).isEqualTo("files.example.net");
        assertThat(web.at("/http_request/url/path").asText()).isEqualTo("/tools/payload.exe");
        assertThat(web.at("/http_response/code").asInt()).isEqualTo(403);
        assertThat(web.at("/firewall_rule/name").asText()).isEqualTo("Block Malware");
        assertThat(web.get("time").asLong()).isEqualTo(epochMillis("2026-02-28T23:59:58Z"));
        assertThat(web.at("/metadata/log_name").asText()).isEqualTo("zscalernss-web");
        assertProduct(web, "Zscaler Internet Access");

        JsonNode dns = json("{\"sourcetype\":\"zscalernss-dns\",\"event\":{\"datetime\":\"Sat Feb 28 23:59:57 2026\","
                + "\"user\":\"kim@example.org\",\"clt_sip\":\"10.1.2.3\",\"srv_dip\":\"185.46.212.88\",\"srv_dport\":\"53\","
                + "\"dns_req\":\"c2.example.org\",\"dns_reqtype\":\"A record\",\"reqaction\":\"REQ_BLOCK\","
                + "\"reqrulelabel\":\"Block C2\",\"durationms\":\"2\"}}");
        assertThat(dns.get("class_uid").asInt()).isEqualTo(4003);
        assertDenied(dns);
        assertThat(dns.at("/query/hostname").asText()).isEqualTo("c2.example.org");
        assertThat(dns.at("/firewall_rule/name").asText()).isEqualTo("Block C2");

        JsonNode firewall =
                json("{\"sourcetype\":\"zscalernss-fw\",\"event\":{\"datetime\":\"Sat Feb 28 23:59:56 2026\","
                        + "\"user\":\"kim@example.org\",\"csip\":\"10.1.2.3\",\"csport\":50500,\"cdip\":\"198.51.100.50\",\"cdport\":22,"
                        + "\"action\":\"Allow\",\"proto\":\"TCP\",\"nwapp\":\"ssh\",\"rulelabel\":\"Allow SSH\",\"inbytes\":5000,"
                        + "\"outbytes\":3000}}");
        assertFlow(firewall, 6, "10.1.2.3", 50500, "198.51.100.50", 22);
        assertAllowed(firewall);
        assertThat(firewall.at("/traffic/bytes_in").asInt()).isEqualTo(5000);

        // another feed's envelope is not Zscaler's
        assertProduct(
                json(
                        "{\"sourcetype\":\"othernss-web\",\"event\":{\"time\":\"Sat Feb 28 23:59:58 2026\",\"cip\":\"10.1.2.3\"}}"),
                "unknown");
    }

    @Test
    void zscalerWritesNoneForNoReferrerAndNoThreatInEveryFeed() throws Exception {
        String web = "{\"sourcetype\":\"zscalernss-web\",\"event\":{\"time\":\"Sun Mar  1 09:58:00 2026\","
                + "\"login\":\"ida@example.org\",\"proto\":\"HTTPS\",\"eurl\":\"docs.example.net/guide.html\","
                + "\"action\":\"Allowed\",\"cip\":\"10.1.2.6\",\"sip\":\"203.0.113.40\",\"reqmethod\":\"GET\","
                + "\"respcode\":\"200\",\"ereferer\":\"%s\"}}";
        JsonNode noReferrer = json(web.formatted("None"));
        assertThat(noReferrer.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(noReferrer.at("/http_request/referrer").isMissingNode()).isTrue();
        assertThat(noReferrer.at("/http_request/url/hostname").asText()).isEqualTo("docs.example.net");
        assertThat(noReferrer.at("/unmapped/event/ereferer").asText())
                .as("kept as sent")
                .isEqualTo("None");
        JsonNode referred = json(web.formatted("https://portal.example.org/None"));
        assertThat(referred.at("/http_request/referrer").asText()).isEqualTo("https://portal.example.org/None");

        String cef = "<134>Mar  1 09:58:01 nss02 zscaler-nss: CEF:0|Zscaler|NSSWeblog|6.1|Allowed|None|3|act=Allowed"
                + " reason=Allowed app=HTTPS dhost=docs.example.net dst=203.0.113.40 src=10.1.2.6 requestMethod=GET"
                + " suser=ida@example.org request=https://docs.example.net/guide.html outcome=200 requestContext=%s";
        assertThat(line(cef.formatted("None")).at("/http_request/referrer").isMissingNode())
                .isTrue();
        assertThat(line(cef.formatted("https://portal.example.org/"))
                        .at("/http_request/referrer")
                        .asText())
                .isEqualTo("https://portal.example.org/");

        // a firewall session without a threat says why by its IP category
        String firewall = "{\"sourcetype\":\"zscalernss-fw\",\"event\":{\"datetime\":\"Sun Mar  1 09:58:02 2026\","
                + "\"user\":\"ida@example.org\",\"csip\":\"10.1.2.6\",\"csport\":50600,\"cdip\":\"198.51.100.52\","
                + "\"cdport\":443,\"action\":\"Block\",\"proto\":\"TCP\",\"threatname\":\"%s\",\"ipcat\":\"Botnet\"}}";
        JsonNode noThreat = json(firewall.formatted("None"));
        assertDenied(noThreat);
        assertThat(noThreat.get("status_detail").asText()).isEqualTo("Botnet");
        assertThat(json(firewall.formatted("Trojan.Gen")).get("status_detail").asText())
                .isEqualTo("Trojan.Gen");
    }

    @Test
    void zscalerCefAndKeyValueFeedsCarryTheVerdict() throws Exception {
        JsonNode web =
                line("<134>Mar  1 09:59:58 nss02 zscaler-nss: CEF:0|Zscaler|NSSWeblog|6.1|Allowed|None|3|act=Allowed"
                        + " reason=Allowed app=HTTPS dhost=www.example.com dst=203.0.113.30 src=10.1.2.4 requestMethod=GET"
                        + " suser=lee@example.org request=https://www.example.com/index.html outcome=200 cat=News");
        assertThat(web.get("class_uid").asInt()).isEqualTo(4002);
        assertAllowed(web);
        assertThat(web.at("/http_request/url/path").asText()).isEqualTo("/index.html");
        assertThat(web.at("/metadata/log_name").asText()).isEqualTo("NSSWeblog");
        assertProduct(web, "Zscaler Internet Access");

        JsonNode firewall =
                line("<134>Mar  1 09:59:58 nss02 zscaler-nss: CEF:0|Zscaler|NSSFWlog|6.1|Drop|None|3|act=Drop"
                        + " suser=lee@example.org src=10.1.2.4 spt=50501 dst=198.51.100.51 dpt=445 proto=TCP");
        assertFlow(firewall, 5, "10.1.2.4", 50501, "198.51.100.51", 445);
        assertDenied(firewall);

        JsonNode keyValue = line("<134>Mar  1 09:59:58 nss02 zscaler-nss: reason=Blocked\tevent_id=1001\tprotocol=HTTPS"
                + "\taction=Blocked\tserverip=203.0.113.31\trequestmethod=POST\tClientIP=10.1.2.5\tstatus=403"
                + "\tuser=max@example.org\turl=upload.example.net/api/put?id=7\tvendor=Zscaler\thostname=upload.example.net"
                + "\turlcategory=Online Storage\tuseragent=Mozilla/5.0 (Windows NT 10.0; Win64; x64)\trefererURL=None");
        assertThat(keyValue.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(keyValue.get("activity_id").asInt()).isEqualTo(6);
        assertDenied(keyValue);
        assertThat(keyValue.at("/src_endpoint/ip").asText()).isEqualTo("10.1.2.5");
        assertThat(keyValue.at("/http_request/url/hostname").asText()).isEqualTo("upload.example.net");
        assertProduct(keyValue, "Zscaler Internet Access");
        // values with spaces between the feed's tabs are read whole; None is no value
        assertThat(keyValue.at("/http_request/user_agent").asText())
                .isEqualTo("Mozilla/5.0 (Windows NT 10.0; Win64; x64)");
        assertThat(keyValue.at("/unmapped/urlcategory").asText()).isEqualTo("Online Storage");
        assertThat(keyValue.at("/http_request/referrer").isMissingNode()).isTrue();

        // another vendor's CEF stays the generic CEF source's
        assertProduct(
                line(
                        "<134>Mar  1 09:59:58 fw9 CEF:0|Fortinet|FortiGate|7.2|13|traffic|3|src=10.9.9.9 dst=10.8.8.8 spt=1 dpt=2"),
                "CEF");
    }

    @Test
    void infobloxResponsesAndRpzHitsAreDnsActivity() throws Exception {
        JsonNode answered =
                line("<30>Mar  1 09:59:58 nios01 named[2001]: 28-Feb-2026 23:59:58.123 client 10.5.6.7#53123: UDP:"
                        + " query: www.example.com IN A response: NOERROR + www.example.com. 300 IN A 93.184.216.34;");
        assertThat(answered.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(answered.get("activity_id").asInt()).isEqualTo(2);
        assertThat(answered.get("rcode_id").asInt()).isZero();
        assertThat(answered.at("/query/hostname").asText()).isEqualTo("www.example.com");
        assertThat(answered.at("/answers/0/rdata").asText()).isEqualTo("93.184.216.34");
        assertThat(answered.at("/src_endpoint/ip").asText()).isEqualTo("10.5.6.7");
        assertThat(answered.at("/src_endpoint/port").asInt()).isEqualTo(53123);
        assertThat(answered.get("time").asLong()).isEqualTo(epochMillis("2026-02-28T23:59:58Z"));
        assertProduct(answered, "NIOS");

        JsonNode nxdomain =
                line("<30>Mar  1 09:59:58 nios01 named[2001]: 28-Feb-2026 23:59:57.001 client 10.5.6.7#53124 UDP:"
                        + " query: nope.example.com IN AAAA response: NXDOMAIN +");
        assertThat(nxdomain.get("rcode_id").asInt()).isEqualTo(3);
        assertThat(nxdomain.at("/query/type").asText()).isEqualTo("AAAA");

        JsonNode rpz = line(
                "<30>Mar  1 09:59:58 nios01 named[2001]: CEF:0|Infoblox|NIOS|9.0.3|RPZ-QNAME|NXDOMAIN|7|app=DNS"
                        + " dst=10.5.0.1 src=10.5.6.8 spt=50123 view=_default qtype=A"
                        + " msg=\"rpz QNAME NXDOMAIN rewrite bad.example.net [A] via bad.example.net.threatfeed.rpz\" CAT=RPZ");
        assertThat(rpz.get("class_uid").asInt()).isEqualTo(4003);
        assertDenied(rpz);
        assertThat(rpz.get("is_alert").asBoolean()).isTrue();
        assertThat(rpz.at("/query/hostname").asText()).isEqualTo("bad.example.net");
        assertThat(rpz.at("/firewall_rule/name").asText()).isEqualTo("RPZ-QNAME");
        assertProduct(rpz, "NIOS");

        // BIND's own query log stays BIND's
        JsonNode bind = line("<30>Mar  1 09:59:58 ns1 named[100]: client @0x7f1 192.0.2.5#5353 (example.com): query:"
                + " example.com IN A + (192.0.2.1)");
        assertProduct(bind, "BIND");
        assertThat(bind.get("activity_id").asInt()).isEqualTo(1);
        assertBaseEventOf(
                line("<30>Mar  1 09:59:58 nios01 named[2001]: CEF:0|Infoblox|NIOS|9.0.3|CONFIG|changed|3|msg=x"),
                "NIOS");
    }

    @Test
    void infobloxQueryNamesAreReadWithTheEscapesNamedPrintsReadBack() throws Exception {
        // a space in a label (\032) and UTF-8 bytes of a name sent unencoded (\195\169: é), as named prints them
        JsonNode spaced = line(
                "<30>Mar  1 10:04:11 nios02 named[2001]: 01-Mar-2026 10:04:11.318 client 172.16.40.9#61877:"
                        + " UDP: query: HP\\032LaserJet\\032M404._ipp._tcp.corp.example.net IN SRV response: NXDOMAIN +");
        assertThat(spaced.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(spaced.get("rcode_id").asInt()).isEqualTo(3);
        assertThat(spaced.at("/query/hostname").asText()).isEqualTo("HP LaserJet M404._ipp._tcp.corp.example.net");
        assertProduct(spaced, "NIOS");
        JsonNode accented = line(
                "<30>Mar  1 10:04:12 nios02 named[2001]: client 172.16.40.12#50211: UDP:"
                        + " query: caf\\195\\169.example.org IN A response: NOERROR + caf\\195\\169.example.org. 60 IN A 198.51.100.40;");
        assertThat(accented.at("/query/hostname").asText()).isEqualTo("caf\u00e9.example.org");
        assertThat(accented.at("/answers/0/rdata").asText()).isEqualTo("198.51.100.40");
        // an escaped dot stays escaped: it is part of the label, not a label's end
        JsonNode dotted = line("<30>Mar  1 10:04:13 nios02 named[2001]: client 172.16.40.15#50312: TCP:"
                + " query: j\\.doe.users.corp.example.net IN TXT response: NOERROR +");
        assertThat(dotted.at("/query/hostname").asText()).isEqualTo("j\\.doe.users.corp.example.net");
    }

    @Test
    void zscalerPrivateAccessUserActivityAndStatus() throws Exception {
        // written from ZPA's Log Streaming Service formats (user activity, user status) in JSON
        String activity = "{\"LogTimestamp\": \"Sun Mar  1 09:20:00 2026\",\"Customer\": \"Example Corp\","
                + "\"SessionID\": \"8Fh2kQpZ0aRt\",\"ConnectionID\": \"8Fh2kQpZ0aRt,Zt4k2mQ\",\"InternalReason\": \"\","
                + "\"ConnectionStatus\": \"open\",\"IPProtocol\": 6,\"Username\": \"dave@example.com\","
                + "\"ServicePort\": 443,\"ClientPublicIP\": \"198.51.100.77\",\"ClientCountryCode\": \"DE\","
                + "\"Policy\": \"Finance apps\",\"Connector\": \"connector-fra-1\",\"Host\": \"erp.corp.example.com\","
                + "\"Application\": \"ERP\",\"AppGroup\": \"Finance\",\"ServerIP\": \"192.0.2.80\",\"ServerPort\": 443}";
        JsonNode open = json(activity);
        assertProduct(open, "Zscaler Private Access");
        assertFlow(open, 1, "198.51.100.77", null, "192.0.2.80", 443);
        assertAllowed(open);
        assertThat(open.at("/actor/user/name").asText()).isEqualTo("dave@example.com");
        assertThat(open.at("/dst_endpoint/hostname").asText()).isEqualTo("erp.corp.example.com");
        assertThat(open.get("app_name").asText()).isEqualTo("ERP");
        assertThat(open.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:20:00Z"));
        assertFlow(json(activity.replace("\"open\"", "\"close\"")), 2, "198.51.100.77", null, "192.0.2.80", 443);
        JsonNode rejected = json(activity.replace(
                        "\"InternalReason\": \"\"", "\"InternalReason\": \"BRK_MT_SETUP_FAIL_REJECTED_BY_POLICY\"")
                .replace("\"open\"", "\"close\""));
        assertFlow(rejected, 5, "198.51.100.77", null, "192.0.2.80", 443);
        assertDenied(rejected);
        assertThat(rejected.get("status_detail").asText()).isEqualTo("BRK_MT_SETUP_FAIL_REJECTED_BY_POLICY");

        String status = "{\"LogTimestamp\":\"Sun Mar  1 09:21:00 2026\",\"Customer\":\"Example Corp\","
                + "\"Username\":\"dave@example.com\",\"SessionID\":\"8Fh2kQpZ0aRt\",\"SessionStatus\":"
                + "\"ZPN_STATUS_AUTHENTICATED\",\"ZEN\":\"DE-FRA-1\",\"PrivateIP\":\"192.0.2.15\",\"PublicIP\":"
                + "\"198.51.100.77\",\"CountryCode\":\"DE\",\"Hostname\":\"LAPTOP-DAVE\",\"Platform\":\"windows\","
                + "\"ClientType\":\"zpn_client_type_zapp\"}";
        JsonNode logon = json(status);
        assertProduct(logon, "Zscaler Private Access");
        assertThat(logon.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(logon.get("activity_id").asInt()).isEqualTo(1);
        assertThat(logon.at("/user/name").asText()).isEqualTo("dave@example.com");
        assertThat(logon.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.77");
        assertThat(logon.at("/src_endpoint/hostname").asText()).isEqualTo("LAPTOP-DAVE");
        JsonNode logoff = json(status.replace("ZPN_STATUS_AUTHENTICATED", "ZPN_STATUS_DISCONNECTED"));
        assertThat(logoff.get("activity_id").asInt()).isEqualTo(2);
    }

    @Test
    void akamaiSecurityEventsAreHttpActivityAlerts() throws Exception {
        // written from Akamai's SIEM integration (Security Events API) JSON: rules and actions are base64 as Akamai
        // writes them
        JsonNode r = json("{\"format\":\"json\",\"type\":\"akamai_siem\",\"version\":\"1.0\",\"attackData\":{"
                + "\"clientIP\":\"198.51.100.23\",\"configId\":\"14227\",\"policyId\":\"shop_60012\","
                + "\"ruleActions\":\"ZGVueQ==\",\"ruleMessages\":\"U1FMIEluamVjdGlvbiBBdHRhY2s=\",\"rules\":\"OTUwOTQy\"},"
                + "\"geo\":{\"asn\":\"64500\",\"city\":\"BERLIN\",\"country\":\"DE\"},\"httpMessage\":{"
                + "\"bytes\":\"512\",\"host\":\"shop.example.com\",\"method\":\"GET\",\"path\":\"/search\","
                + "\"port\":\"443\",\"protocol\":\"HTTP/1.1\",\"query\":\"q%3D1%27%20OR%20%271%27%3D%271\","
                + "\"requestId\":\"3c1a9f2\",\"start\":\"1772356800\",\"status\":\"403\",\"tls\":\"TLSv1.3\"}}");
        assertProduct(r, "Akamai Security Events");
        assertThat(r.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(r.get("activity_id").asInt()).isEqualTo(3);
        assertThat(r.get("is_alert").asBoolean()).isTrue();
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("198.51.100.23");
        assertThat(r.at("/http_request/url/hostname").asText()).isEqualTo("shop.example.com");
        assertThat(r.at("/http_request/url/path").asText()).isEqualTo("/search");
        assertThat(r.at("/http_response/code").asInt()).isEqualTo(403);
        assertThat(r.at("/policy/uid").asText()).isEqualTo("shop_60012");
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:20:00Z"));
        // the API's page trailer is not Akamai's event
        assertThat(json("{\"total\":10000,\"offset\":\"71cca;3phZ\",\"limit\":10000}")
                        .at("/metadata/product/name")
                        .asText())
                .isNotEqualTo("Akamai Security Events");
    }

    @Test
    void impervaSecureSphereAlertsAndLoginsInCef() throws Exception {
        // written from SecureSphere's CEF action interface (alert placeholders resolved)
        JsonNode alert = line("<134>Mar  1 09:40:01 mx01 CEF:0|Imperva Inc.|SecureSphere|15.1.0|Signature|SQL injection"
                + "|High|act=block dst=192.0.2.80 dpt=443 src=198.51.100.44 spt=51494 proto=TCP"
                + " rt=Mar 01 2026 09:40:00 cat=Alert cs1=Recommended Signatures Policy for Web Applications"
                + " cs1Label=Policy cs2=Web Servers cs2Label=ServerGroup cs5=SQL injection in parameter id"
                + " cs5Label=Description");
        assertProduct(alert, "SecureSphere");
        assertThat(alert.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(alert.get("severity_id").asInt()).isEqualTo(4);
        assertThat(alert.at("/finding_info/title").asText()).isEqualTo("SQL injection in parameter id");
        assertThat(alert.at("/finding_info/analytic/name").asText()).isEqualTo("Signature");
        assertThat(alert.get("status_detail").asText()).isEqualTo("block");
        assertThat(alert.at("/evidences/0/src_endpoint/ip").asText()).isEqualTo("198.51.100.44");
        assertThat(alert.at("/evidences/0/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(alert.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:40:00Z"));

        JsonNode login = line("<134>Mar  1 09:41:01 mx01 CEF:0|Imperva Inc.|SecureSphere|15.1.0|User logged in"
                + "|User admin logged in from 198.51.100.5.|Low|suser=admin rt=Mar 01 2026 09:41:00 cat=SystemEvent");
        assertThat(login.get("class_uid").asInt()).isEqualTo(3002);
        assertThat(login.get("status_id").asInt()).isEqualTo(1);
        assertThat(login.at("/user/name").asText()).isEqualTo("admin");
        assertBaseEventOf(
                line("<134>Mar  1 09:42:01 mx01 CEF:0|Imperva Inc.|SecureSphere|15.1.0|Alert Started"
                        + "|Gateway disconnected|Medium|rt=Mar 01 2026 09:42:00 cat=SystemEvent"),
                "SecureSphere");
    }
}

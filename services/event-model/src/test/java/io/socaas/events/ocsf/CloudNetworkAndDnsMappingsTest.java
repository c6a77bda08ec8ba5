package io.socaas.events.ocsf;

import static io.socaas.events.ocsf.MappedRecords.assertAllowed;
import static io.socaas.events.ocsf.MappedRecords.assertBaseEventOf;
import static io.socaas.events.ocsf.MappedRecords.assertDenied;
import static io.socaas.events.ocsf.MappedRecords.assertFlow;
import static io.socaas.events.ocsf.MappedRecords.assertProduct;
import static io.socaas.events.ocsf.MappedRecords.epochMillis;
import static io.socaas.events.ocsf.MappedRecords.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socaas.events.EventBatchParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The network and DNS logs customers on AWS and Azure forward besides their audit logs: Route 53
 * Resolver query logs, AWS WAF web ACL logs and Azure Firewall's logs in the legacy Azure
 * Diagnostics form and the resource-specific one, each written in the vendor's documented format:
 * each reaches DNS, HTTP or Network Activity with the client, the destination and the decision.
 */
class CloudNetworkAndDnsMappingsTest {

    private static final String RESOLVER_QUERY = """
            {"version": "1.100000", "account_id": "210987654321", "region": "eu-west-1", "vpc_id": "vpc-0a1b2c3d4e5f60718",
             "query_timestamp": "2026-03-01T09:58:12Z", "query_name": "updates.contoso-build.example.", "query_type": "A",
             "query_class": "IN", "rcode": "NOERROR",
             "answers": [{"Rdata": "198.51.100.44", "Type": "A", "Class": "IN"}, {"Rdata": "198.51.100.45", "Type": "A", "Class": "IN"}],
             "srcaddr": "10.40.2.17", "srcport": "41877", "transport": "UDP", "srcids": {"instance": "i-0f9e8d7c6b5a43210"}}""";

    private static final String RESOLVER_BLOCKED = """
            {"srcaddr": "10.40.3.9", "vpc_id": "vpc-0a1b2c3d4e5f60718", "answers": [],
             "firewall_rule_group_id": "rslvr-frg-0123abcd4567ef890", "firewall_rule_action": "BLOCK",
             "query_name": "c2.badcdn.example.", "firewall_domain_list_id": "rslvr-fdl-0fedcba987654321a",
             "query_class": "IN", "srcids": {"instance": "i-0aa11bb22cc33dd44"}, "rcode": "NXDOMAIN", "query_type": "TXT",
             "transport": "UDP", "version": "1.100000", "account_id": "210987654321", "srcport": "53112",
             "query_timestamp": "2026-03-01T09:59:01Z", "region": "eu-west-1"}""";

    private static final String WAF_BLOCK = """
            {"timestamp": 1772359080123, "formatVersion": 1,
             "webaclId": "arn:aws:wafv2:eu-west-1:210987654321:regional/webacl/shop-acl/6f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b",
             "terminatingRuleId": "AWS-AWSManagedRulesSQLiRuleSet", "terminatingRuleType": "MANAGED_RULE_GROUP", "action": "BLOCK",
             "terminatingRuleMatchDetails": [{"conditionType": "SQL_INJECTION", "location": "QUERY_STRING", "matchedData": ["1", "OR", "1"]}],
             "httpSourceName": "ALB", "httpSourceId": "210987654321-app/shop-alb/1a2b3c4d5e6f7a8b",
             "ruleGroupList": [{"ruleGroupId": "AWS#AWSManagedRulesSQLiRuleSet", "terminatingRule": {"ruleId": "SQLi_QUERYARGUMENTS", "action": "BLOCK"}, "nonTerminatingMatchingRules": [], "excludedRules": null}],
             "rateBasedRuleList": [], "nonTerminatingMatchingRules": [], "requestHeadersInserted": null, "responseCodeSent": null,
             "httpRequest": {"clientIp": "203.0.113.77", "country": "NL",
               "headers": [{"name": "Host", "value": "shop.contoso.example"}, {"name": "User-Agent", "value": "sqlmap/1.8.2#stable"}, {"name": "Accept", "value": "*/*"}],
               "uri": "/products", "args": "id=1%20OR%201=1", "httpVersion": "HTTP/1.1", "httpMethod": "GET", "requestId": "1-65e19a2c-0a1b2c3d4e5f6a7b8c9d0e1f"},
             "labels": [{"name": "awswaf:managed:aws:sql-database:SQLi_QueryArguments"}]}""";

    private static final String WAF_ALLOW_HTTP2 = """
            {"timestamp": 1772359081456, "formatVersion": 1,
             "webaclId": "arn:aws:wafv2:us-east-1:210987654321:global/webacl/cdn-acl/0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d",
             "terminatingRuleId": "Default_Action", "terminatingRuleType": "REGULAR", "action": "ALLOW",
             "terminatingRuleMatchDetails": [], "httpSourceName": "CF", "httpSourceId": "E2ABCDEF123456",
             "ruleGroupList": [], "rateBasedRuleList": [], "nonTerminatingMatchingRules": [],
             "httpRequest": {"clientIp": "198.51.100.23", "country": "DE",
               "headers": [{"name": "host", "value": "www.contoso.example"}, {"name": "user-agent", "value": "Mozilla/5.0 (X11; Linux x86_64)"}, {"name": "referer", "value": "https://www.contoso.example/"}],
               "uri": "/login", "args": "", "httpVersion": "HTTP/2.0", "httpMethod": "POST", "requestId": "Zr3kQ1xYz9AbCdEf=="}}""";

    // ---- Route 53 Resolver ----------------------------------------------------------------------

    @Test
    void resolverQueryLogsAreDnsResponsesWithTheClientAndTheFirstAnswer() throws Exception {
        JsonNode r = json(RESOLVER_QUERY);
        assertProduct(r, "Amazon Route 53 Resolver");
        assertThat(r.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(r.get("activity_id").asInt()).isEqualTo(2);
        assertThat(r.at("/query/hostname").asText()).isEqualTo("updates.contoso-build.example.");
        assertThat(r.at("/query/type").asText()).isEqualTo("A");
        assertThat(r.at("/query/class").asText()).isEqualTo("IN");
        assertThat(r.get("rcode_id").asInt()).isZero();
        assertThat(r.get("rcode").asText()).isEqualTo("NoError");
        assertThat(r.at("/answers/0/rdata").asText()).isEqualTo("198.51.100.44");
        assertThat(r.at("/answers/0/type").asText()).isEqualTo("A");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("10.40.2.17");
        assertThat(r.at("/src_endpoint/port").asInt()).isEqualTo(41877);
        assertThat(r.at("/src_endpoint/instance_uid").asText()).isEqualTo("i-0f9e8d7c6b5a43210");
        assertThat(r.at("/src_endpoint/vpc_uid").asText()).isEqualTo("vpc-0a1b2c3d4e5f60718");
        assertThat(r.at("/connection_info/protocol_name").asText()).isEqualTo("UDP");
        assertThat(r.at("/cloud/account/uid").asText()).isEqualTo("210987654321");
        assertThat(r.at("/cloud/region").asText()).isEqualTo("eu-west-1");
        assertThat(r.at("/cloud/provider").asText()).isEqualTo("AWS");
        assertThat(r.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:58:12Z"));
        assertThat(r.has("action_id")).as("no DNS Firewall decision in %s", r).isFalse();
        // every answer stays searchable in the record's own fields
        assertThat(r.at("/unmapped/answers").toString()).contains("198.51.100.45");
    }

    @Test
    void queriesDnsFirewallBlockedAreDeniedAlertsWithTheRuleGroup() throws Exception {
        JsonNode r = json(RESOLVER_BLOCKED);
        assertThat(r.get("class_uid").asInt()).isEqualTo(4003);
        assertDenied(r);
        assertThat(r.get("is_alert").asBoolean()).isTrue();
        assertThat(r.at("/query/hostname").asText()).isEqualTo("c2.badcdn.example.");
        assertThat(r.get("rcode_id").asInt()).isEqualTo(3);
        assertThat(r.at("/policy/uid").asText()).isEqualTo("rslvr-frg-0123abcd4567ef890");
        assertThat(r.at("/firewall_rule/uid").asText()).isEqualTo("rslvr-fdl-0fedcba987654321a");
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("10.40.3.9");
        assertThat(r.has("answers")).isFalse();

        JsonNode alert = json(RESOLVER_BLOCKED.replace("\"BLOCK\"", "\"ALERT\"").replace("NXDOMAIN", "NOERROR"));
        assertThat(alert.get("action_id").asInt()).isEqualTo(1);
        assertThat(alert.get("disposition_id").asInt()).isEqualTo(19);
        assertThat(alert.get("is_alert").asBoolean()).isTrue();
        assertThat(alert.get("rcode_id").asInt()).isZero();

        // a query that came in through an inbound endpoint, failing with a code the file does not list
        JsonNode inbound = json(RESOLVER_QUERY
                .replace(
                        "\"instance\": \"i-0f9e8d7c6b5a43210\"",
                        "\"resolver_endpoint\": \"rslvr-in-0123456789abcdef0\"")
                .replace("NOERROR", "BADCOOKIE"));
        assertThat(inbound.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(inbound.get("rcode").asText()).isEqualTo("BADCOOKIE");
        assertThat(inbound.has("rcode_id")).isFalse();
        assertThat(inbound.at("/dst_endpoint/uid").asText()).isEqualTo("rslvr-in-0123456789abcdef0");
    }

    @Test
    void resolverQueryLogFilesArriveAsOneEventPerLine() throws Exception {
        String file = RESOLVER_QUERY.replace("\n", "") + "\n" + RESOLVER_BLOCKED.replace("\n", "") + "\n";
        var events = new EventBatchParser().parse(file.getBytes(StandardCharsets.UTF_8));
        assertThat(events).hasSize(2);
        assertThat(json(events.get(1).toJson()).at("/query/hostname").asText()).isEqualTo("c2.badcdn.example.");
    }

    // ---- AWS WAF --------------------------------------------------------------------------------

    @Test
    void wafBlocksAreDeniedHttpRequestsWithTheRuleAndTheClient() throws Exception {
        JsonNode r = json(WAF_BLOCK);
        assertProduct(r, "AWS WAF");
        assertThat(r.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(r.get("activity_id").asInt()).isEqualTo(3);
        assertDenied(r);
        assertThat(r.get("is_alert").asBoolean()).isTrue();
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.77");
        assertThat(r.at("/src_endpoint/location/country").asText()).isEqualTo("NL");
        assertThat(r.at("/http_request/http_method").asText()).isEqualTo("GET");
        assertThat(r.at("/http_request/url/hostname").asText()).isEqualTo("shop.contoso.example");
        assertThat(r.at("/http_request/url/path").asText()).isEqualTo("/products");
        assertThat(r.at("/http_request/url/query_string").asText()).isEqualTo("id=1%20OR%201=1");
        assertThat(r.at("/http_request/user_agent").asText()).isEqualTo("sqlmap/1.8.2#stable");
        assertThat(r.at("/http_request/version").asText()).isEqualTo("HTTP/1.1");
        assertThat(r.at("/firewall_rule/name").asText()).isEqualTo("AWS-AWSManagedRulesSQLiRuleSet");
        assertThat(r.at("/firewall_rule/uid").asText()).isEqualTo("SQLi_QUERYARGUMENTS");
        assertThat(r.at("/firewall_rule/type").asText()).isEqualTo("MANAGED_RULE_GROUP");
        assertThat(r.at("/firewall_rule/match_details/0").asText()).isEqualTo("SQL_INJECTION");
        assertThat(r.at("/policy/uid").asText()).contains("webacl/shop-acl/");
        assertThat(r.at("/dst_endpoint/svc_name").asText()).isEqualTo("ALB");
        assertThat(r.get("time").asLong()).isEqualTo(1772359080123L);
    }

    @Test
    void wafAllowedRequestsReadHttp2HeadersInLowerCase() throws Exception {
        JsonNode r = json(WAF_ALLOW_HTTP2);
        assertThat(r.get("class_uid").asInt()).isEqualTo(4002);
        assertThat(r.get("activity_id").asInt()).isEqualTo(6);
        assertAllowed(r);
        assertThat(r.has("is_alert")).isFalse();
        assertThat(r.at("/http_request/url/hostname").asText()).isEqualTo("www.contoso.example");
        assertThat(r.at("/http_request/user_agent").asText()).isEqualTo("Mozilla/5.0 (X11; Linux x86_64)");
        assertThat(r.at("/http_request/referrer").asText()).isEqualTo("https://www.contoso.example/");
        assertThat(r.at("/firewall_rule/name").asText()).isEqualTo("Default_Action");

        JsonNode captcha = json(WAF_ALLOW_HTTP2.replace("\"ALLOW\"", "\"CAPTCHA\""));
        assertThat(captcha.get("disposition_id").asInt()).isEqualTo(22);
        assertThat(captcha.get("disposition").asText()).isEqualTo("Captcha");
        JsonNode challenge = json(WAF_ALLOW_HTTP2.replace("\"ALLOW\"", "\"CHALLENGE\""));
        assertThat(challenge.get("disposition_id").asInt()).isEqualTo(23);
    }

    // ---- Azure Firewall -------------------------------------------------------------------------

    private static String legacyExport(String category, String operation, String msg) {
        return """
                {"category": "%s", "time": "2026-03-01T09:57:30.1234560Z",
                 "resourceId": "/SUBSCRIPTIONS/0B1C2D3E-4F50-6172-8394-A5B6C7D8E9F0/RESOURCEGROUPS/HUB-RG/PROVIDERS/MICROSOFT.NETWORK/AZUREFIREWALLS/HUB-FW",
                 "operationName": "%s", "properties": {"msg": "%s"}}""".formatted(category, operation, msg);
    }

    @Test
    void legacyNetworkRuleRecordsAreConnectionsAllowedOrRefused() throws Exception {
        JsonNode deny = json(
                legacyExport(
                        "AzureFirewallNetworkRule",
                        "AzureFirewallNetworkRuleLog",
                        "TCP request from 10.1.4.20:53211 to 198.51.100.90:3389. Action: Deny. Policy: hub-policy. Rule Collection Group: DefaultNetworkRuleCollectionGroup. Rule Collection: block-mgmt. Rule: deny-rdp-out"));
        assertProduct(deny, "Azure Firewall");
        assertFlow(deny, 5, "10.1.4.20", 53211, "198.51.100.90", 3389);
        assertDenied(deny);
        assertThat(deny.at("/connection_info/protocol_name").asText()).isEqualTo("TCP");
        assertThat(deny.at("/firewall_rule/name").asText()).isEqualTo("deny-rdp-out");
        assertThat(deny.at("/firewall_rule/category").asText()).isEqualTo("block-mgmt");
        assertThat(deny.at("/policy/name").asText()).isEqualTo("hub-policy");
        assertThat(deny.at("/cloud/provider").asText()).isEqualTo("Azure");
        assertThat(deny.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:57:30.123456Z"));
        assertThat(deny.get("message").asText()).startsWith("TCP request from 10.1.4.20:53211");

        JsonNode allow = json(
                legacyExport(
                        "AzureFirewallNetworkRule",
                        "AzureFirewallNetworkRuleLog",
                        "UDP request from 10.1.4.21:123 to 192.0.2.123:123. Action: Allow. Rule Collection: ntp. Rule: allow-ntp"));
        assertFlow(allow, 1, "10.1.4.21", 123, "192.0.2.123", 123);
        assertAllowed(allow);
        assertThat(allow.at("/firewall_rule/name").asText()).isEqualTo("allow-ntp");

        JsonNode noRule = json(
                legacyExport(
                        "AzureFirewallNetworkRule",
                        "AzureFirewallNetworkRuleLog",
                        "TCP request from 10.1.4.22:40022 to 203.0.113.8:445. Action: Deny. No rule matched. Proceeding with default action"));
        assertDenied(noRule);
        assertThat(noRule.get("status_detail").asText()).isEqualTo("No rule matched");

        JsonNode icmp = json(legacyExport(
                "AzureFirewallNetworkRule",
                "AzureFirewallNetworkRuleLog",
                "ICMP Type=8 request from 10.1.4.23 to 10.2.0.4. Action: Allow. "));
        assertFlow(icmp, 1, "10.1.4.23", null, "10.2.0.4", null);
        assertAllowed(icmp);

        JsonNode dnat = json(legacyExport(
                "AzureFirewallNetworkRule",
                "AzureFirewallNatRuleLog",
                "TCP request from 198.51.100.61:50412 to 20.61.10.5:3389 was DNAT'ed to 10.1.5.4:3389"));
        assertFlow(dnat, 1, "198.51.100.61", 50412, "20.61.10.5", 3389);
        assertAllowed(dnat);
        assertThat(dnat.at("/unmapped/natIp").asText()).isEqualTo("10.1.5.4");

        JsonNode threat = json(legacyExport(
                "AzureFirewallNetworkRule",
                "AzureFirewallThreatIntelLog",
                "TCP request from 10.1.4.30:50511 to 203.0.113.66:8080. Action: Deny. ThreatIntel: Bot Networks"));
        assertFlow(threat, 5, "10.1.4.30", 50511, "203.0.113.66", 8080);
        assertDenied(threat);
        assertThat(threat.get("is_alert").asBoolean()).isTrue();
        assertThat(threat.get("status_detail").asText()).isEqualTo("Bot Networks");
    }

    @Test
    void legacyApplicationRuleRecordsAreHttpRequestsToTheFqdn() throws Exception {
        JsonNode allow = json(
                legacyExport(
                        "AzureFirewallApplicationRule",
                        "AzureFirewallApplicationRuleLog",
                        "HTTPS request from 10.1.4.20:50123 to login.contoso.example:443. Action: Allow. Rule Collection: web-out. Rule: allow-login"));
        assertProduct(allow, "Azure Firewall");
        assertThat(allow.get("class_uid").asInt()).isEqualTo(4002);
        assertAllowed(allow);
        assertThat(allow.at("/src_endpoint/ip").asText()).isEqualTo("10.1.4.20");
        assertThat(allow.at("/http_request/url/hostname").asText()).isEqualTo("login.contoso.example");
        assertThat(allow.at("/dst_endpoint/hostname").asText()).isEqualTo("login.contoso.example");
        assertThat(allow.at("/dst_endpoint/port").asInt()).isEqualTo(443);
        assertThat(allow.at("/connection_info/protocol_name").asText()).isEqualTo("HTTPS");
        assertThat(allow.at("/firewall_rule/name").asText()).isEqualTo("allow-login");

        // the AzureDiagnostics table's row of the same log, denied with its URL and a threat
        JsonNode row = json("""
                {"TenantId": "6a7b8c9d", "TimeGenerated": "2026-03-01T09:57:31Z", "Category": "AzureFirewallApplicationRule",
                 "OperationName": "AzureFirewallApplicationRuleLog", "ResourceType": "AZUREFIREWALLS",
                 "msg_s": "HTTP request from 10.1.4.31:51007 to files.badcdn.example:80. Url: files.badcdn.example/a.exe. Action: Deny. ThreatIntel: Malware"}""");
        assertThat(row.get("class_uid").asInt()).isEqualTo(4001);
        assertDenied(row);
        assertThat(row.get("is_alert").asBoolean()).isTrue();
        assertThat(row.at("/dst_endpoint/hostname").asText()).isEqualTo("files.badcdn.example");
        assertThat(row.at("/url/url_string").asText()).isEqualTo("files.badcdn.example/a.exe");
        assertThat(row.get("status_detail").asText()).isEqualTo("Malware");

        JsonNode denied = json("""
                {"TimeGenerated": "2026-03-01T09:57:32Z", "Category": "AzureFirewallApplicationRule",
                 "msg_s": "HTTP request from 10.1.4.32:52001 to www.games.example:80. Action: Deny. No rule matched. Proceeding with default action"}""");
        assertThat(denied.get("class_uid").asInt()).isEqualTo(4002);
        assertDenied(denied);
        assertThat(denied.at("/http_request/url/hostname").asText()).isEqualTo("www.games.example");
    }

    @Test
    void legacyDnsProxyRecordsAreDnsResponses() throws Exception {
        JsonNode r = json(
                legacyExport(
                        "AzureFirewallDnsProxy",
                        "AzureFirewallDnsProxyLog",
                        "DNS Request: 10.1.4.20:60512 - 28817 A IN login.contoso.example. udp 41 false 512 NXDOMAIN qr,rd,ra 116 0.000418s"));
        assertProduct(r, "Azure Firewall");
        assertThat(r.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(r.get("activity_id").asInt()).isEqualTo(2);
        assertThat(r.at("/query/hostname").asText()).isEqualTo("login.contoso.example.");
        assertThat(r.at("/query/type").asText()).isEqualTo("A");
        assertThat(r.at("/query/packet_uid").asInt()).isEqualTo(28817);
        assertThat(r.get("rcode_id").asInt()).isEqualTo(3);
        assertThat(r.at("/src_endpoint/ip").asText()).isEqualTo("10.1.4.20");
        assertThat(r.at("/src_endpoint/port").asInt()).isEqualTo(60512);
        assertThat(r.at("/connection_info/protocol_name").asText()).isEqualTo("udp");
    }

    private static String structured(String category, String properties) {
        return """
                {"time": "2026-03-01T09:57:40.5000000Z", "resourceId": "/SUBSCRIPTIONS/0B1C2D3E-4F50-6172-8394-A5B6C7D8E9F0/RESOURCEGROUPS/HUB-RG/PROVIDERS/MICROSOFT.NETWORK/AZUREFIREWALLS/HUB-FW",
                 "category": "%s", "operationName": "%s", "properties": %s}""".formatted(category, category, properties);
    }

    @Test
    void structuredLogsAreReadByTheirColumns() throws Exception {
        JsonNode net = json(structured("AZFWNetworkRule", """
                {"Protocol": "TCP", "SourceIp": "10.1.4.40", "SourcePort": 50999, "DestinationIp": "192.0.2.200", "DestinationPort": 22,
                 "Action": "Deny", "Policy": "hub-policy", "RuleCollectionGroup": "net-rcg", "RuleCollection": "block-ssh", "Rule": "deny-ssh", "ActionReason": ""}"""));
        assertProduct(net, "Azure Firewall");
        assertFlow(net, 5, "10.1.4.40", 50999, "192.0.2.200", 22);
        assertDenied(net);
        assertThat(net.at("/firewall_rule/name").asText()).isEqualTo("deny-ssh");
        assertThat(net.at("/policy/name").asText()).isEqualTo("hub-policy");
        assertThat(net.get("time").asLong()).isEqualTo(epochMillis("2026-03-01T09:57:40.5Z"));

        JsonNode app = json(structured("AZFWApplicationRule", """
                {"Protocol": "HTTPS", "SourceIp": "10.1.4.41", "SourcePort": 51000, "DestinationPort": 443, "Fqdn": "api.partner.example",
                 "TargetUrl": "", "Action": "Allow", "Policy": "hub-policy", "RuleCollectionGroup": "app-rcg", "RuleCollection": "partners",
                 "Rule": "allow-partner-api", "ActionReason": "", "IsTlsInspected": false, "WebCategory": "", "IsExplicitProxyRequest": false}"""));
        assertThat(app.get("class_uid").asInt()).isEqualTo(4002);
        assertAllowed(app);
        assertThat(app.at("/http_request/url/hostname").asText()).isEqualTo("api.partner.example");
        assertThat(app.at("/src_endpoint/ip").asText()).isEqualTo("10.1.4.41");

        // the Log Analytics table's row of a DNS proxy query (the columns at the top level)
        JsonNode dns = json("""
                {"TimeGenerated": "2026-03-01T09:57:41Z", "Type": "AZFWDnsQuery", "SourceIp": "10.1.4.42", "SourcePort": 61000,
                 "QueryId": 4242, "QueryType": "AAAA", "QueryClass": "IN", "QueryName": "portal.contoso.example.", "Protocol": "udp",
                 "RequestSize": 44, "DnssecOkBit": false, "EDNS0BufferSize": 512, "ResponseCode": "NOERROR", "ResponseFlags": "qr,rd,ra",
                 "ResponseSize": 120, "RequestDurationSecs": 0.002, "ErrorNumber": 0, "ErrorMessage": ""}""");
        assertThat(dns.get("class_uid").asInt()).isEqualTo(4003);
        assertThat(dns.at("/query/hostname").asText()).isEqualTo("portal.contoso.example.");
        assertThat(dns.at("/query/type").asText()).isEqualTo("AAAA");
        assertThat(dns.get("rcode_id").asInt()).isZero();
        assertThat(dns.at("/src_endpoint/ip").asText()).isEqualTo("10.1.4.42");

        JsonNode nat = json(structured("AZFWNatRule", """
                {"Protocol": "TCP", "SourceIp": "198.51.100.62", "SourcePort": 50413, "DestinationIp": "20.61.10.5", "DestinationPort": 443,
                 "TranslatedIp": "10.1.5.5", "TranslatedPort": 443, "Policy": "hub-policy", "RuleCollectionGroup": "dnat-rcg", "RuleCollection": "publish", "Rule": "web"}"""));
        assertFlow(nat, 1, "198.51.100.62", 50413, "20.61.10.5", 443);
        assertAllowed(nat);

        // a diagnostic setting's export file ({"records": [...]}) is read as its records, one event each
        String export = "{\"records\": ["
                + structured(
                        "AZFWNetworkRule",
                        "{\"Protocol\": \"UDP\", \"SourceIp\": \"10.1.4.44\","
                                + " \"SourcePort\": 5353, \"DestinationIp\": \"192.0.2.53\", \"DestinationPort\": 53, \"Action\": \"Allow\"}")
                + ", "
                + legacyExport(
                        "AzureFirewallNetworkRule",
                        "AzureFirewallNetworkRuleLog",
                        "TCP request from 10.1.4.45:40000 to 192.0.2.80:80. Action: Allow. Rule Collection: web. Rule: allow-http")
                + "]}";
        var records = new EventBatchParser().parse(export.replace('\n', ' ').getBytes(StandardCharsets.UTF_8));
        assertThat(records).hasSize(2);
        assertFlow(json(records.get(0).toJson()), 1, "10.1.4.44", 5353, "192.0.2.53", 53);
        assertFlow(json(records.get(1).toJson()), 1, "10.1.4.45", 40000, "192.0.2.80", 80);

        // records streamed through an event hub come without operationName: still read by their columns
        String withoutOperation = "\"operationName\": \"%s\", ";
        JsonNode threat =
                json(structured("AZFWThreatIntel", """
                        {"Protocol": "TCP", "SourceIp": "10.1.4.46", "SourcePort": 52011, "DestinationIp": "203.0.113.66",
                         "DestinationPort": 443, "Action": "Deny", "Fqdn": "", "Url": "", "IsTlsInspected": false,
                         "ThreatDescription": "Known botnet command and control"}""").replace(withoutOperation.formatted("AZFWThreatIntel"), ""));
        assertThat(threat.toString()).doesNotContain("operationName");
        assertProduct(threat, "Azure Firewall");
        assertFlow(threat, 5, "10.1.4.46", 52011, "203.0.113.66", 443);
        assertDenied(threat);
        assertThat(threat.get("is_alert").asBoolean()).isTrue();
        assertThat(threat.get("status_detail").asText()).isEqualTo("Known botnet command and control");
        JsonNode allowed =
                json(structured("AZFWNetworkRule", """
                        {"Protocol": "UDP", "SourceIp": "10.1.4.47", "SourcePort": 40123, "DestinationIp": "192.0.2.123",
                         "DestinationPort": 123, "Action": "Allow", "Policy": "hub-policy", "Rule": "allow-ntp", "ActionReason": ""}""").replace(withoutOperation.formatted("AZFWNetworkRule"), ""));
        assertFlow(allowed, 1, "10.1.4.47", 40123, "192.0.2.123", 123);
        assertAllowed(allowed);
        assertThat(allowed.at("/firewall_rule/name").asText()).isEqualTo("allow-ntp");
        assertBaseEventOf(
                json(structured("AZFWFatFlow", "{\"SourceIp\": \"10.1.4.43\", \"FlowRate\": 812.5}")
                        .replace(withoutOperation.formatted("AZFWFatFlow"), "")),
                "Azure Firewall");

        // a top flows record is the product's, not a decision on traffic
        assertBaseEventOf(
                json(structured("AZFWFatFlow", "{\"SourceIp\": \"10.1.4.43\", \"FlowRate\": 812.5}")),
                "Azure Firewall");
    }
}
